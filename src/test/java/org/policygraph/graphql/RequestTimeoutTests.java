package org.policygraph.graphql;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTimeoutTests {

	private final QueryLimitsConfiguration configuration = new QueryLimitsConfiguration();

	@Test
	void shouldAnswerARequestThatRunsTooLongWithATimeoutError() {
		WebGraphQlInterceptor interceptor = this.configuration
			.requestTimeoutInterceptor(new QueryLimitsProperties(12, 500, Duration.ofMillis(50)));
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "{ about { name } }"), "1", null);

		WebGraphQlResponse response = interceptor.intercept(request, r -> Mono.never()).block(Duration.ofSeconds(30));

		assertThat(response).isNotNull();
		assertThat(response.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).contains("took longer than");
			assertThat(error.getExtensions()).containsEntry("reason", "TIMEOUT");
		});
	}

	@Test
	void shouldAnswerWithATimeoutErrorWhileBlockingDataFetchersStillRun() {
		// found by GraphQlFuzzIT (fuzz.seed=11): 60 aliased shortestPath fields ran 22 s on the
		// request thread and were answered in full, long past the 15 s timeout
		WebGraphQlInterceptor interceptor = this.configuration
			.requestTimeoutInterceptor(new QueryLimitsProperties(12, 500, Duration.ofMillis(100)));
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "{ about { name } }"), "1", null);
		CountDownLatch release = new CountDownLatch(1);

		try {
			// like graphql-java with blocking fetchers: the work happens while subscribing
			WebGraphQlResponse response = interceptor.intercept(request, r -> Mono.defer(() -> {
				awaitQuietly(release);
				return Mono.empty();
			})).block(Duration.ofSeconds(30));

			assertThat(response).isNotNull();
			assertThat(response.getErrors()).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("reason", "TIMEOUT"));
		}
		finally {
			release.countDown();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void shouldPassAFastRequestThrough() {
		WebGraphQlInterceptor interceptor = this.configuration
			.requestTimeoutInterceptor(new QueryLimitsProperties(12, 500, Duration.ofSeconds(30)));
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "{ about { name } }"), "1", null);

		assertThat(interceptor.intercept(request, r -> Mono.empty()).block(Duration.ofSeconds(30))).isNull();
	}

}
