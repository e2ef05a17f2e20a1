package org.policygraph.ingest.bulk;

import org.policygraph.ingest.cli.IngestCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.corpus.CorpusGenerator;
import org.policygraph.ingest.GraphFingerprint;
import org.policygraph.support.InProcessNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ingest --bulk}: the same input loaded through the bulk importer and through
 * transactions gives the same graph, node for node and property for property (time stamps
 * aside), including rejected records, identical and changed duplicates and citations that
 * resolve across batches; a bulk load refuses a database that is not empty, an external
 * database and a dry run, and leaves them as they were.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkLoadIT {

	private static final int ARTICLES = 1_200;

	private static final String BATCH = "--batch-size=300";

	@TempDir
	static Path dir;

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

	private int ingest(Path data, String[] args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--policygraph.neo4j.embedded.data-directory=" + data);
		all.add("--policygraph.neo4j.embedded.bolt-port=0");
		return IngestCommand.run(all.toArray(String[]::new), PolicyGraphApplication.class);
	}

	/**
	 * A generated corpus, then three more files read after it: an identical copy of its
	 * first record, a changed copy of its second (same URL, other text) and a record
	 * without title; the first record changed; the first record as it was (a duplicate
	 * within the batch).
	 */
	private static List<Path> inputs() throws IOException {
		Path corpus = dir.resolve("1-corpus.ndjson");
		List<Path> files = List.of(corpus, dir.resolve("2-updates.ndjson"), dir.resolve("3-update.ndjson"),
				dir.resolve("4-update.ndjson"));
		if (Files.exists(corpus)) {
			return files;
		}
		CorpusGenerator.create(7).write(ARTICLES, corpus);
		List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
		Files.write(files.get(1),
				List.of(lines.get(0), lines.get(1).replace("\"text\":\"", "\"text\":\"Bản cập nhật. "),
						"{\"url\":\"https://bulk.example/no-title\",\"text\":\"Không có tiêu đề.\"}"),
				StandardCharsets.UTF_8);
		Files.write(files.get(2), List.of(lines.get(0).replace("\"text\":\"", "\"text\":\"Sửa lần một. ")),
				StandardCharsets.UTF_8);
		Files.write(files.get(3), List.of(lines.get(0)), StandardCharsets.UTF_8);
		return files;
	}

	private static String[] arguments(String... options) throws IOException {
		List<String> args = new ArrayList<>(inputs().stream().map(Path::toString).toList());
		args.addAll(List.of(options));
		return args.toArray(String[]::new);
	}

	@Test
	@Order(1)
	void shouldBuildTheSameGraphAsTransactionalIngest() throws IOException {
		Path bulk = dir.resolve("bulk");
		Path transactional = dir.resolve("transactional");

		int bulkStatus = ingest(bulk, arguments(BATCH, "--bulk"));
		String bulkSummary = this.out.toString(StandardCharsets.UTF_8);
		this.out.reset();
		int transactionalStatus = ingest(transactional, arguments(BATCH));
		String transactionalSummary = this.out.toString(StandardCharsets.UTF_8);

		// One record has no title: both runs reject it, with its line, and exit 1.
		assertThat(bulkStatus).isEqualTo(1);
		assertThat(transactionalStatus).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Importing").contains("Indexes online");
		assertThat(summaryCounts(bulkSummary)).isEqualTo(summaryCounts(transactionalSummary))
			.contains("articles new         " + String.format("%,d", ARTICLES), "articles changed     2",
					"articles unchanged   1", "duplicates in input  1", "rejected             1");

		List<String> bulkGraph = dump(bulk);
		List<String> transactionalGraph = dump(transactional);
		assertThat(bulkGraph).hasSizeGreaterThan(ARTICLES * 5);
		assertThat(bulkGraph).containsExactlyElementsOf(transactionalGraph);
		// The three update files fall into one batch: the identical copy of the first
		// article is
		// unchanged, its original after that a duplicate in the batch; the two changed
		// records
		// were applied after the import.
		assertThat(String.join("\n", bulkGraph)).contains("Bản cập nhật.").contains("Sửa lần một.");
		// Each derived relationship keeps its first evidence articles (compared above
		// property by property with the transactional graph), and they are those of its
		// evidence, newest first, also where a relationship has more than are kept.
		assertThat(bulkGraph)
			.anyMatch(line -> line.contains("-[IMPLEMENTS {articleCount=") && line.contains("evidenceArticleIds=["));
		GraphFingerprint.withDatabase(bulk, driver -> {
			assertThat(GraphFingerprint.inconsistencies(driver)).isEmpty();
			assertThat(driver.executableQuery("""
					MATCH ()-[r:IMPLEMENTS|ISSUED_BY]->()
					WHERE r.articleCount > size(r.evidenceArticleIds)
					RETURN count(r) AS n""").execute().records().get(0).get("n").asLong()).isPositive();
			return null;
		});
	}

	@Test
	@Order(2)
	void shouldRefuseADatabaseThatHoldsArticlesAndLeaveItAsItWas() throws IOException {
		Path bulk = dir.resolve("bulk");
		List<String> before = dump(bulk);

		int status = ingest(bulk, arguments("--bulk"));

		assertThat(status).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("already holds")
			.contains("Ingest without --bulk");
		assertThat(dump(bulk)).containsExactlyElementsOf(before);
	}

	@Test
	@Order(3)
	void shouldRefuseAnExternalDatabase() throws IOException {
		int status = IngestCommand.run(arguments("--bulk", "--spring.neo4j.uri=" + InProcessNeo4j.boltUri()),
				PolicyGraphApplication.class);

		assertThat(status).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("external Neo4j");
	}

	@Test
	@Order(4)
	void shouldRefuseADryRunAsAUsageError() throws IOException {
		int status = ingest(dir.resolve("dry"), arguments("--bulk", "--dry-run"));

		assertThat(status).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--bulk and --dry-run cannot be combined");
		assertThat(dir.resolve("dry")).doesNotExist();
	}

	private static List<String> summaryCounts(String summary) {
		return summary.lines().filter(line -> line.startsWith("  ")).map(String::strip).toList();
	}

	/**
	 * Every node and relationship as a line: labels, identity and properties, without the
	 * time stamps of ingestion and migration.
	 */
	private static List<String> dump(Path data) {
		DatabaseManagementService service = new DatabaseManagementServiceBuilder(data)
			.setConfig(org.neo4j.configuration.connectors.BoltConnector.enabled, false)
			.build();
		try {
			GraphDatabaseService db = service.database("neo4j");
			List<String> lines = new ArrayList<>();
			try (var tx = db.beginTx()) {
				for (Node node : tx.getAllNodes()) {
					lines.add("(" + labels(node) + " " + properties(node.getAllProperties()) + ")");
				}
				for (Relationship r : tx.getAllRelationships()) {
					lines.add("(" + identity(r.getStartNode()) + ")-[" + r.getType().name() + " "
							+ properties(r.getAllProperties()) + "]->(" + identity(r.getEndNode()) + ")");
				}
			}
			lines.sort(null);
			return lines;
		}
		finally {
			service.shutdown();
		}
	}

	private static String labels(Node node) {
		List<String> labels = new ArrayList<>();
		node.getLabels().forEach(l -> labels.add(l.name()));
		labels.sort(null);
		return String.join(":", labels);
	}

	private static String identity(Node node) {
		for (String key : List.of("key", "id", "version")) {
			if (node.hasProperty(key)) {
				return labels(node) + " " + node.getProperty(key);
			}
		}
		return labels(node) + " " + properties(node.getAllProperties());
	}

	private static String properties(Map<String, Object> properties) {
		Map<String, Object> sorted = new TreeMap<>(properties);
		sorted.remove("ingestedAt");
		sorted.remove("appliedAt");
		sorted.remove("durationMs");
		StringBuilder text = new StringBuilder("{");
		sorted.forEach((name, value) -> text.append(name)
			.append('=')
			.append(value instanceof Object[] array ? List.of(array).toString()
					: value instanceof long[] longs ? java.util.Arrays.toString(longs)
							: value instanceof String[] strings ? List.of(strings).toString() : String.valueOf(value))
			.append(", "));
		return text.append('}').toString();
	}

}
