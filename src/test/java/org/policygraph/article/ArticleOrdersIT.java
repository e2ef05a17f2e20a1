package org.policygraph.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
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
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks of a province's article list answered from its kept order ({@link ArticleOrders})
 * give the pages the statement gives (requests with bookmarks are answered by the
 * statement), in both orders and across dates shared by several articles; a later page
 * costs one statement; an ingest through the application and a deletion around it are
 * seen. 23 articles of 2011 about Nghệ An, two to a date; the period keeps other articles
 * out.
 */
@TestPropertySource(properties = "policygraph.articles.order-cache.ttl=10m")
class ArticleOrdersIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/article-orders-it/";

	private static final String NGHE_AN = "40";

	private static final int ARTICLES = 23;

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

	@Autowired
	private ArticleOrders orders;

	private final List<RawArticle> articles = new ArrayList<>();

	@BeforeEach
	void ingestArticles() {
		for (int i = 0; i < ARTICLES; i++) {
			this.articles.add(article("a" + (100 - i), LocalDate.of(2011, 1, 1).plusDays(i / 2)));
		}
		assertThat(write(this.articles)).isEqualTo(ARTICLES);
	}

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldWalkTheKeptOrderAsTheStatementDoesInBothOrders() {
		HttpGraphQlTester fresh = this.graphQl.mutate()
			.header("Neo4j-Bookmarks", String.join(",", bookmarks()))
			.build();
		for (String orderBy : List.of("PUBLISHED_DESC", "PUBLISHED_ASC")) {
			Comparator<RawArticle> byDate = Comparator.comparing(RawArticle::publishedAt);
			List<String> expected = this.articles.stream()
				.sorted((orderBy.equals("PUBLISHED_DESC") ? byDate.reversed() : byDate).thenComparing(RawArticle::url))
				.map(RawArticle::url)
				.toList();

			List<String> kept = walk(this.graphQl, orderBy, 4);
			List<String> statement = walk(fresh, orderBy, 4);

			assertThat(kept).as(orderBy).containsExactlyElementsOf(expected);
			assertThat(statement).as(orderBy).containsExactlyElementsOf(expected);
		}
		assertThat(this.orders.size()).isPositive();
	}

	@Test
	void shouldAnswerALaterPageWithOneStatement() {
		String after = page(this.graphQl, "PUBLISHED_DESC", 5, null).path("articles.pageInfo.endCursor")
			.entity(String.class)
			.get();

		this.statements.reset();
		GraphQlTester.Response second = page(this.graphQl, "PUBLISHED_DESC", 5, after);

		second.path("articles.edges[*].node.id").entityList(String.class).hasSize(5);
		second.path("articles.totalCount").entity(Integer.class).isEqualTo(ARTICLES);
		assertThat(this.statements.count()).as("the page's articles read by id").isEqualTo(1);
	}

	@Test
	void shouldSeeAnIngestThroughTheApplicationAndADeletionAroundIt() {
		List<String> before = walk(this.graphQl, "PUBLISHED_DESC", 10);

		RawArticle newest = article("newest", LocalDate.of(2011, 12, 31));
		assertThat(write(List.of(newest))).isEqualTo(1);
		List<String> afterIngest = walk(this.graphQl, "PUBLISHED_DESC", 10);
		assertThat(afterIngest).first().isEqualTo(newest.url());
		assertThat(afterIngest.subList(1, afterIngest.size())).isEqualTo(before);

		// Deleted without the application knowing: the page that held it is answered by
		// the statement.
		String gone = before.get(12);
		try (var session = this.driver.session()) {
			session.executeWrite(
					tx -> tx.run("MATCH (a:Article {id: $id}) DETACH DELETE a", Map.of("id", gone)).consume());
		}
		List<String> afterDeletion = walk(this.graphQl, "PUBLISHED_DESC", 10);
		assertThat(afterDeletion).doesNotContain(gone).hasSize(afterIngest.size() - 1);
	}

	private List<String> walk(HttpGraphQlTester tester, String orderBy, int first) {
		List<String> ids = new ArrayList<>();
		String after = null;
		for (int pages = 0; pages < 50; pages++) {
			GraphQlTester.Response response = page(tester, orderBy, first, after);
			ids.addAll(response.path("articles.edges[*].node.id").entityList(String.class).get());
			if (!response.path("articles.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				return ids;
			}
			after = response.path("articles.pageInfo.endCursor").entity(String.class).get();
		}
		throw new AssertionError("the walk did not end");
	}

	private GraphQlTester.Response page(HttpGraphQlTester tester, String orderBy, int first, String after) {
		return tester.documentName("articlesWalk")
			.variable("provinceKey", NGHE_AN)
			.variable("from", "2011-01-01")
			.variable("to", "2011-12-31")
			.variable("orderBy", orderBy)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private long write(List<RawArticle> batch) {
		return this.ingest
			.ingestRecords(batch.stream().map(ReadResult::ok).toList(), IngestOptions.defaults(), IngestListener.NONE)
			.newArticles();
	}

	private List<String> bookmarks() {
		try (var session = this.driver.session()) {
			session.executeWrite(tx -> tx.run("CREATE (p:ArticleOrdersProbe) DELETE p").consume());
			return session.lastBookmarks().stream().map(Bookmark::value).toList();
		}
	}

	private static RawArticle article(String name, LocalDate publishedAt) {
		return new RawArticle("Nghệ An: bài " + name,
				"Tỉnh ủy Nghệ An tổ chức hội nghị về công tác xây dựng Đảng, bài " + name + ".", PREFIX + name,
				publishedAt, "test", null, name);
	}

}
