package org.policygraph.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.neo4j.EmbeddedNeo4j;
import org.policygraph.neo4j.EmbeddedNeo4jPassword;
import org.policygraph.neo4j.EmbeddedNeo4jProperties;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops in the middle of an ingest. The application talks over Bolt to a
 * Neo4j the test starts on a fixed port, so that the test can stop it and start it again
 * on the same store. After some batches the database is stopped, either while the next
 * batch is being written or before it starts (the next write and the reading of the next
 * batch's known articles then both meet the stopped database). The run ends on its own
 * once the driver's retries give up (after {@value #RETRY_TIME}: the driver still retries
 * at least once, its first back-off being about a second;
 * {@code spring.neo4j.max-transaction-retry-time}), with a report that accounts for every
 * record and says how to complete the run; the database holds whole batches only;
 * re-running the same input, without restarting the application, gives exactly the graph
 * of one clean ingest: no duplicate, no orphan, the same counts.
 */
class DatabaseStoppedDuringIngestIT {

	/**
	 * How long the driver retries a transaction that meets the stopped database. Every
	 * failing read or write waits this long (plus one back-off) before the run gives up:
	 * short, so that the test does not wait for retries that cannot succeed.
	 */
	private static final String RETRY_TIME = "1s";

	/** Batches written before the database is stopped. */
	private static final int BATCHES_BEFORE_STOP = 5;

	@TempDir
	Path dir;

	@Test
	void shouldFailTheBatchCleanlyAndCompleteOnARerunWhenTheDatabaseStopsDuringAWrite() throws Exception {
		stopDuringIngestAndRerun(false);
	}

	@Test
	void shouldStopCleanlyAndCompleteOnARerunWhenTheDatabaseIsGoneBeforeTheNextBatch() throws Exception {
		stopDuringIngestAndRerun(true);
	}

