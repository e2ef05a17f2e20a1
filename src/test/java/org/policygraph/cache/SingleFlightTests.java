package org.policygraph.cache;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.graphql.server.WebGraphQlInterceptor.Chain;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleFlightTests {

	private static final String PROVINCE = "query P($key: String!) { province(name: $key) { key name } }";

	private final GraphGeneration generation = new GraphGeneration();

	private final SingleFlight flight = new SingleFlight(true, 100, this.generation);

	/** Executions started, and the answers they are to give, in order. */
	private final List<Sinks.One<WebGraphQlResponse>> pending = new ArrayList<>();

	private final AtomicInteger executions = new AtomicInteger();

	private final Chain held = request -> {
		this.executions.incrementAndGet();
		Sinks.One<WebGraphQlResponse> sink = Sinks.one();
		this.pending.add(sink);
		return sink.asMono();
	};

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldExecuteIdenticalConcurrentQueriesOnceAndAnswerEveryOne() {
		List<AtomicReference<@Nullable Object>> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(send(request(PROVINCE, Map.of("key", "ha-noi"))));
		}

		assertThat(this.executions).hasValue(1);
		assertThat(answers).allSatisfy(answer -> assertThat(answer.get()).as("waits for the execution").isNull());
		WebGraphQlRequest first = request(PROVINCE, Map.of("key", "ha-noi"));
		this.pending.get(0).tryEmitValue(answer(first, Map.of("province", Map.of("key", "ha-noi"))));

		assertThat(answers)
			.allSatisfy(answer -> assertThat(answer.get()).isEqualTo(Map.of("province", Map.of("key", "ha-noi"))));
		assertThat(this.flight.executions()).isEqualTo(1);
		assertThat(this.flight.joined()).isEqualTo(19);
		assertThat(this.flight.inFlight()).isZero();
	}

	@Test
	void shouldExecuteAgainOnceTheSharedExecutionWasAnswered() {
		send(request(PROVINCE, Map.of("key", "ha-noi")));
		this.pending.get(0).tryEmitValue(answer(request(PROVINCE, Map.of()), Map.of("n", 1)));
		send(request(PROVINCE, Map.of("key", "ha-noi")));

		assertThat(this.executions).as("nothing is kept").hasValue(2);
	}

	@Test
	void shouldExecuteRequestsThatDifferApart() {
		send(request(PROVINCE, Map.of("key", "ha-noi")));
		send(request(PROVINCE, Map.of("key", "hue")));
		send(request(PROVINCE, Map.of("key", "ha-noi"), "P"));
		send(request(PROVINCE.replace("name }", "name era }"), Map.of("key", "ha-noi")));
		send(request(PROVINCE, Map.of("key", "ha-noi"), null, new HttpHeaders(), Map.of("other", 1)));

		assertThat(this.executions).hasValue(5);
	}

	@Test
	void shouldNeverShareMutationsSubscriptionsOrRequestsWithBookmarks() {
		String mutation = "mutation { addSource(input: {url: \"https://example.org/rss\"}) { source { url } } }";
		send(request(mutation, Map.of()));
		send(request(mutation, Map.of()));
		send(request("subscription { graphChanged { count } }", Map.of()));
		send(request("subscription { graphChanged { count } }", Map.of()));
		HttpHeaders bookmarks = new HttpHeaders();
		bookmarks.add("Neo4j-Bookmarks", "FB:abc");
		send(request(PROVINCE, Map.of("key", "ha-noi"), null, bookmarks, Map.of()));
		send(request(PROVINCE, Map.of("key", "ha-noi"), null, bookmarks, Map.of()));
		send(request(PROVINCE, Map.of("key", "ha-noi"), null, new HttpHeaders(),
				Map.of(ReadYourWrites.EXTENSION, List.of("FB:abc"))));
		send(request(PROVINCE, Map.of("key", "ha-noi"), null, new HttpHeaders(),
				Map.of(ReadYourWrites.EXTENSION, List.of("FB:abc"))));
		send(request("{ province(name: \"ha-noi\") { key }", Map.of()));
		send(request("{ province(name: \"ha-noi\") { key }", Map.of()));

		assertThat(this.executions).hasValue(10);
		assertThat(this.flight.joined()).isZero();
	}

	@Test
	void shouldNotLetARequestMadeAfterAnIngestWaitForAnExecutionThatStartedBeforeIt() {
		send(request(PROVINCE, Map.of("key", "ha-noi")));
		this.generation.onGraphChanged(GraphChanged.written());
		send(request(PROVINCE, Map.of("key", "ha-noi")));

		assertThat(this.executions).hasValue(2);
	}

	@Test
	void shouldShareOnlyBetweenRequestsOfTheSameCaller() {
		send(request(PROVINCE, Map.of("key", "ha-noi")));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("editor", "x",
					AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
		send(request(PROVINCE, Map.of("key", "ha-noi")));
		send(request(PROVINCE, Map.of("key", "ha-noi")));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("reader", "x",
					AuthorityUtils.createAuthorityList("ROLE_READER")));
		send(request(PROVINCE, Map.of("key", "ha-noi")));

		assertThat(this.executions).as("anonymous, editor (twice), reader").hasValue(3);
	}

	@Test
	void shouldSendTheErrorsOfTheExecutionWithItsHeadersToEveryWaiter() {
		List<AtomicReference<@Nullable WebGraphQlResponse>> responses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			AtomicReference<@Nullable WebGraphQlResponse> response = new AtomicReference<>();
			this.flight.intercept(request(PROVINCE, Map.of("key", "ha-noi")), this.held).subscribe(response::set);
			responses.add(response);
		}
		WebGraphQlResponse busy = error(request(PROVINCE, Map.of()), "BUSY");
		busy.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		this.pending.get(0).tryEmitValue(busy);

		assertThat(this.executions).hasValue(1);
		assertThat(responses).allSatisfy(response -> {
			assertThat(response.get()).isNotNull();
			assertThat(response.get().getErrors()).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("reason", "BUSY"));
			assertThat(response.get().getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		});
	}

	@Test
	void shouldFailEveryWaiterWhenTheExecutionFails() {
		List<AtomicReference<@Nullable Throwable>> failures = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
			this.flight.intercept(request(PROVINCE, Map.of("key", "ha-noi")), this.held)
				.subscribe(response -> failure.set(new AssertionError("answered")), failure::set);
			failures.add(failure);
		}
		this.pending.get(0).tryEmitError(new IllegalStateException("database unavailable"));

		assertThat(this.executions).hasValue(1);
		assertThat(failures).allSatisfy(failure -> assertThat(failure.get()).hasMessage("database unavailable"));
		assertThatThrownBy(() -> this.flight.intercept(request(PROVINCE, Map.of("key", "hue")), r -> {
			throw new IllegalStateException("no chain");
		}).block()).hasMessage("no chain");
		assertThat(this.flight.inFlight()).isZero();
	}

	@Test
	void shouldLetWaitersExecuteOnTheirOwnWhenTheFirstClientWasRefused() {
		AtomicReference<@Nullable Object> refused = send(request(PROVINCE, Map.of("key", "ha-noi")));
		AtomicReference<@Nullable Object> waiter = send(request(PROVINCE, Map.of("key", "ha-noi")));
		this.pending.get(0).tryEmitValue(error(request(PROVINCE, Map.of()), SingleFlight.CALLER_REFUSED));

		assertThat(this.executions).as("the refused one, then one for the waiter").hasValue(2);
		this.pending.get(1).tryEmitValue(answer(request(PROVINCE, Map.of()), Map.of("n", 2)));
		assertThat(waiter.get()).isEqualTo(Map.of("n", 2));
		assertThat(refused.get()).as("the refused request's own answer has no data").isNull();
	}

	@Test
	void shouldLetWaitersExecuteOnTheirOwnWhenTheFirstIsCancelled() {
		Disposable first = this.flight.intercept(request(PROVINCE, Map.of("key", "ha-noi")), this.held).subscribe();
		AtomicReference<@Nullable Object> waiter = send(request(PROVINCE, Map.of("key", "ha-noi")));

		first.dispose();

		assertThat(this.executions).hasValue(2);
		this.pending.get(1).tryEmitValue(answer(request(PROVINCE, Map.of()), Map.of("n", 2)));
		assertThat(waiter.get()).isEqualTo(Map.of("n", 2));
	}

	@Test
	void shouldExecuteEveryRequestWhenTurnedOff() {
		SingleFlight off = new SingleFlight(false, 100, this.generation);
		off.intercept(request(PROVINCE, Map.of("key", "ha-noi")), this.held).subscribe();
		off.intercept(request(PROVINCE, Map.of("key", "ha-noi")), this.held).subscribe();

		assertThat(this.executions).hasValue(2);
	}

	@Test
	void shouldAnswerAPlainQueryThroughTheChain() {
		WebGraphQlResponse response = this.flight
			.intercept(request(PROVINCE, Map.of("key", "ha-noi")),
					r -> Mono.just(answer(r, Map.of("province", Map.of("key", "ha-noi")))))
			.block(Duration.ofSeconds(10));

		assertThat(response).isNotNull();
		assertThat((Object) response.getData()).isEqualTo(Map.of("province", Map.of("key", "ha-noi")));
	}

	/** Sends a request through the interceptor; the reference gets its data. */
	private AtomicReference<@Nullable Object> send(WebGraphQlRequest request) {
		AtomicReference<@Nullable Object> data = new AtomicReference<>();
		this.flight.intercept(request, this.held).subscribe(response -> data.set(response.getData()));
		return data;
	}

	private static WebGraphQlResponse answer(WebGraphQlRequest request, Map<String, Object> data) {
		ExecutionResult result = ExecutionResult.newExecutionResult().data(data).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	private static WebGraphQlResponse error(WebGraphQlRequest request, String reason) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError().message(reason).extensions(Map.of("reason", reason)).build())
			.build();
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

}
