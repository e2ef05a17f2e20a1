package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.policygraph.extraction.ArticleInput;
import org.policygraph.extraction.DocumentMention;
import org.policygraph.extraction.Extraction;
import org.policygraph.extraction.Extractor;
import org.policygraph.extraction.ProvinceMention;

import tools.jackson.databind.JsonNode;

/**
 * The reader corpus ({@code reader-corpus/<site-kind>/NAME.html|xml} with
 * {@code NAME.expected.json}) and its scoring: each file is read through {@link Readers}
 * (so duplicate URLs are rejected as in an ingest), each article is run through the
 * {@link Extractor}, and every expectation counts as one check of its field:
 * <ul>
 * <li>{@code url}, {@code title}, {@code date}: equal (a duplicate feed item's
 * {@code url} check passes when the item is rejected as a duplicate);</li>
 * <li>{@code lead}: the text starts with it;</li>
 * <li>{@code must-contain} and {@code must-not-contain}: one check per phrase, on the
 * text;</li>
 * <li>{@code provinces}: the names of the extracted provinces equal the expected
 * set;</li>
 * <li>{@code codes}: the codes of the extracted documents equal the expected set
 * (case-insensitive).</li>
 * </ul>
 * A missing or rejected article fails every check of its item.
 */
final class ReaderCorpus {

	static final List<String> FIELDS = List.of("url", "title", "date", "lead", "must-contain", "must-not-contain",
			"provinces", "codes");

	/** The "now" of the corpus: after its latest article. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

	private static final Extractor EXTRACTOR = Extractor.createDefault();

	private ReaderCorpus() {
	}

	/** The readers of the corpus's formats as they are now. */
	static Readers currentReaders() {
		return Readers.defaults(CLOCK);
	}

	/** The readers with the HTML and feed readers as they were before the corpus. */
	static Readers legacyReaders() {
		ArticleValidator validator = new ArticleValidator(CLOCK);
		return new Readers(List.of(new ListingReader(validator), new JsonArticleReader(validator),
				new NdjsonArticleReader(validator), new LegacyHtmlArticleReader(validator),
				new LegacyFeedArticleReader(validator)));
	}

	/**
	 * The readers before the corpus with Readability4J for the title and text of HTML
	 * pages.
	 */
	static Readers readabilityReaders() {
		ArticleValidator validator = new ArticleValidator(CLOCK);
		return new Readers(List.of(new ListingReader(validator), new JsonArticleReader(validator),
				new NdjsonArticleReader(validator), new ReadabilityHtmlArticleReader(validator),
				new LegacyFeedArticleReader(validator)));
	}

