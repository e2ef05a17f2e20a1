package org.policygraph.article;

import java.time.LocalDate;
import java.util.List;

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
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article list filtered by a province, a document or a party body (each starts from
 * that node's mentions), alone, combined and page by page, and its total counted only
 * when asked. Three articles of 2017 of its own: Nghệ An on Directive 951-CT/TW (March),
 * Thanh Hóa and Nghệ An together (May), Thanh Hóa on the directive (July); the period
 * keeps other articles out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleListIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/article-list-it/";

	private static final String NGHE_AN_MARCH = PREFIX + "nghe-an-march";

	private static final String BOTH_MAY = PREFIX + "both-may";

	private static final String THANH_HOA_JULY = PREFIX + "thanh-hoa-july";

	private static final String CT951 = "951-CT/TW|TW|2017-01-02";

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@Autowired
	private StatementCounter statements;

	@BeforeAll
	void ingestArticles() {
		List<RawArticle> articles = List.of(new RawArticle("Nghệ An triển khai Chỉ thị số 951-CT/TW",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 15-KH/TU ngày 1-3-2017 để thực hiện Chỉ thị số 951-CT/TW ngày 2-1-2017 của Ban Bí thư.",
				NGHE_AN_MARCH, LocalDate.of(2017, 3, 10), "test", null, "march"),
				new RawArticle("Thanh Hóa và Nghệ An ký kết chương trình phối hợp",
						"Tỉnh ủy Thanh Hóa và Tỉnh ủy Nghệ An ký kết chương trình phối hợp công tác xây dựng Đảng.",
						BOTH_MAY, LocalDate.of(2017, 5, 20), "test", null, "may"),
				new RawArticle("Thanh Hóa quán triệt Chỉ thị số 951-CT/TW",
						"Ban Thường vụ Tỉnh ủy Thanh Hóa tổ chức quán triệt Chỉ thị số 951-CT/TW ngày 2-1-2017 của Ban Bí thư.",
						THANH_HOA_JULY, LocalDate.of(2017, 7, 1), "test", null, "july"));
		IngestReport report = this.ingest.ingestRecords(articles.stream().map(ReadResult::ok).toList(),
				IngestOptions.defaults(), IngestListener.NONE);
		assertThat(report.newArticles()).isEqualTo(3);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private GraphQlTester.Response page(String provinceKey, String documentKey, String bodyKey, int first,
			String after) {
		return this.graphQl.documentName("articlesFiltered")
			.variable("provinceKey", provinceKey)
			.variable("documentKey", documentKey)
			.variable("bodyKey", bodyKey)
			.variable("from", "2017-01-01")
			.variable("to", "2017-12-31")
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private List<String> ids(String provinceKey, String documentKey, String bodyKey) {
		GraphQlTester.Response response = page(provinceKey, documentKey, bodyKey, 20, null);
		List<String> ids = response.path("articles.edges[*].node.id").entityList(String.class).get();
		response.path("articles.totalCount").entity(Integer.class).isEqualTo(ids.size());
		return ids;
	}

	@Test
	void shouldListTheArticlesMentioningAProvinceADocumentOrABodyNewestFirst() {
		assertThat(ids("40", null, null)).containsExactly(BOTH_MAY, NGHE_AN_MARCH);
		assertThat(ids("38", null, null)).containsExactly(THANH_HOA_JULY, BOTH_MAY);
		assertThat(ids(null, CT951, null)).containsExactly(THANH_HOA_JULY, NGHE_AN_MARCH);
		assertThat(ids(null, null, "40/ban-thuong-vu-tinh-uy")).containsExactly(NGHE_AN_MARCH);
	}

	@Test
	void shouldCombineTheFilters() {
		assertThat(ids("38", CT951, null)).containsExactly(THANH_HOA_JULY);
		assertThat(ids("40", CT951, "38/ban-thuong-vu-tinh-uy")).isEmpty();
		assertThat(ids("99", null, null)).isEmpty();
	}

	@Test
	void shouldWalkAFilteredListPageByPage() {
		GraphQlTester.Response first = page("40", null, null, 1, null);
		first.path("articles.edges[*].node.id").entityList(String.class).containsExactly(BOTH_MAY);
		first.path("articles.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String after = first.path("articles.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = page("40", null, null, 1, after);
		second.path("articles.edges[*].node.id").entityList(String.class).containsExactly(NGHE_AN_MARCH);
		second.path("articles.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void shouldReadTheTextOfAPagesArticlesWhenItIsAsked() {
		GraphQlTester.Response response = this.graphQl.documentName("articleTexts")
			.variable("provinceKey", "40")
			.variable("from", "2017-01-01")
			.variable("to", "2017-12-31")
			.execute();

		// The list reads the text only when it is selected (ArticleQueries.PAGE_ROW).
		response.path("articles.edges[*].node.id").entityList(String.class).containsExactly(BOTH_MAY, NGHE_AN_MARCH);
		response.path("articles.edges[*].node.text")
			.entityList(String.class)
			.containsExactly(
					"Tỉnh ủy Thanh Hóa và Tỉnh ủy Nghệ An ký kết chương trình phối hợp công tác xây dựng Đảng.",
					"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 15-KH/TU ngày 1-3-2017 để thực hiện Chỉ thị số 951-CT/TW ngày 2-1-2017 của Ban Bí thư.");
		response.path("articles.edges[*].node.publishedAt")
			.entityList(String.class)
			.containsExactly("2017-05-20", "2017-03-10");
	}

	@Test
	void shouldCountTheMatchingArticlesOnlyWhenTheTotalIsAsked() {
		this.statements.reset();
		List<String> withTotal = this.graphQl.documentName("articlesFiltered")
			.variable("provinceKey", "40")
			.variable("first", 5)
			.execute()
			.path("articles.edges[*].node.id")
			.entityList(String.class)
			.get();
		long statementsWithTotal = this.statements.count();

		this.statements.reset();
		List<String> withoutTotal = this.graphQl.documentName("articleIds")
			.variable("provinceKey", "40")
			.variable("first", 5)
			.execute()
			.path("articles.edges[*].node.id")
			.entityList(String.class)
			.get();
		long statementsWithoutTotal = this.statements.count();

		assertThat(withoutTotal).isEqualTo(withTotal).isNotEmpty();
		assertThat(statementsWithoutTotal).isEqualTo(statementsWithTotal - 1);
	}

}
