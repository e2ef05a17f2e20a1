package org.policygraph.neo4j;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.policygraph.PolicyGraphApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external Neo4j that is down when the application starts: the application starts
 * anyway, health says DOWN, a query gets a clear "database unavailable" error (not a 500
 * with a stack trace), and everything works once the database is there, without a
 * restart. The start does not wait for the driver's retries: the connection is checked
 * once and initialization goes on in the background.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableIT {

	private final HttpClient http = HttpClient.newHttpClient();

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> query(int port, String query) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void shouldStartWithoutTheDatabaseAndRecoverWhenItArrives(CapturedOutput output) throws Exception {
		int boltPort = freePort();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PolicyGraphApplication.class).run(
				"--server.port=0", "--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort,
				"--spring.neo4j.connection-timeout=2s", "--policygraph.init.retry-interval=1s",
				"--spring.main.banner-mode=off")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			// Neither the start nor the background attempts retried a transaction against
			// a database that is not there.
			assertThat(output.getOut()).contains("Neo4j is unavailable")
				.doesNotContain("Transaction failed and will be retried");

			HttpResponse<String> health = get(port, "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			// Anonymous callers see the status alone (the details are the editor's).
			assertThat(health.body()).contains("DOWN").doesNotContain("bolt://");
			HttpResponse<String> unavailable = query(port, "{ about { articleCount } }");
			assertThat(unavailable.statusCode()).isEqualTo(200);
			assertThat(unavailable.body()).contains("DATABASE_UNAVAILABLE")
				.contains("The database is unavailable")
				.doesNotContain("Exception")
				.doesNotContain("at org.");

			Neo4j neo4j = Neo4jBuilders.newInProcessBuilder()
				.withDisabledServer()
				.withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
				.withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
				.build();
			try {
				GraphInitializer initializer = app.getBean(GraphInitializer.class);
				long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
				while (!initializer.isInitialized() && System.nanoTime() < deadline) {
					Thread.sleep(250);
				}
				assertThat(initializer.isInitialized()).as("initialized after the database arrived").isTrue();
				assertThat(output.getOut()).doesNotContain("Transaction failed and will be retried");
				assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
				assertThat(query(port, "{ about { articleCount provinceCount } }").body())
					.contains("\"articleCount\":7")
					.contains("\"provinceCount\":86");
			}
			finally {
				neo4j.close();
			}
		}
	}

}
