package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores the HTML and feed readers on the reader corpus
 * ({@code src/test/resources/reader-corpus}), the readers as they were before it and as
 * they are now, prints per-field accuracy and writes {@code target/reader-corpus.md} with
 * every failed check. Each field of the current readers is held at or above its measured
 * level.
 */
class ReaderCorpusTests {

	private static final Logger logger = LoggerFactory.getLogger(ReaderCorpusTests.class);

	/**
	 * The measured accuracy of the current readers, per field: a change may not score
	 * below it.
	 */
	private static final Map<String, Double> FLOORS = Map.of("url", 1.0, "title", 1.0, "date", 1.0, "lead", 1.0,
			"must-contain", 1.0, "must-not-contain", 1.0, "provinces", 1.0, "codes", 1.0);

	private static ReaderCorpus.Score before;

	private static ReaderCorpus.Score readability;

	private static ReaderCorpus.Score now;

	@BeforeAll
	static void score() throws IOException {
		before = ReaderCorpus.score(ReaderCorpus.legacyReaders());
		readability = ReaderCorpus.score(ReaderCorpus.readabilityReaders());
		now = ReaderCorpus.score(ReaderCorpus.currentReaders());
		StringBuilder table = new StringBuilder("| field | before | Readability4J | now |\n|---|---|---|---|\n");
		for (String field : ReaderCorpus.FIELDS) {
			table.append("| ")
				.append(field)
				.append(" | ")
				.append(before.cell(field))
				.append(" | ")
				.append(readability.cell(field))
				.append(" | ")
				.append(now.cell(field))
				.append(" |\n");
		}
		logger.info("Reader corpus: {} files\n{}", ReaderCorpus.files().size(), table);
		Path target = Path.of("target");
		Files.createDirectories(target);
		Files.writeString(target.resolve("reader-corpus.md"),
				"# Reader corpus\n\n" + ReaderCorpus.files().size() + " files (src/test/resources/reader-corpus).\n\n"
						+ table + "\n## Failed checks now\n\n" + lines(now) + "\n## Failed checks before\n\n"
						+ lines(before) + "\n## Failed checks with Readability4J\n\n" + lines(readability),
				StandardCharsets.UTF_8);
	}

	private static String lines(ReaderCorpus.Score score) {
		return score.failures.isEmpty() ? "None.\n" : "- " + String.join("\n- ", score.failures) + "\n";
	}

	@Test
	void shouldCoverFiveSiteKindsWithFortyPagesAndFourFeeds() {
		assertThat(ReaderCorpus.files().stream().filter(p -> p.toString().endsWith(".html")))
			.hasSizeGreaterThanOrEqualTo(40);
		assertThat(ReaderCorpus.files().stream().filter(p -> p.toString().endsWith(".xml")))
			.hasSizeGreaterThanOrEqualTo(4);
		assertThat(ReaderCorpus.files().stream().map(p -> p.getParent().getFileName().toString()).distinct())
			.hasSizeGreaterThanOrEqualTo(5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "url", "title", "date", "lead", "must-contain", "must-not-contain", "provinces", "codes" })
	void shouldKeepEachFieldAtItsMeasuredLevel(String field) {
		assertThat(now.accuracy(field))
			.as("%s: %s; failures: %s", field, now.cell(field),
					now.failures.stream().filter(f -> f.contains(" " + field + ":")).toList())
			.isGreaterThanOrEqualTo(FLOORS.get(field) - 1e-9);
	}

	@ParameterizedTest
	@ValueSource(strings = { "url", "title", "date", "lead", "must-contain", "must-not-contain", "provinces", "codes" })
	void shouldScoreAtLeastAsWellAsTheReadersBeforeTheCorpus(String field) {
		assertThat(now.accuracy(field))
			.as(String.format(Locale.ROOT, "%s now %s, before %s", field, now.cell(field), before.cell(field)))
			.isGreaterThanOrEqualTo(before.accuracy(field));
	}

}
