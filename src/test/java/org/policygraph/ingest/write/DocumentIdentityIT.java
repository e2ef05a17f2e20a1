package org.policygraph.ingest.write;

import org.policygraph.ingest.GraphFingerprint;
import org.policygraph.ingest.cli.IngestCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.corpus.CorpusGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One node per document whatever the order of ingestion: a generated corpus with
 * hand-written articles that cite the same documents undated, by year, by term and in
 * full (and one undated citation that fits two documents), ingested through transactions
 * in several random orders and once through the bulk importer, gives graphs with the same
 * fingerprint: nodes per label, relationships per type, every relationship between
 * entities with its counts and dates, every article's mentions and evidence, and each
 * document's keys.
 */
class DocumentIdentityIT {

	private static final int GENERATED = 240;

	/**
	 * Random orders loaded through transactions; each starts the application once, so the
	 * suite keeps three. {@code -Didentity.permutations=20} runs more.
	 */
	private static final int PERMUTATIONS = Integer.getInteger("identity.permutations", 3);

	private static final String BATCH = "--batch-size=4";

	private static final String DOCUMENT_KEYS = """
			MATCH (d:Document)
			RETURN d.key AS key, coalesce(d.mergedKeys, []) AS mergedKeys, coalesce(d.ambiguousWith, []) AS ambiguousWith
			ORDER BY key""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private PrintStream originalOut;

	@BeforeEach
	void captureOutput() {
		this.originalOut = System.out;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreOutput() {
		System.setOut(this.originalOut);
	}

	/** The generated corpus and the hand-written articles, one record a line. */
	private List<String> corpus() throws IOException {
		Path generated = this.dir.resolve("generated.ndjson");
		CorpusGenerator.create(21).write(GENERATED, generated);
		List<String> lines = new ArrayList<>(Files.readAllLines(generated, StandardCharsets.UTF_8));
		try (InputStream in = getClass().getResourceAsStream("/ingest/identity/articles.ndjson")) {
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(lines::add);
		}
		return lines;
	}

	private GraphFingerprintWithKeys load(String name, List<String> lines, String... options) throws IOException {
		Path input = this.dir.resolve(name + ".ndjson");
		Files.write(input, lines, StandardCharsets.UTF_8);
		Path data = this.dir.resolve(name);
		List<String> args = new ArrayList<>(List.of(input.toString(), BATCH));
		args.addAll(List.of(options));
		args.add("--policygraph.neo4j.embedded.data-directory=" + data);
		args.add("--policygraph.neo4j.embedded.bolt-port=0");
		int status = IngestCommand.run(args.toArray(String[]::new), PolicyGraphApplication.class);
		assertThat(status).as(name + ": " + this.out.toString(StandardCharsets.UTF_8)).isZero();
		return GraphFingerprint.withDatabase(data, driver -> {
			assertThat(GraphFingerprint.inconsistencies(driver)).as(name).isEmpty();
			return new GraphFingerprintWithKeys(GraphFingerprint.read(driver), documentKeys(driver));
		});
	}

	private static Map<String, String> documentKeys(Driver driver) {
		Map<String, String> keys = new TreeMap<>();
		try (var session = driver.session()) {
			session.run(DOCUMENT_KEYS)
				.forEachRemaining(
						r -> keys.put(r.get("key").asString(), "merged " + r.get("mergedKeys").asList(Value::asString)
								+ " ambiguous with " + r.get("ambiguousWith").asList(Value::asString)));
		}
		return keys;
	}

	@Test
	void shouldBuildOneGraphWhateverTheOrderAndWhicheverTheWriter() throws IOException {
		List<String> corpus = corpus();
		GraphFingerprintWithKeys expected = load("in-order", corpus);
		Random random = new Random(2026);
		for (int i = 1; i <= PERMUTATIONS; i++) {
			List<String> shuffled = new ArrayList<>(corpus);
			Collections.shuffle(shuffled, random);
			GraphFingerprintWithKeys actual = load("permutation-" + i, shuffled);
			assertThat(actual.differencesFrom(expected)).as("permutation " + i).isEmpty();
		}
		List<String> shuffled = new ArrayList<>(corpus);
		Collections.shuffle(shuffled, random);
		GraphFingerprintWithKeys bulk = load("bulk", shuffled, "--bulk");
		assertThat(bulk.differencesFrom(expected)).as("bulk").isEmpty();

		// The documents cited undated, by year and by term are the dated ones, with their
		// keys kept;
		// the undated 22-NQ/TW fits two documents and stays apart, saying which.
		assertThat(expected.documentKeys())
			.containsEntry("22-NQ/TW|TW|2008-02-02", "merged [22-NQ/TW|TW|2008, 22-NQ/TW|TW|kX] ambiguous with []")
			.containsEntry("22-NQ/TW|TW|2013-04-10", "merged [22-NQ/TW|TW|kXI] ambiguous with []")
			.containsEntry("22-NQ/TW|TW|?", "merged [] ambiguous with [22-NQ/TW|TW|2008-02-02, 22-NQ/TW|TW|2013-04-10]")
			.containsEntry("05-CT/TW|TW|2016-05-15", "merged [05-CT/TW|TW|2016, 05-CT/TW|TW|kXII] ambiguous with []")
			// The generated corpus cites the 05-CT/TW of 2006 too.
			.containsEntry("05-CT/TW|TW|?", "merged [] ambiguous with [05-CT/TW|TW|2006-11-18, 05-CT/TW|TW|2016-05-15]")
			.containsEntry("48-KH/TU|40|2008-04-28", "merged [48-KH/TU|40|?] ambiguous with []")
			.doesNotContainKeys("22-NQ/TW|TW|kX", "22-NQ/TW|TW|2008", "05-CT/TW|TW|kXII");
		assertThat(expected.fingerprint().relationships())
			.anyMatch(r -> r.startsWith("IMPLEMENTS 42 -> 22-NQ/TW|TW|2008-02-02 "))
			.anyMatch(r -> r.startsWith("IMPLEMENTS 40 -> 22-NQ/TW|TW|2008-02-02 {articleCount=1"))
			.anyMatch(r -> r.startsWith("IMPLEMENTS 31 -> 22-NQ/TW|TW|2013-04-10 "))
			.anyMatch(r -> r.startsWith("IMPLEMENTS 38 -> 22-NQ/TW|TW|? "));
	}

	/**
	 * A graph's fingerprint and each document's keys.
	 *
	 * @param fingerprint the graph's fingerprint
	 * @param documentKeys each document's key → the keys merged into it and, if kept
	 * apart, its candidates
	 */
	record GraphFingerprintWithKeys(GraphFingerprint fingerprint, Map<String, String> documentKeys) {

		List<String> differencesFrom(GraphFingerprintWithKeys expected) {
			List<String> differences = new ArrayList<>();
			GraphFingerprint a = this.fingerprint;
			GraphFingerprint e = expected.fingerprint;
			if (!a.labels().equals(e.labels())) {
				differences.add("nodes per label: " + a.labels() + ", expected " + e.labels());
			}
			if (!a.relationshipTypes().equals(e.relationshipTypes())) {
				differences
					.add("relationships per type: " + a.relationshipTypes() + ", expected " + e.relationshipTypes());
			}
			if (!a.relationships().equals(e.relationships())) {
				List<String> missing = new ArrayList<>(e.relationships());
				missing.removeAll(a.relationships());
				List<String> unexpected = new ArrayList<>(a.relationships());
				unexpected.removeAll(e.relationships());
				differences.add("relationships: missing " + missing + ", unexpected " + unexpected);
			}
			differences.addAll(a.articlesDifferingFrom(e));
			if (!a.articles().equals(e.articles())) {
				differences.add("articles' mentions or evidence differ by node");
			}
			if (!this.documentKeys.equals(expected.documentKeys)) {
				Map<String, String> unexpected = new TreeMap<>(this.documentKeys);
				unexpected.entrySet().removeAll(expected.documentKeys.entrySet());
				Map<String, String> missing = new TreeMap<>(expected.documentKeys);
				missing.entrySet().removeAll(this.documentKeys.entrySet());
				differences.add("document keys: missing " + missing + ", unexpected " + unexpected);
			}
			return differences;
		}

	}

}
