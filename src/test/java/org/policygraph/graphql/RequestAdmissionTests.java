package org.policygraph.graphql;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import graphql.GraphQL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.policygraph.neo4j.ReadScopeTransactionManager;
import org.policygraph.support.RecordingTransactionManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlInterceptor.Chain;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAdmissionTests {

	private final List<RequestAdmission> admissions = new ArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseAndDispose() {
		this.release.countDown();
		this.admissions.forEach(RequestAdmission::destroy);
	}

	@Test
	void shouldAnswerARequestThatRunsTooLongWithATimeoutError() {
		RequestAdmission admission = admission(new QueryLimitsProperties(12, 500, Duration.ofMillis(50)));

		WebGraphQlResponse response = admission.intercept(request(), r -> Mono.never()).block(Duration.ofSeconds(30));

		assertThat(response).isNotNull();
		assertThat(response.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).contains("took longer than");
			assertThat(error.getExtensions()).containsEntry("reason", "TIMEOUT");
		});
		assertThat(RequestAdmission.isBusy(response)).isFalse();
	}

	@Test
	void shouldAnswerWithATimeoutErrorWhileBlockingDataFetchersStillRun() {
		// found by GraphQlFuzzIT (fuzz.seed=11): 60 aliased shortestPath fields ran 22 s
		// on the
		// request thread and were answered in full, long past the 15 s timeout
		RequestAdmission admission = admission(new QueryLimitsProperties(12, 500, Duration.ofMillis(100)));

		// like graphql-java with blocking fetchers: the work happens while subscribing
		WebGraphQlResponse response = admission.intercept(request(), blocking()).block(Duration.ofSeconds(30));

		assertThat(response).isNotNull();
		assertThat(response.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("reason", "TIMEOUT"));
	}

	@Test
	void shouldPassAFastRequestThrough() {
		RequestAdmission admission = admission(new QueryLimitsProperties(12, 500, Duration.ofSeconds(30)));

		WebGraphQlResponse response = admission.intercept(request(), answering()).block(Duration.ofSeconds(30));

		assertThat(response).isNotNull();
		assertThat(response.getErrors()).isEmpty();
		assertThat(response.<String>getData()).isEqualTo("done");
	}

	@Test
	void shouldRunAtMostTheConfiguredNumberOfRequestsAtOnce() throws Exception {
		RequestAdmission admission = admission(
				new QueryLimitsProperties(12, 500, Duration.ofSeconds(30), 2, 100, Duration.ofSeconds(30)));
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostRunning = new AtomicInteger();
		CountDownLatch twoStarted = new CountDownLatch(2);
		Chain counting = r -> Mono.defer(() -> {
			mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
			twoStarted.countDown();
			awaitQuietly(this.release);
			running.decrementAndGet();
			return Mono.just(answer(r));
		});

		List<Mono<WebGraphQlResponse>> requests = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			requests.add(admission.intercept(request(), counting).cache());
			requests.get(i).subscribe();
		}
		assertThat(twoStarted.await(30, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(200);
		assertThat(admission.running()).isEqualTo(2);
		assertThat(admission.waiting()).isEqualTo(4);
		this.release.countDown();

		for (Mono<WebGraphQlResponse> request : requests) {
			WebGraphQlResponse response = request.block(Duration.ofSeconds(30));
			assertThat(response).isNotNull();
			assertThat(response.getErrors()).isEmpty();
		}
		assertThat(mostRunning.get()).isEqualTo(2);
	}

	@Test
	void shouldCountTheTimeoutFromTheStartOfExecutionNotFromTheWaitInLine() {
		RequestAdmission admission = admission(
				new QueryLimitsProperties(12, 500, Duration.ofMillis(500), 1, 100, Duration.ofSeconds(30)));
		CountDownLatch firstStarted = new CountDownLatch(1);
		Chain slowThenDone = r -> Mono.defer(() -> {
			firstStarted.countDown();
			sleepQuietly(300);
			return Mono.just(answer(r));
		});

		Mono<WebGraphQlResponse> first = admission.intercept(request(), slowThenDone).cache();
		first.subscribe();
		Mono<WebGraphQlResponse> second = admission.intercept(request(), slowThenDone).cache();
		second.subscribe();
		Mono<WebGraphQlResponse> third = admission.intercept(request(), slowThenDone).cache();

		// the third waits about 600 ms in line, longer than the 500 ms timeout, then runs
		// for 300 ms
		WebGraphQlResponse answered = third.block(Duration.ofSeconds(30));
		assertThat(answered).isNotNull();
		assertThat(answered.getErrors()).isEmpty();
		assertThat(first.block(Duration.ofSeconds(30)).getErrors()).isEmpty();
		assertThat(second.block(Duration.ofSeconds(30)).getErrors()).isEmpty();
	}

	@Test
	void shouldAnswerBusyWithRetryAfterWhenTheLineIsFull() throws Exception {
		RequestAdmission admission = admission(
				new QueryLimitsProperties(12, 500, Duration.ofSeconds(30), 1, 1, Duration.ofSeconds(30)));
		CountDownLatch started = new CountDownLatch(1);
		Chain held = r -> Mono.defer(() -> {
			started.countDown();
			awaitQuietly(this.release);
			return Mono.just(answer(r));
		});
		Mono<WebGraphQlResponse> running = admission.intercept(request(), held).cache();
		running.subscribe();
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		Mono<WebGraphQlResponse> waiting = admission.intercept(request(), held).cache();
		waiting.subscribe();

		WebGraphQlResponse refused = admission.intercept(request(), held).block(Duration.ofSeconds(30));

		assertThat(refused).isNotNull();
		assertThat(refused.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).contains("busy");
			assertThat(error.getExtensions()).containsEntry("reason", "BUSY");
		});
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(RequestAdmission.isBusy(refused)).isTrue();
		GraphQlHttpConfiguration.BusyAwareHandler handler = new GraphQlHttpConfiguration.BusyAwareHandler(
				Mockito.mock(WebGraphQlHandler.class), new JacksonJsonHttpMessageConverter(), new JsonMapper());
		assertThat(handler.selectResponseStatus(refused, MediaType.APPLICATION_GRAPHQL_RESPONSE))
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(handler.selectResponseStatus(refused, MediaType.APPLICATION_JSON))
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		this.release.countDown();
		assertThat(running.block(Duration.ofSeconds(30)).getErrors()).isEmpty();
		assertThat(waiting.block(Duration.ofSeconds(30)).getErrors()).isEmpty();
		assertThat(admission.waiting()).isZero();
	}

	@Test
	void shouldTakeACancelledRequestOutOfTheLineWithoutRunningIt() throws Exception {
		RequestAdmission admission = admission(
				new QueryLimitsProperties(12, 500, Duration.ofSeconds(30), 1, 10, Duration.ofSeconds(30)));
		CountDownLatch started = new CountDownLatch(1);
		AtomicInteger executions = new AtomicInteger();
		Chain held = r -> Mono.defer(() -> {
			executions.incrementAndGet();
			started.countDown();
			awaitQuietly(this.release);
			return Mono.just(answer(r));
		});
		Mono<WebGraphQlResponse> running = admission.intercept(request(), held).cache();
		running.subscribe();
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

		var queued = admission.intercept(request(), held).subscribe();
		assertThat(admission.waiting()).isEqualTo(1);
		queued.dispose();

		assertThat(admission.waiting()).isZero();
		this.release.countDown();
		assertThat(running.block(Duration.ofSeconds(30)).getErrors()).isEmpty();
		Thread.sleep(200);
		assertThat(executions.get()).isEqualTo(1);
	}

	@Test
	void shouldNotRunARequestThatWaitedInLineTooLong() throws Exception {
		RequestAdmission admission = admission(
				new QueryLimitsProperties(12, 500, Duration.ofSeconds(30), 1, 10, Duration.ofMillis(200)));
		CountDownLatch started = new CountDownLatch(1);
		AtomicInteger executions = new AtomicInteger();
		Chain held = r -> Mono.defer(() -> {
			executions.incrementAndGet();
			started.countDown();
			sleepQuietly(600);
			return Mono.just(answer(r));
		});
		Mono<WebGraphQlResponse> running = admission.intercept(request(), held).cache();
		running.subscribe();
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

		WebGraphQlResponse stale = admission.intercept(request(), held).block(Duration.ofSeconds(30));

		assertThat(stale).isNotNull();
		assertThat(stale.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("reason", "BUSY"));
		assertThat(admission.running()).as("answered while the only worker is still busy").isEqualTo(1);
		assertThat(admission.waiting()).isZero();
		assertThat(running.block(Duration.ofSeconds(30)).getErrors()).isEmpty();
		Thread.sleep(200);
		assertThat(executions.get()).as("the stale request never runs").isEqualTo(1);
	}

	@Test
	void shouldHandTheNextRequestAWorkerWithoutTheTransactionAnErrorLeftOpen() {
		RequestAdmission admission = admission(
				new QueryLimitsProperties(12, 500, Duration.ofSeconds(30), 1, 10, Duration.ofSeconds(30)));
		ReadScopeTransactionManager manager = new ReadScopeTransactionManager(new RecordingTransactionManager());
		GraphQL graphQl = QueryTransactionsTests.graphQl(manager, new QueryTransactions(manager));
		AtomicBoolean leftOpen = new AtomicBoolean();
		AtomicReference<Boolean> activeForNext = new AtomicReference<>();

		admission.intercept(request(), r -> Mono.fromSupplier(() -> {
			try {
				graphQl.execute("{ read broken }");
			}
			catch (CompletionException ex) {
				leftOpen.set(TransactionSynchronizationManager.isActualTransactionActive());
			}
			return answer(r);
		})).block(Duration.ofSeconds(30));
		admission.intercept(request(), r -> Mono.fromSupplier(() -> {
			activeForNext.set(TransactionSynchronizationManager.isActualTransactionActive());
			return answer(r);
		})).block(Duration.ofSeconds(30));

		assertThat(leftOpen).as("the error left the transaction open on the worker").isTrue();
		assertThat(activeForNext.get()).as("a transaction on the same worker for the next request").isFalse();
	}

	@Test
	void shouldAnswerACheapRequestWhileExpensiveOnesFillTheirLine() throws InterruptedException {
		// One worker per line; expensive requests block theirs until released.
		RequestAdmission admission = admission(new QueryLimitsProperties(12, 500, 100_000, Duration.ofSeconds(30), 1,
				100, Duration.ofSeconds(30), 0, 0, 0, 0, 1_000, 1, 100, 100, null), byDocument());
		CountDownLatch firstStarted = new CountDownLatch(1);
		Chain held = r -> Mono.defer(() -> {
			firstStarted.countDown();
			awaitQuietly(this.release);
			return Mono.empty();
		});
		List<Mono<WebGraphQlResponse>> expensive = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			expensive.add(admission.intercept(request("{ expensive }", null), held).cache());
			expensive.get(i).subscribe();
		}
		// the worker leaves the line before it starts, so two wait once one has started
		assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();

		WebGraphQlResponse cheap = admission.intercept(request("{ cheap }", null), r -> Mono.just(answer(r)))
			.block(Duration.ofSeconds(30));

		assertThat(cheap).isNotNull();
		assertThat(cheap.<String>getData()).isEqualTo("done");
		assertThat(admission.waiting()).isEqualTo(2);
	}

	@Test
	void shouldRefuseAQueryOverTheCostLimitWithoutQueueingIt() {
		RequestAdmission admission = admission(new QueryLimitsProperties(12, 500, 5_000, Duration.ofSeconds(30), 1, 100,
				Duration.ofSeconds(30), 0, 0, 0, 0, 1_000, 1, 100, 100, null), byDocument());
		admission.intercept(request("{ cheap }", null), blocking()).subscribe();

		WebGraphQlResponse refused = admission.intercept(request("{ expensive }", null), r -> Mono.just(answer(r)))
			.block(Duration.ofSeconds(30));

		assertThat(refused).isNotNull();
		assertThat(refused.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getMessage()).contains("maximum query cost exceeded 20000 > 5000"));
	}

	@Test
	void shouldLimitTheRequestsOfOneClientButNotOfOthers() {
		RequestAdmission admission = admission(new QueryLimitsProperties(12, 500, 100_000, Duration.ofSeconds(30), 4,
				100, Duration.ofSeconds(30), 0, 0, 0, 0, 1_000, 2, 3, 1, null), byDocument());
		InetSocketAddress one = new InetSocketAddress("192.0.2.1", 4000);
		InetSocketAddress other = new InetSocketAddress("192.0.2.2", 4000);
		admission.intercept(request("{ expensive }", one), blocking()).subscribe();

		WebGraphQlResponse secondExpensive = admission
			.intercept(request("{ expensive }", one), r -> Mono.just(answer(r)))
			.block(Duration.ofSeconds(30));
		admission.intercept(request("{ cheap }", one), blocking()).subscribe();
		admission.intercept(request("{ cheap }", one), blocking()).subscribe();
		WebGraphQlResponse fourth = admission.intercept(request("{ cheap }", one), r -> Mono.just(answer(r)))
			.block(Duration.ofSeconds(30));
		WebGraphQlResponse fromOther = admission.intercept(request("{ expensive }", other), r -> Mono.just(answer(r)))
			.block(Duration.ofSeconds(30));

		assertThat(RequestAdmission.isTooManyRequests(secondExpensive)).isTrue();
		assertThat(secondExpensive.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
		assertThat(RequestAdmission.isTooManyRequests(fourth)).isTrue();
		assertThat(fromOther.<String>getData()).isEqualTo("done");
	}

	@Test
	void shouldPutTheDeadlineInTheContextAndExpireItOnTimeout() {
		RequestAdmission admission = admission(new QueryLimitsProperties(12, 500, Duration.ofSeconds(1)));
		AtomicReference<RequestDeadline> deadline = new AtomicReference<>();
		AtomicBoolean passedAtStart = new AtomicBoolean(true);
		CountDownLatch timedOut = new CountDownLatch(1);

		WebGraphQlResponse response = admission.intercept(request(), r -> Mono.defer(() -> {
			deadline.set(RequestDeadline.of(r.toExecutionInput().getGraphQLContext()));
			passedAtStart.set(deadline.get().passed());
			awaitQuietly(timedOut);
			return Mono.just(answer(r));
		})).block(Duration.ofSeconds(30));
		timedOut.countDown();

		assertThat(passedAtStart).isFalse();
		assertThat(response.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("reason", "TIMEOUT"));
		assertThat(deadline.get().passed()).isTrue();
	}

	private RequestAdmission admission(QueryLimitsProperties limits, RequestCost costs) {
		RequestAdmission admission = new RequestAdmission(limits, costs);
		this.admissions.add(admission);
		return admission;
	}

	// "{ expensive }" costs 20,000, anything else 1.
	private static RequestCost byDocument() {
		return request -> {
			QueryCost.Measure measure = new QueryCost.Measure();
			measure.cost = request.getDocument().contains("expensive") ? 20_000 : 1;
			return new RequestCost.Estimate(measure, false);
		};
	}

	private static WebGraphQlRequest request(String document, InetSocketAddress from) {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), from, Map.of(), Map.of("query", document), "1", null);
	}

	private RequestAdmission admission(QueryLimitsProperties limits) {
		RequestAdmission admission = new RequestAdmission(limits);
		this.admissions.add(admission);
		return admission;
	}

	private Chain blocking() {
		return r -> Mono.defer(() -> {
			awaitQuietly(this.release);
			return Mono.empty();
		});
	}

	private static Chain answering() {
		return r -> Mono.just(answer(r));
	}

	private static WebGraphQlResponse answer(WebGraphQlRequest request) {
		ExecutionResult result = ExecutionResult.newExecutionResult().data("done").build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	private static WebGraphQlRequest request() {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "{ about { name } }"), "1", null);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
