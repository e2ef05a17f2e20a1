package org.policygraph.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.IngestService;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.StatementCounter;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.research.ResearchGraph.CT975;
import static org.policygraph.research.ResearchGraph.CT978;
import static org.policygraph.research.ResearchGraph.KH976;
import static org.policygraph.research.ResearchGraph.KL977;

/**
 * Implementation lag, the coverage matrix and citations over {@link ResearchGraph}, whose
 * answers are worked out by hand there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/research-it/";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private HttpGraphQlTester graphQl;

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@Autowired
	private StatementCounter statements;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@BeforeAll
	void ingestArticles() {
		ResearchGraph.ingest(PREFIX, this.ingest);
	}

	@AfterAll
	void removeArticles() {
		ResearchGraph.remove(PREFIX, this.driver);
	}

	@Test
	void shouldComputeADocumentsLagFromLocalDocumentsAndFirstReports() {
		var response = this.graphQl.documentName("documentLag").variable("key", CT975).execute();
		response.path("document.implementationLag.medianDays")
			.entity(Double.class)
			.isEqualTo(20.0)
			.path("document.implementationLag.minDays")
			.entity(Integer.class)
			.isEqualTo(10)
			.path("document.implementationLag.maxDays")
			.entity(Integer.class)
			.isEqualTo(30)
			.path("document.implementationLag.provinceCount")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("document.implementationLag.undatedCount")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("document.implementationLag.provinces[*].province.key")
			.entityList(String.class)
			.containsExactly("40", "02")
			.path("document.implementationLag.provinces[0].days")
			.entity(Integer.class)
			.isEqualTo(10)
			.path("document.implementationLag.provinces[0].basis")
			.entity(String.class)
			.isEqualTo("LOCAL_DOCUMENT")
			.path("document.implementationLag.provinces[0].startedOn")
			.entity(String.class)
			.isEqualTo("2020-02-11")
			.path("document.implementationLag.provinces[0].localDocument.key")
			.entity(String.class)
			.isEqualTo(KH976)
			.path("document.implementationLag.provinces[1].days")
			.entity(Integer.class)
			.isEqualTo(30)
			.path("document.implementationLag.provinces[1].basis")
			.entity(String.class)
			.isEqualTo("FIRST_REPORT")
			.path("document.implementationLag.provinces[1].startedOn")
			.entity(String.class)
			.isEqualTo("2020-03-02")
			.path("document.implementationLag.provinces[1].localDocument")
			.valueIsNull();
	}

	@Test
	void shouldLeaveAnUndatedDocumentOutOfTheFigures() {
		this.graphQl.documentName("documentLag")
			.variable("key", CT978)
			.execute()
			.path("document.implementationLag.medianDays")
			.valueIsNull()
			.path("document.implementationLag.provinceCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("document.implementationLag.undatedCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("document.implementationLag.provinces[0].days")
			.valueIsNull();
	}

	@Test
	void shouldAverageAProvincesLagOverTheDatedDocuments() {
		this.graphQl.documentName("provinceLag")
			.variable("provinceKey", "40")
			.variable("fromYear", 2020)
			.variable("toYear", 2020)
			.execute()
			.path("implementationLag.averageDays")
			.entity(Double.class)
			.isEqualTo(15.0)
			.path("implementationLag.documentCount")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("implementationLag.undatedCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("implementationLag.documents[*].document.key")
			.entityList(String.class)
			.containsExactly(CT975, KL977, CT978)
			.path("implementationLag.documents[*].days")
			.entityList(Object.class)
			.containsExactly(10, 20, null);
		this.graphQl.documentName("provinceLag")
			.variable("provinceKey", "40")
			.variable("type", "CONCLUSION")
			.variable("fromYear", 2020)
			.variable("toYear", 2020)
			.execute()
			.path("implementationLag.averageDays")
			.entity(Double.class)
			.isEqualTo(20.0);
	}

	@Test
	void shouldCountThePredecessorsForAMergedUnitsLag() {
		this.graphQl.documentName("provinceLag")
			.variable("provinceKey", "08-2025")
			.variable("fromYear", 2020)
			.variable("toYear", 2020)
			.execute()
			.path("implementationLag.province.key")
			.entity(String.class)
			.isEqualTo("08-2025")
			.path("implementationLag.documents[*].document.key")
			.entityList(String.class)
			.containsExactly(CT975)
			.path("implementationLag.documents[0].province.key")
			.entity(String.class)
			.isEqualTo("02")
			.path("implementationLag.averageDays")
			.entity(Double.class)
			.isEqualTo(30.0);
		this.graphQl.documentName("provinceLag")
			.variable("provinceKey", "no-such-province")
			.execute()
			.path("implementationLag")
			.valueIsNull();
		expectError(this.graphQl.documentName("provinceLag")
			.variable("provinceKey", "40")
			.variable("fromYear", 2021)
			.variable("toYear", 2020)
			.execute(), "BAD_REQUEST");
	}

	@Test
	void shouldBuildTheCoverageMatrixOverThe63Units() {
		var response = this.graphQl.documentName("coverageMatrix")
			.variable("documentKeys", List.of(CT975, KL977))
			.execute();
		response.path("coverageMatrix.documents[*].key").entityList(String.class).containsExactly(CT975, KL977);
		List<Map<String, Object>> rows = response.path("coverageMatrix.rows").entityList(MAP).get();
		assertThat(rows).hasSize(63);
		Map<String, Object> ngheAn = row(rows, "40");
		assertThat(ngheAn.get("implementedCount")).isEqualTo(2);
		assertThat(cell(ngheAn, 0)).containsEntry("implemented", true)
			.containsEntry("firstReported", "2020-02-20")
			.containsEntry("articleCount", 1);
		assertThat(cell(ngheAn, 1)).containsEntry("firstReported", "2020-03-21");
		Map<String, Object> haGiang = row(rows, "02");
		assertThat(cell(haGiang, 0)).containsEntry("implemented", true).containsEntry("via", List.of());
		assertThat(cell(haGiang, 1)).containsEntry("implemented", false).containsEntry("articleCount", 0);
		assertThat(rows).filteredOn(r -> !List.of("40", "02").contains(key(r)))
			.allSatisfy(r -> assertThat(r.get("implementedCount")).isEqualTo(0));
	}

	@Test
	void shouldAggregateThePredecessorsInThe34UnitMatrix() {
		var response = this.graphQl.documentName("coverageMatrix")
			.variable("documentKeys", List.of(CT975, KL977))
			.variable("units", "POST_2025")
			.execute();
		List<Map<String, Object>> rows = response.path("coverageMatrix.rows").entityList(MAP).get();
		assertThat(rows).hasSize(34);
		assertThat(rows).noneMatch(r -> key(r).equals("02"));
		Map<String, Object> tuyenQuang = row(rows, "08-2025");
		assertThat(cell(tuyenQuang, 0)).containsEntry("implemented", true)
			.containsEntry("firstReported", "2020-03-02")
			.containsEntry("articleCount", 1)
			.containsEntry("via", List.of(Map.of("key", "02")));
		assertThat(cell(tuyenQuang, 1)).containsEntry("implemented", false);
		assertThat(row(rows, "40").get("implementedCount")).isEqualTo(2);
	}

	@Test
	void shouldSelectTheMatrixColumnsByTypeAndPeriod() {
		this.graphQl.documentName("coverageMatrix")
			.variable("type", "DIRECTIVE")
			.variable("fromYear", 2020)
			.variable("toYear", 2020)
			.execute()
			.path("coverageMatrix.documents[*].key")
			.entityList(String.class)
			.contains(CT975, CT978)
			.doesNotContain(KL977);
	}

	@Test
	void shouldRefuseMatrixArgumentsItCannotUse() {
		expectError(this.graphQl.documentName("coverageMatrix")
			.variable("documentKeys", List.of(CT975))
			.variable("type", "DIRECTIVE")
			.execute(), "BAD_REQUEST");
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i <= DocumentSelection.MAX_DOCUMENTS; i++) {
			tooMany.add("x-" + i);
		}
		expectError(this.graphQl.documentName("coverageMatrix").variable("documentKeys", tooMany).execute(),
				"BAD_REQUEST");
		expectError(this.graphQl.documentName("coverageMatrix")
			.variable("documentKeys", List.of(CT975, "no|such|key"))
			.execute(), "NOT_FOUND");
	}

	@Test
	void shouldCiteEvidenceInBothStylesWithoutAQueryPerItem() {
		this.statements.reset();
		var response = this.graphQl.documentName("evidenceCitations").variable("key", CT975).execute();
		List<Map<String, Object>> evidence = new ArrayList<>();
		response.path("document.implementedBy.edges[*].node.evidence[*]").entityList(MAP).get().forEach(evidence::add);
		long used = this.statements.count();
		assertThat(evidence).hasSizeGreaterThanOrEqualTo(3);
		Map<String, Object> haGiang = evidence.stream()
			.filter(e -> ((Map<?, ?>) e.get("article")).get("id").equals(PREFIX + "ha-giang"))
			.findFirst()
			.orElseThrow();
		assertThat(haGiang.get("apa")).isEqualTo("Hà Giang quán triệt Chỉ thị số 975-CT/TW. (2020, March 2). "
				+ ResearchGraph.SOURCE + ". " + PREFIX + "ha-giang");
		assertThat(haGiang.get("vi")).isEqualTo("Hà Giang quán triệt Chỉ thị số 975-CT/TW. " + ResearchGraph.SOURCE
				+ ", ngày 02/03/2020. " + PREFIX + "ha-giang. — \"" + haGiang.get("sentence") + "\"");
		// document, implementedBy, evidence, article, citation articles, and the like: a
		// fixed number,
		// not one per evidence item
		assertThat(used).isLessThanOrEqualTo(8);
	}

	private static void expectError(org.springframework.graphql.test.tester.GraphQlTester.Response response,
			String classification) {
		response.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo(classification)));
	}

	@SuppressWarnings("unchecked")
	private static String key(Map<String, Object> row) {
		return (String) ((Map<String, Object>) row.get("province")).get("key");
	}

	private static Map<String, Object> row(List<Map<String, Object>> rows, String provinceKey) {
		return rows.stream()
			.filter(r -> key(r).equals(provinceKey))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + provinceKey));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cell(Map<String, Object> row, int index) {
		return ((List<Map<String, Object>>) row.get("cells")).get(index);
	}

}
