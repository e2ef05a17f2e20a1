package org.policygraph.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bugs {@link GraphQlFuzzIT} found, each replayed with the document or request that
 * showed it (seed 11 unless said otherwise), so that they stay fixed.
 */
class FuzzRegressionIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://fuzz.test/fuzz-regression-it/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	@LocalServerPort
	private int port;

	@Autowired
	private Driver driver;

	@AfterEach
	void removeTestArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private HttpResponse<String> post(String path, Map<String, String> headers, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private JsonNode graphQl(String documentName, Map<String, Object> variables, boolean editor) throws Exception {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Accept", "application/json");
		if (editor) {
			headers.put("Authorization", GraphQlRequests.basic("editor", EDITOR_PASSWORD));
		}
		HttpResponse<String> response = post("/graphql", headers,
				new String(GraphQlRequests.body(document(documentName), variables, null), StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String document(String name) {
		try (InputStream in = FuzzRegressionIT.class.getClassLoader()
			.getResourceAsStream("graphql-test/" + name + ".graphql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void shouldRefuseASubscriptionOverPlainHttpInsteadOfSerializingTheStream() throws Exception {
		// iteration 54:
		// {"data":{"upstreamPublisher":{"prefetch":-1,"scanAvailable":true}}}
		JsonNode response = graphQl("subscriptionOverHttp", Map.of(), false);

		assertThat(response.toString()).doesNotContain("upstreamPublisher").doesNotContain("scanAvailable");
		assertThat(response.path("data").isNull() || response.path("data").isMissingNode()).isTrue();
		assertThat(response.path("errors").get(0).path("message").asString()).contains("WebSocket");
		assertThat(response.path("errors").get(0).path("extensions").path("classification").asString())
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void shouldAnswerACursorOfAnotherListAsABadRequest() throws Exception {
		// iterations 75, 165 and 182: a documents cursor as articles' after (and the
		// other way round)
		// failed parsing a date or a year and came back as INTERNAL_ERROR
		JsonNode first = graphQl("firstCursors", Map.of(), false).path("data");
		Map<String, Object> variables = Map.of("articleCursor",
				first.path("articles").path("edges").get(0).path("cursor").asString(), "documentCursor",
				first.path("documents").path("edges").get(0).path("cursor").asString());

		JsonNode errors = graphQl("foreignCursors", variables, false).path("errors");

		assertThat(errors).hasSize(2);
		for (JsonNode error : errors) {
			assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
			assertThat(error.path("extensions").path("argument").asString()).isEqualTo("after");
			assertThat(error.path("message").asString()).contains("is a cursor of another list");
		}
	}

	@Test
	void shouldAnswerAWildcardContentTypeWith415NotWith500() throws Exception {
		// iteration 176: Content-Type */* reached Spring's request mapping, which cannot
		// hold it: 500
		for (String type : List.of("*/*", "application/*", "*/json")) {
			for (String path : List.of("/graphql", "/export/coverage.csv", "/nowhere")) {
				HttpResponse<String> response = post(path, Map.of("Content-Type", type),
						"{\"query\":\"{about{name}}\"}");

				assertThat(response.statusCode()).as(type + " " + path).isEqualTo(415);
				assertThat(response.headers().firstValue("Content-Type"))
					.hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
				assertThat(response.body()).contains("\"status\":415").doesNotContain("Exception");
			}
		}
	}

	@Test
	void shouldAnswerAJsonNullBodyAsABadRequest() throws Exception {
		// fuzz.seed=20261130 iteration 244: the body "null" made the handler fail with a
		// NullPointerException: 500
		for (String body : List.of("null", " null\n", "\uFEFFnull")) {
			HttpResponse<String> response = post("/graphql", Map.of("Content-Type", "application/json"), body);

			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).doesNotContain("Exception");
		}
	}

	@Test
	void shouldRejectOnlyTheArticleWhoseUrlIsTooLongAndWriteTheRest() throws Exception {
		// iterations 188 and 222: a URL of 8,652 bytes could not be indexed and failed
		// the whole batch
		List<Map<String, Object>> articles = List
			.of(Map.of("url", PREFIX + "short", "title", "Bài kiểm tra", "text", "Nội dung ngắn."), Map.of("url",
					PREFIX + "long/" + "🇻🇳".repeat(2000), "title", "Bài kiểm tra dài", "text", "Nội dung."));

		JsonNode payload = graphQl("ingestArticles", Map.of("input", Map.of("articles", articles)), true).path("data")
			.path("ingestArticles");

		assertThat(payload.path("failedCount").asInt()).isZero();
		assertThat(payload.path("newCount").asInt()).isEqualTo(1);
		assertThat(payload.path("results").get(0).path("status").asString()).isEqualTo("NEW");
		assertThat(payload.path("results").get(1).path("status").asString()).isEqualTo("REJECTED");
		assertThat(payload.path("results").get(1).path("reason").asString())
			.isEqualTo("url is 16,042 bytes; the limit is 2,048");
	}

	@Test
	void shouldAnswerThePathFromANodeToItselfWithTheNodeAlone() throws Exception {
		// found probing by hand alongside the fuzzer: shortestPath(from: "40", to: "40")
		// was an INTERNAL_ERROR
		// ("The shortest path algorithm does not work when the start and end nodes are
		// the same")
		JsonNode response = graphQl("pathToItself", Map.of("id", "40"), false);

		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		JsonNode path = response.path("data").path("shortestPath");
		assertThat(path.path("nodes")).hasSize(1);
		assertThat(path.path("nodes").get(0).path("id").asString()).isEqualTo("40");
		assertThat(path.path("edges")).isEmpty();
	}

}
