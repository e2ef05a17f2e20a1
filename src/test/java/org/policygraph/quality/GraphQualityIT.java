package org.policygraph.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * {@code graphQuality} lists what the writer could not settle: an undated citation that
 * fits two documents (kept apart, with the reason), documents known only by term, keys
 * merged into a dated document (which still find it), and short names with no document.
 * Counts are compared before and after the test's own articles, as other tests share the
 * database.
 */
class GraphQualityIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/graph-quality-it/";

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@AfterEach
	void removeTestArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private void ingest(String slug, LocalDate publishedAt, String text) {
		this.ingest.ingestRecords(
				List.of(ReadResult
					.ok(new RawArticle("Tin " + slug, text, PREFIX + slug, publishedAt, "test", null, slug))),
				IngestOptions.defaults(), IngestListener.NONE);
	}

	private Map<String, Object> quality() {
		return this.graphQl.documentName("graphQuality")
			.variable("first", 100)
			.execute()
			.path("graphQuality")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private static long count(Map<String, Object> quality, String field) {
		return ((Number) quality.get(field)).longValue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldListWhatTheWriterCouldNotSettleAndCountIt() {
		Map<String, Object> before = quality();

		// One at a time, in the order that used to split documents: the undated citations
		// first.
		ingest("a", LocalDate.of(2015, 1, 5), "Ban Thường vụ Tỉnh ủy Nghệ An đã ban hành Kế hoạch số 501-KH/TU để "
				+ "triển khai thực hiện Nghị quyết số 977-NQ/TW của Bộ Chính trị.");
		ingest("b", LocalDate.of(2011, 3, 1), "Tỉnh ủy Hà Tĩnh tổ chức sơ kết một năm thực hiện Nghị quyết số "
				+ "979-NQ/TW năm 2010 của Bộ Chính trị.");
		ingest("c", LocalDate.of(2010, 6, 1), "Thực hiện Nghị quyết số 977-NQ/TW ngày 1-2-2009 của Bộ Chính trị, "
				+ "Ban Thường vụ Tỉnh ủy Thanh Hóa đã ban hành Kế hoạch số 502-KH/TU ngày 1-3-2009 để triển khai.");
		ingest("d", LocalDate.of(2014, 6, 1), "Thực hiện Nghị quyết số 977-NQ/TW ngày 3-3-2014 của Bộ Chính trị, "
				+ "Ban Thường vụ Tỉnh ủy Quảng Bình đã ban hành Kế hoạch số 503-KH/TU ngày 1-4-2014 để triển khai.");
		ingest("e", LocalDate.of(2012, 6, 1), "Thực hiện Nghị quyết số 979-NQ/TW ngày 5-5-2010 của Bộ Chính trị, "
				+ "Tỉnh ủy Quảng Trị đã ban hành Kế hoạch số 504-KH/TU ngày 1-7-2010 để triển khai.");
		ingest("f", LocalDate.of(2017, 6, 1),
				"Tỉnh ủy Phú Thọ quán triệt Chỉ thị số 978-CT/TW của Bộ Chính trị khóa " + "XII về công tác cán bộ.");
		ingest("g", LocalDate.of(2018, 6, 1), "Tỉnh ủy Yên Bái tiếp tục thực hiện Nghị quyết 976 về công tác dân vận.");

		Map<String, Object> after = quality();

		List<Map<String, Object>> duplicates = (List<Map<String, Object>>) after.get("suspectedDuplicates");
		assertThat(duplicates)
			.filteredOn(d -> ((Map<String, Object>) d.get("document")).get("key").equals("977-NQ/TW|TW|?"))
			.singleElement()
			.satisfies(d -> {
				assertThat(d.get("candidates"))
					.isEqualTo(List.of("977-NQ/TW|TW|2009-02-01", "977-NQ/TW|TW|2014-03-03"));
				assertThat((String) d.get("reason")).contains("cited without a date").contains("2 documents");
				assertThat(((Map<String, Object>) d.get("document")).get("articleCount")).isEqualTo(1);
			});
		assertThat((List<Map<String, Object>>) after.get("undatedDocuments")).extracting(d -> d.get("key"))
			.contains("977-NQ/TW|TW|?", "978-CT/TW|TW|kXII")
			.doesNotContain("979-NQ/TW|TW|2010");
		assertThat((List<Map<String, Object>>) after.get("unresolvedCitations"))
			.anySatisfy(u -> assertThat((String) u.get("surface")).contains("976"));

		assertThat(count(after, "suspectedDuplicateCount") - count(before, "suspectedDuplicateCount")).isEqualTo(1);
		// 977-NQ/TW|TW|?, 978-CT/TW|TW|kXII and the undated plan 501-KH/TU|40|?
		assertThat(count(after, "undatedDocumentCount") - count(before, "undatedDocumentCount")).isEqualTo(3);
		assertThat(count(after, "mergedDocumentCount") - count(before, "mergedDocumentCount")).isEqualTo(1);
		assertThat(count(after, "mergedKeyCount") - count(before, "mergedKeyCount")).isEqualTo(1);
		assertThat(count(after, "articlesWithUnresolvedCitationsCount")
				- count(before, "articlesWithUnresolvedCitationsCount"))
			.isEqualTo(1);
		// 977 × 3, 978, 979 (one node for two keys), 501–504 plans
		assertThat(count(after, "documentCount") - count(before, "documentCount")).isEqualTo(9);

		// The key first stored still finds the document it was merged into.
		this.graphQl.documentName("documentByOldKey")
			.variable("key", "979-NQ/TW|TW|2010")
			.execute()
			.path("document.key")
			.entity(String.class)
			.isEqualTo("979-NQ/TW|TW|2010-05-05")
			.path("document.issuedBy[0].key")
			.entity(String.class)
			.isEqualTo("TW/bo-chinh-tri");
	}

	@Test
	void shouldRejectListsLongerThanAHundred() {
		this.graphQl.documentName("graphQuality")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

}
