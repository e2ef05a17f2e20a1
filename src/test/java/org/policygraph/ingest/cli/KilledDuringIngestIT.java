package org.policygraph.ingest.cli;

import org.policygraph.ingest.FaultCorpus;
import org.policygraph.ingest.GraphFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.Neo4jException;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.neo4j.EmbeddedNeo4jPassword;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application is killed (SIGKILL on Linux: no shutdown hook, no clean shutdown of the
 * embedded database) in the middle of an {@code ingest} run. The command runs in its own
 * JVM, started from the test's class path; it is killed once some batches are in the
 * database, watched over the embedded database's Bolt port (a free port the command picks
 * and logs; the configured one is left to a server) with the password the database keeps
 * in its directory. The next start of the database recovers the store from its
 * transaction log; the graph then holds whole batches only and is consistent; running the
 * same command again completes the ingest and gives exactly the graph of one clean
 * ingest.
 */
class KilledDuringIngestIT {

	/** The embedded database's start, as the command logs it. */
	private static final Pattern BOLT_LOGGED = Pattern.compile("Embedded Neo4j started .*Bolt at (bolt://\\S+)");

	/** Batches in the database before the process is killed. */
	private static final int BATCHES_BEFORE_KILL = 8;

	@TempDir
	Path dir;

	@Test
	void shouldRecoverAndCompleteOnARerunWhenTheIngestProcessIsKilled() throws Exception {
		FaultCorpus corpus = FaultCorpus.get();
		GraphFingerprint reference = corpus.reference();
		Path data = this.dir.resolve("data");
		Path log = this.dir.resolve("ingest.log");
		int configuredPort = freePort();
		Process ingest = new ProcessBuilder(ingestCommand(corpus.file(), data, configuredPort))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			long seen = awaitArticles(ingest, log, data, BATCHES_BEFORE_KILL * FaultCorpus.BATCH_SIZE);
			assertThat(seen).as("articles seen in the database of the running command; its output:%n%s", output(log))
				.isGreaterThanOrEqualTo(BATCHES_BEFORE_KILL * FaultCorpus.BATCH_SIZE);
			assertThat(ingest.isAlive())
				.as("still ingesting when killed (%d articles seen); its output:%n%s", seen, output(log))
				.isTrue();
			ingest.destroyForcibly();
			assertThat(ingest.waitFor(60, TimeUnit.SECONDS)).as("killed").isTrue();
		}
		finally {
			ingest.destroyForcibly();
		}
		assertThat(output(log)).as("the run was killed before it finished").doesNotContain("Ingested ");

		long held = GraphFingerprint.withDatabase(data, driver -> {
			GraphFingerprint partial = GraphFingerprint.read(driver);
			int n = partial.articles().size();
			assertThat(n).as("articles held")
				.isBetween(BATCHES_BEFORE_KILL * FaultCorpus.BATCH_SIZE, FaultCorpus.ARTICLES - 1);
			assertThat(n % FaultCorpus.BATCH_SIZE).as("articles held (%d) in whole batches", n).isZero();
			assertThat(partial.articles().keySet()).as("the first articles of the input")
				.containsExactlyInAnyOrderElementsOf(corpus.urls().subList(0, n));
			assertThat(partial.articlesDifferingFrom(reference)).isEmpty();
			assertThat(GraphFingerprint.inconsistencies(driver)).isEmpty();
			return (long) n;
		});
		assertThat(recoveryLog(data)).as("the database recovered from its transaction log")
			.contains("Recovery completed");

		ByteArrayOutputStream summary = new ByteArrayOutputStream();
		int status = rerun(summary, corpus.file().toString(), "--batch-size=" + FaultCorpus.BATCH_SIZE,
				"--policygraph.neo4j.embedded.data-directory=" + data, "--policygraph.neo4j.embedded.bolt-port=0",
				"--policygraph.neo4j.embedded.page-cache=64MB");

		assertThat(status).as("exit status of the re-run; its summary:%n%s", summary).isZero();
		assertThat(summary.toString(StandardCharsets.UTF_8))
			.contains(String.format(Locale.ROOT, "articles new         %,d", FaultCorpus.ARTICLES - held))
			.contains(String.format(Locale.ROOT, "articles unchanged   %,d", held))
			.contains("rejected             0");
		GraphFingerprint.withDatabase(data, driver -> {
			assertThat(GraphFingerprint.inconsistencies(driver)).isEmpty();
			assertThat(GraphFingerprint.read(driver).differencesFrom(reference)).isEmpty();
			return null;
		});
	}

	/**
	 * The {@code ingest} command in a new JVM: this JVM's {@code java}, class path and
	 * {@code --add-opens} flags (Neo4j needs them), a small heap.
	 */
	private static List<String> ingestCommand(Path corpus, Path data, int port) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter(arg -> arg.startsWith("--add-opens"))
			.forEach(command::add);
		// Without empty entries: one would put the working directory, and its
		// cypher/migrations, on it.
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.isEmpty())
			.collect(Collectors.joining(File.pathSeparator));
		command.addAll(List.of("-Xmx512m", "-cp", classPath, PolicyGraphApplication.class.getName(), "ingest",
				corpus.toString(), "--batch-size=" + FaultCorpus.BATCH_SIZE,
				"--policygraph.neo4j.embedded.data-directory=" + data, "--policygraph.neo4j.embedded.bolt-port=" + port,
				"--policygraph.neo4j.embedded.page-cache=64MB"));
		return command;
	}

	/**
	 * Waits until the database of the running process holds at least {@code articles}
	 * articles (or the process ends, or ten minutes pass: a bound for a hung run on a
	 * busy machine).
	 * @return the last count seen
	 */
	private static long awaitArticles(Process process, Path log, Path data, long articles)
			throws InterruptedException, IOException {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		long seen = -1;
		String bolt = null;
		while (bolt == null && process.isAlive() && System.nanoTime() < deadline) {
			Matcher started = BOLT_LOGGED.matcher(output(log));
			if (started.find()) {
				bolt = started.group(1);
			}
			else {
				Thread.sleep(50);
			}
		}
		if (bolt == null) {
			return seen;
		}
		try (Driver driver = GraphDatabase.driver(bolt,
				AuthTokens.basic(EmbeddedNeo4jPassword.USER, EmbeddedNeo4jPassword.read(data)),
				Config.builder().withConnectionTimeout(1, TimeUnit.SECONDS).build())) {
			while (process.isAlive() && seen < articles && System.nanoTime() < deadline) {
				try (var session = driver.session()) {
					seen = session.run("MATCH (a:Article) RETURN count(a) AS n").single().get("n").asLong();
				}
				catch (Neo4jException ex) {
					// Not listening yet.
				}
				if (seen < articles) {
					Thread.sleep(50);
				}
			}
		}
		return seen;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Runs the {@code ingest} command in this JVM, as {@code main} would, with its output
	 * captured.
	 */
	private static int rerun(ByteArrayOutputStream out, String... args) {
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			return IngestCommand.run(args, PolicyGraphApplication.class);
		}
		finally {
			System.setOut(original);
		}
	}

	private static String output(Path log) throws IOException {
		return Files.readString(log, StandardCharsets.UTF_8);
	}

	/** Neo4j's own log of the embedded database. */
	private static String recoveryLog(Path data) throws IOException {
		Path debug = data.resolve("logs").resolve("debug.log");
		return Files.exists(debug) ? Files.readString(debug, StandardCharsets.UTF_8) : "";
	}

}
