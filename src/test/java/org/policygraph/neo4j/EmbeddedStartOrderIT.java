package org.policygraph.neo4j;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.policygraph.PolicyGraphApplication;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order of a start with the embedded database: the beans that need no database (the
 * GraphQL schema, security, the driver itself) are created while the database starts, not
 * after it; the graph is initialized before the context is ready; and the migrations are
 * checked once per start.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStartOrderIT {

	private static final Pattern SCHEMA_CURRENT = Pattern.compile("Schema is current");

	@TempDir
	Path dataDirectory;

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private SpringApplicationBuilder application(List<String> created) {
		BeanPostProcessor recorder = new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof GraphQlSource) {
					created.add("GraphQlSource");
				}
				else if (bean instanceof SecurityFilterChain) {
					created.add("SecurityFilterChain");
				}
				else if (bean instanceof Driver) {
					created.add("Driver");
				}
				return bean;
			}

		};
		return new SpringApplicationBuilder(PolicyGraphApplication.class)
			.initializers(context -> context.getBeanFactory().addBeanPostProcessor(recorder));
	}

	private String[] arguments(int boltPort) {
		return new String[] { "--policygraph.neo4j.embedded.data-directory=" + this.dataDirectory,
				"--policygraph.neo4j.embedded.bolt-port=" + boltPort, "--policygraph.neo4j.embedded.page-cache=32MB",
				"--policygraph.dashboard.warm-up=false", "--server.port=0", "--spring.main.banner-mode=off" };
	}

	@Test
	void shouldCreateTheBeansThatNeedNoDatabaseWithoutWaitingForItsStart() throws IOException {
		List<String> created = new CopyOnWriteArrayList<>();
		// The data directory is held by another database: this start fails, and it fails
		// only where the database is first needed, the graph's initialization, after
		// every bean exists. A start in which a bean waited for the database would have
		// failed in that bean, before the GraphQL schema was built.
		try (EmbeddedNeo4j holder = EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(true, this.dataDirectory,
				"127.0.0.1", 0, DataSize.ofMegabytes(32), DataSize.ofBytes(0)))) {
			String[] arguments = arguments(freePort());
			assertThatThrownBy(() -> application(created).run(arguments).close()).satisfies(ex -> {
				EmbeddedNeo4jStartException cause = findCause(ex);
				assertThat(cause.isLocked()).isTrue();
			});
		}
		assertThat(created).contains("Driver", "GraphQlSource", "SecurityFilterChain");
	}

	@Test
	void shouldCheckTheMigrationsOncePerStartAndInitializeTheGraphBeforeTheContextIsReady(CapturedOutput output)
			throws IOException {
		List<String> created = new CopyOnWriteArrayList<>();
		int boltPort = freePort();
		try (ConfigurableApplicationContext first = application(created).web(WebApplicationType.NONE)
			.run(arguments(boltPort))) {
			assertThat(first.getBean(GraphInitializer.class).isInitialized()).isTrue();
			assertThat(count(first, "MATCH (a:Article) RETURN count(a)")).isEqualTo(7);
		}
		// The first start applied every migration, on the database's start thread, and
		// did not check them again.
		assertThat(occurrences(output.getOut())).isZero();

		int restartFrom = output.getOut().length();
		try (ConfigurableApplicationContext restart = application(created).web(WebApplicationType.NONE)
			.run(arguments(boltPort))) {
			assertThat(restart.getBean(GraphInitializer.class).isInitialized()).isTrue();
			assertThat(restart.getBean(EmbeddedNeo4j.class).boltUri().getPort()).isEqualTo(boltPort);
			assertThat(count(restart, "MATCH (a:Article) RETURN count(a)")).isEqualTo(7);
		}
		assertThat(occurrences(output.getOut().substring(restartFrom))).isOne();
	}

	private static int occurrences(String text) {
		Matcher matcher = SCHEMA_CURRENT.matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static long count(ConfigurableApplicationContext context, String cypher) {
		try (var session = context.getBean(Driver.class).session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

	private static EmbeddedNeo4jStartException findCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof EmbeddedNeo4jStartException start) {
				return start;
			}
		}
		throw new AssertionError("no EmbeddedNeo4jStartException in " + ex);
	}

}
