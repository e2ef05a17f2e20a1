package org.policygraph.graphql;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policygraph.cache.GraphChanged;
import org.policygraph.cache.GraphGeneration;
import org.policygraph.cache.ResponseCache;
import org.policygraph.cache.ResponseCacheProperties;
import org.policygraph.cache.SingleFlight;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor.Chain;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interceptors in the order the application runs them (kept responses, identical
 * requests shared, admission control) in front of an execution that holds every request
 * of a province, an expensive request or a mutation until released: what a crowd of
 * standard requests leaves for the others. No time is measured: a request that had to
 * wait for the held ones would not be answered before they are released.
 */
class AdmissionLanesTests {

	private static final String COUNTS = "{ counts(by: PROVINCE) { key count } }";

	private static final String PROVINCE = "query P($key: String!) { province(name: $key) { key name } }";

	private final CountDownLatch release = new CountDownLatch(1);

	private final GraphGeneration generation = new GraphGeneration();

	private final AtomicInteger executions = new AtomicInteger();

	private final AtomicInteger held = new AtomicInteger();

	private final List<RequestAdmission> admissions = new ArrayList<>();

	@AfterEach
	void releaseAndDispose() {
		this.release.countDown();
		this.admissions.forEach(RequestAdmission::destroy);
	}

	@Test
	void shouldAnswerADashboardQueryWhoseResponseAnIngestDroppedWhileTheStandardLineIsFull() {
		RequestAdmission admission = admission(new AdmissionLanesProperties(100, 1, 1));
		Chain chain = chain(admission);
		chain.next(request(COUNTS)).block(Duration.ofSeconds(30));
		this.generation.onGraphChanged(GraphChanged.written());
		for (int i = 0; i < 6; i++) {
			send(chain, PROVINCE, "unit-" + i);
		}
		awaitHeld(1);
		assertThat(admission.waiting()).as("one held, five in line").isEqualTo(5);

		WebGraphQlResponse counts = chain.next(request(COUNTS)).block(Duration.ofSeconds(30));

		assertThat(counts).isNotNull();
		assertThat(counts.getErrors()).isEmpty();
		assertThat(this.executions).as("the counts twice, the first province").hasValue(3);
		assertThat(admission.waiting()).as("the province requests still wait").isEqualTo(5);
	}

	@Test
	void shouldAnswerAKeptResponseWhileEveryLineIsFull() {
		RequestAdmission admission = admission(new AdmissionLanesProperties(100, 1, 1));
		Chain chain = chain(admission);
		chain.next(request(COUNTS)).block(Duration.ofSeconds(30));
		for (int i = 0; i < 3; i++) {
			send(chain, PROVINCE, "unit-" + i);
			send(chain, "{ expensive(key: " + i + ") }");
			send(chain, "mutation { held(key: " + i + ") }");
			send(chain, "{ light(key: " + i + ") { held } }");
		}

		awaitHeld(4);

		WebGraphQlResponse counts = chain.next(request(COUNTS)).block(Duration.ofSeconds(30));

		assertThat(counts).isNotNull();
		assertThat((Object) counts.getData()).isEqualTo(Map.of("answer", 1));
		assertThat(admission.waiting()).as("two of each kind in line").isEqualTo(8);
	}

	@Test
	void shouldRunAMutationWhileTheQueriesFillTheirLines() {
		RequestAdmission admission = admission(new AdmissionLanesProperties(100, 1, 1));
		Chain chain = chain(admission);
		for (int i = 0; i < 3; i++) {
			send(chain, PROVINCE, "unit-" + i);
			send(chain, "{ expensive(key: " + i + ") }");
		}
		awaitHeld(2);

		WebGraphQlResponse written = chain.next(request("mutation { write }")).block(Duration.ofSeconds(30));

		assertThat(written).isNotNull();
		assertThat(written.getErrors()).isEmpty();
	}

