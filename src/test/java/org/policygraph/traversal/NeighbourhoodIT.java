package org.policygraph.traversal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The neighbourhood of a much-cited document, as the explorer draws it: its implementers
 * and issuer before the articles citing it, only the relationship types asked for, the
 * articles left out on request counted, and each node with what tells it apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourhoodIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/neighbourhood-it/";

	private static final String HUB = "971-NQ/TW|TW|2021-05-10";

	private static final List<String> IMPLEMENTERS = List.of("Nghệ An", "Lâm Đồng", "Cà Mau");

	/** Articles that only mention the hub, besides those of the implementers. */
	private static final int MENTIONS_ONLY = 14;

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private HttpGraphQlTester graphQl;

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@BeforeAll
	void ingestArticles() {
		List<ReadResult> articles = new ArrayList<>();
		for (int i = 0; i < IMPLEMENTERS.size(); i++) {
			String province = IMPLEMENTERS.get(i);
			articles.add(ReadResult.ok(new RawArticle(province + " triển khai Nghị quyết số 971-NQ/TW",
					"Ban Thường vụ Tỉnh ủy " + province + " ban hành Kế hoạch số " + (972 + i) + "-KH/TU ngày "
							+ (i + 1) + "-7-2021 để thực hiện Nghị quyết số 971-NQ/TW ngày 10-5-2021 của Bộ Chính trị.",
					PREFIX + "implements-" + i, LocalDate.of(2021, 7, 10 + i), "test", null, "impl[" + i + "]")));
		}
		for (int i = 0; i < MENTIONS_ONLY; i++) {
			// Newer than the implementers' articles: stored last, met first by a
			// traversal in storage order.
			articles.add(ReadResult.ok(new RawArticle("Bàn về Nghị quyết số 971-NQ/TW, kỳ " + (i + 1),
					"Bài viết số " + (i + 1) + " phân tích Nghị quyết số 971-NQ/TW ngày 10-5-2021 của Bộ Chính trị.",
					PREFIX + "mention-" + i, LocalDate.of(2022, 1, 1 + i), "test", null, "mention[" + i + "]")));
		}
		this.ingest.ingestRecords(articles, IngestOptions.defaults(), IngestListener.NONE);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private Map<String, Object> view(List<String> types, int limit, Integer articleLimit) {
		return this.graphQl.documentName("neighbourhoodView")
			.variable("id", HUB)
			.variable("types", types)
			.variable("limit", limit)
			.variable("articleLimit", articleLimit)
			.execute()
			.path("neighbourhood")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> view, String field) {
		return (List<Map<String, Object>>) view.get(field);
	}

	private static List<String> ids(Map<String, Object> view, String kind) {
		return list(view, "nodes").stream()
			.filter(n -> kind.equals(n.get("kind")))
			.map(n -> (String) n.get("id"))
			.toList();
	}

	private static int total(Map<String, Object> view, String type, String kind) {
		return list(view, "around").stream()
			.filter(c -> type.equals(c.get("type")) && kind.equals(c.get("kind")))
			.mapToInt(c -> ((Number) c.get("total")).intValue())
			.sum();
	}

	@Test
	void shouldTakeImplementersAndIssuerBeforeArticlesWhenTheLimitCuts() {
		Map<String, Object> all = view(null, 1000, null);
		int entities = list(all, "nodes").size() - 1 - ids(all, "ARTICLE").size();
		int articles = ids(all, "ARTICLE").size();
		assertThat(articles).isEqualTo(IMPLEMENTERS.size() + MENTIONS_ONLY);
		assertThat(ids(all, "PROVINCE")).hasSize(IMPLEMENTERS.size());
		assertThat(ids(all, "PARTY_BODY")).containsExactly("TW/bo-chinh-tri");

		// Room for every province, body and document and two articles: the cut falls on
		// articles.
		Map<String, Object> cut = view(null, entities + 2, null);
		assertThat(cut.get("truncated")).isEqualTo(true);
		assertThat(ids(cut, "PROVINCE")).containsExactlyInAnyOrderElementsOf(ids(all, "PROVINCE"));
		assertThat(ids(cut, "DOCUMENT")).containsExactlyInAnyOrderElementsOf(ids(all, "DOCUMENT"));
		assertThat(ids(cut, "PARTY_BODY")).containsExactly("TW/bo-chinh-tri");
		assertThat(ids(cut, "ARTICLE")).hasSize(2);
		assertThat(total(cut, "MENTIONS", "ARTICLE")).isEqualTo(articles);
	}

	@Test
	void shouldLeaveArticlesOutOnRequestAndCountThem() {
		Map<String, Object> view = view(null, 200, 0);

		assertThat(ids(view, "ARTICLE")).isEmpty();
		assertThat(view.get("truncated")).as("left out on request, not cut by the limit").isEqualTo(false);
		assertThat(ids(view, "PROVINCE")).hasSize(IMPLEMENTERS.size());
		Map<String, Object> mentions = list(view, "around").stream()
			.filter(c -> "MENTIONS".equals(c.get("type")))
			.findFirst()
			.orElseThrow();
		assertThat(mentions).containsEntry("outgoing", false)
			.containsEntry("kind", "ARTICLE")
			.containsEntry("total", IMPLEMENTERS.size() + MENTIONS_ONLY)
			.containsEntry("included", 0);
		Map<String, Object> issuer = list(view, "around").stream()
			.filter(c -> "ISSUED_BY".equals(c.get("type")))
			.findFirst()
			.orElseThrow();
		assertThat(issuer).containsEntry("outgoing", true).containsEntry("total", 1).containsEntry("included", 1);

		Map<String, Object> some = view(null, 200, 5);
		assertThat(ids(some, "ARTICLE")).hasSize(5);
	}

	@Test
	void shouldFollowOnlyTheTypesAsked() {
		Map<String, Object> view = view(List.of("IMPLEMENTS"), 200, null);

		assertThat(list(view, "edges")).isNotEmpty().allSatisfy(e -> assertThat(e.get("type")).isEqualTo("IMPLEMENTS"));
		assertThat(ids(view, "ARTICLE")).isEmpty();
		assertThat(ids(view, "PARTY_BODY")).isEmpty();
		assertThat(list(view, "around")).extracting(c -> c.get("type")).containsOnly("IMPLEMENTS");
	}

	private Map<String, Object> viewOf(String from, String to) {
		return this.graphQl.documentName("neighbourhoodView")
			.variable("id", HUB)
			.variable("limit", 200)
			.variable("articleLimit", 0)
			.variable("from", from)
			.variable("to", to)
			.execute()
			.path("neighbourhood")
			.entity(MAP)
			.get();
	}

	@Test
	void shouldFollowOnlyWhatWasReportedInThePeriodAsked() {
		// The implementers reported in July 2021; the other articles were published in
		// January 2022.
		Map<String, Object> of2021 = viewOf("2021-01-01", "2021-12-31");
		assertThat(ids(of2021, "PROVINCE")).hasSize(IMPLEMENTERS.size());
		assertThat(ids(of2021, "DOCUMENT")).hasSize(IMPLEMENTERS.size() + 1);
		assertThat(total(of2021, "MENTIONS", "ARTICLE")).isEqualTo(IMPLEMENTERS.size());

		Map<String, Object> of2022 = viewOf("2022-01-01", "2022-12-31");
		assertThat(ids(of2022, "PROVINCE")).as("no unit reported implementing it in 2022").isEmpty();
		assertThat(list(of2022, "edges")).noneMatch(e -> "IMPLEMENTS".equals(e.get("type")));
		assertThat(total(of2022, "MENTIONS", "ARTICLE")).isEqualTo(MENTIONS_ONLY);
		assertThat(total(of2022, "IMPLEMENTS", "PROVINCE")).isZero();

		// One Nghệ An article: only Nghệ An and its plan.
		Map<String, Object> firstDay = viewOf("2021-07-10", "2021-07-10");
		assertThat(ids(firstDay, "PROVINCE")).containsExactly("40");
		assertThat(total(firstDay, "MENTIONS", "ARTICLE")).isEqualTo(1);
		assertThat(ids(viewOf("2023-01-01", null), "PROVINCE")).isEmpty();
	}

	@Test
	void shouldRejectAPeriodEndingBeforeItStarts() {
		this.graphQl.documentName("neighbourhoodView")
			.variable("id", HUB)
			.variable("from", "2022-01-01")
			.variable("to", "2021-12-31")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(e.getMessage()).contains("'to'");
			}));
	}

	@Test
	void shouldTellNodesOfTheSameKindApart() {
		Map<String, Object> view = view(null, 200, 3);
		Map<String, Object> root = list(view, "nodes").get(0);
		assertThat(root).containsEntry("id", HUB)
			.containsEntry("label", "Nghị quyết số 971-NQ/TW")
			.containsEntry("date", "2021-05-10")
			.containsEntry("year", 2021)
			.containsEntry("level", "CENTRAL")
			.containsEntry("provinceName", null);
		Map<String, Object> plan = list(view, "nodes").stream()
			.filter(n -> ((String) n.get("id")).startsWith("972-KH/TU|"))
			.findFirst()
			.orElseThrow();
		assertThat(plan).containsEntry("provinceKey", "40")
			.containsEntry("provinceName", "Nghệ An")
			.containsEntry("level", "PROVINCIAL")
			.containsEntry("date", "2021-07-01");
		Map<String, Object> province = list(view, "nodes").stream()
			.filter(n -> "PROVINCE".equals(n.get("kind")) && "40".equals(n.get("id")))
			.findFirst()
			.orElseThrow();
		assertThat(province).containsEntry("provinceName", "Nghệ An").containsEntry("era", "BOTH");
		assertThat(list(view, "nodes").stream().filter(n -> "ARTICLE".equals(n.get("kind"))))
			.allSatisfy(a -> assertThat(a.get("date")).isNotNull());
	}

	@Test
	void shouldAnswerAnUnknownIdWithNotFound() {
		this.graphQl.documentName("neighbourhoodView")
			.variable("id", "no-such|node|id")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
		this.graphQl.documentName("neighbourhoodView")
			.variable("id", HUB)
			.variable("limit", 10)
			.variable("articleLimit", 11)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

}
