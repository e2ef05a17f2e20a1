package org.policygraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.policygraph.PolicyGraphApplication;
import org.policygraph.corpus.CorpusGenerator;
import org.policygraph.ingest.cli.IngestCommand;

/**
 * A graph of the size a user meets: {@value #ARTICLES} generated articles plus the
 * bundled sample listing, loaded once per test JVM with the {@code ingest --bulk} command
 * into a data directory of the embedded database, which the browser tests' application
 * then opens as a user's {@code java -jar} would.
 */
final class RealSizeGraph {

	/** Generated articles in the graph, besides the sample listing's. */
	static final int ARTICLES = 2_000;

	private static final long SEED = 18;

	private static Path dataDirectory;

	private RealSizeGraph() {
	}

	/**
	 * @return the data directory holding the loaded graph, loaded on first call
	 */
	static synchronized Path dataDirectory() {
		if (dataDirectory == null) {
			dataDirectory = load();
		}
		return dataDirectory;
	}

	private static Path load() {
		try {
			Path dir = Files.createTempDirectory("policy-graph-real-size");
			Path corpus = dir.resolve("corpus.ndjson");
			CorpusGenerator.create(SEED).write(ARTICLES, corpus);
			Path sample = dir.resolve("sample-listing.txt");
			try (InputStream in = RealSizeGraph.class.getResourceAsStream("/sample/listing.txt")) {
				Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
			}
			Path data = dir.resolve("data");
			int status = IngestCommand.run(new String[] { corpus.toString(), sample.toString(), "--bulk",
					"--policygraph.neo4j.embedded.data-directory=" + data, "--policygraph.neo4j.embedded.bolt-port=0",
					"--policygraph.neo4j.embedded.page-cache=64MB" }, PolicyGraphApplication.class);
			if (status != 0) {
				throw new IllegalStateException("ingest --bulk of the generated corpus exited with " + status);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "real-size-graph-cleanup"));
			return data;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) {
		try (var paths = Files.walk(dir)) {
			List<Path> all = paths.sorted(java.util.Comparator.reverseOrder()).toList();
			for (Path path : all) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// A temporary directory: left for the system to clean.
		}
	}

}