	@Test
	void shouldLetIdenticalRequestsWaitInLineAsOneAndAnswerThemAll() {
		RequestAdmission admission = admission(new AdmissionLanesProperties(100, 1, 1));
		Chain chain = chain(admission);
		send(chain, PROVINCE, "held");
		List<Mono<WebGraphQlResponse>> identical = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Mono<WebGraphQlResponse> response = chain.next(request(PROVINCE, "ha-noi")).cache();
			response.subscribe();
			identical.add(response);
		}

		awaitHeld(1);
		assertThat(admission.waiting()).as("one in line for the ten").isEqualTo(1);
		this.release.countDown();
		for (Mono<WebGraphQlResponse> response : identical) {
			WebGraphQlResponse answered = response.block(Duration.ofSeconds(30));
			assertThat(answered).isNotNull();
			assertThat((Object) answered.getData()).isEqualTo(Map.of("answer", 2));
		}
		assertThat(this.executions).hasValue(2);
	}

	@Test
	void shouldKeepOneLineBelowTheExpensiveCostWithoutLanes() {
		RequestAdmission admission = admission(AdmissionLanesProperties.NONE);
		Chain chain = chain(admission);
		send(chain, PROVINCE, "unit-0");
		send(chain, "{ light(key: 0) { held } }");
		send(chain, "mutation { held }");
		awaitHeld(1);

		assertThat(admission.running()).isEqualTo(1);
		assertThat(admission.waiting()).isEqualTo(2);
	}

	private RequestAdmission admission(AdmissionLanesProperties lanes) {
		// One worker per line; the cost of a request from its document.
		QueryLimitsProperties limits = new QueryLimitsProperties(12, 500, 100_000, Duration.ofSeconds(30), 1, 100,
				Duration.ofSeconds(30), 0, 0, 0, 0, 10_000, 1, 100, 100, null);
		RequestAdmission admission = new RequestAdmission(limits, lanes, request -> {
			QueryCost.Measure measure = new QueryCost.Measure();
			String document = request.getDocument();
			measure.cost = document.contains("expensive") ? 20_000
					: (document.contains("counts") || document.contains("light")) ? 10 : 1_000;
			return new RequestCost.Estimate(measure, document.startsWith("mutation"));
		});
		this.admissions.add(admission);
		return admission;
	}

	/**
	 * The interceptors before an execution that answers at once, unless the request is to
	 * be held.
	 */
	private Chain chain(RequestAdmission admission) {
		ResponseCache cache = new ResponseCache(new ResponseCacheProperties(Duration.ofMinutes(10), 1_000_000, 100),
				() -> Set.of("counts"), this.generation);
		SingleFlight flight = new SingleFlight(true, 100, this.generation);
		Chain execution = request -> Mono.defer(() -> {
			int n = this.executions.incrementAndGet();
			String document = request.getDocument();
			if (document.contains("held") || document.contains("province") || document.contains("expensive")) {
				this.held.incrementAndGet();
				awaitQuietly(this.release);
			}
			ExecutionResult result = ExecutionResult.newExecutionResult().data(Map.of("answer", n)).build();
			return Mono
				.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
		});
		return cache.andThen(flight).andThen(admission).apply(execution);
	}

	/** Sends a request without waiting for its answer. */
	private void send(Chain chain, String document, String... key) {
		chain.next(request(document, key)).subscribe();
	}

	private static WebGraphQlRequest request(String document, String... key) {
		Map<String, Object> body = (key.length == 0) ? Map.of("query", document)
				: Map.of("query", document, "variables", Map.of("key", key[0]));
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, Map.of(), body, "1", null);
	}

	/** Waits until that many requests are held by the execution. */
	private void awaitHeld(int n) {
		for (int i = 0; i < 3000 && this.held.get() < n; i++) {
			sleepQuietly(10);
		}
		assertThat(this.held).as("requests held").hasValue(n);
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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

}
