package org.policygraph.implementation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;
import org.policygraph.graph.Evidence;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An implementation's evidence is read from the articles its relationships keep
 * ({@code evidenceArticleIds}) when they are enough, and from all evidence when a page is
 * larger than what is kept: either way the same items in the same order as sorting every
 * evidence of the province and of its local plans in the chain, newest article first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplementationEvidenceIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/implementation-evidence-it/";

	private static final String DIRECTIVE = "983-CT/TW|TW|2020-02-01";

	/** Every evidence of the pair and of its local documents in the chain, sorted. */
	private static final String EVERY_EVIDENCE = """
			MATCH (target:Document {key: $documentKey})
			OPTIONAL MATCH (v:Document)-[:IMPLEMENTS*1..4]->(target)
			WHERE v.scope = $provinceKey OR v.scope STARTS WITH $provinceKey + ':'
			WITH target, collect(DISTINCT v.key) AS localKeys
			MATCH (a:Article)-[:ASSERTS]->(e:Evidence {type: 'IMPLEMENTS'})
			WHERE (e.fromKey = $provinceKey AND e.toKey = target.key)
			   OR (e.fromKey IN localKeys AND (e.toKey = target.key OR e.toKey IN localKeys))
			WITH a, e ORDER BY a.publishedAt DESC, a.id, e.type, e.fromKey, e.toKey
			RETURN a.id + ' ' + e.fromKey + ' -> ' + e.toKey + ': ' + e.sentence AS item""";

	@Autowired
	private ImplementationQueries queries;

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	/**
	 * Nghệ An (40) implements the directive in 14 articles, directly and through its plan
	 * (province → plan and plan → directive): more than is kept, some undated, two on one
	 * day.
	 */
	@BeforeAll
	void ingestArticles() {
		List<ReadResult> records = new ArrayList<>();
		for (int i = 0; i < 14; i++) {
			LocalDate date = switch (i) {
				case 4, 9 -> null;
				case 7 -> LocalDate.of(2020, 3, 7);
				default -> LocalDate.of(2020, 3, 1 + i);
			};
			String text = (i % 2 == 0)
					? "Thực hiện Chỉ thị số 983-CT/TW ngày 1-2-2020 của Ban Bí thư, Ban Thường vụ Tỉnh ủy Nghệ An ban hành "
							+ "Kế hoạch số 880-KH/TU ngày 1-3-2020 để thực hiện, đợt " + i + "."
					: "Tỉnh ủy Nghệ An tổ chức sơ kết đợt " + i
							+ " thực hiện Chỉ thị số 983-CT/TW ngày 1-2-2020 của Ban Bí thư.";
			records.add(ReadResult.ok(new RawArticle("Nghệ An thực hiện Chỉ thị số 983-CT/TW, đợt " + i, text,
					PREFIX + "%02d".formatted(i), date, "test", null, "evidence[" + i + "]")));
		}
		this.ingest.ingestRecords(records, new IngestOptions(null, false, 3), IngestListener.NONE);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldReadTheSameEvidenceAsSortingEveryEvidence() {
		List<String> every;
		try (var session = this.driver.session()) {
			every = session.run(EVERY_EVIDENCE, Map.of("provinceKey", "40", "documentKey", DIRECTIVE))
				.list(r -> r.get("item").asString());
			long relationships = session.run("""
					MATCH (:Entity)-[r:IMPLEMENTS]->(:Document)
					WHERE any(id IN r.evidenceArticleIds WHERE id STARTS WITH $prefix)
					RETURN count(r) AS n""", Map.of("prefix", PREFIX)).single().get("n").asLong();
			assertThat(relationships).as("province → directive and plan → directive").isGreaterThanOrEqualTo(2);
		}
		assertThat(every).as("more evidence than one relationship keeps").hasSizeGreaterThan(12);
		for (int first : List.of(1, 3, 10, 11, 15, 100)) {
			for (boolean localsKnown : List.of(false, true)) {
				Map<String, Object> pair = new HashMap<>();
				pair.put("provinceKey", "40");
				pair.put("documentKey", DIRECTIVE);
				if (localsKnown) {
					pair.put("localKeys", localKeys());
				}
				List<Evidence> read = this.queries.evidence(List.of(pair), first, true, false)
					.get(List.of("40", DIRECTIVE));
				assertThat(read).as("first " + first + (localsKnown ? ", locals known" : ""))
					.extracting(e -> e.articleId() + " " + e.fromKey() + " -> " + e.toKey() + ": " + e.sentence())
					.containsExactlyElementsOf(every.subList(0, Math.min(first, every.size())));
			}
		}
	}

	/**
	 * The articles read are those of the evidence shown: the first items of the
	 * province's relationship and of its plan's are chosen from what each keeps (article
	 * ids and dates), before any article is read. Reading the kept articles of every
	 * relationship would read up to twice as many here (two relationships, each keeping
	 * 10).
	 */
	@Test
	void shouldReadOnlyTheArticlesOfTheEvidenceShown() {
		Map<String, Object> pair = new HashMap<>();
		pair.put("provinceKey", "40");
		pair.put("documentKey", DIRECTIVE);
		pair.put("localKeys", localKeys());
		for (int first : List.of(1, 3, 10)) {
			try (var session = this.driver.session()) {
				ResultSummary summary = session
					.run("PROFILE " + ImplementationQueries.EVIDENCE_WITH_LOCALS,
							Map.of("pairs", List.of(pair), "evidenceLimit", first, "withArticle", true,
									"withArticleText", false))
					.consume();
				assertThat(articlesSought(summary.profile())).as("articles read for the first " + first)
					.isEqualTo(first);
			}
		}
	}

	/** Rows out of the plan's seeks of an article by its id. */
	private static long articlesSought(ProfiledPlan plan) {
		long rows = (plan.operatorType().contains("NodeUniqueIndexSeek")
				&& String.valueOf(plan.arguments().get("Details")).contains(":Article(id)")) ? plan.records() : 0;
		for (ProfiledPlan child : plan.children()) {
			rows += articlesSought(child);
		}
		return rows;
	}

	private List<String> localKeys() {
		try (var session = this.driver.session()) {
			return session.run("""
					MATCH (v:Document)-[:IMPLEMENTS*1..4]->(:Document {key: $key})
					WHERE v.scope = '40'
					RETURN collect(DISTINCT v.key) AS keys""", Map.of("key", DIRECTIVE))
				.single()
				.get("keys")
				.asList(Value::asString);
		}
	}

}
