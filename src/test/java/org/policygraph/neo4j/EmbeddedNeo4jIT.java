package org.policygraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.policygraph.PolicyGraphApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default mode: the application starts its own Neo4j in a data directory, loads the
 * sample on the first start, keeps everything across a restart without duplicating
 * anything, and a second instance on the same directory, or a Bolt port another process
 * holds, fails with a clear message.
 */
class EmbeddedNeo4jIT {

	@TempDir
	Path dataDirectory;

	private ConfigurableApplicationContext start() {
		return start(0);
	}

	private ConfigurableApplicationContext start(int boltPort) {
		return new SpringApplicationBuilder(PolicyGraphApplication.class).web(WebApplicationType.NONE)
			.run("--policygraph.neo4j.embedded.data-directory=" + this.dataDirectory,
					"--policygraph.neo4j.embedded.bolt-port=" + boltPort,
					"--policygraph.neo4j.embedded.page-cache=32MB", "--spring.main.banner-mode=off");
	}

	private static long count(ConfigurableApplicationContext context, String cypher) {
		try (var session = context.getBean(Driver.class).session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

	@Test
	void shouldKeepTheGraphAcrossARestartWithoutDuplicates() {
		long articles;
		long nodes;
		long relationships;
		try (ConfigurableApplicationContext first = start()) {
			assertThat(first.getBean(EmbeddedNeo4j.class).boltUri().getHost()).isEqualTo("127.0.0.1");
			articles = count(first, "MATCH (a:Article) RETURN count(a)");
			nodes = count(first, "MATCH (n) RETURN count(n)");
			relationships = count(first, "MATCH ()-[r]->() RETURN count(r)");
			try (var session = first.getBean(Driver.class).session()) {
				session.run("CREATE (:Marker {name: 'survives restarts'})").consume();
			}
		}
		assertThat(articles).isEqualTo(7);

		try (ConfigurableApplicationContext second = start()) {
			assertThat(count(second, "MATCH (a:Article) RETURN count(a)")).isEqualTo(7);
			assertThat(count(second, "MATCH (m:Marker) RETURN count(m)")).isEqualTo(1);
			assertThat(count(second, "MATCH (n) WHERE NOT n:Marker RETURN count(n)")).isEqualTo(nodes);
			assertThat(count(second, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
			assertThat(count(second, "MATCH (m:__Migration) RETURN count(m)")).isEqualTo(migrationFiles());
		}
	}

	@Test
	void shouldRefuseASecondInstanceOnTheSameDataDirectory() {
		try (ConfigurableApplicationContext first = start()) {
			assertThatThrownBy(this::start).hasRootCauseInstanceOf(Exception.class).satisfies(ex -> {
				EmbeddedNeo4jStartException cause = findCause(ex);
				assertThat(cause.isLocked()).isTrue();
				assertThat(cause.getMessage()).contains("locked by another running instance")
					.contains(this.dataDirectory.toString());
			});
			assertThat(count(first, "MATCH (a:Article) RETURN count(a)")).isEqualTo(7);
		}
	}

	@Test
	void shouldNameThePortPropertyWhenTheBoltPortIsTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			assertThatThrownBy(() -> start(port)).satisfies(ex -> {
				EmbeddedNeo4jStartException cause = findCause(ex);
				assertThat(cause.getReason()).isEqualTo(EmbeddedNeo4jStartException.Reason.BOLT_PORT_IN_USE);
				FailureAnalysis analysis = new EmbeddedNeo4jFailureAnalyzer().analyze(ex);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("127.0.0.1:" + port).contains("already in use");
				assertThat(analysis.getAction()).contains("--policygraph.neo4j.embedded.bolt-port=")
					.doesNotContain("writable");
			});
		}
	}

	@Test
	void shouldAcceptOnlyThePasswordOfTheFileInTheInProcessLoginCheck(@TempDir Path other) throws IOException {
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(true, this.dataDirectory,
				"127.0.0.1", 0, DataSize.ofMegabytes(32), DataSize.ofBytes(0)))) {
			assertThat(
					EmbeddedNeo4j.logsIn(database.database(), EmbeddedNeo4jPassword.readOrCreate(this.dataDirectory)))
				.isTrue();
			Files.writeString(other.resolve(EmbeddedNeo4jPassword.FILE_NAME), "not-the-password\n");
			assertThat(EmbeddedNeo4j.logsIn(database.database(), EmbeddedNeo4jPassword.readOrCreate(other))).isFalse();
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

	private static long migrationFiles() {
		try (var files = Files.list(Path.of("cypher", "migrations"))) {
			return files.filter(f -> f.getFileName().toString().endsWith(".cypher")).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