	/**
	 * Ingests the corpus, stops the database after {@value #BATCHES_BEFORE_STOP} batches,
	 * checks the report and the graph, starts the database again and re-runs the ingest.
	 * @param betweenBatches stop the database before the next batch starts, rather than
	 * while it is being written
	 */
	private void stopDuringIngestAndRerun(boolean betweenBatches) throws Exception {
		FaultCorpus corpus = FaultCorpus.get();
		GraphFingerprint reference = corpus.reference();
		Path data = this.dir.resolve("data");
		int port = freePort();
		StopAfterBatches stopper = new StopAfterBatches(start(data, port), betweenBatches);
		EmbeddedNeo4j restarted = null;
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PolicyGraphApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.neo4j.uri=bolt://127.0.0.1:" + port,
					"--spring.neo4j.authentication.username=" + EmbeddedNeo4jPassword.USER,
					"--spring.neo4j.authentication.password=" + EmbeddedNeo4jPassword.read(data),
					"--spring.neo4j.connection-timeout=2s", "--spring.neo4j.max-transaction-retry-time=" + RETRY_TIME,
					"--policygraph.sample.enabled=false", "--spring.main.banner-mode=off")) {
			IngestService ingest = app.getBean(IngestService.class);
			Future<IngestReport> run = executor
				.submit(() -> ingest.ingest(List.of(corpus.file()), FaultCorpus.options(), stopper));
			assertThat(stopper.stopped.await(180, TimeUnit.SECONDS)).as("database stopped during the run").isTrue();

			// Bounded: a run that hangs on the lost database fails here with a
			// TimeoutException.
			IngestReport report = run.get(120, TimeUnit.SECONDS);
			assertThat(report.clean()).isFalse();
			assertThat(report.failure()).contains("the run stopped").contains("Re-run the same input");
			assertThat(report.newArticles()).isGreaterThanOrEqualTo(BATCHES_BEFORE_STOP * FaultCorpus.BATCH_SIZE)
				.isLessThan(FaultCorpus.ARTICLES);
			assertThat(report.records()).as("every record reported").isEqualTo(FaultCorpus.ARTICLES);
			assertThat(report.failed()).isEqualTo(FaultCorpus.ARTICLES - report.newArticles());
			assertThat(report.problems()).allSatisfy(problem -> assertThat(problem.reason()).startsWith("not "));

			restarted = start(data, port);
			long written = wholeBatchesOnly(port, data, corpus, reference);
			// A batch the database committed while it shut down may have been reported
			// failed.
			assertThat(written).isBetween(report.newArticles(), report.newArticles() + FaultCorpus.BATCH_SIZE);

			IngestReport rerun = ingest.ingest(List.of(corpus.file()), FaultCorpus.options(), IngestListener.NONE);

			assertThat(rerun.clean()).as("re-run: %s", rerun).isTrue();
			assertThat(rerun.unchangedArticles()).isEqualTo(written);
			assertThat(rerun.newArticles()).isEqualTo(FaultCorpus.ARTICLES - written);
			try (Driver driver = driver(port, data)) {
				assertThat(GraphFingerprint.inconsistencies(driver)).isEmpty();
				assertThat(GraphFingerprint.read(driver).differencesFrom(reference)).isEmpty();
			}
		}
		finally {
			executor.shutdownNow();
			stopper.stopOrAwait();
			if (restarted != null) {
				restarted.close();
			}
		}
	}

	/**
	 * Stops the database once {@value #BATCHES_BEFORE_STOP} batches are written: from the
	 * writing thread before it takes the next batch (so that the next write and the
	 * reading of the next batch's known articles both meet a stopped database), or from
	 * another thread while the run goes on (so that a write is under way when the
	 * database goes).
	 */
	private static final class StopAfterBatches implements IngestListener {

		private final AtomicLong batches = new AtomicLong();

		private final AtomicBoolean stopping = new AtomicBoolean();

		private final CountDownLatch stopped = new CountDownLatch(1);

		private final EmbeddedNeo4j database;

		private final boolean betweenBatches;

		StopAfterBatches(EmbeddedNeo4j database, boolean betweenBatches) {
			this.database = database;
			this.betweenBatches = betweenBatches;
		}

		@Override
		public void onBatch(long recordsSoFar) {
			if (this.batches.incrementAndGet() == BATCHES_BEFORE_STOP) {
				if (this.betweenBatches) {
					stop();
				}
				else {
					new Thread(this::stop, "stop-database").start();
				}
			}
		}

		private void stop() {
			if (this.stopping.compareAndSet(false, true)) {
				try {
					this.database.close();
				}
				finally {
					this.stopped.countDown();
				}
			}
		}

		void stopOrAwait() throws InterruptedException {
			stop();
			this.stopped.await(60, TimeUnit.SECONDS);
		}

	}

	/**
	 * Checks that the graph holds the first articles of the corpus in whole batches, each
	 * as a complete ingest holds it, and nothing inconsistent.
	 * @return how many articles it holds
	 */
	private static long wholeBatchesOnly(int port, Path data, FaultCorpus corpus, GraphFingerprint reference) {
		try (Driver driver = driver(port, data)) {
			GraphFingerprint partial = GraphFingerprint.read(driver);
			int held = partial.articles().size();
			assertThat(held).as("articles held").isPositive().isLessThan(FaultCorpus.ARTICLES);
			assertThat(held % FaultCorpus.BATCH_SIZE).as("articles held (%d) in whole batches", held).isZero();
			assertThat(partial.articles().keySet()).as("the first articles of the input")
				.containsExactlyInAnyOrderElementsOf(corpus.urls().subList(0, held));
			assertThat(partial.articlesDifferingFrom(reference)).isEmpty();
			assertThat(GraphFingerprint.inconsistencies(driver)).isEmpty();
			return held;
		}
	}

	private static EmbeddedNeo4j start(Path data, int port) {
		return EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(true, data, "127.0.0.1", port, DataSize.ofMegabytes(64),
				DataSize.ofBytes(0)));
	}

	private static Driver driver(int port, Path data) {
		return GraphDatabase.driver("bolt://127.0.0.1:" + port,
				AuthTokens.basic(EmbeddedNeo4jPassword.USER, EmbeddedNeo4jPassword.read(data)));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
