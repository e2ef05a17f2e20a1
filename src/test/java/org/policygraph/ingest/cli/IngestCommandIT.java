package org.policygraph.ingest.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.support.InProcessNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ingest} command line against the in-process Neo4j: summary, exit status,
 * idempotence across runs, dry run and usage errors.
 */
class IngestCommandIT {

	private static final String PREFIX = "https://test.example/ingest-command-it/";

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
	void restoreOutputAndCleanUp() {
		System.setOut(this.originalOut);
		System.setErr(this.originalErr);
		try (Driver driver = InProcessNeo4j.driver(); var session = driver.session()) {
			session.run("""
					MATCH (a:Article) WHERE a.url STARTS WITH $prefix
					OPTIONAL MATCH (a)-[:ASSERTS]->(e:Evidence)
					DETACH DELETE a, e""", java.util.Map.of("prefix", PREFIX)).consume();
		}
	}

	private int run(String... args) {
		String[] all = new String[args.length + 1];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--spring.neo4j.uri=" + InProcessNeo4j.boltUri();
		return IngestCommand.run(all, PolicyGraphApplication.class);
	}

	private Path input() throws IOException {
		Path file = this.dir.resolve("articles.ndjson");
		Files.writeString(file,
				"""
						{"url": "%1$s1", "title": "Lào Cai thực hiện Nghị quyết số 931-NQ/TW", "text": "Tỉnh ủy Lào Cai thực hiện Nghị quyết số 931-NQ/TW ngày 1-6-2020 của Bộ Chính trị.", "publishedAt": "2020-07-01"}
						{"url": "%1$s2", "title": ""}
						"""
					.formatted(PREFIX));
		return file;
	}

	@Test
	void shouldPrintASummaryAndExitOneWhenARecordIsRejected() throws IOException {
		Path file = input();

		int status = run(file.toString());

		String summary = this.out.toString(StandardCharsets.UTF_8);
		assertThat(status).isEqualTo(1);
		assertThat(summary).contains("articles new         1")
			.contains("rejected             1")
			.contains("articles.ndjson:2");
	}

	@Test
	void shouldReportEverythingUnchangedOnASecondRun() throws IOException {
		Path file = input();
		run(file.toString());
		this.out.reset();

		run(file.toString());

		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("articles new         0")
			.contains("articles unchanged   1")
			.contains("nodes          +0  -0")
			.contains("relationships  +0  -0");
	}

	@Test
	void shouldWriteNothingOnADryRun() throws IOException {
		Path file = input();

		run(file.toString(), "--dry-run");

		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("nothing written: dry run");
		try (Driver driver = InProcessNeo4j.driver(); var session = driver.session()) {
			assertThat(session
				.run("MATCH (a:Article) WHERE a.url STARTS WITH $p RETURN count(a)", java.util.Map.of("p", PREFIX))
				.single()
				.get(0)
				.asLong()).isZero();
		}
	}

	@Test
	void shouldExitTwoOnAUsageError() {
		assertThat(IngestCommand.run(new String[] { "--format=pdf", "x" }, PolicyGraphApplication.class)).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("unknown format 'pdf'");
		assertThat(IngestCommand.run(new String[0], PolicyGraphApplication.class)).isEqualTo(2);
		assertThat(IngestCommand.run(new String[] { this.dir.resolve("missing.json").toString() },
				PolicyGraphApplication.class))
			.isEqualTo(2);
	}

}
