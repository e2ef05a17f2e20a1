package org.policygraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code ingestArticles} call that runs out of time: it stops at its deadline and
 * answers with a result per article (what it wrote, and {@code NOT_PROCESSED} for the
 * rest) instead of a timeout error, its transaction stuck behind a lock is ended by the
 * database at the deadline, and sending the same batch again completes it. The write
 * timeout is short here (10 s, 3 s kept back to answer in), and the second of three
 * batches is held up by a transaction of the test's own that holds the uniqueness lock of
 * one of its articles.
 */
@TestPropertySource(properties = { "policygraph.graphql.write-timeout=10s", "policygraph.ingest.answer-reserve=3s" })
class IngestDeadlineIT extends HarnessIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PREFIX = "https://deadline.policygraph.example/";

	private static final String MUTATION = """
			mutation Ingest($input: IngestArticlesInput!) {
			  ingestArticles(input: $input) {
			    newCount unchangedCount failedCount notProcessedCount
			    results { index articleId status reason }
			  }
			}""";

	@LocalServerPort
	private int port;

	@Autowired
	private Driver driver;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldAnswerWithWhatItWroteAndNotProcessedForTheRestWhenItsTimeIsUpAndCompleteOnARetry() {
		List<Map<String, Object>> articles = articles(300);
		JsonNode first;
		// Another writer holds the uniqueness lock of article 150 (in the second batch of
		// 100) until it ends.
		try (Session session = this.driver.session(); Transaction blocker = session.beginTransaction()) {
			blocker.run("CREATE (:Article {id: $id})", Map.of("id", PREFIX + 150)).consume();
			first = ingest(articles);
			blocker.rollback();
		}

		assertThat(first.path("errors").isMissingNode()).as(first.path("errors").toString()).isTrue();
		JsonNode payload = first.path("data").path("ingestArticles");
		JsonNode results = payload.path("results");
		assertThat(results.size()).isEqualTo(300);
		for (int i = 0; i < 300; i++) {
			JsonNode result = results.get(i);
			assertThat(result.path("index").asInt()).isEqualTo(i);
			assertThat(result.path("articleId").asString()).isEqualTo(PREFIX + i);
			// The first batch was committed before the lock held up the second; the third
			// never began.
			assertThat(result.path("status").asString()).as("article %d", i)
				.isEqualTo((i < 100) ? "NEW" : "NOT_PROCESSED");
			if (i >= 100) {
				assertThat(result.path("reason").asString()).contains("time was up", "send it again");
			}
		}
		assertThat(payload.path("newCount").asInt()).isEqualTo(100);
		assertThat(payload.path("notProcessedCount").asInt()).isEqualTo(200);
		assertThat(payload.path("failedCount").asInt()).isZero();
		assertThat(storedArticles()).as("articles in the graph after the cut-off call").isEqualTo(100);

		JsonNode retry = ingest(articles);
		JsonNode again = retry.path("data").path("ingestArticles");
		assertThat(retry.path("errors").isMissingNode()).as(retry.path("errors").toString()).isTrue();
		assertThat(again.path("unchangedCount").asInt()).isEqualTo(100);
		assertThat(again.path("newCount").asInt()).isEqualTo(200);
		assertThat(again.path("notProcessedCount").asInt()).isZero();
		assertThat(storedArticles()).as("articles in the graph after the retry").isEqualTo(300);
	}

	private long storedArticles() {
		try (Session session = this.driver.session()) {
			return session
				.run("MATCH (a:Article) WHERE a.id STARTS WITH $prefix AND a.title IS NOT NULL RETURN count(a)",
						Map.of("prefix", PREFIX))
				.single()
				.get(0)
				.asLong();
		}
	}

	private static List<Map<String, Object>> articles(int count) {
		List<Map<String, Object>> articles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			articles.add(Map.of("url", PREFIX + i, "title", "Tỉnh ủy Nghệ An triển khai nghị quyết, bản tin số " + i,
					"text",
					"Ngày 5-3-2024, Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số " + (100 + i)
							+ "-KH/TU thực hiện Nghị quyết số 21-NQ/TW ngày 16-6-2022 của Hội nghị Trung ương 5 khóa XIII.",
					"publishedAt", "2024-03-06", "source", "Báo Nghệ An"));
		}
		return articles;
	}

	private JsonNode ingest(List<Map<String, Object>> articles) {
		String body = json
			.writeValueAsString(Map.of("query", MUTATION, "variables", Map.of("input", Map.of("articles", articles))));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("editor:" + EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return json.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
