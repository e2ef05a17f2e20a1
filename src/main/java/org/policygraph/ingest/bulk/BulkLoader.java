package org.policygraph.ingest.bulk;

import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.write.GraphArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.policygraph.ingest.write.ArticleWriter.BatchResult;
import org.policygraph.ingest.write.ArticleWriter.Counts;
import org.policygraph.cache.GraphChanged;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.neo4j.EmbeddedNeo4j;
import org.policygraph.neo4j.GraphInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * The initial load of a large corpus into an empty embedded database: the same pipeline
 * and rules as {@link IngestService}, but the graph goes into CSV files
 * ({@link BulkGraph}) that Neo4j's bulk importer turns into a new store, which then
 * replaces the empty one. Many times faster than transactions for hundreds of thousands
 * of articles; later ingests are transactional as usual.
 * <p>
 * All or nothing: the import writes a separate staging store and only a complete one
 * replaces the database; if anything fails (or the process is killed) before that, the
 * database is as it was. The store swap itself is two directory renames.
 */
@Service
public class BulkLoader {

	private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);

	/** The store the importer writes before it replaces the database's. */
	static final String STAGING_DATABASE = "bulkload";

	/**
	 * Off-heap memory the importer may use (its default is most of the machine's free
	 * memory).
	 */
	static final String IMPORT_MEMORY = "512M";

	private static final String COUNT_CONTENT = """
			CALL () {
			  MATCH (n)
			  WHERE NOT n:Entity AND NOT n:__Migration AND NOT n:__ReferenceData
			  RETURN count(n) AS other
			}
			RETURN other, COUNT { (:Article) } AS articles""";

	private static final String EXISTING_ENTITIES = """
			MATCH (n:Entity)
			RETURN labels(n) AS labels, properties(n) AS properties""";

	private static final String EXISTING_RELATIONSHIPS = """
			MATCH (a:Entity)-[r]->(b:Entity)
			RETURN type(r) AS type, a.key AS fromKey, b.key AS toKey, properties(r) AS properties""";

	private static final String AWAIT_INDEXES = "CALL db.awaitIndexes(3600)";

	private final IngestService ingest;

	private final Driver driver;

	private final ObjectProvider<EmbeddedNeo4j> embedded;

	private final GraphInitializer initializer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	BulkLoader(IngestService ingest, Driver driver, ObjectProvider<EmbeddedNeo4j> embedded,
			GraphInitializer initializer, Clock clock, ApplicationEventPublisher events) {
		this.ingest = ingest;
		this.events = events;
		this.driver = driver;
		this.embedded = embedded;
		this.initializer = initializer;
		this.clock = clock;
	}

	/**
	 * Loads files and directories.
	 * @param paths the inputs
	 * @param options how (a dry run is not a load)
	 * @param listener follows the reading and extraction
	 * @param status gets a line at the start and end of each later phase
	 * @return the report
	 * @throws BulkLoadException when the database is not an empty embedded one, or the
	 * import fails (the database is then as it was)
	 */
	public IngestReport load(List<Path> paths, IngestOptions options, IngestListener listener,
			Consumer<String> status) {
		return load(this.ingest.source(paths, options, listener), options, listener, status);
	}

	/**
	 * Loads one stream.
	 * @param sourceName the name used in locations
	 * @param in the content
	 * @param options how
	 * @param listener follows the reading and extraction
	 * @param status gets a line at the start and end of each later phase
	 * @return the report
	 */
	public IngestReport load(String sourceName, InputStream in, IngestOptions options, IngestListener listener,
			Consumer<String> status) {
		return load(this.ingest.source(sourceName, in, options), options, listener, status);
	}

	private IngestReport load(Consumer<Consumer<ReadResult>> source, IngestOptions options, IngestListener listener,
			Consumer<String> status) {
		if (options.dryRun()) {
			throw new BulkLoadException("a bulk load cannot be a dry run: use --dry-run without --bulk");
		}
		EmbeddedNeo4j database = this.embedded.getIfAvailable();
		if (database == null) {
			throw new BulkLoadException("a bulk load builds the embedded database's store; this application uses an "
					+ "external Neo4j. Ingest without --bulk, or import into that server with neo4j-admin.");
		}
		checkEmpty();
		BulkLoadHints.forBulkLoad().forEach(status);
		long started = System.nanoTime();
		Phase phase = new Phase();
		Path work = database.home().resolve("bulk-load");
		deleteRecursively(work);
		try {
			Files.createDirectories(work);
			ZonedDateTime now = ZonedDateTime.now(this.clock)
				.withZoneSameInstant(ZoneOffset.UTC)
				.truncatedTo(ChronoUnit.MILLIS);
			IngestReport report;
			BulkGraph graph = new BulkGraph(work, now);
			try (graph) {
				addExisting(graph);
				report = this.ingest.run(source, options, listener, graph);
				if (report.failure() != null) {
					return report;
				}
				graph.finish();
			}
			phase.end("read, extract and write CSV files");
			status.accept(String.format("Importing %,d nodes and %,d relationships ...", graph.nodes(),
					graph.relationships()));
			long importStarted = System.nanoTime();
			database.whileStopped(home -> {
				phase.end("stop the database");
				importStore(home, work, graph.filesWithLineBreaks(), phase);
			});
			phase.end("start the database");
			// The caches are emptied and the old store's bookmarks forgotten (the cache
			// package).
			this.events.publishEvent(GraphChanged.storeReplaced());
			status.accept("Imported in " + seconds(importStarted) + "; creating indexes ...");
			long indexStarted = System.nanoTime();
			this.initializer.reinitializeAfterImport();
			phase.end("migrations and initialization steps");
			awaitIndexes();
			phase.end("remaining index population");
			status.accept("Indexes online in " + seconds(indexStarted));
			Counts deferred = applyDeferred(graph.deferred(), options.batchSize());
			if (!graph.deferred().isEmpty()) {
				// written after the store was replaced: the caches hear of it too
				this.events.publishEvent(GraphChanged.written());
			}
			phase.end("apply " + graph.deferred().size() + " deferred records");
			return withCounts(report, deferred, Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deleteRecursively(work);
		}
	}

	private void checkEmpty() {
		Record counts = this.driver.executableQuery(COUNT_CONTENT).withConfig(readConfig()).execute().records().get(0);
		long articles = counts.get("articles").asLong();
		long other = counts.get("other").asLong();
		if (articles > 0) {
			throw new BulkLoadException(String.format(
					"the database already holds %,d articles; a bulk load only fills an "
							+ "empty database. Ingest without --bulk to add to it (unchanged articles are skipped).",
					articles));
		}
		if (other > 0) {
			throw new BulkLoadException(String.format(
					"the database holds %,d nodes that are not reference data; a bulk load only fills an empty database",
					other));
		}
	}

	private void addExisting(BulkGraph graph) {
		for (Record r : this.driver.executableQuery(EXISTING_ENTITIES).withConfig(readConfig()).execute().records()) {
			graph.addExisting(r.get("labels").asList(v -> v.asString()), r.get("properties").asMap());
		}
		for (Record r : this.driver.executableQuery(EXISTING_RELATIONSHIPS)
			.withConfig(readConfig())
			.execute()
			.records()) {
			graph.addExisting(r.get("type").asString(), r.get("fromKey").asString(), r.get("toKey").asString(),
					r.get("properties").asMap());
		}
	}

	/**
	 * Runs the importer into the staging store, then swaps it in. Runs while the database
	 * is stopped.
	 */
	private void importStore(Path home, Path work, List<Path> multiline, Phase phase) {
		Path databases = home.resolve("data").resolve("databases");
		Path transactions = home.resolve("data").resolve("transactions");
		String name = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
		deleteRecursively(databases.resolve(STAGING_DATABASE));
		deleteRecursively(transactions.resolve(STAGING_DATABASE));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit;
		try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), out, out,
					new DefaultFileSystemAbstraction());
			exit = new CommandLine(new StoreImportCommand(context)).execute(importArguments(work, multiline));
		}
		phase.end("import");
		String report = output.toString(StandardCharsets.UTF_8);
		log.debug("Bulk importer output:\n{}", report);
		if (exit != 0) {
			deleteRecursively(databases.resolve(STAGING_DATABASE));
			deleteRecursively(transactions.resolve(STAGING_DATABASE));
			throw new BulkLoadException("the bulk import failed (status " + exit + "); the database is unchanged. "
					+ "Importer output: " + tail(report, 2_000));
		}
		try {
			deleteRecursively(databases.resolve(name));
			deleteRecursively(transactions.resolve(name));
			Files.move(databases.resolve(STAGING_DATABASE), databases.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			Files.move(transactions.resolve(STAGING_DATABASE), transactions.resolve(name),
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not move the imported store into place", ex);
		}
		phase.end("swap the store");
	}

	/**
	 * The importer's arguments. Files are parsed in parallel chunks, except those in
	 * which a field spans lines (article text): these are parsed as streams, named in the
	 * format {@code v2} of {@code --multiline-fields} (the format {@code v1},
	 * {@code --multiline-fields=true}, parses every file as a stream: about 5 % slower at
	 * 100,000 articles).
	 * @param work the directory of the files
	 * @param multilineFiles the files in which a field spans lines
	 * @return the arguments of {@code neo4j-admin database import full}
	 */
	static String[] importArguments(Path work, List<Path> multilineFiles) {
		List<String> multiline = multilineFiles.isEmpty() ? List.of() : List.of("--multiline-fields-format=v2",
				"--multiline-fields=" + String.join(",", multilineFiles.stream().map(Path::toString).toList()));
		List<String> args = new ArrayList<>(List.of(STAGING_DATABASE, "--overwrite-destination=true",
				"--id-type=actual", "--array-delimiter=U+" + String.format("%04X", (int) ImportCsv.ARRAY_DELIMITER),
				"--max-off-heap-memory=" + IMPORT_MEMORY, "--report-file=" + work.resolve("import.report"),
				"--nodes=Article=" + work.resolve(BulkGraph.ARTICLES),
				"--nodes=Evidence=" + work.resolve(BulkGraph.EVIDENCE), "--nodes=" + work.resolve(BulkGraph.ENTITIES),
				"--relationships=MENTIONS=" + work.resolve(BulkGraph.MENTIONS),
				"--relationships=ASSERTS=" + work.resolve(BulkGraph.ASSERTS),
				"--relationships=" + work.resolve(BulkGraph.ENTITY_RELATIONSHIPS)));
		args.addAll(multiline);
		return args.toArray(String[]::new);
	}

	private void awaitIndexes() {
		this.driver.executableQuery(AWAIT_INDEXES).withConfig(readConfig()).execute();
	}

	/**
	 * Applies the records that changed an already loaded article, in order,
	 * transactionally.
	 */
	private Counts applyDeferred(List<GraphArticle> deferred, int batchSize) {
		Counts counts = new Counts();
		for (int from = 0; from < deferred.size(); from += batchSize) {
			List<GraphArticle> batch = deferred.subList(from, Math.min(deferred.size(), from + batchSize));
			// One record per article and batch: a later version of the same article goes
			// in a later batch.
			List<GraphArticle> unique = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (GraphArticle article : batch) {
				if (ids.contains(article.article().id())) {
					counts.add(write(unique));
					unique.clear();
					ids.clear();
				}
				unique.add(article);
				ids.add(article.article().id());
			}
			counts.add(write(unique));
		}
		return counts;
	}

	private Counts write(List<GraphArticle> batch) {
		if (batch.isEmpty()) {
			return new Counts();
		}
		BatchResult result = this.ingest.writer().write(List.copyOf(batch));
		return result.counts();
	}

	private static IngestReport withCounts(IngestReport report, Counts more, Duration elapsed) {
		return new IngestReport(report.newArticles(), report.changedArticles(), report.unchangedArticles(),
				report.duplicateArticles(), report.checkedArticles(), report.rejected(), report.failed(),
				report.notProcessed(), report.nodesCreated() + more.nodesCreated,
				report.nodesDeleted() + more.nodesDeleted, report.relationshipsCreated() + more.relationshipsCreated,
				report.relationshipsDeleted() + more.relationshipsDeleted, elapsed, report.problems(),
				report.failure());
	}

	/**
	 * Reads without bookmarks: the store is replaced during a load, so a bookmark of the
	 * old store would name a transaction the new one never had.
	 */
	private static QueryConfig readConfig() {
		return QueryConfig.builder().withRouting(RoutingControl.READ).withBookmarkManager(null).build();
	}

	private static String seconds(long startedNanos) {
		return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
	}

	/**
	 * Logs the wall and CPU time of each phase of a load (CPU: the whole process, all
	 * threads).
	 */
	private static final class Phase {

		private long wall = System.nanoTime();

		private long cpu = processCpuNanos();

		void end(String name) {
			long nowWall = System.nanoTime();
			long nowCpu = processCpuNanos();
			log.info("Bulk load phase '{}': {} ms wall, {} ms CPU", name, (nowWall - this.wall) / 1_000_000,
					(nowCpu < 0) ? "?" : String.valueOf((nowCpu - this.cpu) / 1_000_000));
			this.wall = nowWall;
			this.cpu = nowCpu;
		}

		private static long processCpuNanos() {
			if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
				return os.getProcessCpuTime();
			}
			return -1;
		}

	}

	private static String tail(String text, int max) {
		return text.length() <= max ? text : "…" + text.substring(text.length() - max);
	}

	private static void deleteRecursively(Path path) {
		try {
			FileSystemUtils.deleteRecursively(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + path, ex);
		}
	}

}
