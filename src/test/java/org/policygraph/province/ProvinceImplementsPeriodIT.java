package org.policygraph.province;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.StatementCounter;
import org.policygraph.support.TestArticles;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code Province.implements(from, to)} over HTTP against a small graph of known dates:
 * Nghệ An reports Directive 951-CT/TW in March and July 2019 and Resolution 952-NQ/TW in
 * April 2021; Phú Yên reports Resolution 961-NQ/TW in June 2025 and merged into the new
 * Đắk Lắk on 1-7-2025. The sample articles are undated, so a period excludes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceImplementsPeriodIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/province-implements-period-it/";

	private static final String CT951 = "951-CT/TW|TW|2019-01-01";

	private static final String NQ952 = "952-NQ/TW|TW|2021-01-04";

	private static final String NQ961 = "961-NQ/TW|TW|2025-05-05";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@Autowired
	private IngestService ingest;

	@Autowired
	private StatementCounter statements;

	@Autowired
	private Driver driver;

	private static RawArticle article(String slug, String date, String title, String text) {
		return new RawArticle(title, text, PREFIX + slug, LocalDate.parse(date), "test", null, slug);
	}

	@BeforeAll
	void ingestArticles() {
		List<RawArticle> articles = List.of(article("nghe-an-1", "2019-03-10",
				"Nghệ An triển khai Chỉ thị số 951-CT/TW",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 13-KH/TU ngày 3-3-2019 để thực hiện Chỉ thị số 951-CT/TW ngày 1-1-2019 của Ban Bí thư."),
				article("nghe-an-2", "2019-07-15", "Nghệ An sơ kết Chỉ thị số 951-CT/TW",
						"Ban Thường vụ Tỉnh ủy Nghệ An tổ chức sơ kết 6 tháng thực hiện Chỉ thị số 951-CT/TW ngày 1-1-2019 của Ban Bí thư."),
				article("nghe-an-3", "2021-04-10", "Nghệ An thực hiện Nghị quyết số 952-NQ/TW",
						"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 77-KH/TU ngày 5-4-2021 để thực hiện Nghị quyết số 952-NQ/TW ngày 4-1-2021 của Bộ Chính trị."),
				article("phu-yen", "2025-06-10", "Phú Yên thực hiện Nghị quyết số 961-NQ/TW",
						"Ban Thường vụ Tỉnh ủy Phú Yên ban hành Kế hoạch số 42-KH/TU ngày 2-6-2025 để thực hiện Nghị quyết số 961-NQ/TW ngày 5-5-2025 của Bộ Chính trị."));
		IngestReport report = this.ingest.ingestRecords(articles.stream().map(ReadResult::ok).toList(),
				IngestOptions.defaults(), IngestListener.NONE);
		assertThat(report.newArticles()).isEqualTo(4);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private GraphQlTester.Response implementsOf(String name, String from, String to, int first, String after) {
		return this.graphQl.documentName("provinceImplementsInPeriod")
			.variable("name", name)
			.variable("from", from)
			.variable("to", to)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private List<Map<String, Object>> nodes(GraphQlTester.Response response) {
		return response.path("province.implements.edges[*].node").entityList(MAP).get();
	}

	private List<String> documentKeys(GraphQlTester.Response response) {
		return response.path("province.implements.edges[*].node.document.key").entityList(String.class).get();
	}

	@Test
	void shouldListOnlyTheDocumentsReportedInThePeriodWithThePeriodsFigures() {
		GraphQlTester.Response in2019 = implementsOf("Nghệ An", "2019-01-01", "2019-12-31", 20, null);
		in2019.path("province.implements.totalCount").entity(Integer.class).isEqualTo(1);
		assertThat(nodes(in2019))
			.extracting(n -> ((Map<?, ?>) n.get("document")).get("key"), n -> n.get("firstReported"),
					n -> n.get("lastReported"), n -> n.get("articleCount"))
			.containsExactly(tuple(CT951, "2019-03-10", "2019-07-15", 2));

		GraphQlTester.Response fromJune = implementsOf("Nghệ An", "2019-06-01", "2019-12-31", 20, null);
		assertThat(nodes(fromJune))
			.extracting(n -> ((Map<?, ?>) n.get("document")).get("key"), n -> n.get("firstReported"),
					n -> n.get("articleCount"))
			.containsExactly(tuple(CT951, "2019-07-15", 1));

		GraphQlTester.Response from2020 = implementsOf("Nghệ An", "2020-01-01", null, 20, null);
		assertThat(documentKeys(from2020)).containsExactly(NQ952);

		implementsOf("Nghệ An", "2030-01-01", "2030-12-31", 20, null).path("province.implements.totalCount")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("province.implements.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void shouldCountEveryDateWithoutAPeriod() {
		assertThat(documentKeys(implementsOf("Nghệ An", null, null, 100, null))).contains(CT951, NQ952);
	}

	@Test
	void shouldPageThroughThePeriodsImplementations() {
		GraphQlTester.Response first = implementsOf("Nghệ An", "2019-01-01", "2021-12-31", 1, null);
		first.path("province.implements.totalCount")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("province.implements.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(documentKeys(first)).containsExactly(CT951);
		String cursor = first.path("province.implements.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = implementsOf("Nghệ An", "2019-01-01", "2021-12-31", 1, cursor);
		second.path("province.implements.totalCount")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("province.implements.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
		assertThat(documentKeys(second)).containsExactly(NQ952);
	}

	@Test
	void shouldIncludeThePredecessorsReportsOfThePeriod() {
		// "Đắk Lắk" as of August 2025 is the unit formed on 1-7-2025; Phú Yên merged into
		// it.
		GraphQlTester.Response response = this.graphQl.documentName("provinceImplementsInPeriod")
			.variable("name", "Đắk Lắk")
			.variable("asOf", "2025-08-01")
			.variable("from", "2025-01-01")
			.variable("to", "2025-12-31")
			.variable("first", 20)
			.execute();
		response.path("province.key").entity(String.class).isEqualTo("66-2025");
		assertThat(nodes(response))
			.extracting(n -> ((Map<?, ?>) n.get("province")).get("key"),
					n -> ((Map<?, ?>) n.get("document")).get("key"))
			.containsExactly(tuple("54", NQ961));
	}

	@Test
	void shouldRejectAPeriodEndingBeforeItStarts() {
		implementsOf("Nghệ An", "2019-06-01", "2019-05-31", 20, null).errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(e.getMessage()).contains("'to'").contains("2019-06-01");
			}));
	}

	private long statementsFor(String mergedIntoKey) {
		this.statements.reset();
		List<Map<String, Object>> provinces = this.graphQl.documentName("provincesImplementsInPeriod")
			.variable("mergedIntoKey", mergedIntoKey)
			.variable("from", "2019-01-01")
			.variable("to", "2025-12-31")
			.execute()
			.path("provinces")
			.entityList(MAP)
			.get();
		assertThat(provinces).hasSizeGreaterThan(1);
		return this.statements.count();
	}

	@Test
	void shouldReadEveryProvincesPeriodWithOneStatementNotOnePerProvince() {
		// Two units merged into the new Đắk Lắk against every unit of both eras.
		long few = statementsFor("66-2025");
		long all = statementsFor(null);
		assertThat(all).isEqualTo(few);
	}

}
