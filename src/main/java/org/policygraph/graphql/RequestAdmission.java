package org.policygraph.graphql;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import org.policygraph.neo4j.ReadScopeTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Admission control and the per-request timeout. At most
 * {@link QueryLimitsProperties#maxConcurrent()} requests execute at once, each on a
 * worker thread of its own (data fetchers block on the database); the others wait in
 * line, first come first served. Under a crowd of clients the service thus works on a few
 * requests at a time at full speed, instead of on hundreds that slow each other down, and
 * latency grows with the line rather than with contention.
 * <ul>
 * <li>The timeout counts from the start of execution: a request that waited in line still
 * gets its full {@link QueryLimitsProperties#timeout()}. A request still running when it
 * expires is answered with a {@code TIMEOUT} error and cancelled (graphql-java fetches no
 * further fields; database work has its own transaction timeout).</li>
 * <li>A request that finds the line full ({@link QueryLimitsProperties#maxQueued()}), or
 * waited in it longer than {@link QueryLimitsProperties#maxQueueWait()}, is answered with
 * a {@code BUSY} error and a {@code Retry-After} header, without running: the wait is
 * timed, so the answer comes when it runs out, not when a worker reaches the
 * request.</li>
 * <li>Over HTTP, a client that gives up does not take its request out of the line (Spring
 * MVC does not cancel the asynchronous response); the wait limit bounds how long such a
 * request can still be run.</li>
 * <li>Lines by the cost of the request measured before it waits ({@link RequestCost}),
 * each with workers of its own: a request from
 * {@link QueryLimitsProperties#expensiveCost()} on waits for one of
 * {@link QueryLimitsProperties#maxExpensiveConcurrent()} workers, so that a crowd of
 * expensive requests never makes a cheap one wait; a query below
 * {@link AdmissionLanesProperties#lightCost()} (a dashboard aggregate, a single node)
 * waits for one of {@link AdmissionLanesProperties#maxLightConcurrent()}, so that it
 * never waits behind the crowd of standard ones; mutations for one of
 * {@link AdmissionLanesProperties#maxWriteConcurrent()}, when set. One over
 * {@link QueryLimitsProperties#maxCost()} is refused without waiting at all.</li>
 * <li>One client (an account, or the address of an anonymous request) may have at most
 * {@link QueryLimitsProperties#maxPerClient()} requests, and
 * {@link QueryLimitsProperties#maxExpensivePerClient()} expensive ones, waiting or
 * executing; one more is answered at once with a {@code TOO_MANY_REQUESTS} error (HTTP
 * 429) and {@code Retry-After}, so that one client cannot take the whole line.</li>
 * <li>Every request carries its deadline in its {@link graphql.GraphQLContext}
 * ({@link RequestDeadline}): long work inside it (the extractor) stops when the deadline
 * passes instead of running on after the timeout answer. Mutations get
 * {@link QueryLimitsProperties#writeTimeout()} instead of the timeout.</li>
 * </ul>
 */
public class RequestAdmission implements WebGraphQlInterceptor, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RequestAdmission.class);

	private static final String BUSY = "BUSY";

	private static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";

	private final QueryLimitsProperties limits;

	private final RequestCost costs;

	private final AdmissionLanesProperties lanes;

	private final Scheduler workers;

	private final Scheduler expensiveWorkers;

	private final @Nullable Scheduler lightWorkers;

	private final @Nullable Scheduler writeWorkers;

	private final Map<String, ClientCount> clients = new ConcurrentHashMap<>();

	private final AtomicInteger waiting = new AtomicInteger();

	private final AtomicInteger running = new AtomicInteger();

	/**
	 * Admission with one line for every request (no cost measured).
	 * @param limits the limits
	 */
	public RequestAdmission(QueryLimitsProperties limits) {
		this(limits, RequestCost.NONE);
	}

	RequestAdmission(QueryLimitsProperties limits, RequestCost costs) {
		this(limits, AdmissionLanesProperties.NONE, costs);
	}

	RequestAdmission(QueryLimitsProperties limits, AdmissionLanesProperties lanes, RequestCost costs) {
		this.limits = limits;
		this.lanes = lanes;
		this.costs = costs;
		this.workers = workers("graphql-worker", limits.maxConcurrent(), limits.maxQueued());
		this.expensiveWorkers = workers("graphql-expensive-worker", limits.maxExpensiveConcurrent(),
				limits.maxQueued());
		this.lightWorkers = (lanes.lightCost() > 0)
				? workers("graphql-light-worker", lanes.maxLightConcurrent(), limits.maxQueued()) : null;
		this.writeWorkers = (lanes.maxWriteConcurrent() > 0)
				? workers("graphql-write-worker", lanes.maxWriteConcurrent(), limits.maxQueued()) : null;
	}

	private static Scheduler workers(String name, int threads, int queued) {
		// One line for all workers, first come first served (a bounded-elastic scheduler
		// would queue
		// per worker, behind whichever request that worker happens to be running).
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(queued), new CustomizableThreadFactory(name + "-")) {

			@Override
			protected void afterExecute(Runnable task, @Nullable Throwable failure) {
				// A worker hands the next request a clean thread, whatever the last one
				// left.
				ReadScopeTransactionManager.closeLeftOver();
			}

		};
		executor.allowCoreThreadTimeOut(true);
		return Schedulers.fromExecutorService(executor, name);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.defer(() -> {
			RequestCost.Estimate estimate = this.costs.estimate(request);
			String refusal = QueryLimitsInstrumentation.refusal(estimate.measure(), this.limits);
			if (refusal != null) {
				return Mono.just(response(request,
						GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(refusal).build()));
			}
			boolean expensive = estimate.cost() >= this.limits.expensiveCost();
			String client = client(request);
			if (!enter(client, expensive)) {
				return Mono.just(tooManyRequests(request, expensive));
			}
			return admit(request, chain, lane(estimate, expensive),
					estimate.mutation() ? this.limits.writeTimeout() : this.limits.timeout())
				.doFinally(signal -> leave(client, expensive));
		});
	}

	/**
	 * The workers a request waits for: mutations have their own (when configured), then
	 * by cost the expensive, the light (when configured) or the standard ones.
	 */
	private Scheduler lane(RequestCost.Estimate estimate, boolean expensive) {
		if (estimate.mutation() && this.writeWorkers != null) {
			return this.writeWorkers;
		}
		if (expensive) {
			return this.expensiveWorkers;
		}
		if (this.lightWorkers != null && !estimate.mutation() && estimate.cost() < this.lanes.lightCost()) {
			return this.lightWorkers;
		}
		return this.workers;
	}

	private Mono<WebGraphQlResponse> admit(WebGraphQlRequest request, Chain chain, Scheduler lane, Duration timeout) {
		return Mono.defer(() -> {
			this.waiting.incrementAndGet();
			// Leaves the line exactly once: picked up by a worker, or out of time
			// (answered BUSY by
			// the wait timer), or refused, or cancelled. Whichever comes first wins; a
			// request whose
			// wait ran out is never run.
			AtomicBoolean inLine = new AtomicBoolean(true);
			BooleanSupplier leaveLine = () -> {
				boolean left = inLine.compareAndSet(true, false);
				if (left) {
					this.waiting.decrementAndGet();
				}
				return left;
			};
			// Data fetchers block on the database, so graphql-java does its work while
			// subscribing:
			// the limits run outside, as timers. One fires if the wait in line runs out;
			// the other,
			// started when a worker picks the request up, if the execution runs out of
			// time.
			AtomicReference<Limit> expiredLimit = new AtomicReference<>();
			Sinks.One<Limit> expired = Sinks.one();
			Disposable.Swap timer = Disposables.swap();
			timer.update(Schedulers.parallel().schedule(() -> {
				if (leaveLine.getAsBoolean()) {
					expiredLimit.set(Limit.WAIT);
					expired.tryEmitValue(Limit.WAIT);
				}
			}, this.limits.maxQueueWait().toNanos(), TimeUnit.NANOSECONDS));
			Mono<WebGraphQlResponse> execution = Mono.defer(() -> {
				if (!leaveLine.getAsBoolean()) {
					return Mono.empty();
				}
				this.running.incrementAndGet();
				RequestDeadline deadline = RequestDeadline.after(timeout);
				request.configureExecutionInput((input, builder) -> builder
					.graphQLContext(context -> context.put(RequestDeadline.class, deadline))
					.build());
				timer.update(Schedulers.parallel().schedule(() -> {
					deadline.expire();
					expiredLimit.compareAndSet(null, Limit.EXECUTION);
					expired.tryEmitValue(Limit.EXECUTION);
				}, timeout.toNanos(), TimeUnit.NANOSECONDS));
				return chain.next(request).doFinally(signal -> {
					deadline.expire();
					this.running.decrementAndGet();
				});
			}).subscribeOn(lane);
			return execution.timeout(expired.asMono())
				.onErrorResume(TimeoutException.class,
						ex -> Mono.just((expiredLimit.get() == Limit.WAIT) ? waitedTooLong(request)
								: timedOut(request, timeout)))
				.onErrorResume(RejectedExecutionException.class, ex -> {
					log.warn("Request refused: {} requests are already waiting", this.limits.maxQueued());
					return Mono.just(busy(request, "The service is busy: " + this.limits.maxQueued()
							+ " requests are already waiting; try again shortly."));
				})
				.doFinally(signal -> {
					timer.dispose();
					leaveLine.getAsBoolean();
				});
		});
	}

	// Counts the client in, unless it already has as many requests as it may.
	private boolean enter(String client, boolean expensive) {
		boolean[] entered = new boolean[1];
		this.clients.compute(client, (key, count) -> {
			ClientCount c = (count != null) ? count : new ClientCount();
			if (c.all < this.limits.maxPerClient()
					&& (!expensive || c.expensive < this.limits.maxExpensivePerClient())) {
				c.all++;
				c.expensive += expensive ? 1 : 0;
				entered[0] = true;
			}
			return (c.all == 0) ? null : c;
		});
		return entered[0];
	}

	private void leave(String client, boolean expensive) {
		this.clients.computeIfPresent(client, (key, c) -> {
			c.all--;
			c.expensive -= expensive ? 1 : 0;
			return (c.all == 0) ? null : c;
		});
	}

	/**
	 * Who sent a request, for the per-client limits: the account that signed in, else the
	 * address it came from.
	 * @param request a request
	 * @return the client's key
	 */
	static String client(WebGraphQlRequest request) {
		Principal principal = null;
		if (request instanceof WebSocketGraphQlRequest webSocket) {
			principal = webSocket.getSessionInfo().getPrincipal().toFuture().getNow(null);
		}
		else {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken)) {
				principal = authentication;
			}
		}
		if (principal != null) {
			return "account:" + principal.getName();
		}
		InetSocketAddress address = (request instanceof WebSocketGraphQlRequest webSocket)
				? webSocket.getSessionInfo().getRemoteAddress() : request.getRemoteAddress();
		return "address:" + ((address != null) ? address.getAddress() : "unknown");
	}

	/** A client's requests waiting or executing. */
	private static final class ClientCount {

		int all;

		int expensive;

	}

	/** The limit that ran out. */
	private enum Limit {

		/** The wait in line. */
		WAIT,

		/** The execution time. */
		EXECUTION

	}

	private WebGraphQlResponse waitedTooLong(WebGraphQlRequest request) {
		return busy(request, "The service is busy: the request waited " + this.limits.maxQueueWait().toSeconds()
				+ " s for its turn and was not run; try again shortly.");
	}

	/**
	 * Whether a response is this interceptor's {@code BUSY} answer: no data, one error
	 * with {@code reason: BUSY}.
	 * @param response a response
	 * @return whether the request was turned away unrun
	 */
	public static boolean isBusy(WebGraphQlResponse response) {
		return response.getData() == null && response.getErrors().size() == 1
				&& BUSY.equals(response.getErrors().get(0).getExtensions().get("reason"));
	}

	/** Requests waiting for their turn now. */
	public int waiting() {
		return this.waiting.get();
	}

	/** Requests executing now. */
	public int running() {
		return this.running.get();
	}

	/**
	 * Whether a response is this interceptor's {@code TOO_MANY_REQUESTS} answer.
	 * @param response a response
	 * @return whether the client had too many requests in flight
	 */
	public static boolean isTooManyRequests(WebGraphQlResponse response) {
		return response.getData() == null && response.getErrors().size() == 1
				&& TOO_MANY_REQUESTS.equals(response.getErrors().get(0).getExtensions().get("reason"));
	}

	private WebGraphQlResponse tooManyRequests(WebGraphQlRequest request, boolean expensive) {
		String message = expensive
				? "Too many expensive requests from this client at once (at most " + this.limits.maxExpensivePerClient()
						+ "); wait for their answers, or ask for less per request"
				: "Too many requests from this client at once (at most " + this.limits.maxPerClient()
						+ "); wait for their answers";
		WebGraphQlResponse response = response(request,
				GraphqlErrorBuilder.newError()
					.errorType(ErrorType.INTERNAL_ERROR)
					.message(message)
					.extensions(Map.of("reason", TOO_MANY_REQUESTS))
					.build());
		response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		return response;
	}

	private WebGraphQlResponse timedOut(WebGraphQlRequest request, Duration timeout) {
		return response(request,
				GraphqlErrorBuilder.newError()
					.errorType(ErrorType.INTERNAL_ERROR)
					.message("The request took longer than " + timeout.toSeconds()
							+ " s and was stopped; narrow the query or ask for smaller pages.")
					.extensions(Map.of("reason", "TIMEOUT"))
					.build());
	}

	private WebGraphQlResponse busy(WebGraphQlRequest request, String message) {
		WebGraphQlResponse response = response(request,
				GraphqlErrorBuilder.newError()
					.errorType(ErrorType.INTERNAL_ERROR)
					.message(message)
					.extensions(Map.of("reason", BUSY))
					.build());
		response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		return response;
	}

	private static WebGraphQlResponse response(WebGraphQlRequest request, GraphQLError error) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	@Override
	public void destroy() {
		this.workers.dispose();
		this.expensiveWorkers.dispose();
		if (this.lightWorkers != null) {
			this.lightWorkers.dispose();
		}
		if (this.writeWorkers != null) {
			this.writeWorkers.dispose();
		}
	}

}
