package org.policygraph.ingest;

import org.policygraph.ingest.write.ArticleWriter;
import org.policygraph.ingest.write.GraphArticle;
import org.policygraph.ingest.write.GraphWriter;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.policygraph.cache.GraphChanged;
import org.policygraph.extraction.ArticleInput;
import org.policygraph.extraction.Extraction;
import org.policygraph.extraction.Extractor;
import org.policygraph.ingest.ArticleOutcome.Status;
import org.policygraph.ingest.write.ArticleWriter.BatchResult;
import org.policygraph.ingest.write.ArticleWriter.Counts;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.ingest.read.Readers;
import org.policygraph.neo4j.GraphBookmarks;
import org.policygraph.neo4j.GraphInitializationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one ingestion pipeline behind every entry point: read → extract → write in batches.
 * <p>
 * Records stream through: a rejected record is reported with its location and reason and
 * the rest go on. Accepted articles are collected into batches; each batch is extracted
 * in parallel and then written in one transaction while the next batch is being
 * extracted. A batch that cannot be written is rolled back whole and the run stops there;
 * re-running the same input completes it, since writing is idempotent.
 * <p>
 * Every transaction of the run has a timeout
 * ({@link IngestProperties#transactionTimeout()}). A run with a time limit (an
 * {@code ingestArticles} request) also stops between batches when its time is up, and its
 * transactions' timeouts are cut to the time left: what was written is reported per
 * article, the rest {@link Status#NOT_PROCESSED}, and sending the same input again
 * completes it.
 */
@Service
public class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	/**
	 * Neo4j's status codes for a transaction ended by its timeout, or terminated and its
	 * locks released.
	 */
	private static final Pattern TIMEOUT_CODE = Pattern.compile(
			"Neo\\.(ClientError|TransientError)\\.Transaction\\.(TransactionTimedOut\\w*|Terminated|LockClientStopped)");

	/** How many rejected or failed records a report lists in full. */
	static final int MAX_LISTED_PROBLEMS = 1_000;

	/**
	 * Part of every content hash: a change of the extraction rules makes articles count
	 * as changed ({@link RulesVersion}: a digest of the rule files).
	 */
	static final String RULES_VERSION = RulesVersion.current();

	private final GraphWriter writer;

	private final Extractor extractor;

	private final Readers readers;

	private final ApplicationEventPublisher events;

	private final Duration transactionTimeout;

	IngestService(Driver driver, Extractor extractor, Readers readers, GraphInitializationProperties properties,
			ApplicationEventPublisher events, GraphBookmarks bookmarks, IngestProperties ingestProperties) {
		this.transactionTimeout = ingestProperties.transactionTimeout();
		String db = properties.database();
		// The writer's transactions join the instance's bookmarks: reads after an ingest
		// see it,
		// and the ingestArticles payload can hand the bookmarks to the client.
		SessionConfig.Builder session = SessionConfig.builder().withBookmarkManager(bookmarks.forDriverSessions());
		this.writer = new GraphWriter(driver, db.isBlank() ? session.build() : session.withDatabase(db).build());
		this.extractor = extractor;
		this.readers = readers;
		this.events = events;
	}

	/**
	 * Ingests files and directories (recursively, in path order).
	 * @param paths the inputs
	 * @param options how
	 * @param listener follows the run
	 * @return the report
	 */
	public IngestReport ingest(List<Path> paths, IngestOptions options, IngestListener listener) {
		return run(source(paths, options, listener), options, listener, this.writer);
	}

	public Consumer<Consumer<ReadResult>> source(List<Path> paths, IngestOptions options, IngestListener listener) {
		return sink -> paths.forEach(path -> this.readers.read(path, options.format(), sink, listener::onBytes));
	}

	public Consumer<Consumer<ReadResult>> source(String sourceName, InputStream in, IngestOptions options) {
		return sink -> this.readers.read(sourceName, in, options.format(), sink);
	}

	/**
	 * @return the transactional writer
	 */
	public ArticleWriter writer() {
		return this.writer;
	}

	/**
	 * Ingests one stream, e.g. standard input or an uploaded file.
	 * @param sourceName the name used in locations
	 * @param in the content
	 * @param options how
	 * @param listener follows the run
	 * @return the report
	 */
	public IngestReport ingest(String sourceName, InputStream in, IngestOptions options, IngestListener listener) {
		return run(source(sourceName, in, options), options, listener, this.writer);
	}

	/**
	 * Ingests records that were read and validated elsewhere (the GraphQL mutation).
	 * @param records the records, each accepted or rejected
	 * @param options how
	 * @param listener follows the run
	 * @return the report
	 */
	public IngestReport ingestRecords(List<ReadResult> records, IngestOptions options, IngestListener listener) {
		return run(sink -> records.forEach(sink), options, listener, this.writer);
	}

	/**
	 * Ingests records that were read and validated elsewhere, within a time limit: no
	 * batch is begun once the time is up, and each transaction may take at most the time
	 * left. What was not written then is reported {@link Status#NOT_PROCESSED}.
	 * @param records the records, each accepted or rejected
	 * @param options how
	 * @param listener follows the run
	 * @param timeLeft the time the run has left (zero or less: stop), asked before each
	 * batch
	 * @return the report
	 */
	public IngestReport ingestRecords(List<ReadResult> records, IngestOptions options, IngestListener listener,
			Supplier<Duration> timeLeft) {
		return run(sink -> records.forEach(sink), options, listener, this.writer, timeLeft);
	}

	/**
	 * Extracts one article without writing anything.
	 * @param input the article
	 * @return what would be written
	 */
	public Extraction extract(ArticleInput input) {
		return this.extractor.extract(input);
	}

	/**
	 * Extracts one article without writing anything, unless told to stop first.
	 * @param input the article
	 * @param stop asked between sentences
	 * @return what would be written
	 */
	public Extraction extract(ArticleInput input, BooleanSupplier stop) {
		return this.extractor.extract(input, stop);
	}

	/**
	 * Runs the pipeline into a writer.
	 * @param source feeds the read records to its argument
	 * @param options how
	 * @param listener follows the run
	 * @param writer where extracted articles go
	 * @return the report
	 */
	public IngestReport run(Consumer<Consumer<ReadResult>> source, IngestOptions options, IngestListener listener,
			ArticleWriter writer) {
		return run(source, options, listener, writer, null);
	}

	private IngestReport run(Consumer<Consumer<ReadResult>> source, IngestOptions options, IngestListener listener,
			ArticleWriter writer, @Nullable Supplier<Duration> timeLeft) {
		long started = System.nanoTime();
		try (Run run = new Run(options, listener, writer, timeLeft)) {
			source.accept(run::accept);
			run.finish();
			return run.report(Duration.ofNanos(System.nanoTime() - started));
		}
	}

	private final class Run implements AutoCloseable {

		private final IngestOptions options;

		private final IngestListener listener;

		private final ExecutorService writeExecutor = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "ingest-writer");
			t.setDaemon(true);
			return t;
		});

		private final List<Item> buffer = new ArrayList<>();

		private final Counts counts = new Counts();

		private final List<ArticleOutcome> problems = new ArrayList<>();

		private final long[] byStatus = new long[Status.values().length];

		private @Nullable Future<?> pendingWrite;

		private @Nullable String failure;

		private long processed;

		/** Records received so far: the next one's index. */
		private long received;

		private final ArticleWriter writer;

		private final @Nullable Supplier<Duration> timeLeft;

		/** Set once the run's time was up: nothing more is written. */
		private volatile boolean outOfTime;

		Run(IngestOptions options, IngestListener listener, ArticleWriter writer,
				@Nullable Supplier<Duration> timeLeft) {
			this.options = options;
			this.listener = listener;
			this.writer = writer;
			this.timeLeft = timeLeft;
		}

		/**
		 * Whether the database ended the transaction for its timeout (or terminated it,
		 * releasing its locks, for that reason): only then is a batch near the deadline
		 * "not processed" rather than failed. Spring's translated exceptions keep the
		 * driver's as their cause.
		 */
		private static boolean cutOffByTimeout(Throwable ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof Neo4jException neo4j && neo4j.code() != null
						&& TIMEOUT_CODE.matcher(neo4j.code()).matches()) {
					return true;
				}
			}
			return false;
		}

		private boolean timeIsUp() {
			if (!this.outOfTime && this.timeLeft != null) {
				Duration left = this.timeLeft.get();
				if (left.isZero() || left.isNegative()) {
					this.outOfTime = true;
				}
			}
			return this.outOfTime;
		}

		/**
		 * The next transaction's timeout: the configured one, or the time left when
		 * shorter.
		 */
		private Duration transactionTimeout() {
			Duration timeout = IngestService.this.transactionTimeout;
			if (this.timeLeft != null) {
				Duration left = this.timeLeft.get();
				if (left.compareTo(timeout) < 0) {
					// The driver refuses a timeout of zero (none): one millisecond ends
					// it at once.
					timeout = Duration.ofMillis(Math.max(1, left.toMillis()));
				}
			}
			return timeout;
		}

		private void notProcessed(String location, long record, @Nullable String articleId) {
			outcome(new ArticleOutcome(location, record, articleId, Status.NOT_PROCESSED,
					"not processed: the request's time was up before this article's batch was written; send it again"
							+ " to complete the work (ingestion is idempotent)"));
		}

		void accept(ReadResult result) {
			long record = this.received++;
			if (this.failure != null) {
				outcome(new ArticleOutcome(result.location(), record, null, Status.FAILED,
						"not attempted: the run stopped after a failed batch"));
				return;
			}
			if (!result.ok()) {
				outcome(new ArticleOutcome(result.rejection().location(), record, null, Status.REJECTED,
						result.rejection().reason()));
				return;
			}
			if (this.outOfTime) {
				notProcessed(result.article().location(), record, ExtractionMapper.articleId(result.article()));
				return;
			}
			this.buffer.add(new Item(record, result.article()));
			if (this.buffer.size() >= this.options.batchSize()) {
				flush();
			}
		}

		void finish() {
			if (this.failure == null && !this.buffer.isEmpty()) {
				flush();
			}
			awaitPendingWrite();
			// Records read into a batch that the failure kept from being written are
			// reported too.
			for (Item raw : this.buffer) {
				if (this.failure == null && this.outOfTime) {
					notProcessed(raw.location(), raw.index(), ExtractionMapper.articleId(raw.raw()));
				}
				else {
					outcome(new ArticleOutcome(raw.location(), raw.index(), ExtractionMapper.articleId(raw.raw()),
							Status.FAILED, "not attempted: the run stopped after a failed batch"));
				}
			}
			this.buffer.clear();
		}

		private void flush() {
			List<Item> read = List.copyOf(this.buffer);
			this.buffer.clear();
			if (!this.options.dryRun() && timeIsUp()) {
				read.forEach(raw -> notProcessed(raw.location(), raw.index(), ExtractionMapper.articleId(raw.raw())));
				return;
			}
			List<Item> batch;
			try {
				batch = skipUnchanged(read);
			}
			catch (RuntimeException ex) {
				stopBeforeWriting(read, ex);
				return;
			}
			if (batch.isEmpty()) {
				this.listener.onBatch(this.processed);
				return;
			}
			List<Extracted> extracted = batch.parallelStream().map(this::extractOne).toList();
			List<GraphArticle> graphArticles = new ArrayList<>(extracted.size());
			List<Item> accepted = new ArrayList<>(extracted.size());
			for (Extracted e : extracted) {
				if (e.error() != null) {
					outcome(new ArticleOutcome(e.raw().location(), e.raw().index(), null, Status.REJECTED, e.error()));
				}
				else {
					graphArticles.add(e.article());
					accepted.add(e.raw());
				}
			}
			if (this.options.dryRun()) {
				// As a real run reports them (see write): a later occurrence of an
				// article in the same
				// batch is a duplicate, not a second article.
				Set<String> seen = new HashSet<>();
				for (int i = 0; i < accepted.size(); i++) {
					String id = graphArticles.get(i).article().id();
					outcome(new ArticleOutcome(accepted.get(i).location(), accepted.get(i).index(), id,
							seen.add(id) ? Status.CHECKED : Status.DUPLICATE, null));
				}
				this.listener.onBatch(this.processed);
				return;
			}
			awaitPendingWrite();
			if (this.failure != null) {
				failAll(accepted, graphArticles);
				return;
			}
			if (timeIsUp()) {
				for (int i = 0; i < accepted.size(); i++) {
					notProcessed(accepted.get(i).location(), accepted.get(i).index(),
							graphArticles.get(i).article().id());
				}
				return;
			}
			this.pendingWrite = this.writeExecutor.submit(() -> write(accepted, graphArticles));
		}

		/**
		 * Reports articles already in the graph with the same content (and rules) as
		 * unchanged, without extracting them: a re-run of the same input costs one read
		 * per batch.
		 */
		private List<Item> skipUnchanged(List<Item> batch) {
			if (this.options.dryRun()) {
				return batch;
			}
			List<String> ids = batch.stream().map(item -> ExtractionMapper.articleId(item.raw())).distinct().toList();
			Map<String, String> known = this.writer.contentHashes(ids, transactionTimeout());
			if (known.isEmpty()) {
				return batch;
			}
			List<Item> rest = new ArrayList<>(batch.size());
			Set<String> skipped = new HashSet<>();
			for (Item raw : batch) {
				String id = ExtractionMapper.articleId(raw.raw());
				if (ExtractionMapper.contentHash(raw.raw(), RULES_VERSION).equals(known.get(id))) {
					outcome(new ArticleOutcome(raw.location(), raw.index(), id,
							skipped.add(id) ? Status.UNCHANGED : Status.DUPLICATE, null));
				}
				else {
					rest.add(raw);
				}
			}
			return rest;
		}

		private Extracted extractOne(Item item) {
			RawArticle raw = item.raw();
			try {
				Extraction extraction = IngestService.this.extractor
					.extract(new ArticleInput(raw.title(), raw.text(), raw.url(), raw.publishedAt(), raw.source()));
				return new Extracted(item, ExtractionMapper.map(raw, extraction, RULES_VERSION), null);
			}
			catch (RuntimeException ex) {
				log.warn("Extraction failed for {}", raw.location(), ex);
				return new Extracted(item, null, "extraction failed: " + ex.getMessage());
			}
		}

		private void write(List<Item> raws, List<GraphArticle> articles) {
			BatchResult result;
			try {
				result = this.writer.write(articles, transactionTimeout());
			}
			catch (RuntimeException ex) {
				if (timeIsUp() && cutOffByTimeout(ex)) {
					// The transaction was cut at the run's deadline and rolled back: not
					// a failure of
					// the database, the time was up.
					log.info("A batch of {} articles was rolled back: the request's time was up ({})", articles.size(),
							ex.getMessage());
					for (int i = 0; i < raws.size(); i++) {
						notProcessed(raws.get(i).location(), raws.get(i).index(), articles.get(i).article().id());
					}
					return;
				}
				log.error("A batch of {} articles could not be written; it was rolled back", articles.size(), ex);
				synchronized (this) {
					this.failure = "the database write failed (" + ex.getMessage()
							+ "); the batch was rolled back and the run stopped. Re-run the same input to complete it: "
							+ "ingestion is idempotent.";
				}
				failAll(raws, articles);
				return;
			}
			Map<String, ArticleWriter.Outcome> outcomes = result.outcomes();
			Set<String> seen = new HashSet<>();
			List<String> ingested = new ArrayList<>();
			for (int i = 0; i < articles.size(); i++) {
				String id = articles.get(i).article().id();
				Status status;
				if (!seen.add(id)) {
					status = Status.DUPLICATE;
				}
				else {
					status = Status.valueOf(outcomes.get(id).name());
					if (status == Status.NEW || status == Status.CHANGED) {
						ingested.add(id);
					}
				}
				outcome(new ArticleOutcome(raws.get(i).location(), raws.get(i).index(), id, status, null));
			}
			synchronized (this) {
				this.counts.add(result.counts());
			}
			if (!ingested.isEmpty()) {
				// The caches first (GraphChanged), then those who tell clients of the new
				// articles.
				IngestService.this.events.publishEvent(GraphChanged.written());
				IngestService.this.events.publishEvent(new ArticlesIngestedEvent(ingested));
			}
			if (!result.newImplementations().isEmpty()) {
				IngestService.this.events.publishEvent(new ImplementationsAddedEvent(result.newImplementations()));
			}
			this.listener.onBatch(this.processed);
		}

		/**
		 * The database could not be read before a batch (its known articles): the run
		 * stops as after a failed write, with a report, rather than ending with the
		 * driver's exception.
		 */
		private void stopBeforeWriting(List<Item> raws, RuntimeException ex) {
			if (timeIsUp() && cutOffByTimeout(ex)) {
				awaitPendingWrite();
				raws.forEach(raw -> notProcessed(raw.location(), raw.index(), ExtractionMapper.articleId(raw.raw())));
				return;
			}
			log.error("The database could not be read before writing a batch of {} articles", raws.size(), ex);
			awaitPendingWrite();
			synchronized (this) {
				if (this.failure == null) {
					this.failure = "the database could not be read (" + ex.getMessage()
							+ "); the run stopped before writing the next batch. Re-run the same input to complete it: "
							+ "ingestion is idempotent.";
				}
			}
			for (Item raw : raws) {
				outcome(new ArticleOutcome(raw.location(), raw.index(), ExtractionMapper.articleId(raw.raw()),
						Status.FAILED, "not written: the database could not be read"));
			}
		}

		private void failAll(List<Item> raws, List<GraphArticle> articles) {
			for (int i = 0; i < raws.size(); i++) {
				outcome(new ArticleOutcome(raws.get(i).location(), raws.get(i).index(), articles.get(i).article().id(),
						Status.FAILED, "not written: the batch's transaction failed"));
			}
		}

		private synchronized void outcome(ArticleOutcome outcome) {
			this.byStatus[outcome.status().ordinal()]++;
			this.processed++;
			if ((outcome.status() == Status.REJECTED || outcome.status() == Status.FAILED)
					&& this.problems.size() < MAX_LISTED_PROBLEMS) {
				this.problems.add(outcome);
			}
			this.listener.onOutcome(outcome);
		}

		private void awaitPendingWrite() {
			if (this.pendingWrite != null) {
				try {
					this.pendingWrite.get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while writing", ex);
				}
				catch (ExecutionException ex) {
					throw new IllegalStateException("Writing failed unexpectedly", ex.getCause());
				}
				this.pendingWrite = null;
			}
		}

		synchronized IngestReport report(Duration elapsed) {
			return new IngestReport(count(Status.NEW), count(Status.CHANGED), count(Status.UNCHANGED),
					count(Status.DUPLICATE), count(Status.CHECKED), count(Status.REJECTED), count(Status.FAILED),
					count(Status.NOT_PROCESSED), this.counts.nodesCreated, this.counts.nodesDeleted,
					this.counts.relationshipsCreated, this.counts.relationshipsDeleted, elapsed,
					List.copyOf(this.problems), this.failure);
		}

		private long count(Status status) {
			return this.byStatus[status.ordinal()];
		}

		@Override
		public void close() {
			this.writeExecutor.shutdownNow();
		}

	}

	private record Extracted(Item raw, @Nullable GraphArticle article, @Nullable String error) {
	}

	/**
	 * An accepted record waiting for its batch.
	 *
	 * @param index the record's place in the run's input, from 0
	 * @param raw the article
	 */
	private record Item(long index, RawArticle raw) {

		String location() {
			return this.raw.location();
		}

	}

}
