package org.policygraph.cache;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.GraphQLFieldDefinition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.StatementCounter;
import org.policygraph.support.TestArticles;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The responses' cache, on, over HTTP against the in-process Neo4j: a repeated query
 * reads nothing from the database and does not see a write made around the application
 * (as through another instance), a dashboard aggregate or a list of articles alike; a
 * request with that write's bookmarks does; an ingest through this instance empties the
 * cache at once (serve-stale is off by default).
 */
@TestPropertySource(properties = "policygraph.graphql.response-cache.ttl=10m")
class ResponseCacheIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/response-cache-it/";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private Driver driver;

	@Autowired
	private StatementCounter statements;

	@Autowired
	private ResponseCache cache;

	@Autowired
	private GraphGeneration generation;

	@Autowired
	private GraphQlSource graphQlSource;

	@BeforeEach
	void forgetResponsesOfOtherTests() {
		this.generation.onGraphChanged(GraphChanged.written());
		// An ingest, or the first query of a new context, may take longer than the test
		// client's 5 s on a busy machine.
		this.graphQl = Testers.patient(this.graphQl);
	}

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldMarkEveryQueryFieldButThoseListedUncached() {
		Set<String> all = this.graphQlSource.schema()
			.getQueryType()
			.getFieldDefinitions()
			.stream()
			.map(GraphQLFieldDefinition::getName)
			.collect(Collectors.toSet());

		assertThat(ResponseCache.cacheableFields(this.graphQlSource.schema())).contains("articles", "search", "article")
			.doesNotContainAnyElementsOf(ResponseCache.UNCACHED.keySet())
			.hasSize(all.size() - ResponseCache.UNCACHED.size());
	}

	@Test
	void shouldAnswerARepeatedDashboardQueryWithoutReadingTheDatabase() {
		int first = articleCount(this.graphQl);
		this.statements.reset();

		int second = articleCount(this.graphQl);

		assertThat(second).isEqualTo(first);
		assertThat(this.statements.count()).as("statements for the repeated query").isZero();
		assertThat(this.cache.size()).isPositive();
	}

	@Test
	void shouldServeKeptResponsesUntilBookmarksAskForFreshDataOrAnIngestEmptiesTheCache() {
		int before = articleCount(this.graphQl);
		int listedBefore = articlesListed();

		List<String> bookmarks = writeAroundTheApplication();

		assertThat(articleCount(this.graphQl)).as("kept: the direct write is not seen").isEqualTo(before);
		assertThat(articlesListed()).as("a list kept too").isEqualTo(listedBefore);
		HttpGraphQlTester fresh = this.graphQl.mutate().header("Neo4j-Bookmarks", String.join(",", bookmarks)).build();
		assertThat(articleCount(fresh)).as("with the write's bookmarks").isEqualTo(before + 1);
		assertThat(articleCount(this.graphQl)).as("still kept").isEqualTo(before);

		HttpGraphQlTester editor = this.graphQl.mutate()
			.headers(h -> h.setBasicAuth("editor", EDITOR_PASSWORD))
			.build();
		editor.documentName("ingestArticles")
			.variable("input", Map.of("articles", List.of(Map.of("url", PREFIX + "ingested", "title",
					"Nghệ An thực hiện Chỉ thị số 905-CT/TW", "text",
					"Tỉnh ủy Nghệ An ban hành kế hoạch thực hiện Chỉ thị số 905-CT/TW ngày 3-3-2019 của Ban Bí thư.",
					"publishedAt", "2019-04-01"))))
			.execute()
			.path("ingestArticles.newCount")
			.entity(Integer.class)
			.isEqualTo(1);

		assertThat(articleCount(this.graphQl)).as("after an ingest through this instance").isEqualTo(before + 2);
		assertThat(articlesListed()).as("serve-stale is off by default: the list after the ingest")
			.isEqualTo(listedBefore + 2);
	}

	private List<String> writeAroundTheApplication() {
		try (var session = this.driver.session()) {
			session.executeWrite(
					tx -> tx
						.run("""
								CREATE (a:Article {id: $id, url: $url, title: 'Written around the application'})
								WITH a MATCH (p:Province {key: '40'}) CREATE (a)-[:MENTIONS]->(p)""",
								Map.of("id", "response-cache-it-direct", "url", PREFIX + "direct"))
						.consume());
			return session.lastBookmarks().stream().map(Bookmark::value).toList();
		}
	}

	private static int articleCount(HttpGraphQlTester tester) {
		return tester.documentName("about").execute().path("about.articleCount").entity(Integer.class).get();
	}

	private int articlesListed() {
		return this.graphQl.documentName("articlesPage")
			.variable("first", 1)
			.variable("provinceKey", "40")
			.execute()
			.path("articles.totalCount")
			.entity(Integer.class)
			.get();
	}

}
