package org.policygraph.ingest.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Value;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.ingest.GraphFingerprint;
import org.policygraph.ingest.cli.IngestCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each province's {@code IMPLEMENTS} keeps the local documents through which it carries
 * the document out ({@code localDocumentKeys}), exactly as the chains of documents give
 * them, through every transactional write path: a plan implementing a resolution cited by
 * year (a node of its own), a second plan citing it by date in a later batch (the year
 * node merged into the dated one), and the first plan's article changed so that it no
 * longer states its link (its evidence retracted, the link deleted). After each step the
 * kept list is the expected one and every province's relationship equals what the chains
 * give ({@link GraphFingerprint#inconsistencies}).
 */
class LocalDocumentsIT {

	private static final String DATED = "22-NQ/TW|TW|2008-02-02";

	private static final String BY_YEAR = "22-NQ/TW|TW|2008";

	private static final String FIRST_PLAN = "50-KH/TU|42|2009-03-01";

	private static final String SECOND_PLAN = "60-KH/TU|42|2009-06-01";

	private static final String KEPT = """
			MATCH (:Province {key: '42'})-[r:IMPLEMENTS]->(:Document {key: $key})
			RETURN r.localDocumentKeys AS kept""";

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

	@Test
	void shouldKeepTheLocalDocumentsTheChainsGiveThroughIngestMergeAndRetraction() throws IOException {
		Path data = this.dir.resolve("data");
		ingest(data, "1-by-year", List.of(article(1, "năm 2008", "50", "1-3-2009")));
		check(data, BY_YEAR, List.of(FIRST_PLAN));

		ingest(data, "2-dated", List.of(article(2, "ngày 2-2-2008", "60", "1-6-2009")));
		check(data, DATED, List.of(FIRST_PLAN, SECOND_PLAN));

		ingest(data, "3-retracted", List.of(line(1, "Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác năm.")));
		check(data, DATED, List.of(SECOND_PLAN));
	}

	private void check(Path data, String document, List<String> expected) {
		GraphFingerprint.withDatabase(data, driver -> {
			assertThat(GraphFingerprint.inconsistencies(driver)).isEmpty();
			List<Value> kept = driver.executableQuery(KEPT)
				.withParameters(Map.of("key", document))
				.execute()
				.records()
				.stream()
				.map(r -> r.get("kept"))
				.toList();
			assertThat(kept).as("Hà Tĩnh's relationship to " + document).hasSize(1);
			assertThat(kept.get(0).asList(Value::asString)).containsExactlyElementsOf(expected);
			return null;
		});
	}

	private void ingest(Path data, String name, List<String> lines) throws IOException {
		Path input = this.dir.resolve(name + ".ndjson");
		Files.write(input, lines, StandardCharsets.UTF_8);
		int status = IngestCommand.run(new String[] { input.toString(), "--batch-size=4",
				"--policygraph.neo4j.embedded.data-directory=" + data, "--policygraph.neo4j.embedded.bolt-port=0" },
				PolicyGraphApplication.class);
		assertThat(status).as(name + ": " + this.out.toString(StandardCharsets.UTF_8)).isZero();
	}

	private static String article(int n, String citedAs, String plan, String planDate) {
		return line(n, "Thực hiện Nghị quyết số 22-NQ/TW " + citedAs
				+ " của Ban Chấp hành Trung ương về nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng,"
				+ " Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số " + plan + "-KH/TU ngày " + planDate
				+ " để thực hiện.");
	}

	private static String line(int n, String text) {
		return "{\"url\": \"https://local-documents.example/a" + n + "\", \"title\": \"Hà Tĩnh thực hiện đợt " + n
				+ "\", \"text\": \"" + text
				+ "\\nNhiều chi bộ đã đổi mới nội dung sinh hoạt.\", \"publishedAt\": \"2009-0" + (n + 6)
				+ "-01\", \"source\": \"Tạp chí Xây dựng Đảng\"}";
	}

}
