package org.policygraph.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard aggregates, kept by the response cache (the one layer that keeps them),
 * on: repeated questions are answered from it, even after a write it does not know of
 * (here straight through the driver, as another instance would); a request that sends the
 * bookmarks of that write reads the database; an ingest through this instance empties the
 * cache at once.
 */
@TestPropertySource(properties = "policygraph.graphql.response-cache.ttl=10m")
class DashboardAggregateCacheIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/dashboard-aggregate-cache-it/";

	private static final String NGHE_AN = "40";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private Driver driver;

	@Autowired
	private ResponseCache cache;

	// The first query of a new context may take longer than the test client's 5 s on a
	// busy machine.
	@BeforeEach
	void waitLongerForAnswers() {
		this.graphQl = this.graphQl.mutate()
			.webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldAnswerFromTheCacheUntilBookmarksAskForFreshDataOrAnIngestEmptiesIt() {
		int before = ngheAnCount(this.graphQl);
		assertThat(this.cache.size()).isPositive();

		List<String> bookmarks = writeAroundTheApplication();

		assertThat(ngheAnCount(this.graphQl)).as("cached: the direct write is not seen").isEqualTo(before);
		HttpGraphQlTester fresh = this.graphQl.mutate().header("Neo4j-Bookmarks", String.join(",", bookmarks)).build();
		assertThat(ngheAnCount(fresh)).as("with the write's bookmarks").isEqualTo(before + 1);
		assertThat(ngheAnCount(this.graphQl)).as("still cached").isEqualTo(before);

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

		assertThat(ngheAnCount(this.graphQl)).as("after an ingest through this instance").isEqualTo(before + 2);
	}

	private List<String> writeAroundTheApplication() {
		try (var session = this.driver.session()) {
			session.executeWrite(tx -> tx.run("""
					MATCH (p:Province {key: $province})
					CREATE (:Article {id: $id, url: $url, title: 'Written around the application'})-[:MENTIONS]->(p)""",
					Map.of("province", NGHE_AN, "id", "aggregate-cache-it-direct", "url", PREFIX + "direct"))
				.consume());
			return session.lastBookmarks().stream().map(Bookmark::value).toList();
		}
	}

	private static int ngheAnCount(HttpGraphQlTester tester) {
		List<Map<String, Object>> buckets = tester.documentName("provinceCounts")
			.execute()
			.path("counts")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		return buckets.stream()
			.filter(b -> NGHE_AN.equals(b.get("key")))
			.map(b -> ((Number) b.get("count")).intValue())
			.findFirst()
			.orElse(0);
	}

}
