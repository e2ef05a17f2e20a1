package org.policygraph.implementation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.ProfiledPlan;
import org.policygraph.graph.Document;
import org.policygraph.ingest.GraphFingerprint;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.StatementCounter;
import org.policygraph.support.TestArticles;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local documents through which provinces implement documents ({@code via}) are read
 * from what each province's relationship keeps (a document's implementers) or found by
 * following the chains out of each province's own documents (a province's page): both
 * ways give the same answer, which is what the chains into the document give.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplementationViaIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/implementation-via-it/";

	private static final String[][] PLANS = { { "Nghệ An", "40", "981" }, { "Thanh Hóa", "38", "981" },
			{ "Nghệ An", "40", "982" }, { "Hà Tĩnh", "42", "982" } };

	@Autowired
	private ImplementationQueries queries;

	@Autowired
	private StatementCounter statements;

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@BeforeAll
	void ingestPlans() {
		List<ReadResult> records = new ArrayList<>();
		for (int i = 0; i < PLANS.length; i++) {
			String province = PLANS[i][0];
			String directive = PLANS[i][2];
			records.add(ReadResult.ok(new RawArticle(province + " triển khai Chỉ thị số " + directive + "-CT/TW",
					"Thực hiện Chỉ thị số " + directive + "-CT/TW ngày 1-2-2020 của Ban Bí thư, Ban Thường vụ Tỉnh ủy "
							+ province + " ban hành Kế hoạch số " + (870 + i) + "-KH/TU ngày 1-3-2020 để thực hiện.",
					PREFIX + i, LocalDate.of(2020, 3, 2 + i), "test", null, "via[" + i + "]")));
		}
		this.ingest.ingestRecords(records, IngestOptions.defaults(), IngestListener.NONE);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private static List<Map<String, String>> pairs() {
		List<Map<String, String>> pairs = new ArrayList<>();
		for (String province : List.of("40", "38", "42")) {
			for (String directive : List.of("981-CT/TW|TW|2020-02-01", "982-CT/TW|TW|2020-02-01")) {
				pairs.add(Map.of("provinceKey", province, "documentKey", directive));
			}
		}
		return pairs;
	}

	private static Map<List<String>, List<String>> keys(Map<List<String>, List<Document>> via) {
		return via.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
					e -> e.getValue().stream().map(Document::key).toList()));
	}

	@Test
	void shouldFindEachProvincesOwnPlansKeptOnItsRelationship() {
		Map<List<String>, List<String>> via = keys(this.queries.via(pairs(), false));

		assertThat(via).containsEntry(List.of("40", "981-CT/TW|TW|2020-02-01"), List.of("870-KH/TU|40|2020-03-01"))
			.containsEntry(List.of("38", "981-CT/TW|TW|2020-02-01"), List.of("871-KH/TU|38|2020-03-01"))
			.containsEntry(List.of("40", "982-CT/TW|TW|2020-02-01"), List.of("872-KH/TU|40|2020-03-01"))
			.containsEntry(List.of("42", "982-CT/TW|TW|2020-02-01"), List.of("873-KH/TU|42|2020-03-01"))
			.doesNotContainKey(List.of("38", "982-CT/TW|TW|2020-02-01"))
			.hasSize(4);
	}

	@Test
	void shouldFindTheSamePlansFollowingTheChainsOutOfEachProvincesDocuments() {
		assertThat(keys(this.queries.via(pairs(), true))).isEqualTo(keys(this.queries.via(pairs(), false))).hasSize(4);
	}

	@Test
	void shouldGiveTheSamePageWithAndWithoutTheImplementersPlans() {
		List<String> keys = List.of("981-CT/TW|TW|2020-02-01", "982-CT/TW|TW|2020-02-01", "no-such-document");
		for (String[] after : new String[][] { { null, null }, { "Nghệ An", "40" } }) {
			Map<String, ImplementationQueries.Page> plain = this.queries.byDocuments(keys, after[0], after[1], 2,
					false);
			Map<String, ImplementationQueries.Page> withPlans = this.queries.byDocuments(keys, after[0], after[1], 2,
					true);

			assertSameRowsButThePlans(plain, withPlans,
					(key, with) -> assertThat(with.document()).as("the document read once for its page")
						.isNotNull()
						.extracting(Document::key)
						.isEqualTo(key));
		}
		assertThat(this.queries.byDocuments(keys, null, null, 2, false).get("981-CT/TW|TW|2020-02-01").rows())
			.extracting(row -> row.implementation().provinceKey())
			.containsExactly("40", "38");
	}

	@Test
	void shouldCarryEachProvincesPlansWithItsPageAsTheChainsOutOfItsDocumentsGiveThem() {
		List<String> provinces = List.of("40", "38", "42");
		Map<String, ImplementationQueries.Page> plain = this.queries.byProvinces(provinces, true, null, null, null,
				null, null, 50, false);
		Map<String, ImplementationQueries.Page> withPlans = this.queries.byProvinces(provinces, true, null, null, null,
				null, null, 50, true);

		assertThat(plain).hasSize(3);
		List<Map<String, String>> pairs = new ArrayList<>();
		withPlans.values()
			.forEach(page -> page.rows()
				.forEach(row -> pairs.add(Map.of("provinceKey", row.implementation().provinceKey(), "documentKey",
						row.implementation().documentKey()))));
		Map<List<String>, List<String>> followed = keys(this.queries.via(pairs, true));
		assertSameRowsButThePlans(plain, withPlans,
				(key, with) -> assertThat(with.via()).extracting(Document::key)
					.as(with.provinceKey() + " → " + with.documentKey())
					.isEqualTo(followed.getOrDefault(List.of(with.provinceKey(), with.documentKey()), List.of())));
		assertThat(withPlans.get("40").rows()).map(ImplementationQueries.Row::implementation)
			.filteredOn(i -> i.documentKey().equals("981-CT/TW|TW|2020-02-01"))
			.singleElement()
			.extracting(i -> i.via().stream().map(Document::key).toList())
			.isEqualTo(List.of("870-KH/TU|40|2020-03-01"));
	}

	/**
	 * Asserts that two answers for the same pages are the same but for the plans, which
	 * only the second carries, and hands each of its rows to {@code check}.
	 */
	private static void assertSameRowsButThePlans(Map<String, ImplementationQueries.Page> plain,
			Map<String, ImplementationQueries.Page> withPlans, BiConsumer<String, Implementation> check) {
		assertThat(plain).containsOnlyKeys(withPlans.keySet());
		plain.forEach((key, page) -> {
			ImplementationQueries.Page other = withPlans.get(key);
			assertThat(page.total()).as(key).isEqualTo(other.total());
			assertThat(page.rows()).as(key).hasSameSizeAs(other.rows());
			for (int i = 0; i < page.rows().size(); i++) {
				Implementation without = page.rows().get(i).implementation();
				Implementation with = other.rows().get(i).implementation();
				assertThat(without.via()).isNull();
				assertThat(with.via()).isNotNull();
				assertThat(without).usingRecursiveComparison().ignoringFields("via").isEqualTo(with);
				check.accept(key, with);
			}
		});
	}

	@Test
	void shouldKeepOnEachRelationshipThePlansTheChainsGive() {
		// (other tests' articles share this database: only this invariant is asked)
		assertThat(GraphFingerprint.inconsistencies(this.driver))
			.noneMatch(found -> found.contains("localDocumentKeys"));
		try (var session = this.driver.session()) {
			assertThat(session.run("""
					MATCH (:Province {key: '40'})-[r:IMPLEMENTS]->(:Document {key: '981-CT/TW|TW|2020-02-01'})
					RETURN r.localDocumentKeys AS kept""").single().get("kept").asList(Value::asString))
				.containsExactly("870-KH/TU|40|2020-03-01");
		}
	}

	@Test
	void shouldReadNoMoreLocalDocumentsThanThePageReturns() {
		// The first implementer of 981 by name is Nghệ An, through its plan 870; Thanh
		// Hóa's plan 871 carries out 981 too but is not on the page: it is not read.
		Map<String, Object> params = new HashMap<>();
		params.put("keys", List.of("981-CT/TW|TW|2020-02-01"));
		params.put("afterName", null);
		params.put("afterProvince", null);
		params.put("limit", 1);
		params.put("withVia", true);
		params.put("withEvidence", true);
		params.put("evidenceLimit", 3);
		params.put("withArticle", true);
		params.put("withArticleText", false);
		try (var session = this.driver.session()) {
			var result = session.run("PROFILE " + ImplementationQueries.BY_DOCUMENTS, params);
			List<Object> via = result.single()
				.get("rows")
				.asList(row -> row.get("via").asList(v -> v.get("key").asString()))
				.stream()
				.flatMap(List::stream)
				.map(Object.class::cast)
				.toList();
			ProfiledPlan plan = result.consume().profile();

			assertThat(via).containsExactly("870-KH/TU|40|2020-03-01");
			assertThat(rows(plan, "VarLengthExpand", "")).as("chains followed").isZero();
			assertThat(rows(plan, "NodeUniqueIndexSeek", ":Document(key)"))
				.as("documents sought: the page's document (once, for the page, its total and itself) and its local documents")
				.isEqualTo(1 + via.size());
		}
	}

	/** Rows out of the plan's operators of a type whose details contain a text. */
	private static long rows(ProfiledPlan plan, String operator, String details) {
		long rows = (plan.operatorType().contains(operator)
				&& String.valueOf(plan.arguments().get("Details")).contains(details)) ? plan.records() : 0;
		for (ProfiledPlan child : plan.children()) {
			rows += rows(child, operator, details);
		}
		return rows;
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldReadTheImplementersPlansAndTheirEvidenceWithThePage() {
		String directive = "981-CT/TW|TW|2020-02-01";
		this.statements.reset();
		List<Map<String, Object>> implementers = this.graphQl.documentName("implementersWithPlans")
			.variable("key", directive)
			.execute()
			.path("document.implementedBy.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		long statementsRun = this.statements.count();

		assertThat(statementsRun).as("the document, its implementers with their plans and evidence").isEqualTo(2);
		Map<String, Map<String, Object>> byProvince = new HashMap<>();
		implementers
			.forEach(node -> byProvince.put((String) ((Map<String, Object>) node.get("province")).get("key"), node));
		assertThat(byProvince.get("40").get("via")).isEqualTo(List.of(Map.of("key", "870-KH/TU|40|2020-03-01")));
		assertThat(byProvince.get("38").get("via")).isEqualTo(List.of(Map.of("key", "871-KH/TU|38|2020-03-01")));
		for (String province : List.of("40", "38")) {
			List<Map<String, Object>> fromProvince = this.graphQl.documentName("provincePlansAndEvidence")
				.variable("name", province)
				.execute()
				.path("province.implements.edges[*].node")
				.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			Map<String, Object> same = fromProvince.stream()
				.filter(node -> directive.equals(((Map<String, Object>) node.get("document")).get("key")))
				.findFirst()
				.orElseThrow();
			assertThat(byProvince.get(province).get("evidence")).as("evidence of " + province)
				.isEqualTo(same.get("evidence"))
				.asList()
				.isNotEmpty();
			assertThat(byProvince.get(province).get("via")).isEqualTo(same.get("via"));
		}
	}

	@Test
	void shouldReadTheEvidenceArticlesTextOnlyWhenItIsAskedFor() {
		List<String> texts = this.graphQl.documentName("evidenceArticleText")
			.variable("key", "982-CT/TW|TW|2020-02-01")
			.execute()
			.path("document.implementedBy.edges[*].node.evidence[*].article.text")
			.entityList(String.class)
			.get();

		assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).contains("Chỉ thị số 982-CT/TW"));
	}

}
