package org.policygraph.graphql;

import java.time.LocalDate;
import java.util.List;

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
import org.policygraph.support.Testers;
import org.policygraph.support.TestArticles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questions researchers ask, over the sample articles plus a few of the test's own:
 * who implements a resolution through which plans on what evidence; what a province
 * carried out; the chain from a district plan up to a central resolution; a merged unit's
 * history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearcherQueriesIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/researcher-it/";

	private static final String RESOLUTION = "981-NQ/TW|TW|2022-06-16";

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
		List<RawArticle> articles = List.of(new RawArticle("Nghệ An triển khai Nghị quyết số 981-NQ/TW",
				"Thực hiện Nghị quyết số 981-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương khóa XIII, Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 982-KH/TU ngày 1-8-2022 để thực hiện.",
				PREFIX + "nghe-an", LocalDate.of(2022, 8, 10), "test", null, "r[0]"),
				new RawArticle("Thành ủy Vinh cụ thể hóa Kế hoạch số 982-KH/TU",
						"Ban Thường vụ Thành ủy Vinh ban hành Kế hoạch số 983-KH/ThU ngày 15-9-2022 để thực hiện Kế hoạch số 982-KH/TU ngày 1-8-2022 của Ban Thường vụ Tỉnh ủy Nghệ An.",
						PREFIX + "vinh", LocalDate.of(2022, 9, 20), "test", null, "r[1]"),
				new RawArticle("Hà Giang quán triệt Nghị quyết số 981-NQ/TW",
						"Tỉnh ủy Hà Giang tổ chức quán triệt và triển khai thực hiện Nghị quyết số 981-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương.",
						PREFIX + "ha-giang", LocalDate.of(2022, 7, 5), "test", null, "r[2]"));
		this.ingest.ingestRecords(articles.stream().map(ReadResult::ok).toList(), IngestOptions.defaults(),
				IngestListener.NONE);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldShowWhoImplementsAResolutionThroughWhichPlansSinceWhenAndOnWhatEvidence() {
		var response = this.graphQl.documentName("whoImplements").variable("key", RESOLUTION).execute();

		response.path("document.implementedBy.totalCount").entity(Integer.class).isEqualTo(2);
		response.path("document.implementedBy.edges[*].node.province.key")
			.entityList(String.class)
			.containsExactly("02", "40");
		response.path("document.implementedBy.edges[1].node.via[*].key")
			.entityList(String.class)
			.contains("982-KH/TU|40|2022-08-01");
		response.path("document.implementedBy.edges[1].node.firstReported")
			.entity(String.class)
			.isEqualTo("2022-08-10");
		response.path("document.implementedBy.edges[1].node.evidence[*].sentence")
			.entityList(String.class)
			.satisfies(sentences -> assertThat(sentences).anyMatch(s -> s.contains("Kế hoạch số 982-KH/TU")));
		response.path("document.implementedBy.edges[0].node.evidence[0].article.id")
			.entity(String.class)
			.isEqualTo(PREFIX + "ha-giang");
	}

	@Test
	void shouldListWhatAProvinceDocumentsIssuedInAYearImplement() {
		this.graphQl.documentName("documentsFiltered")
			.variable("issuedByKey", "94/ban-to-chuc-tinh-uy")
			.variable("fromYear", 2018)
			.variable("toYear", 2018)
			.execute()
			.path("documents.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("08-HD/BTCTU|94|2018-08-07")
			.path("documents.edges[0].node.implements[*].key")
			.entityList(String.class)
			.contains("18-KL/TW|TW|2017-09-22", "12-HD/BTCTW|TW|2018-07-06");
		this.graphQl.documentName("provinceImplements")
			.variable("name", "Sóc Trăng")
			.execute()
			.path("province.implements.edges[*].node.document.key")
			.entityList(String.class)
			.contains("18-KL/TW|TW|2017-09-22");
	}

	@Test
	void shouldFollowADistrictPlanUpToTheCentralResolution() {
		String districtPlan = this.graphQl.documentName("documentsFiltered")
			.variable("implementedByProvinceKey", null)
			.variable("type", "PLAN")
			.execute()
			.path("documents.edges[*].node.key")
			.entityList(String.class)
			.get()
			.stream()
			.filter(k -> k.startsWith("983-KH/ThU|40"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the district plan 983-KH/ThU of Vinh (Nghệ An) was not extracted"));

		this.graphQl.documentName("implementationChain")
			.variable("key", districtPlan)
			.execute()
			.path("document.lineage[*].document.key")
			.entityList(String.class)
			.containsExactly("982-KH/TU|40|2022-08-01", RESOLUTION);
		this.graphQl.documentName("pathBetween")
			.variable("from", districtPlan)
			.variable("to", RESOLUTION)
			.variable("types", List.of("IMPLEMENTS"))
			.execute()
			.path("shortestPath.edges[*].type")
			.entityList(String.class)
			.containsExactly("IMPLEMENTS", "IMPLEMENTS");
		this.graphQl.documentName("implementationChain")
			.variable("key", RESOLUTION)
			.variable("depth", 1)
			.execute()
			.path("document.implementations[*].document.key")
			.entityList(String.class)
			.containsExactly("982-KH/TU|40|2022-08-01");
	}

	@Test
	void shouldIncludeThePredecessorsHistoryForAMergedUnit() {
		this.graphQl.documentName("provinceImplements")
			.variable("name", "Tuyên Quang")
			.variable("asOf", "2026-01-01")
			.execute()
			.path("province.key")
			.entity(String.class)
			.isEqualTo("08-2025")
			.path("province.implements.edges[*].node.province.key")
			.entityList(String.class)
			.contains("02")
			.path("province.implements.edges[*].node.province.name")
			.entityList(String.class)
			.contains("Hà Giang")
			.satisfies(names -> assertThat(names).isSubsetOf("Tuyên Quang", "Hà Giang"))
			.path("province.implements.edges[*].node.province.era")
			.entityList(String.class)
			.contains("PRE_2025");
		this.graphQl.documentName("provinceImplements")
			.variable("name", "Tuyên Quang")
			.variable("asOf", "2026-01-01")
			.variable("includePredecessors", false)
			.execute()
			.path("province.implements.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void shouldDrawANeighbourhoodWithinItsLimit() {
		var response = this.graphQl.documentName("neighbourhood")
			.variable("id", RESOLUTION)
			.variable("depth", 2)
			.variable("limit", 3)
			.execute();
		response.path("neighbourhood.truncated").entity(Boolean.class).isEqualTo(true);
		response.path("neighbourhood.edges").entityList(Object.class).hasSize(3);
		this.graphQl.documentName("neighbourhood")
			.variable("id", RESOLUTION)
			.variable("types", List.of("SECRET"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

}
