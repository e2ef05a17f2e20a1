package org.policygraph.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the extractor against the labelled articles of {@code extraction/evaluation.json}:
 * precision, recall and F1 per kind (micro-averaged over articles), written to
 * {@code target/extraction-evaluation.md} with the differences per article.
 */
class ExtractionEvaluationTests {

	private static final Logger logger = LoggerFactory.getLogger(ExtractionEvaluationTests.class);

	private static final Map<String, Double> THRESHOLDS = Map.of("provinces", 0.95, "bodies", 0.85, "documents", 0.95,
			"ISSUED_BY", 0.90, "IMPLEMENTS", 0.85);

	private static Map<String, Score> scores = new LinkedHashMap<>();

	private static StringBuilder differences = new StringBuilder();

	private static int articleCount;

	@BeforeAll
	static void evaluate() throws IOException {
		Extractor extractor = Extractor.createDefault();
		int holdoutCount = run(extractor, "/extraction/evaluation-holdout.json");
		String holdoutTable = table();
		String holdoutDifferences = differences.toString();
		articleCount = run(extractor, "/extraction/evaluation.json");
		String table = table();
		logger.info("Extraction evaluation over {} articles\n{}\nHeld-out set ({} articles, rules not tuned on it)\n{}",
				articleCount, table, holdoutCount, holdoutTable);
		Path target = Path.of("target");
		Files.createDirectories(target);
		Files.writeString(target.resolve("extraction-evaluation.md"), "# Extraction evaluation\n\n" + articleCount
				+ " labelled articles (src/test/resources/extraction/evaluation.json), thresholds enforced.\n\n" + table
				+ "\nHeld-out set: " + holdoutCount + " articles (evaluation-holdout.json) written after the rules and not"
				+ " used to tune them; reported only.\n\n" + holdoutTable + "\n## Differences (evaluation set)\n\n"
				+ (differences.length() == 0 ? "None.\n" : differences) + "\n## Differences (held-out set)\n\n"
				+ (holdoutDifferences.isEmpty() ? "None.\n" : holdoutDifferences), StandardCharsets.UTF_8);
	}

	private static int run(Extractor extractor, String resource) throws IOException {
		JsonNode root;
		try (InputStream in = ExtractionEvaluationTests.class.getResourceAsStream(resource)) {
			root = JsonMapper.builder().build().readTree(in);
		}
		scores = new LinkedHashMap<>();
		differences = new StringBuilder();
		for (String kind : List.of("provinces", "bodies", "documents", "ISSUED_BY", "IMPLEMENTS")) {
			scores.put(kind, new Score());
		}
		int count = 0;
		for (JsonNode article : root) {
			count++;
			ArticleInput input = new ArticleInput(article.get("title").asString(), article.get("text").asString(), null,
					LocalDate.parse(article.get("publishedAt").asString()), "evaluation");
			Extraction e = extractor.extract(input);
			String id = article.get("id").asString();
			compare(id, "provinces", strings(article.get("provinces"), Function.identity()),
					new LinkedHashSet<>(ExtractionAssertions.provinceKeys(e)));
			compare(id, "bodies", strings(article.get("bodies"), Function.identity()),
					new LinkedHashSet<>(ExtractionAssertions.bodyKeys(e)));
			compare(id, "documents", strings(article.get("documents"), Function.identity()),
					new LinkedHashSet<>(ExtractionAssertions.documentKeys(e)));
			compare(id, "ISSUED_BY", pairs(article.get("issuedBy")), new LinkedHashSet<>(ExtractionAssertions.pairs(e, RelationType.ISSUED_BY)));
			compare(id, "IMPLEMENTS", pairs(article.get("implements")), new LinkedHashSet<>(ExtractionAssertions.pairs(e, RelationType.IMPLEMENTS)));
		}
		return count;
	}

	private static Set<String> strings(JsonNode array, Function<String, String> f) {
		Set<String> out = new LinkedHashSet<>();
		for (JsonNode n : array) {
			out.add(f.apply(n.asString()));
		}
		return out;
	}

	private static Set<String> pairs(JsonNode array) {
		Set<String> out = new LinkedHashSet<>();
		for (JsonNode n : array) {
			out.add(n.get(0).asString() + " -> " + n.get(1).asString());
		}
		return out;
	}

	private static void compare(String id, String kind, Set<String> expected, Set<String> actual) {
		Score score = scores.get(kind);
		List<String> missing = new ArrayList<>();
		List<String> extra = new ArrayList<>();
		for (String e : expected) {
			if (actual.contains(e)) {
				score.truePositives++;
			}
			else {
				score.falseNegatives++;
				missing.add(e);
			}
		}
		for (String a : actual) {
			if (!expected.contains(a)) {
				score.falsePositives++;
				extra.add(a);
			}
		}
		if (!missing.isEmpty() || !extra.isEmpty()) {
			differences.append("- ").append(id).append(' ').append(kind);
			if (!missing.isEmpty()) {
				differences.append(" missing ").append(missing);
			}
			if (!extra.isEmpty()) {
				differences.append(" extra ").append(extra);
			}
			differences.append('\n');
		}
	}

	private static String table() {
		StringBuilder sb = new StringBuilder("| kind | TP | FP | FN | precision | recall | F1 | threshold |\n");
		sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		scores.forEach((kind, s) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.2f |%n",
				kind, s.truePositives, s.falsePositives, s.falseNegatives, s.precision(), s.recall(), s.f1(), THRESHOLDS.get(kind))));
		return sb.toString();
	}

	@Test
	void shouldEvaluateAtLeastFortyFiveArticles() {
		assertThat(articleCount).isGreaterThanOrEqualTo(45);
	}

	@Test
	void shouldFindProvincesWithF1AtLeast095() {
		assertThat(scores.get("provinces").f1()).as(table()).isGreaterThanOrEqualTo(THRESHOLDS.get("provinces"));
	}

	@Test
	void shouldFindBodiesWithF1AtLeast085() {
		assertThat(scores.get("bodies").f1()).as(table()).isGreaterThanOrEqualTo(THRESHOLDS.get("bodies"));
	}

	@Test
	void shouldIdentifyDocumentsWithF1AtLeast095() {
		assertThat(scores.get("documents").f1()).as(table()).isGreaterThanOrEqualTo(THRESHOLDS.get("documents"));
	}

	@Test
	void shouldFindIssuersWithF1AtLeast090() {
		assertThat(scores.get("ISSUED_BY").f1()).as(table()).isGreaterThanOrEqualTo(THRESHOLDS.get("ISSUED_BY"));
	}

	@Test
	void shouldFindImplementationsWithF1AtLeast085() {
		assertThat(scores.get("IMPLEMENTS").f1()).as(table()).isGreaterThanOrEqualTo(THRESHOLDS.get("IMPLEMENTS"));
	}

	private static final class Score {

		int truePositives;

		int falsePositives;

		int falseNegatives;

		double precision() {
			int d = this.truePositives + this.falsePositives;
			return d == 0 ? 1.0 : (double) this.truePositives / d;
		}

		double recall() {
			int d = this.truePositives + this.falseNegatives;
			return d == 0 ? 1.0 : (double) this.truePositives / d;
		}

		double f1() {
			double p = precision();
			double r = recall();
			return (p + r) == 0 ? 0 : 2 * p * r / (p + r);
		}

	}

}
