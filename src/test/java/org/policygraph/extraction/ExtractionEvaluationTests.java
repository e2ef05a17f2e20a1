package org.policygraph.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.net.URL;
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
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures the extractor against the labelled articles: the tuning sets
 * ({@code extraction/evaluation.json}, the three held-out sets and the files
 * {@code evaluation-tuning-a.json} to {@code -t.json}, each pair first written as a blind
 * set and used to tune the rules since) and the blind set (every
 * {@code extraction/evaluation-blind*.json}, scored as one set and per file; none may be
 * present). It reports precision, recall and F1 per kind (micro-averaged over articles),
 * the extraction time per article, the differences per article sorted into error kinds
 * ({@link ErrorKinds}), all written to {@code target/extraction-evaluation.md}. The
 * evaluation set, the second held-out set and the former blind sets are gated; the blind
 * set is gated once it meets the targets of issue 21 ({@link #BLIND_SET_GATED}).
 */
class ExtractionEvaluationTests {

	private static final Logger logger = LoggerFactory.getLogger(ExtractionEvaluationTests.class);

	private static final List<String> KINDS = List.of("provinces", "bodies", "documents", "ISSUED_BY", "IMPLEMENTS");

	private static final Map<String, Double> THRESHOLDS = Map.of("provinces", 0.95, "bodies", 0.85, "documents", 0.95,
			"ISSUED_BY", 0.90, "IMPLEMENTS", 0.85);

	/**
	 * Gates for the second held-out set ({@code evaluation-holdout-2.json}, 25 articles
	 * written before the rule changes that followed it): a little below the measured
	 * figures (all 1.000 after those changes, which were made with this set in view; the
	 * third set, written afterwards, is the fresher estimate).
	 */
	private static final Map<String, Double> HOLDOUT_2_THRESHOLDS = Map.of("provinces", 0.97, "bodies", 0.95,
			"documents", 0.97, "ISSUED_BY", 0.95, "IMPLEMENTS", 0.93);

	/**
	 * The former blind sets, in the order they were written: each was first measured
	 * blind, then read to write a round of rules, and is gated since a little below its
	 * figures then (given with each), so that a rule change that loses ground on it
	 * fails. A blind set becomes one more entry here when a round is written with it in
	 * view.
	 */
	private static final List<FormerBlindSet> FORMER_BLIND_SETS = List.of(
			// a/b, 130 articles: after the third round, made with it in view, provinces
			// 0.991,
			// bodies 0.987, documents 0.982, ISSUED_BY 0.972, IMPLEMENTS 0.928
			new FormerBlindSet("Former blind set", "the former blind set", "first written as the blind set of issue 21",
					List.of("evaluation-tuning-a.json", "evaluation-tuning-b.json"), 130,
					Map.of("provinces", 0.98, "bodies", 0.98, "documents", 0.975, "ISSUED_BY", 0.96, "IMPLEMENTS",
							0.92)),
			// c/d, 135 articles: after the fourth round provinces 0.924 (0.990 since the
			// merger
			// convention), bodies 0.974, documents 0.956, ISSUED_BY 0.947, IMPLEMENTS
			// 0.875
			new FormerBlindSet("Second former blind set", "the second former blind set",
					"first measured as the second blind set of issue 21",
					List.of("evaluation-tuning-c.json", "evaluation-tuning-d.json"), 135,
					Map.of("provinces", 0.98, "bodies", 0.97, "documents", 0.95, "ISSUED_BY", 0.94, "IMPLEMENTS",
							0.87)),
			// e/f, 141 articles: after the fifth round provinces 0.997, bodies 0.980,
			// documents
			// 0.964, ISSUED_BY 0.935, IMPLEMENTS 0.899
			new FormerBlindSet("Third former blind set", "the third former blind set",
					"first measured as the third blind set of issue 21",
					List.of("evaluation-tuning-e.json", "evaluation-tuning-f.json"), 141,
					Map.of("provinces", 0.99, "bodies", 0.975, "documents", 0.96, "ISSUED_BY", 0.93, "IMPLEMENTS",
							0.89)),
			// g/h, 150 articles: after the sixth round provinces 0.997, bodies 0.974,
			// documents
			// 0.977, ISSUED_BY 0.962, IMPLEMENTS 0.899 (before it, with the convention on
			// a
			// province's own documents applied: 0.997, 0.969, 0.971, 0.957, 0.885)
			new FormerBlindSet("Fourth former blind set", "the fourth former blind set",
					"first measured as the fourth blind set of issue 21",
					List.of("evaluation-tuning-g.json", "evaluation-tuning-h.json"), 150,
					Map.of("provinces", 0.99, "bodies", 0.97, "documents", 0.97, "ISSUED_BY", 0.955, "IMPLEMENTS",
							0.89)),
			// i/j, 150 articles: before the seventh round, written with it in view,
			// provinces
			// 0.994, bodies 0.988, documents 0.964, ISSUED_BY 0.934, IMPLEMENTS 0.887
			new FormerBlindSet("Fifth former blind set", "the fifth former blind set",
					"first measured as the fifth blind set of issue 21",
					List.of("evaluation-tuning-i.json", "evaluation-tuning-j.json"), 150,
					Map.of("provinces", 0.99, "bodies", 0.98, "documents", 0.96, "ISSUED_BY", 0.93, "IMPLEMENTS",
							0.88)),
			// k/l, 150 articles: before the eighth round, written with it in view,
			// provinces
			// 0.992, bodies 0.983, documents 0.975, ISSUED_BY 0.970, IMPLEMENTS 0.903
			new FormerBlindSet("Sixth former blind set", "the sixth former blind set",
					"first measured as the sixth blind set of issue 21",
					List.of("evaluation-tuning-k.json", "evaluation-tuning-l.json"), 150,
					Map.of("provinces", 0.99, "bodies", 0.975, "documents", 0.97, "ISSUED_BY", 0.965, "IMPLEMENTS",
							0.90)),
			// m/n, 150 articles: before the ninth round, written with it in view,
			// provinces 0.996, bodies 0.987, documents 0.955, ISSUED_BY 0.946, IMPLEMENTS
			// 0.863
			new FormerBlindSet("Seventh former blind set", "the seventh former blind set",
					"first measured as the seventh blind set of issue 21",
					List.of("evaluation-tuning-m.json", "evaluation-tuning-n.json"), 150,
					Map.of("provinces", 0.99, "bodies", 0.98, "documents", 0.95, "ISSUED_BY", 0.94, "IMPLEMENTS",
							0.86)),
			// o/p, 150 articles: before the tenth round, written with it in view,
			// provinces 0.978, bodies 0.966, documents 0.959, ISSUED_BY 0.933, IMPLEMENTS
			// 0.842; after it 0.978, 0.972, 0.979, 0.952, 0.911
			new FormerBlindSet("Eighth former blind set", "the eighth former blind set",
					"first measured as the eighth blind set of issue 21",
					List.of("evaluation-tuning-o.json", "evaluation-tuning-p.json"), 150,
					Map.of("provinces", 0.97, "bodies", 0.965, "documents", 0.975, "ISSUED_BY", 0.945, "IMPLEMENTS",
							0.90)),
			// q/r, 150 articles: before the eleventh round, written with it in view,
			// provinces 0.990, bodies 0.975, documents 0.977, ISSUED_BY 0.959, IMPLEMENTS
			// 0.850
			new FormerBlindSet("Ninth former blind set", "the ninth former blind set",
					"first measured as the ninth blind set of issue 21",
					List.of("evaluation-tuning-q.json", "evaluation-tuning-r.json"), 150,
					Map.of("provinces", 0.98, "bodies", 0.97, "documents", 0.97, "ISSUED_BY", 0.95, "IMPLEMENTS",
							0.84)),
			// s/t, 150 articles: before the twelfth round, written with it in view,
			// provinces 0.989, bodies 0.976, documents 0.985, ISSUED_BY 0.947, IMPLEMENTS
			// 0.908
			new FormerBlindSet("Tenth former blind set", "the tenth former blind set",
					"first measured as the tenth blind set of issue 21",
					List.of("evaluation-tuning-s.json", "evaluation-tuning-t.json"), 150,
					Map.of("provinces", 0.98, "bodies", 0.97, "documents", 0.975, "ISSUED_BY", 0.94, "IMPLEMENTS",
							0.90)),
			// u/v, 150 articles: before the thirteenth round, written with it in view,
			// provinces 0.988, bodies 0.973, documents 0.934, ISSUED_BY 0.908, IMPLEMENTS
			// 0.871; after it documents 0.976, ISSUED_BY 0.943, IMPLEMENTS 0.910 (gated a
			// little below)
			new FormerBlindSet("Eleventh former blind set", "the eleventh former blind set",
					"first measured as the eleventh blind set of issue 21",
					List.of("evaluation-tuning-u.json", "evaluation-tuning-v.json"), 150,
					Map.of("provinces", 0.98, "bodies", 0.965, "documents", 0.97, "ISSUED_BY", 0.935, "IMPLEMENTS",
							0.90)),
			// w/x, 150 articles: before the fourteenth round, written with it in view,
			// provinces 0.994, bodies 0.986, documents 0.972, ISSUED_BY 0.944, IMPLEMENTS
			// 0.906; after it documents 0.972, ISSUED_BY 0.955, IMPLEMENTS 0.912 (gated a
			// little below)
			new FormerBlindSet("Twelfth former blind set", "the twelfth former blind set",
					"first measured as the twelfth blind set of issue 21",
					List.of("evaluation-tuning-w.json", "evaluation-tuning-x.json"), 150, Map.of("provinces", 0.98,
							"bodies", 0.975, "documents", 0.965, "ISSUED_BY", 0.945, "IMPLEMENTS", 0.905)));

	/**
	 * The targets of issue 21 on the blind set; the kinds without one are reported
	 * against the general thresholds.
	 */
	private static final Map<String, Double> BLIND_TARGETS = Map.of("provinces", 0.95, "bodies", 0.85, "documents",
			0.98, "ISSUED_BY", 0.95, "IMPLEMENTS", 0.93);

	private static final List<String> BLIND_TARGET_KINDS = List.of("documents", "ISSUED_BY", "IMPLEMENTS");

	/**
	 * Whether the blind set ({@code evaluation-blind*.json} only) is gated. Off until the
	 * extractor meets {@link #BLIND_TARGETS} on it; while off, a test fails as soon as
	 * the targets are met, so that the gate is switched on then and kept.
	 */
	private static final boolean BLIND_SET_GATED = false;

	private static final int TIMING_PASSES = 3;

	private static final long WARM_UP_NANOS = 3_000_000_000L;

	static final String BLIND_PREFIX = "evaluation-blind";

	static final String NO_BLIND_SET = "**No blind set present**: no `" + BLIND_PREFIX
			+ "*.json` file on the test classpath, so nothing is measured blind; every figure above is on a tuning set.";

	private static SetResult evaluation;

	private static SetResult holdout2;

	/** The former blind sets' results, in the order of {@link #FORMER_BLIND_SETS}. */
	private static final Map<FormerBlindSet, SetResult> tuning = new LinkedHashMap<>();

	private static SetResult blind;

	@BeforeAll
	static void evaluate() throws IOException {
		Extractor extractor = Extractor.createDefault();
		evaluation = run(extractor, "Evaluation set", List.of("evaluation.json"), THRESHOLDS);
		SetResult holdout1 = run(extractor, "Held-out set 1", List.of("evaluation-holdout.json"), THRESHOLDS);
		holdout2 = run(extractor, "Held-out set 2", List.of("evaluation-holdout-2.json"), HOLDOUT_2_THRESHOLDS);
		SetResult holdout3 = run(extractor, "Held-out set 3", List.of("evaluation-holdout-3.json"), THRESHOLDS);
		Map<String, FormerBlindSet> setOfFile = new LinkedHashMap<>();
		List<SetResult> perTuningFile = new ArrayList<>();
		for (FormerBlindSet set : FORMER_BLIND_SETS) {
			tuning.put(set, run(extractor, set.name(), set.files(), set.thresholds()));
			for (String file : set.files()) {
				setOfFile.put(file, set);
				perTuningFile.add(run(extractor, file, List.of(file), set.thresholds()));
			}
		}
		List<String> blindFiles = blindFiles(resourceDirectory());
		blind = run(extractor, "Blind set", blindFiles, BLIND_TARGETS);
		List<SetResult> perBlindFile = new ArrayList<>();
		for (String file : blindFiles) {
			perBlindFile.add(run(extractor, file, List.of(file), BLIND_TARGETS));
		}
		List<SetResult> all = new ArrayList<>(List.of(evaluation, holdout1, holdout2, holdout3));
		all.addAll(tuning.values());
		if (!blindFiles.isEmpty()) {
			all.add(blind);
		}
		warmUp(extractor, all);
		for (SetResult set : all) {
			time(extractor, set);
		}
		for (List<SetResult> files : List.of(perTuningFile, perBlindFile)) {
			for (SetResult set : files) {
				time(extractor, set);
			}
		}

		StringBuilder md = new StringBuilder("# Extraction evaluation\n\n");
		md.append("## Tuning sets\n\nEvery set in this section has been used to change the rules: its figures are "
				+ "optimistic.\n\n");
		md.append(header(evaluation, "thresholds enforced"));
		md.append(header(holdout1, "reported only"));
		md.append(header(holdout2, "thresholds enforced"));
		md.append(header(holdout3, "written after most rule changes (the last fixes used it); reported only"));
		for (FormerBlindSet set : FORMER_BLIND_SETS) {
			md.append(header(tuning.get(set),
					set.origin() + ", looked at while changing the rules since; thresholds enforced (no regression)"));
		}
		for (SetResult file : perTuningFile) {
			md.append(header(file, "part of " + setOfFile.get(file.name).part()));
		}
		md.append("## Blind set\n\n");
		if (blindFiles.isEmpty()) {
			md.append(NO_BLIND_SET).append("\n\n");
		}
		else {
			md.append(header(blind,
					(BLIND_SET_GATED ? "gated" : "reported, not gated until it meets the targets") + "; targets "
							+ "documents 0.98, ISSUED_BY 0.95, IMPLEMENTS 0.93 ("
							+ (meetsTargets(blind) ? "met" : "not met") + ")"));
			for (SetResult file : perBlindFile) {
				md.append(header(file, "part of the blind set"));
			}
		}
		md.append(
				"## Error kinds\n\nDifferences per kind of error (a missing and an extra item that are one error, such as a "
						+ "document with the right code and the wrong date, count once).\n\n");
		md.append(kindsTable(all));
		for (SetResult set : all) {
			md.append("\n## Differences (").append(set.name).append(")\n\n");
			if (!set.incomplete.isEmpty()) {
				md.append("Articles skipped as incomplete: ").append(set.incomplete).append("\n\n");
			}
			md.append(set.differences.isEmpty() ? "None.\n" : set.differences.toString());
		}
		logger.info("Extraction evaluation\n{}", md);
		Path target = Path.of("target");
		Files.createDirectories(target);
		Files.writeString(target.resolve("extraction-evaluation.md"), md.toString(), StandardCharsets.UTF_8);
	}

	private static String header(SetResult set, String note) {
		return "### " + set.name + ": " + set.articles + " articles (" + String.join(", ", set.files) + "); " + note
				+ ".\n\n" + table(set) + "\n" + timing(set) + "\n\n";
	}

	/**
	 * Extracts every article again and again for {@link #WARM_UP_NANOS}, so that the
	 * timings below are of compiled code.
	 */
	private static void warmUp(Extractor extractor, List<SetResult> sets) {
		long until = System.nanoTime() + WARM_UP_NANOS;
		while (System.nanoTime() < until) {
			for (SetResult set : sets) {
				for (ArticleInput input : set.inputs) {
					extractor.extract(input);
				}
			}
		}
	}

	/**
	 * Times the extraction of a set's articles: the best of a few passes, once every set
	 * has warmed the code up.
	 */
	private static void time(Extractor extractor, SetResult set) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long best = Long.MAX_VALUE;
		for (int pass = 0; pass < TIMING_PASSES; pass++) {
			long started = threads.getCurrentThreadCpuTime();
			for (ArticleInput input : set.inputs) {
				extractor.extract(input);
			}
			best = Math.min(best, threads.getCurrentThreadCpuTime() - started);
		}
		set.extractionNanos = best;
	}

	/**
	 * Extraction time per article of one set (thread CPU time of this test run on a
	 * shared machine: a rough figure).
	 */
	private static String timing(SetResult set) {
		if (set.articles == 0) {
			return "Extraction time: no article.";
		}
		long chars = 0;
		for (ArticleInput input : set.inputs) {
			chars += input.title().length() + input.text().length();
		}
		return String.format(Locale.ROOT,
				"Extraction time: %.0f µs per article (%d articles, %.0f characters on average; best of %d "
						+ "warm passes, thread CPU time; `ExtractorBenchmark` measures throughput).",
				set.extractionNanos / 1e3 / set.articles, set.articles, (double) chars / set.articles, TIMING_PASSES);
	}

	/**
	 * The directory of the labelled sets on the test classpath, or null when it is not a
	 * directory.
	 */
	private static Path resourceDirectory() {
		URL known = ExtractionEvaluationTests.class.getResource("/extraction/evaluation.json");
		if (known == null || !"file".equals(known.getProtocol())) {
			return null;
		}
		try {
			return Path.of(known.toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The blind files ({@code evaluation-blind*.json}) in a directory, sorted by name;
	 * none when it is null.
	 */
	static List<String> blindFiles(Path directory) {
		if (directory == null) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(Files::isRegularFile)
				.map(p -> p.getFileName().toString())
				.filter(n -> n.startsWith(BLIND_PREFIX) && n.endsWith(".json"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SetResult run(Extractor extractor, String name, List<String> files, Map<String, Double> thresholds)
			throws IOException {
		SetResult set = new SetResult(name, files, thresholds);
		for (String file : files) {
			JsonNode root;
			try (InputStream in = ExtractionEvaluationTests.class.getResourceAsStream("/extraction/" + file)) {
				if (in == null) {
					throw new IllegalStateException("missing evaluation file " + file);
				}
				root = JsonMapper.builder().build().readTree(in);
			}
			for (JsonNode article : root) {
				String id = article.path("id").asString(file + "#" + (set.articles + set.incomplete.size()));
				List<String> absent = new ArrayList<>();
				for (String field : List.of("title", "text", "publishedAt", "provinces", "bodies", "documents",
						"issuedBy", "implements")) {
					if (article.get(field) == null || article.get(field).isNull()) {
						absent.add(field);
					}
				}
				if (!absent.isEmpty()) {
					set.incomplete.add(id + " (no " + String.join(", ", absent) + ")");
					continue;
				}
				set.articles++;
				ArticleInput input = new ArticleInput(article.get("title").asString(), article.get("text").asString(),
						null, LocalDate.parse(article.get("publishedAt").asString()), "evaluation");
				set.inputs.add(input);
				Extraction e = extractor.extract(input);
				Map<String, Set<String>> expected = new LinkedHashMap<>();
				Map<String, Set<String>> actual = new LinkedHashMap<>();
				expected.put("provinces", strings(article.get("provinces")));
				actual.put("provinces", new LinkedHashSet<>(ExtractionAssertions.provinceKeys(e)));
				expected.put("bodies", strings(article.get("bodies")));
				actual.put("bodies", new LinkedHashSet<>(ExtractionAssertions.bodyKeys(e)));
				expected.put("documents", strings(article.get("documents")));
				actual.put("documents", new LinkedHashSet<>(ExtractionAssertions.documentKeys(e)));
				expected.put("ISSUED_BY", pairs(article.get("issuedBy")));
				actual.put("ISSUED_BY", new LinkedHashSet<>(ExtractionAssertions.pairs(e, RelationType.ISSUED_BY)));
				expected.put("IMPLEMENTS", pairs(article.get("implements")));
				actual.put("IMPLEMENTS", new LinkedHashSet<>(ExtractionAssertions.pairs(e, RelationType.IMPLEMENTS)));
				for (String kind : KINDS) {
					compare(set, id, kind, expected.get(kind), actual.get(kind));
				}
				for (ErrorKinds.Classified c : ErrorKinds
					.classify(new ErrorKinds.Article(article.get("text").asString(), expected, actual))) {
					set.errorKinds.merge(c.kind(), 1, Integer::sum);
					set.differences.append("  - ")
						.append(c.kind())
						.append(": ")
						.append(c.missing() ? "missing " : "extra ")
						.append(c.item())
						.append('\n');
				}
			}
		}
		return set;
	}

	private static Set<String> strings(JsonNode array) {
		Set<String> out = new LinkedHashSet<>();
		for (JsonNode n : array) {
			out.add(n.asString());
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

	private static void compare(SetResult set, String id, String kind, Set<String> expected, Set<String> actual) {
		Score score = set.scores.get(kind);
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
			set.differences.append("- ").append(id).append(' ').append(kind);
			if (!missing.isEmpty()) {
				set.differences.append(" missing ").append(missing);
			}
			if (!extra.isEmpty()) {
				set.differences.append(" extra ").append(extra);
			}
			set.differences.append('\n');
		}
	}

	private static String table(SetResult set) {
		StringBuilder sb = new StringBuilder("| kind | TP | FP | FN | precision | recall | F1 | threshold |\n");
		sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		set.scores.forEach((kind,
				s) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.2f |%n", kind,
						s.truePositives, s.falsePositives, s.falseNegatives, s.precision(), s.recall(), s.f1(),
						set.thresholds.get(kind))));
		return sb.toString();
	}

	private static String kindsTable(List<SetResult> sets) {
		Map<String, int[]> rows = new TreeMap<>();
		for (int i = 0; i < sets.size(); i++) {
			for (Map.Entry<String, Integer> e : sets.get(i).errorKinds.entrySet()) {
				rows.computeIfAbsent(e.getKey(), k -> new int[sets.size()])[i] = e.getValue();
			}
		}
		StringBuilder sb = new StringBuilder("| error kind |");
		StringBuilder rule = new StringBuilder("|---|");
		for (SetResult s : sets) {
			sb.append(' ').append(s.name).append(" |");
			rule.append("---:|");
		}
		sb.append('\n').append(rule).append('\n');
		if (rows.isEmpty()) {
			sb.append("| none |").append(" 0 |".repeat(sets.size())).append('\n');
		}
		rows.forEach((kind, counts) -> {
			sb.append("| ").append(kind).append(" |");
			for (int c : counts) {
				sb.append(' ').append(c).append(" |");
			}
			sb.append('\n');
		});
		return sb.toString();
	}

	private static boolean meetsTargets(SetResult set) {
		for (String kind : BLIND_TARGET_KINDS) {
			if (set.scores.get(kind).f1() < BLIND_TARGETS.get(kind)) {
				return false;
			}
		}
		return true;
	}

	@Test
	void shouldEvaluateAtLeastFortyFiveArticles() {
		assertThat(evaluation.articles).isGreaterThanOrEqualTo(45);
	}

	@Test
	void shouldFindProvincesWithF1AtLeast095() {
		assertThat(evaluation.scores.get("provinces").f1()).as(table(evaluation))
			.isGreaterThanOrEqualTo(THRESHOLDS.get("provinces"));
	}

	@Test
	void shouldFindBodiesWithF1AtLeast085() {
		assertThat(evaluation.scores.get("bodies").f1()).as(table(evaluation))
			.isGreaterThanOrEqualTo(THRESHOLDS.get("bodies"));
	}

	@Test
	void shouldIdentifyDocumentsWithF1AtLeast095() {
		assertThat(evaluation.scores.get("documents").f1()).as(table(evaluation))
			.isGreaterThanOrEqualTo(THRESHOLDS.get("documents"));
	}

	@Test
	void shouldFindIssuersWithF1AtLeast090() {
		assertThat(evaluation.scores.get("ISSUED_BY").f1()).as(table(evaluation))
			.isGreaterThanOrEqualTo(THRESHOLDS.get("ISSUED_BY"));
	}

	@Test
	void shouldFindImplementationsWithF1AtLeast085() {
		assertThat(evaluation.scores.get("IMPLEMENTS").f1()).as(table(evaluation))
			.isGreaterThanOrEqualTo(THRESHOLDS.get("IMPLEMENTS"));
	}

	@Test
	void shouldEvaluateTwentyFiveArticlesOfTheSecondHeldOutSet() {
		assertThat(holdout2.articles).isEqualTo(25);
	}

	@ParameterizedTest
	@ValueSource(strings = { "provinces", "bodies", "documents", "ISSUED_BY", "IMPLEMENTS" })
	void shouldReachTheThresholdsOnTheSecondHeldOutSet(String kind) {
		assertThat(holdout2.scores.get(kind).f1()).as(table(holdout2))
			.isGreaterThanOrEqualTo(HOLDOUT_2_THRESHOLDS.get(kind));
	}

	@Test
	void shouldClassifyEveryDifferenceOfTheTuningSetsIntoAnErrorKind() {
		List<SetResult> gated = new ArrayList<>(List.of(evaluation, holdout2));
		gated.addAll(tuning.values());
		for (SetResult set : gated) {
			int differences = 0;
			for (Score s : set.scores.values()) {
				differences += s.falsePositives + s.falseNegatives;
			}
			int classified = 0;
			for (int count : set.errorKinds.values()) {
				classified += count;
			}
			// a paired difference (same code, other date) is one error for two items
			assertThat(classified).as(set.name)
				.isLessThanOrEqualTo(differences)
				.isGreaterThanOrEqualTo((differences + 1) / 2);
		}
	}

	static List<FormerBlindSet> formerBlindSets() {
		return FORMER_BLIND_SETS;
	}

	static Stream<Arguments> formerBlindSetsAndKinds() {
		return FORMER_BLIND_SETS.stream().flatMap(set -> KINDS.stream().map(kind -> Arguments.of(set, kind)));
	}

	@ParameterizedTest
	@MethodSource("formerBlindSets")
	void shouldEvaluateEveryArticleOfAFormerBlindSetAsTuning(FormerBlindSet set) {
		assertThat(tuning.get(set).articles).as(set.name()).isEqualTo(set.articles());
		assertThat(blind.files).noneMatch(set.files()::contains);
	}

	@ParameterizedTest
	@MethodSource("formerBlindSetsAndKinds")
	void shouldNotRegressOnAFormerBlindSet(FormerBlindSet set, String kind) {
		assertThat(tuning.get(set).scores.get(kind).f1()).as(table(tuning.get(set)))
			.isGreaterThanOrEqualTo(set.thresholds().get(kind));
	}

	/**
	 * The labelling convention on a province's own documents
	 * ({@link Extractor#ownDocument}), applied to every tuning set: no label makes a
	 * province implement a document of its own party organisation.
	 */
	@Test
	void shouldLabelNoProvinceAsImplementingADocumentOfItsOwnInTheTuningSets() throws IOException {
		Path directory = resourceDirectory();
		assumeTrue(directory != null, "the labelled sets are not in a directory");
		List<String> files;
		try (Stream<Path> listed = Files.list(directory)) {
			files = listed.map(p -> p.getFileName().toString())
				.filter(n -> n.startsWith("evaluation") && n.endsWith(".json") && !n.startsWith(BLIND_PREFIX))
				.sorted()
				.toList();
		}
		assertThat(files).contains("evaluation.json", "evaluation-tuning-a.json", "evaluation-tuning-f.json");
		List<String> own = new ArrayList<>();
		int provinceLabels = 0;
		for (String file : files) {
			JsonNode root = JsonMapper.builder().build().readTree(directory.resolve(file).toFile());
			for (JsonNode article : root) {
				for (JsonNode pair : article.path("implements")) {
					String from = pair.get(0).asString();
					if (from.indexOf('|') < 0) {
						provinceLabels++;
						if (Extractor.ownDocument(from, pair.get(1).asString())) {
							own.add(file + " " + article.path("id").asString() + ": " + from + " -> "
									+ pair.get(1).asString());
						}
					}
				}
			}
		}
		assertThat(provinceLabels).isPositive();
		assertThat(own).isEmpty();
	}

	@Test
	void shouldTakeEveryBlindFileAndNoTuningFileAsTheBlindSet(@TempDir Path directory) throws IOException {
		assertThat(blindFiles(directory)).isEmpty();
		for (String name : List.of("evaluation.json", "evaluation-tuning-a.json", "evaluation-tuning-e.json",
				"evaluation-holdout-3.json", "evaluation-blind-d.json", "evaluation-blind-c.json",
				"evaluation-blind.json", "evaluation-blind-c.json.orig", "blind-e.json")) {
			Files.writeString(directory.resolve(name), "[]");
		}
		Files.createDirectory(directory.resolve("evaluation-blind-dir.json"));
		assertThat(blindFiles(directory)).containsExactly("evaluation-blind-c.json", "evaluation-blind-d.json",
				"evaluation-blind.json");
		assertThat(blindFiles(null)).isEmpty();
	}

	@Test
	void shouldSayClearlyWhenNoBlindSetIsPresent() throws IOException {
		String report = Files.readString(Path.of("target", "extraction-evaluation.md"), StandardCharsets.UTF_8);
		if (blind.files.isEmpty()) {
			assertThat(report).contains(NO_BLIND_SET).doesNotContain("## Differences (Blind set)");
		}
		else {
			assertThat(report).doesNotContain(NO_BLIND_SET).contains("### Blind set: " + blind.articles + " articles");
		}
	}

	@Test
	void shouldReachTheTargetsOfIssue21OnTheBlindSetOnceGated() {
		assumeTrue(blind.articles > 0, "no blind set on the classpath");
		if (BLIND_SET_GATED) {
			for (String kind : BLIND_TARGET_KINDS) {
				assertThat(blind.scores.get(kind).f1()).as(kind + "\n" + table(blind))
					.isGreaterThanOrEqualTo(BLIND_TARGETS.get(kind));
			}
		}
		else {
			assertThat(meetsTargets(blind))
				.as("the blind set meets the targets of issue 21: switch BLIND_SET_GATED on\n" + table(blind))
				.isFalse();
		}
	}

	/** The figures of one set (or one file of the blind set). */
	/**
	 * A former blind set: its name in the report, how its files' sections name it, where
	 * it came from, its files, its number of articles and its gates.
	 */
	record FormerBlindSet(String name, String part, String origin, List<String> files, int articles,
			Map<String, Double> thresholds) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static final class SetResult {

		final String name;

		final List<String> files;

		final Map<String, Double> thresholds;

		final Map<String, Score> scores = new LinkedHashMap<>();

		final Map<String, Integer> errorKinds = new TreeMap<>();

		final StringBuilder differences = new StringBuilder();

		final List<String> incomplete = new ArrayList<>();

		int articles;

		final List<ArticleInput> inputs = new ArrayList<>();

		/**
		 * The best of {@link #TIMING_PASSES} passes over the set's articles, after every
		 * set was extracted once.
		 */
		long extractionNanos;

		SetResult(String name, List<String> files, Map<String, Double> thresholds) {
			this.name = name;
			this.files = files;
			this.thresholds = thresholds;
			for (String kind : KINDS) {
				this.scores.put(kind, new Score());
			}
		}

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
