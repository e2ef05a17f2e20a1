package org.policygraph.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import org.policygraph.support.Testers;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serving kept responses outdated by a write for a bounded time while one refresh runs
 * ({@code policygraph.graphql.response-cache.serve-stale}), over HTTP against the
 * in-process Neo4j. A write is made around the application (so the database has it) and
 * announced the way every writer does ({@link GraphChanged}); the window is measured on
 * the clock of {@link GraphGeneration}, which the tests move on. A probe between the
 * cache and admission control counts the executions of the probed query, and can hold
 * them or answer them with an error.
 */
// Refreshes start on the first request after a write (refresh-after=0s): the window and
// the refreshes are tested here, the delay before a refresh in ResponseCacheTests.
@TestPropertySource(properties = { "policygraph.graphql.response-cache.ttl=10m",
		"policygraph.graphql.response-cache.serve-stale=1m", "policygraph.graphql.response-cache.refresh-after=0s" })
@Import(ServeStaleIT.ProbeConfiguration.class)
class ServeStaleIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/serve-stale-it/";

	private static final String PROVINCE = "40";

	private static final Duration WINDOW = Duration.ofMinutes(1);

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private Driver driver;

	@Autowired
	private ResponseCache cache;

	@Autowired
	private GraphGeneration generation;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private Probe probe;

	private final AtomicLong now = new AtomicLong(System.nanoTime());

	private final AtomicInteger written = new AtomicInteger();

	@BeforeEach
	void startFromAnEmptyCacheOnAClockOfTheTests() {
		this.generation.ticker(this.now::get);
		// Nothing kept from other tests.
		this.events.publishEvent(GraphChanged.storeReplaced());
		this.probe.reset();
		this.graphQl = Testers.patient(this.graphQl);
	}

	@AfterEach
	void removeArticles() {
		this.probe.reset();
		TestArticles.remove(this.driver, PREFIX);
		this.generation.ticker(System::nanoTime);
	}

	@Test
	void shouldServeTheOutdatedResponseWithinTheWindowAndTheRefreshedOneAfterItsRefresh() {
		int before = listed();
		long refreshes = this.cache.refreshes();

		writeAndAnnounce();
		this.now.addAndGet(WINDOW.minusSeconds(1).toNanos());

		assertThat(listed()).as("outdated, within the window").isEqualTo(before);
		awaitRefreshed(refreshes + 1);
		assertThat(listed()).as("refreshed").isEqualTo(before + 1);
		assertThat(this.probe.executions()).as("the first execution and one refresh").isEqualTo(2);
	}

	@Test
	void shouldNeverAnswerARequestWithBookmarksFromAKeptResponse() {
		int before = listed();
		long served = this.cache.staleServed();

		List<String> bookmarks = writeAndAnnounce();

		HttpGraphQlTester fresh = this.graphQl.mutate().header("Neo4j-Bookmarks", String.join(",", bookmarks)).build();
		assertThat(listed(fresh)).as("with the write's bookmarks").isEqualTo(before + 1);
		assertThat(this.cache.staleServed()).isEqualTo(served);
		assertThat(listed()).as("without them, within the window").isEqualTo(before);
		assertThat(this.cache.staleServed()).isEqualTo(served + 1);
	}

	@Test
	void shouldExecuteWhenTheKeptResponseWasOutdatedLongerThanTheWindow() {
		int before = listed();
		long served = this.cache.staleServed();

		writeAndAnnounce();
		this.now.addAndGet(WINDOW.plusSeconds(1).toNanos());

		assertThat(listed()).as("past the window").isEqualTo(before + 1);
		assertThat(this.cache.staleServed()).isEqualTo(served);
		assertThat(this.probe.executions()).isEqualTo(2);
	}

	@Test
	void shouldRefreshOnceHoweverManyRequestsFindTheResponseOutdated() throws Exception {
		int before = listed();
		long refreshes = this.cache.refreshes();
		Sinks.Empty<Void> gate = this.probe.hold();
		writeAndAnnounce();

		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				answers.add(clients.submit(() -> listed()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).as("every request answered with the outdated response").isEqualTo(before);
			}
		}
		finally {
			clients.shutdown();
		}
		assertThat(this.probe.executions()).as("the first execution and one refresh, held").isEqualTo(2);

		gate.tryEmitEmpty();
		awaitRefreshed(refreshes + 1);
		assertThat(listed()).isEqualTo(before + 1);
		assertThat(this.probe.executions()).isEqualTo(2);
		assertThat(this.cache.refreshes()).isEqualTo(refreshes + 1);
	}

	@Test
	void shouldKeepServingTheOutdatedResponseWhileRefreshesFailUntilTheWindowEndsThenExecute() {
		int before = listed();
		long failed = this.cache.failedRefreshes();
		this.probe.fail(true);
		writeAndAnnounce();

		assertThat(listed()).isEqualTo(before);
		await(() -> this.cache.failedRefreshes() == failed + 1, "the first refresh to fail");
		this.now.addAndGet(WINDOW.minusSeconds(1).toNanos());
		assertThat(listed()).as("still within the window after a failed refresh").isEqualTo(before);
		await(() -> this.cache.failedRefreshes() == failed + 2, "the second refresh to fail");
		assertThat(this.probe.executions()).isEqualTo(3);

		this.now.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(this.graphQl.documentName("serveStaleArticles")
			.variable("provinceKey", PROVINCE)
			.execute()
			.returnResponse()
			.getErrors()).as("past the window: executed, and the probe's error answered").isNotEmpty();
		this.probe.fail(false);
		assertThat(listed()).isEqualTo(before + 1);
	}

	@Test
	void shouldDropEveryKeptResponseWhenTheStoreIsReplaced() {
		int before = listed();
		long served = this.cache.staleServed();

		writeDirectly();
		this.events.publishEvent(GraphChanged.storeReplaced());

		assertThat(this.cache.size()).isZero();
		assertThat(listed()).isEqualTo(before + 1);
		assertThat(this.cache.staleServed()).isEqualTo(served);
	}

	/** Until the refreshes started so far have ended (and kept what they could). */
	private void awaitRefreshed(long refreshes) {
		await(() -> this.cache.refreshes() >= refreshes && !this.cache.refreshing(), "the refresh to end");
	}

	private static void await(BooleanSupplier condition, String what) {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("Waited 60 s for " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private int listed() {
		return listed(this.graphQl);
	}

	private static int listed(HttpGraphQlTester tester) {
		return tester.documentName("serveStaleArticles")
			.variable("provinceKey", PROVINCE)
			.execute()
			.path("articles.totalCount")
			.entity(Integer.class)
			.get();
	}

	/** A write around the application, announced as every writer announces its writes. */
	private List<String> writeAndAnnounce() {
		List<String> bookmarks = writeDirectly();
		this.events.publishEvent(GraphChanged.written());
		return bookmarks;
	}

	private List<String> writeDirectly() {
		int n = this.written.incrementAndGet();
		try (var session = this.driver.session()) {
			session.executeWrite(
					tx -> tx
						.run("""
								CREATE (a:Article {id: $id, url: $url, title: 'Written around the application'})
								WITH a MATCH (p:Province {key: $province}) CREATE (a)-[:MENTIONS]->(p)""",
								Map.of("id", "serve-stale-it-" + n, "url", PREFIX + n, "province", PROVINCE))
						.consume());
			return session.lastBookmarks().stream().map(Bookmark::value).toList();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ProbeConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE + 3)
		Probe serveStaleProbe() {
			return new Probe();
		}

	}

	/**
	 * Between the cache and admission control: counts the executions of the probed query,
	 * holds them at a gate or answers them with an error, as told.
	 */
	static class Probe implements WebGraphQlInterceptor {

		private final AtomicInteger executions = new AtomicInteger();

		private final AtomicInteger running = new AtomicInteger();

		private volatile boolean failing;

		private volatile Sinks.Empty<Void> gate = gateOpen();

		@Override
		public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
			if (!"serveStaleArticles".equals(request.getOperationName())
					&& !request.getDocument().contains("serveStaleArticles")) {
				return chain.next(request);
			}
			this.executions.incrementAndGet();
			if (this.failing) {
				ExecutionResult result = ExecutionResult.newExecutionResult()
					.addError(GraphqlErrorBuilder.newError().message("The probe refuses this execution").build())
					.build();
				return Mono.just(new WebGraphQlResponse(
						new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
			}
			this.running.incrementAndGet();
			return this.gate.asMono()
				.then(Mono.defer(() -> chain.next(request)))
				.doFinally(signal -> this.running.decrementAndGet());
		}

		int executions() {
			return this.executions.get();
		}

		int running() {
			return this.running.get();
		}

		void fail(boolean failing) {
			this.failing = failing;
		}

		Sinks.Empty<Void> hold() {
			Sinks.Empty<Void> held = Sinks.empty();
			this.gate = held;
			return held;
		}

		void reset() {
			this.executions.set(0);
			this.failing = false;
			this.gate.tryEmitEmpty();
			this.gate = gateOpen();
		}

		private static Sinks.Empty<Void> gateOpen() {
			Sinks.Empty<Void> open = Sinks.empty();
			open.tryEmitEmpty();
			return open;
		}

	}

}
