package org.policygraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.Driver;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.corpus.CorpusGenerator;
import org.policygraph.corpus.GeneratedArticle;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The input of the fault tests: a generated corpus (seed 42) written once per test JVM,
 * and the graph one clean ingest of it into a fresh embedded database gives, to compare
 * the graphs left by interrupted and resumed runs with.
 */
public final class FaultCorpus {

	/** Articles in the corpus. */
	public static final int ARTICLES = 1_000;

	/**
	 * Articles per batch: small, so that a run has many batches to be interrupted
	 * between.
	 */
	public static final int BATCH_SIZE = 25;

	private static final long SEED = 42;

	private static FaultCorpus instance;

	private final Path file;

	private final List<String> urls;

	private GraphFingerprint reference;

	private FaultCorpus(Path file, List<String> urls) {
		this.file = file;
		this.urls = urls;
	}

	/**
	 * @return the corpus, generated on first call
	 */
	public static synchronized FaultCorpus get() {
		if (instance == null) {
			try {
				Path dir = Files.createTempDirectory("policy-graph-faults");
				Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "fault-corpus-cleanup"));
				Path file = dir.resolve("corpus.ndjson");
				CorpusGenerator generator = CorpusGenerator.create(SEED);
				generator.write(ARTICLES, file);
				List<String> urls = new ArrayList<>(ARTICLES);
				generator.articles(ARTICLES).map(GeneratedArticle::url).forEach(urls::add);
				instance = new FaultCorpus(file, List.copyOf(urls));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	/**
	 * @return the NDJSON file
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * @return the article URLs (their ids in the graph) in file order
	 */
	public List<String> urls() {
		return this.urls;
	}

	/**
	 * @return the ingest options every run of the fault tests uses
	 */
	public static IngestOptions options() {
		return new IngestOptions(null, false, BATCH_SIZE);
	}

	/**
	 * @return the graph of one clean ingest of the corpus into a fresh database, made on
	 * first call
	 */
	public synchronized GraphFingerprint reference() {
		if (this.reference == null) {
			Path data = this.file.resolveSibling("reference-data");
			try (ConfigurableApplicationContext app = embeddedApplication(data)) {
				IngestReport report = app.getBean(IngestService.class)
					.ingest(List.of(this.file), options(), IngestListener.NONE);
				if (!report.clean() || report.newArticles() != ARTICLES) {
					throw new IllegalStateException("The reference ingest did not complete: " + report);
				}
				Driver driver = app.getBean(Driver.class);
				if (!GraphFingerprint.inconsistencies(driver).isEmpty()) {
					throw new IllegalStateException(
							"The reference graph is inconsistent: " + GraphFingerprint.inconsistencies(driver));
				}
				this.reference = GraphFingerprint.read(driver);
			}
			deleteQuietly(data);
		}
		return this.reference;
	}

	/**
	 * Starts the application without its web server on an embedded database in a
	 * directory (a free Bolt port, a small page cache, no sample).
	 * @param dataDirectory the database directory
	 * @return the running application
	 */
	public static ConfigurableApplicationContext embeddedApplication(Path dataDirectory) {
		return new SpringApplicationBuilder(PolicyGraphApplication.class).web(WebApplicationType.NONE)
			.run("--policygraph.neo4j.embedded.data-directory=" + dataDirectory,
					"--policygraph.neo4j.embedded.bolt-port=0", "--policygraph.neo4j.embedded.page-cache=64MB",
					"--policygraph.sample.enabled=false", "--spring.main.banner-mode=off");
	}

	private static void deleteQuietly(Path dir) {
		try {
			FileSystemUtils.deleteRecursively(dir);
		}
		catch (IOException ex) {
			// A temporary directory: the operating system removes it eventually.
		}
	}

}
