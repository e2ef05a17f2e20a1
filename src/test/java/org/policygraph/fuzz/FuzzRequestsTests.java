package org.policygraph.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzer's request makers, without a server: they never fail for any seed, a writing
 * ingest call carries only URLs under its prefix, and the response checks catch what they
 * are for.
 */
class FuzzRequestsTests {

	private static final String PREFIX = "https://fuzz.test/requests-tests/";

	private final FuzzSettings settings = FuzzSettings.fromSystemProperties(150, Duration.ofSeconds(30));

	private final GraphQlDocumentGenerator generator = new GraphQlDocumentGenerator(
			GraphQlDocumentGenerator.schemaFromClasspath(), ArgumentValues.offline());

	@Test
	void shouldMakeRequestsOfEveryKindForAnySeed() {
		GraphQlRequests requests = new GraphQlRequests(this.generator, "secret");
		for (int i = 0; i < this.settings.iterations(); i++) {
			FuzzRequest request = requests.next(this.settings.random(i));
			assertThat(request.method()).as(this.settings.replay(i)).isNotBlank();
			assertThat(request.describe()).as(this.settings.replay(i)).startsWith(request.kind());
		}
	}

	@Test
	void shouldWriteOnlyArticlesUnderThePrefix() {
		IngestPayloads payloads = new IngestPayloads(PREFIX, GraphQlRequests.basic("editor", "secret"));
		JsonMapper json = JsonMapper.builder().build();
		int writing = 0;
		for (int i = 0; i < this.settings.iterations(); i++) {
			IngestPayloads.Call call = payloads.next(this.settings.random(i));
			JsonNode body = json.readTree(call.request().body());
			JsonNode articles = body.path("variables").path("input").path("articles");
			if (!call.writes() || articles.isMissingNode()) {
				continue;
			}
			writing++;
			assertThat(articles.size()).as(this.settings.replay(i)).isEqualTo(call.articles());
			for (JsonNode article : articles) {
				assertThat(article.path("url").asString("").strip()).as(this.settings.replay(i)).startsWith(PREFIX);
				assertThat(article.toString()).as(this.settings.replay(i))
					.doesNotContainPattern("(?<![0-9])(22-NQ/TW|18-KL/TW)");
			}
		}
		assertThat(writing).isPositive();
	}

	@Test
	void shouldFindLeaksAndServerErrorsInResponses() {
		FuzzRequest request = FuzzRequest
			.post("test", Map.of(),
					"{\"query\":\"subscription { articleIngested { id } }\"}"
						.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.expectingRootKeys(java.util.Set.of("articleIngested"));

		List<String> leak = ResponseChecks.problems(request, 200, "application/json",
				"{\"data\":{\"upstreamPublisher\":{\"prefetch\":-1,\"scanAvailable\":true}}}".getBytes(), null);
		List<String> trace = ResponseChecks.problems(request, 400, "application/json",
				"{\"trace\":\"java.lang.IllegalStateException: x\\n\\tat org.policygraph.X.y(X.java:1)\"}".getBytes(),
				null);
		List<String> internal = ResponseChecks.problems(request, 200, "application/json",
				"{\"errors\":[{\"message\":\"INTERNAL_ERROR for 1\",\"extensions\":{\"classification\":\"INTERNAL_ERROR\"}}]}"
					.getBytes(),
				null);
		List<String> fine = ResponseChecks.problems(request, 200, "application/json",
				"{\"errors\":[{\"message\":\"Subscriptions need a WebSocket\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}"
					.getBytes(),
				null);

		assertThat(leak).anyMatch(p -> p.contains("upstreamPublisher"));
		assertThat(trace).anyMatch(p -> p.contains("java.lang."));
		assertThat(internal).anyMatch(p -> p.startsWith("INTERNAL_ERROR"));
		assertThat(ResponseChecks.problems(request, 503, null, new byte[0], null)).contains("status 503");
		assertThat(fine).isEmpty();
	}

	@Test
	void shouldGiveTheSameIterationTheSameRequestWhateverRanBefore() {
		FuzzSettings fixed = new FuzzSettings(99, 10, -1, Duration.ofSeconds(30));
		GraphQlRequests requests = new GraphQlRequests(this.generator, "secret");
		Random seventh = fixed.random(7);
		byte[] alone = requests.next(seventh).body();
		for (int i = 0; i < 7; i++) {
			requests.next(fixed.random(i));
		}
		assertThat(requests.next(fixed.random(7)).body()).isEqualTo(alone);
	}

}
