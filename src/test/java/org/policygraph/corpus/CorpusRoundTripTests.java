package org.policygraph.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policygraph.extraction.ArticleInput;
import org.policygraph.extraction.DocumentMention;
import org.policygraph.extraction.Extraction;
import org.policygraph.extraction.Extractor;
import org.policygraph.extraction.ProvinceMention;
import org.policygraph.extraction.RelationType;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluation of the extractor on a generated corpus: every article goes through the
 * NDJSON reader and {@link Extractor#createDefault()}, and what it finds is compared with
 * the truth file. Precision, recall and F1 are micro-averaged over all articles, per
 * kind.
 */
class CorpusRoundTripTests {

	private static final int ARTICLES = 1_000;

	private static final long SEED = 7;

	private static final Map<String, Score> SCORES = new LinkedHashMap<>();

	@BeforeAll
	static void evaluate() {
		String[] files = CorpusReading.write(SEED, ARTICLES);
		List<ReadResult> read = CorpusReading.read(files[0]);
		List<ArticleTruth> truths = CorpusGenerator.create(SEED)
			.articles(ARTICLES)
			.map(GeneratedArticle::truth)
			.toList();
		assertThat(read).allMatch(ReadResult::ok).hasSize(ARTICLES);
		Extractor extractor = Extractor.createDefault();
		for (String kind : List.of("provinces", "documents", "ISSUED_BY", "IMPLEMENTS")) {
			SCORES.put(kind, new Score(kind));
		}
		for (int i = 0; i < ARTICLES; i++) {
			RawArticle a = read.get(i).article();
			ArticleTruth t = truths.get(i);
			Extraction e = extractor
				.extract(new ArticleInput(a.title(), a.text(), a.url(), a.publishedAt(), a.source()));
			SCORES.get("provinces")
				.add(a, Set.copyOf(t.provinces()), keys(e.provinces().stream().map(ProvinceMention::key).toList()));
			SCORES.get("documents")
				.add(a, Set.copyOf(t.documents()), keys(e.documents().stream().map(DocumentMention::key).toList()));
			SCORES.get("ISSUED_BY").add(a, pairs(t.issuedBy()), relations(e, RelationType.ISSUED_BY));
			SCORES.get("IMPLEMENTS").add(a, pairs(t.implementsPairs()), relations(e, RelationType.IMPLEMENTS));
		}
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
				"%nExtractor on %,d generated articles (seed %d)%n| kind | truth | found | correct | precision | recall | F1 |%n|---|---:|---:|---:|---:|---:|---:|%n",
				ARTICLES, SEED));
		for (Score s : SCORES.values()) {
			table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f |%n", s.kind, s.truth,
					s.found, s.correct, s.precision(), s.recall(), s.f1()));
		}
		System.out.println(table);
		for (Score s : SCORES.values()) {
			s.examples.stream().limit(6).forEach(x -> System.out.println(s.kind + ": " + x));
		}
	}

	@Test
	void shouldFindTheProvincesTheArticlesName() {
		assertThat(SCORES.get("provinces").f1()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void shouldIdentifyTheDocumentsTheArticlesCite() {
		assertThat(SCORES.get("documents").f1()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void shouldFindTheIssuersTheArticlesState() {
		assertThat(SCORES.get("ISSUED_BY").f1()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void shouldFindTheImplementationsTheArticlesState() {
		assertThat(SCORES.get("IMPLEMENTS").f1()).isGreaterThanOrEqualTo(0.85);
	}

	private static Set<String> keys(List<String> keys) {
		return new HashSet<>(keys);
	}

	private static Set<String> pairs(List<List<String>> pairs) {
		Set<String> out = new HashSet<>();
		for (List<String> p : pairs) {
			out.add(p.get(0) + " -> " + p.get(1));
		}
		return out;
	}

	private static Set<String> relations(Extraction e, RelationType type) {
		Set<String> out = new HashSet<>();
		e.relations(type).forEach(r -> out.add(r.from().key() + " -> " + r.to().key()));
		return out;
	}

	/** Counts for one kind, and a few mismatches to show. */
	private static final class Score {

		final String kind;

		long truth;

		long found;

		long correct;

		final List<String> examples = new ArrayList<>();

		Score(String kind) {
			this.kind = kind;
		}

		void add(RawArticle a, Set<String> expected, Set<String> actual) {
			this.truth += expected.size();
			this.found += actual.size();
			Set<String> ok = new HashSet<>(expected);
			ok.retainAll(actual);
			this.correct += ok.size();
			if (ok.size() != expected.size() || ok.size() != actual.size()) {
				Set<String> missed = new HashSet<>(expected);
				missed.removeAll(actual);
				Set<String> extra = new HashSet<>(actual);
				extra.removeAll(expected);
				this.examples.add(a.location() + " missed " + missed + " extra " + extra + "\n    " + a.title()
						+ "\n    " + a.text());
			}
		}

		double precision() {
			return this.found == 0 ? 1.0 : (double) this.correct / this.found;
		}

		double recall() {
			return this.truth == 0 ? 1.0 : (double) this.correct / this.truth;
		}

		double f1() {
			double p = precision();
			double r = recall();
			return p + r == 0 ? 0 : 2 * p * r / (p + r);
		}

	}

}
