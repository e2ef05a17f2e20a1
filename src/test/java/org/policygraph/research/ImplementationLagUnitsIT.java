package org.policygraph.research;

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
import org.policygraph.support.TestArticles;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A document's implementation lag is measured over the units that existed when it was
 * issued: a unit formed on 1-7-2025 that reports an older directive years later is not a
 * row of its lag (it would count the years before it existed), and for a directive issued
 * after the merger a unit merged away counts for the unit it became part of.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplementationLagUnitsIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/lag-units-it/";

	private static final String OLD_DIRECTIVE = "979-CT/TW|TW|2021-03-01";

	private static final String NEW_DIRECTIVE = "981-CT/TW|TW|2025-07-15";

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
		List<RawArticle> articles = List.of(article("ha-giang-979", "2021-03-25", "Hà Giang thực hiện Chỉ thị 979",
				"Ban Thường vụ Tỉnh ủy Hà Giang ban hành Kế hoạch số 980-KH/TU ngày 21-3-2021 để thực hiện Chỉ thị số 979-CT/TW ngày 1-3-2021 của Ban Bí thư."),
				article("tuyen-quang-979", "2025-09-01", "Tuyên Quang tiếp tục thực hiện Chỉ thị 979",
						"Ban Thường vụ Tỉnh ủy Tuyên Quang ban hành Kế hoạch số 15-KH/TU ngày 10-8-2025 để thực hiện Chỉ thị số 979-CT/TW ngày 1-3-2021 của Ban Bí thư."),
				article("tuyen-quang-981", "2025-08-01", "Tuyên Quang thực hiện Chỉ thị 981",
						"Ban Thường vụ Tỉnh ủy Tuyên Quang ban hành Kế hoạch số 16-KH/TU ngày 25-7-2025 để thực hiện Chỉ thị số 981-CT/TW ngày 15-7-2025 của Ban Bí thư."));
		this.ingest.ingestRecords(articles.stream().map(ReadResult::ok).toList(), IngestOptions.defaults(),
				IngestListener.NONE);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldMeasureAnOlderDocumentsLagOverTheUnitsThatExistedWhenItWasIssued() {
		this.graphQl.documentName("documentLag")
			.variable("key", OLD_DIRECTIVE)
			.execute()
			.path("document.implementationLag.provinces[*].province.key")
			.entityList(String.class)
			.containsExactly("02")
			.path("document.implementationLag.maxDays")
			.entity(Integer.class)
			.isEqualTo(20)
			.path("document.implementationLag.provinceCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void shouldMeasureALaterDocumentsLagOverTheUnitsSinceTheMerger() {
		this.graphQl.documentName("documentLag")
			.variable("key", NEW_DIRECTIVE)
			.execute()
			.path("document.implementationLag.provinces[*].province.key")
			.entityList(String.class)
			.containsExactly("08-2025")
			.path("document.implementationLag.provinces[0].days")
			.entity(Integer.class)
			.isEqualTo(10)
			.path("document.implementationLag.provinces[0].localDocument.key")
			.entity(String.class)
			.isEqualTo("16-KH/TU|08-2025|2025-07-25");
	}

	private static RawArticle article(String slug, String date, String title, String text) {
		return new RawArticle(title, text, PREFIX + slug, LocalDate.parse(date), "Báo Thử nghiệm", null, slug);
	}

}
