package org.policygraph.ingest.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.ingest.GraphFingerprint;
import org.policygraph.ingest.cli.IngestCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each {@code IMPLEMENTS} and {@code ISSUED_BY} relationship keeps the articles of its
 * first {@value ChangeSet#KEPT_EVIDENCE} evidence items (undated first, then newest, then
 * by id), exactly, through every transactional write path: articles added over several
 * batches, a citation by year merged into its dated document by a later batch, an article
 * whose date changed and an article that no longer states the relation (its evidence
 * retracted). After each step the kept list, and the dates of its dated articles
 * ({@code evidenceArticleDates}), equal the ones computed here from the input, and every
 * relationship's equals a recomputation from its evidence
 * ({@link GraphFingerprint#inconsistencies}).
 */
class KeptEvidenceIT {

	private static final String DATED = "22-NQ/TW|TW|2008-02-02";

	private static final String BY_YEAR = "22-NQ/TW|TW|2008";

	private static final String KEPT = """
			MATCH (:Province {key: '42'})-[r:IMPLEMENTS]->(:Document {key: $key})
			RETURN r.evidenceArticleIds AS kept, r.evidenceArticleDates AS dates, r.articleCount AS articleCount""";

	private static final String DOCUMENT_EXISTS = "MATCH (d:Document {key: $key}) RETURN count(d) AS n";

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
	void shouldKeepTheFirstEvidenceExactThroughIngestMergeChangeAndRetraction() throws IOException {
		Path data = this.dir.resolve("data");
		// 14 articles of Hà Tĩnh (42) implementing 22-NQ/TW: the first six cite it by
		// year
		// only (a node of its own until the dated citation arrives in the second batch
		// and
		// it is merged), two are undated, two share a date (ordered by id).
		Map<String, ArticleLine> articles = new LinkedHashMap<>();
		for (int i = 1; i <= 14; i++) {
			String id = "https://kept.example/a%02d".formatted(i);
			LocalDate date = switch (i) {
				case 13, 14 -> null;
				case 8 -> LocalDate.of(2009, 7, 1);
				default -> LocalDate.of(2009, i, 1);
			};
			articles.put(id, new ArticleLine(id, date, (i <= 6) ? "năm 2008" : "ngày 2-2-2008", i));
		}
		ingest(data, "1-initial", articles.values().stream().map(ArticleLine::json).toList());
		check(data, articles);

		// The newest dated article moves to the oldest date; an undated one and one in
		// the
		// middle no longer state the relation (their evidence is retracted); the 11th
		// comes up.
		ArticleLine newest = articles.get("https://kept.example/a12");
		articles.put(newest.id(), new ArticleLine(newest.id(), LocalDate.of(2001, 1, 1), "ngày 2-2-2008", 12));
		List<String> changed = new ArrayList<>(List.of(articles.get("https://kept.example/a12").json()));
		for (String retracted : List.of("https://kept.example/a13", "https://kept.example/a10")) {
			ArticleLine line = articles.remove(retracted);
			changed.add(line.withoutCitation());
		}
		ingest(data, "2-changed", changed);
		check(data, articles);
	}

	private void check(Path data, Map<String, ArticleLine> articles) {
		List<ArticleLine> first = articles.values()
			.stream()
			.sorted(Comparator.comparing(ArticleLine::date, Comparator.nullsFirst(Comparator.reverseOrder()))
				.thenComparing(ArticleLine::id))
			.limit(ChangeSet.KEPT_EVIDENCE)
			.toList();
		List<String> expected = first.stream().map(ArticleLine::id).toList();
		List<LocalDate> expectedDates = first.stream().map(ArticleLine::date).filter(Objects::nonNull).toList();
		GraphFingerprint.withDatabase(data, driver -> {
			assertThat(GraphFingerprint.inconsistencies(driver)).isEmpty();
			assertThat(count(driver, BY_YEAR)).as("the citation by year was merged into the dated document").isZero();
			Value kept = driver.executableQuery(KEPT)
				.withParameters(Map.of("key", DATED))
				.execute()
				.records()
				.get(0)
				.get("kept");
			long articleCount = driver.executableQuery(KEPT)
				.withParameters(Map.of("key", DATED))
				.execute()
				.records()
				.get(0)
				.get("articleCount")
				.asLong();
			assertThat(articleCount).isEqualTo(articles.size());
			assertThat(kept.asList(Value::asString)).containsExactlyElementsOf(expected);
			Value dates = driver.executableQuery(KEPT)
				.withParameters(Map.of("key", DATED))
				.execute()
				.records()
				.get(0)
				.get("dates");
			assertThat(dates.asList(Value::asLocalDate)).as("the dates of the kept articles that have one, in order")
				.containsExactlyElementsOf(expectedDates);
			return null;
		});
	}

	private static long count(Driver driver, String key) {
		return driver.executableQuery(DOCUMENT_EXISTS)
			.withParameters(Map.of("key", key))
			.execute()
			.records()
			.get(0)
			.get("n")
			.asLong();
	}

	private void ingest(Path data, String name, List<String> lines) throws IOException {
		Path input = this.dir.resolve(name + ".ndjson");
		Files.write(input, lines, StandardCharsets.UTF_8);
		int status = IngestCommand.run(new String[] { input.toString(), "--batch-size=4",
				"--policygraph.neo4j.embedded.data-directory=" + data, "--policygraph.neo4j.embedded.bolt-port=0" },
				PolicyGraphApplication.class);
		assertThat(status).as(name + ": " + this.out.toString(StandardCharsets.UTF_8)).isZero();
	}

	/**
	 * One article of the input.
	 *
	 * @param id its URL
	 * @param date its publication date, or null
	 * @param citedAs how it dates the resolution ({@code năm 2008},
	 * {@code ngày 2-2-2008})
	 * @param n its number, in its text
	 */
	record ArticleLine(String id, @Nullable LocalDate date, String citedAs, int n) {

		String json() {
			return line("Tỉnh ủy Hà Tĩnh tổ chức sơ kết đợt " + this.n + " thực hiện Nghị quyết số 22-NQ/TW "
					+ this.citedAs + " của Ban Chấp hành Trung ương về nâng cao năng lực lãnh đạo, sức chiến đấu"
					+ " của tổ chức cơ sở đảng.\\nNhiều chi bộ đã đổi mới nội dung sinh hoạt.");
		}

		String withoutCitation() {
			return line("Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác năm, đợt " + this.n
					+ ".\\nNhiều chi bộ đã đổi mới nội dung sinh hoạt.");
		}

		private String line(String text) {
			return "{\"url\": \"" + this.id + "\", \"title\": \"Hà Tĩnh sơ kết đợt " + this.n + "\", \"text\": \""
					+ text + "\""
					+ Optional.ofNullable(this.date).map(d -> ", \"publishedAt\": \"" + d + "\"").orElse("")
					+ ", \"source\": \"Tạp chí Xây dựng Đảng\"}";
		}

	}

}