	/** The corpus files (pages and feeds) with an expectation, sorted by path. */
	static List<Path> files() {
		try {
			Path root = Path.of(Objects.requireNonNull(ReaderCorpus.class.getResource("/reader-corpus")).toURI());
			try (Stream<Path> walk = Files.walk(root)) {
				return walk.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".xml"))
					.filter(p -> Files.exists(expectationOf(p)))
					.sorted()
					.toList();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path expectationOf(Path file) {
		String name = file.getFileName().toString();
		return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.json");
	}

	/** Scores {@code readers} on the whole corpus. */
	static Score score(Readers readers) {
		Score score = new Score();
		for (Path file : files()) {
			score(readers, file, score);
		}
		return score;
	}

	private static void score(Readers readers, Path file, Score score) {
		JsonNode expected;
		try (InputStream in = Files.newInputStream(expectationOf(file))) {
			expected = JsonArticles.MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<ReadResult> results = new ArrayList<>();
		String name = file.getParent().getFileName() + "/" + file.getFileName();
		try (InputStream in = Files.newInputStream(file)) {
			readers.read(name, in, null, results::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (expected.has("items")) {
			JsonNode items = expected.get("items");
			for (int i = 0; i < items.size(); i++) {
				ReadResult result = i < results.size() ? results.get(i) : null;
				String item = name + "#item " + (i + 1);
				if (items.get(i).has("duplicateOf")) {
					boolean rejected = result != null && !result.ok()
							&& result.rejection().reason().startsWith("duplicate url");
					score.check("url", item, rejected, "rejected as a duplicate",
							result == null ? null : result.ok() ? result.article().url() : result.rejection().reason());
				}
				else {
					scoreArticle(items.get(i), result, item, score);
				}
			}
		}
		else {
			scoreArticle(expected, results.isEmpty() ? null : results.get(0), name, score);
		}
	}

	private static void scoreArticle(JsonNode expected, ReadResult result, String item, Score score) {
		RawArticle article = result != null && result.ok() ? result.article() : null;
		String rejection = result == null ? "no result" : result.ok() ? null : result.rejection().reason();
		String text = article == null ? "" : article.text();
		score.check("url", item, article != null && Objects.equals(textOrNull(expected.get("url")), article.url()),
				textOrNull(expected.get("url")), article == null ? rejection : article.url());
		score.check("title", item, article != null && nfc(expected.get("title").asString()).equals(article.title()),
				expected.get("title").asString(), article == null ? rejection : article.title());
		String date = article == null || article.publishedAt() == null ? null : article.publishedAt().toString();
		score.check("date", item, article != null && expected.get("date").asString().equals(date),
				expected.get("date").asString(), article == null ? rejection : date);
		String lead = nfc(expected.get("lead").asString());
		score.check("lead", item, article != null && text.startsWith(lead), lead,
				article == null ? rejection : text.substring(0, Math.min(80, text.length())));
		for (JsonNode phrase : expected.get("mustContain")) {
			String p = nfc(phrase.asString());
			score.check("must-contain", item, article != null && text.contains(p), p, "missing");
		}
		for (JsonNode phrase : expected.get("mustNotContain")) {
			String p = nfc(phrase.asString());
			score.check("must-not-contain", item, article != null && !text.contains(p), "absent: " + p, "present");
		}
		Set<String> provinces = new TreeSet<>();
		Set<String> codes = new TreeSet<>();
		if (article != null) {
			Extraction extraction = EXTRACTOR.extract(new ArticleInput(article.title(), article.text(), article.url(),
					article.publishedAt(), article.source()));
			for (ProvinceMention p : extraction.provinces()) {
				provinces.add(p.name());
			}
			for (DocumentMention d : extraction.documents()) {
				if (d.code() != null) {
					codes.add(d.code().toUpperCase(Locale.ROOT));
				}
			}
		}
		Set<String> expectedProvinces = new TreeSet<>();
		expected.get("provinces").forEach(p -> expectedProvinces.add(nfc(p.asString())));
		Set<String> expectedCodes = new TreeSet<>();
		expected.get("codes").forEach(c -> expectedCodes.add(nfc(c.asString()).toUpperCase(Locale.ROOT)));
		score.check("provinces", item, article != null && expectedProvinces.equals(provinces),
				expectedProvinces.toString(), provinces.toString());
		score.check("codes", item, article != null && expectedCodes.equals(codes), expectedCodes.toString(),
				codes.toString());
	}

	private static String textOrNull(JsonNode node) {
		return node == null || node.isNull() ? null : node.asString();
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

	/** Checks passed and made per field, with the failures. */
	static final class Score {

		final Map<String, int[]> fields = new LinkedHashMap<>();

		final List<String> failures = new ArrayList<>();

		Score() {
			for (String field : FIELDS) {
				this.fields.put(field, new int[2]);
			}
		}

		void check(String field, String item, boolean passed, String expected, String actual) {
			int[] counts = this.fields.get(field);
			counts[1]++;
			if (passed) {
				counts[0]++;
			}
			else {
				this.failures.add(item + " " + field + ": expected " + expected + ", got " + actual);
			}
		}

		double accuracy(String field) {
			int[] counts = this.fields.get(field);
			return counts[1] == 0 ? 1.0 : (double) counts[0] / counts[1];
		}

		String cell(String field) {
			int[] counts = this.fields.get(field);
			return String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * accuracy(field), counts[0], counts[1]);
		}

	}

}
