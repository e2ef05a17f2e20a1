package org.policygraph.cache;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.graphql.server.WebGraphQlInterceptor.Chain;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTests {

	private static final String COUNTS = "query Counts($by: CountDimension!) { counts(by: $by) { key count } }";

	private final AtomicInteger executions = new AtomicInteger();

	private final GraphGeneration generation = new GraphGeneration();

	private final ResponseCache cache = cache(Duration.ofMinutes(10), 1_000_000);

	@Test
	void shouldExecuteADashboardQueryOnceAndAnswerTheSameRequestFromTheKeptResponse() {
		Object first = data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")));
		Object second = data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")));

		assertThat(this.executions).hasValue(1);
		assertThat(second).isEqualTo(first).isEqualTo(Map.of("answer", 1));
		assertThat(this.cache.size()).isEqualTo(1);
	}

	@Test
	void shouldExecuteAgainForOtherVariablesOrAnotherOperationName() {
		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")));
		data(this.cache, request(COUNTS, Map.of("by", "YEAR")));
		String two = "query A { about { name } } query B { provinces { key } }";
		data(this.cache, request(two, Map.of(), "A"));
		data(this.cache, request(two, Map.of(), "B"));
		data(this.cache, request(two, Map.of(), "B"));

		assertThat(this.executions).hasValue(4);
	}

	@Test
	void shouldAlwaysExecuteAQueryWithAFieldThatIsNotMarkedCached() {
		String mixed = "{ counts(by: PROVINCE) { key } documentsByCode(code: \"x\") { key } }";
		data(this.cache, request(mixed, Map.of()));
		data(this.cache, request(mixed, Map.of()));

		assertThat(this.executions).hasValue(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void shouldLookThroughFragmentsAtTheTopLevel() {
		assertThat(this.cache.cacheable("{ ...F } fragment F on Query { about { name } __typename }", null)).isTrue();
		assertThat(this.cache.cacheable("{ ... on Query { provinces { key } } }", null)).isTrue();
		assertThat(this.cache.cacheable("{ ...F } fragment F on Query { search(text: \"x\") { key } }", null))
			.isFalse();
		assertThat(this.cache.cacheable("{ ...Missing }", null)).isFalse();
		assertThat(this.cache.cacheable("{ ...F } fragment F on Query { ...F }", null)).as("a cycle").isFalse();
	}

	@Test
	void shouldNeverKeepMutationsSubscriptionsOrDocumentsThatDoNotParseOrNameNoOperation() {
		assertThat(this.cache.cacheable("mutation { about }", null)).isFalse();
		assertThat(this.cache.cacheable("subscription { about }", null)).isFalse();
		assertThat(this.cache.cacheable("{ about { name }", null)).isFalse();
		assertThat(this.cache.cacheable("query A { about { name } } query B { about { name } }", null))
			.as("two operations, none named")
			.isFalse();
		assertThat(this.cache.cacheable("query A { about { name } }", "C")).isFalse();
		assertThat(this.cache.cacheable("{ about { name } }", null)).isTrue();
	}

	@Test
	void shouldNotKeepAResponseWithErrors() {
		Chain failing = request -> {
			this.executions.incrementAndGet();
			ExecutionResult result = ExecutionResult.newExecutionResult()
				.data(Map.of("counts", List.of()))
				.addError(GraphqlErrorBuilder.newError().message("database unavailable").build())
				.build();
			return Mono
				.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
		};
		this.cache.intercept(request(COUNTS, Map.of("by", "PROVINCE")), failing).block();
		this.cache.intercept(request(COUNTS, Map.of("by", "PROVINCE")), failing).block();

		assertThat(this.executions).hasValue(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void shouldExecuteARequestThatSendsBookmarks() {
		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")));
		HttpHeaders headers = new HttpHeaders();
		headers.add("Neo4j-Bookmarks", "FB:abc");
		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE"), null, headers, Map.of()));
		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE"), null, new HttpHeaders(),
				Map.of(ReadYourWrites.EXTENSION, List.of("FB:abc"))));

		assertThat(this.executions).hasValue(3);
		// The fresh answers did not replace the kept one (what the aggregate cache's
		// tests asked of it).
		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")));
		assertThat(this.executions).hasValue(3);
	}

	@Test
	void shouldExecuteAgainAfterAnIngest() {
		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")));
		this.generation.onGraphChanged(GraphChanged.written());
		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")));

		assertThat(this.executions).hasValue(2);
	}

	@Test
	void shouldNotKeepAResponseComputedBeforeAnIngestForRequestsAfterIt() {
		Sinks.One<WebGraphQlResponse> pending = Sinks.one();
		WebGraphQlRequest before = request(COUNTS, Map.of("by", "PROVINCE"));
		Mono<WebGraphQlResponse> first = this.cache.intercept(before, r -> {
			this.executions.incrementAndGet();
			return pending.asMono();
		});
		first.subscribe();
		this.generation.onGraphChanged(GraphChanged.written());
		pending.tryEmitValue(answer(before, 1));

		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")));

		assertThat(this.executions).hasValue(2);
	}

	@Test
	void shouldLetConcurrentRequestsWaitForTheOneComputingTheResponse() {
		Sinks.One<WebGraphQlResponse> pending = Sinks.one();
		WebGraphQlRequest firstRequest = request(COUNTS, Map.of("by", "PROVINCE"));
		Object[] firstData = new Object[1];
		this.cache.intercept(firstRequest, r -> {
			this.executions.incrementAndGet();
			return pending.asMono();
		}).subscribe(response -> firstData[0] = response.getData());
		Object[] waiterData = new Object[1];
		this.cache.intercept(request(COUNTS, Map.of("by", "PROVINCE")), counting())
			.subscribe(response -> waiterData[0] = response.getData());

		assertThat(waiterData[0]).as("waits").isNull();
		pending.tryEmitValue(answer(firstRequest, 7));

		assertThat(this.executions).hasValue(1);
		assertThat(waiterData[0]).isEqualTo(firstData[0]).isEqualTo(Map.of("answer", 7));
	}

	@Test
	void shouldLetWaitingRequestsExecuteOnTheirOwnWhenTheFirstIsCancelled() {
		WebGraphQlRequest firstRequest = request(COUNTS, Map.of("by", "PROVINCE"));
		var first = this.cache.intercept(firstRequest, r -> {
			this.executions.incrementAndGet();
			return Mono.never();
		}).subscribe();
		Object[] waiterData = new Object[1];
		this.cache.intercept(request(COUNTS, Map.of("by", "PROVINCE")), counting())
			.subscribe(response -> waiterData[0] = response.getData());

		first.dispose();

		assertThat(this.executions).hasValue(2);
		assertThat(waiterData[0]).isEqualTo(Map.of("answer", 2));
	}

	@Test
	void shouldNotKeepAResponseLargerThanATenthOfTheBound() {
		ResponseCache small = cache(Duration.ofMinutes(10), 30);
		Chain large = request -> {
			this.executions.incrementAndGet();
			Map<String, Object> data = new HashMap<>();
			data.put("counts", java.util.Collections.nCopies(10, Map.of("key", "1")));
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
					ExecutionResult.newExecutionResult().data(data).build())));
		};
		small.intercept(request(COUNTS, Map.of("by", "PROVINCE")), large).block();
		small.intercept(request(COUNTS, Map.of("by", "PROVINCE")), large).block();

		assertThat(this.executions).hasValue(2);
		assertThat(ResponseCache.values(Map.of("counts", List.of(Map.of("key", "1"), Map.of("key", "2")))))
			.as("a map, a list, two maps with a scalar each")
			.isEqualTo(6);
	}

	@Test
	void shouldExecuteEveryRequestWhenTurnedOff() {
		ResponseCache off = cache(Duration.ZERO, 1_000_000);
		data(off, request(COUNTS, Map.of("by", "PROVINCE")));
		data(off, request(COUNTS, Map.of("by", "PROVINCE")));

		assertThat(this.executions).hasValue(2);
	}

	@Test
	void shouldServeAResponseOutdatedByAWriteWithinTheWindowWhileOneRefreshRuns() {
		AtomicLong now = new AtomicLong();
		this.generation.ticker(now::get);
		ResponseCache stale = staleCache(Duration.ofSeconds(10));
		data(stale, request(COUNTS, Map.of("by", "PROVINCE")));
		this.generation.onGraphChanged(GraphChanged.written());
		now.addAndGet(Duration.ofSeconds(9).toNanos());
		Sinks.One<WebGraphQlResponse> refresh = Sinks.one();
		WebGraphQlRequest first = request(COUNTS, Map.of("by", "PROVINCE"));

		Object outdated = stale.intercept(first, r -> {
			this.executions.incrementAndGet();
			return refresh.asMono();
		}).block(Duration.ofSeconds(10)).getData();
		Object again = data(stale, request(COUNTS, Map.of("by", "PROVINCE")));

		assertThat(outdated).isEqualTo(again).isEqualTo(Map.of("answer", 1));
		assertThat(this.executions).as("the first execution and one refresh").hasValue(2);
		assertThat(stale.staleServed()).isEqualTo(2);
		assertThat(stale.refreshes()).isEqualTo(1);

		refresh.tryEmitValue(answer(first, 20));

		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).isEqualTo(Map.of("answer", 20));
		assertThat(this.executions).hasValue(2);
	}

	@Test
	void shouldExecuteWhenTheKeptResponseWasOutdatedLongerThanTheWindow() {
		AtomicLong now = new AtomicLong();
		this.generation.ticker(now::get);
		ResponseCache stale = staleCache(Duration.ofSeconds(10));
		data(stale, request(COUNTS, Map.of("by", "PROVINCE")));
		this.generation.onGraphChanged(GraphChanged.written());
		now.addAndGet(Duration.ofSeconds(11).toNanos());

		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).isEqualTo(Map.of("answer", 2));
		assertThat(stale.staleServed()).isZero();
		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).as("kept again")
			.isEqualTo(Map.of("answer", 2));
	}

	@Test
	void shouldServeAResponseOlderThanItsTimeToLiveWithinTheWindowWhileItIsRefreshed() {
		AtomicLong now = new AtomicLong();
		this.generation.ticker(now::get);
		ResponseCache stale = new ResponseCache(new ResponseCacheProperties(Duration.ofSeconds(30), 1_000_000, 100,
				Duration.ofSeconds(10), Duration.ZERO), () -> Set.of("counts"), this.generation);
		data(stale, request(COUNTS, Map.of("by", "PROVINCE")));
		now.addAndGet(Duration.ofSeconds(29).toNanos());
		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).as("current").isEqualTo(Map.of("answer", 1));
		assertThat(stale.refreshes()).isZero();

		now.addAndGet(Duration.ofSeconds(9).toNanos());
		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE"))))
			.as("past its time-to-live, within the window")
			.isEqualTo(Map.of("answer", 1));
		assertThat(stale.refreshes()).isEqualTo(1);
		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).as("refreshed")
			.isEqualTo(Map.of("answer", 2));

		now.addAndGet(Duration.ofSeconds(41).toNanos());
		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).as("past its time-to-live and the window")
			.isEqualTo(Map.of("answer", 3));
		assertThat(stale.refreshes()).isEqualTo(1);
	}

	@Test
	void shouldSendAnOutdatedResponseReadLessThanRefreshAfterAgoWithoutRefreshingIt() {
		AtomicLong now = new AtomicLong();
		this.generation.ticker(now::get);
		ResponseCache stale = staleCache(Duration.ofSeconds(60), Duration.ofSeconds(30));
		data(stale, request(COUNTS, Map.of("by", "PROVINCE")));
		// A stream of writes: each outdates the kept response.
		for (int second = 2; second < 30; second += 2) {
			now.set(Duration.ofSeconds(second).toNanos());
			this.generation.onGraphChanged(GraphChanged.written());
			assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).isEqualTo(Map.of("answer", 1));
		}
		assertThat(stale.refreshes()).as("read less than 30 s ago: sent without a refresh").isZero();
		assertThat(this.executions).hasValue(1);

		now.set(Duration.ofSeconds(30).toNanos());
		this.generation.onGraphChanged(GraphChanged.written());
		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).as("sent while refreshed")
			.isEqualTo(Map.of("answer", 1));
		assertThat(stale.refreshes()).isEqualTo(1);
		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).as("refreshed")
			.isEqualTo(Map.of("answer", 2));
	}

	@Test
	void shouldRefreshAfterHalfTheWindowUnlessToldOtherwise() {
		assertThat(new ResponseCacheProperties(Duration.ofSeconds(30), 1, 1, Duration.ofSeconds(60)).refreshAfter())
			.isEqualTo(Duration.ofSeconds(30));
		assertThat(new ResponseCacheProperties(Duration.ofSeconds(30), 1, 1, Duration.ofSeconds(60), Duration.ZERO)
			.refreshAfter()).isZero();
		assertThat(new ResponseCacheProperties(Duration.ofSeconds(30), 1, 1, Duration.ofSeconds(10),
				Duration.ofSeconds(20))
			.refreshAfter()).as("never beyond the window").isEqualTo(Duration.ofSeconds(5));
		assertThat(new ResponseCacheProperties(Duration.ofSeconds(30), 1, 1).refreshAfter()).isZero();
	}

	@Test
	void shouldDropEveryResponseWhenTheStoreIsReplacedEvenWhenServingStale() {
		ResponseCache stale = staleCache(Duration.ofMinutes(10));
		data(stale, request(COUNTS, Map.of("by", "PROVINCE")));
		this.generation.onGraphChanged(GraphChanged.storeReplaced());

		assertThat(stale.size()).isZero();
		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).isEqualTo(Map.of("answer", 2));
	}

	@Test
	void shouldNotServeAResponseReadFromAReplacedStoreThatARefreshBroughtBack() {
		ResponseCache stale = staleCache(Duration.ofMinutes(10));
		data(stale, request(COUNTS, Map.of("by", "PROVINCE")));
		this.generation.onGraphChanged(GraphChanged.written());
		Sinks.One<WebGraphQlResponse> refresh = Sinks.one();
		WebGraphQlRequest first = request(COUNTS, Map.of("by", "PROVINCE"));
		stale.intercept(first, r -> refresh.asMono()).block(Duration.ofSeconds(10));
		this.generation.onGraphChanged(GraphChanged.storeReplaced());
		refresh.tryEmitValue(answer(first, 99));

		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).isEqualTo(Map.of("answer", 2));
	}

	@Test
	void shouldKeepServingTheOutdatedResponseWhenItsRefreshFailsUntilTheWindowEnds() {
		AtomicLong now = new AtomicLong();
		this.generation.ticker(now::get);
		ResponseCache stale = staleCache(Duration.ofSeconds(10));
		data(stale, request(COUNTS, Map.of("by", "PROVINCE")));
		this.generation.onGraphChanged(GraphChanged.written());
		Chain failing = request -> Mono.error(new IllegalStateException("database unavailable"));

		WebGraphQlResponse first = stale.intercept(request(COUNTS, Map.of("by", "PROVINCE")), failing)
			.block(Duration.ofSeconds(10));
		now.addAndGet(Duration.ofSeconds(5).toNanos());
		WebGraphQlResponse second = stale.intercept(request(COUNTS, Map.of("by", "PROVINCE")), failing)
			.block(Duration.ofSeconds(10));

		assertThat((Object) first.getData()).isEqualTo((Object) second.getData()).isEqualTo(Map.of("answer", 1));
		assertThat(stale.failedRefreshes()).isEqualTo(2);
		now.addAndGet(Duration.ofSeconds(6).toNanos());
		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE")))).isEqualTo(Map.of("answer", 2));
	}

	@Test
	void shouldNeverServeAnOutdatedResponseToARequestWithBookmarks() {
		ResponseCache stale = staleCache(Duration.ofMinutes(10));
		data(stale, request(COUNTS, Map.of("by", "PROVINCE")));
		this.generation.onGraphChanged(GraphChanged.written());
		HttpHeaders headers = new HttpHeaders();
		headers.add("Neo4j-Bookmarks", "FB:abc");

		assertThat(data(stale, request(COUNTS, Map.of("by", "PROVINCE"), null, headers, Map.of())))
			.isEqualTo(Map.of("answer", 2));
		assertThat(stale.refreshes()).isZero();
	}

	private ResponseCache staleCache(Duration serveStale) {
		return staleCache(serveStale, Duration.ZERO);
	}

	private ResponseCache staleCache(Duration serveStale, Duration refreshAfter) {
		return new ResponseCache(
				new ResponseCacheProperties(Duration.ofMinutes(10), 1_000_000, 100, serveStale, refreshAfter),
				() -> Set.of("about", "counts", "provinces", "coverage"), this.generation);
	}

	private ResponseCache cache(Duration ttl, long maxValues) {
		return new ResponseCache(new ResponseCacheProperties(ttl, maxValues, 100),
				() -> Set.of("about", "counts", "provinces", "coverage"), this.generation);
	}

	private @Nullable Object data(ResponseCache cache, WebGraphQlRequest request) {
		WebGraphQlResponse response = cache.intercept(request, counting()).block(Duration.ofSeconds(10));
		assertThat(response).isNotNull();
		return response.getData();
	}

	private Chain counting() {
		return request -> Mono.fromSupplier(() -> answer(request, this.executions.incrementAndGet()));
	}

	private static WebGraphQlResponse answer(WebGraphQlRequest request, int n) {
		ExecutionResult result = ExecutionResult.newExecutionResult().data(Map.of("answer", n)).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	private static WebGraphQlRequest request(String document, Map<String, Object> variables) {
		return request(document, variables, null);
	}

	private static WebGraphQlRequest request(String document, Map<String, Object> variables,
			@Nullable String operationName) {
		return request(document, variables, operationName, new HttpHeaders(), Map.of());
	}

	private static WebGraphQlRequest request(String document, Map<String, Object> variables,
			@Nullable String operationName, HttpHeaders headers, Map<String, Object> extensions) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		body.put("extensions", extensions);
		if (operationName != null) {
			body.put("operationName", operationName);
		}
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers, new LinkedMultiValueMap<>(), null,
				Map.of(), body, "1", null);
	}

	@Test
	void shouldIgnoreVariablesTheOperationDoesNotDeclare() {
		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")));
		data(this.cache, request(COUNTS, Map.of("by", "PROVINCE", "padding", "x".repeat(10_000))));

		assertThat(this.executions).as("graphql-java ignores undeclared variables; so does the key").hasValue(1);
	}

	@Test
	void shouldWeighTheRequestsVariablesAndDocumentAndLongStringsSoThatAFloodStaysBounded() {
		ResponseCache bounded = cache(Duration.ofMinutes(10), 2_000);
		for (int i = 0; i < 100; i++) {
			data(bounded, request(COUNTS, Map.of("by", i + "x".repeat(6_400))));
		}

		assertThat(this.executions).hasValue(100);
		assertThat(bounded.size()).as("each kept response weighs over 100 values").isPositive().isLessThanOrEqualTo(20);
		assertThat(ResponseCache.values("x".repeat(640))).isEqualTo(11);
	}

	@Test
	void shouldLetTheNextRequestExecuteWhenTheChainFailsBeforeReturning() {
		Chain failing = request -> {
			throw new IllegalStateException("failed before returning");
		};
		WebGraphQlResponse failed = this.cache.intercept(request(COUNTS, Map.of("by", "PROVINCE")), failing)
			.onErrorResume(ex -> Mono.empty())
			.block(Duration.ofSeconds(10));

		assertThat(failed).isNull();
		assertThat(data(this.cache, request(COUNTS, Map.of("by", "PROVINCE")))).as("not left waiting")
			.isEqualTo(Map.of("answer", 1));
	}

}
