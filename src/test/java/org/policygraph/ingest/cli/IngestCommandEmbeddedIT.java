package org.policygraph.ingest.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.PolicyGraphApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ingest} command on its own embedded database: it does not need the
 * configured Bolt port (a server or a Neo4j Desktop may hold it), and when a server runs
 * on the same data directory it says so and how to go on, instead of blaming the disk.
 */
class IngestCommandEmbeddedIT {

	private static final String ARTICLE = """
			{"url": "https://test.example/ingest-command-embedded-it/1", "title": "Lào Cai thực hiện Nghị quyết số 931-NQ/TW", "text": "Tỉnh ủy Lào Cai thực hiện Nghị quyết số 931-NQ/TW ngày 1-6-2020 của Bộ Chính trị.", "publishedAt": "2020-07-01"}
			""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private PrintStream originalOut;

	private PrintStream originalErr;

	@BeforeEach
	void captureOutput() {
		this.originalOut = System.out;
		this.originalErr = System.err;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreOutput() {
		System.setOut(this.originalOut);
		System.setErr(this.originalErr);
	}

	private int ingest(Path data, int boltPort) throws IOException {
		Path file = Files.writeString(this.dir.resolve("articles.ndjson"), ARTICLE);
		return IngestCommand.run(new String[] { file.toString(), "--policygraph.neo4j.embedded.data-directory=" + data,
				"--policygraph.neo4j.embedded.bolt-port=" + boltPort, "--policygraph.neo4j.embedded.page-cache=32MB" },
				PolicyGraphApplication.class);
	}

	@Test
	void shouldIngestWhileAnotherProcessListensOnTheConfiguredBoltPort() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int status = ingest(this.dir.resolve("data"), taken.getLocalPort());

			assertThat(status).as("exit status; stderr:%n%s", this.err.toString(StandardCharsets.UTF_8)).isZero();
			assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("articles new         1");
		}
	}

	@Test
	void shouldSayTheServerHoldsTheStoreLockAndHowToGoOn() throws IOException {
		Path data = this.dir.resolve("data");
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(PolicyGraphApplication.class)
			.web(WebApplicationType.NONE)
			.run("--policygraph.neo4j.embedded.data-directory=" + data, "--policygraph.neo4j.embedded.bolt-port=0",
					"--policygraph.neo4j.embedded.page-cache=32MB", "--policygraph.sample.enabled=false",
					"--spring.main.banner-mode=off")) {
			int status = ingest(data, 0);

			String message = this.err.toString(StandardCharsets.UTF_8);
			assertThat(status).isEqualTo(1);
			assertThat(message).contains("ingest: the data directory " + data.toAbsolutePath().normalize())
				.contains("is in use by a running policy-graph server")
				.contains("store lock is held")
				.contains("ingestArticles")
				.contains(
						"NEO4J_PASSWORD=\"$(cat " + data.toAbsolutePath().normalize().resolve("neo4j-password") + ")\"")
				.contains("stop the server")
				.doesNotContain("writable")
				.doesNotContain("free space");
		}
	}

}
