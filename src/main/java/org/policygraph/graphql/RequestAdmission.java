package org.policygraph.graphql;

import java.util.Map;
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
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Admission control and the per-request timeout. At most
 * {@link QueryLimitsProperties#maxConcurrent()} requests execute at once, each on a worker thread
 * of its own (data fetchers block on the database); the others wait in line, first come first
 * served. Under a crowd of clients the service thus works on a few requests at a time at full
 * speed, instead of on hundreds that slow each other down, and latency grows with the line rather
 * than with contention.
 * <ul>
 * <li>The timeout counts from the start of execution: a request that waited in line still gets its
 * full {@link QueryLimitsProperties#timeout()}. A request still running when it expires is answered
 * with a {@code TIMEOUT} error and cancelled (graphql-java fetches no further fields; database work
 * has its own transaction timeout).</li>
 * <li>A request that finds the line full ({@link QueryLimitsProperties#maxQueued()}), or waited in
 * it longer than {@link QueryLimitsProperties#maxQueueWait()}, is answered with a {@code BUSY} error
 * and a {@code Retry-After} header, without running: the wait is timed, so the answer comes when
 * it runs out, not when a worker reaches the request.</li>
 * <li>Over HTTP, a client that gives up does not take its request out of the line (Spring MVC does
 * not cancel the asynchronous response); the wait limit bounds how long such a request can still
 * be run.</li>
 * </ul>
 */
public class RequestAdmission implements WebGraphQlInterceptor, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RequestAdmission.class);

	private static final String BUSY = "BUSY";

	private final QueryLimitsProperties limits;

	private final Scheduler workers;

	private final AtomicInteger waiting = new AtomicInteger();

	private final AtomicInteger running = new AtomicInteger();

	public RequestAdmission(QueryLimitsProperties limits) {
		this.limits = limits;
		// One line for all workers, first come first served (a bounded-elastic scheduler would queue
		// per worker, behind whichever request that worker happens to be running).
		ThreadPoolExecutor executor = new ThreadPoolExecutor(limits.maxConcurrent(), limits.maxConcurrent(), 60,
				TimeUnit.SECONDS, new LinkedBlockingQueue<>(limits.maxQueued()),
				new CustomizableThreadFactory("graphql-worker-")) {

			@Override
			protected void afterExecute(Runnable task, @Nullable Throwable failure) {
				// A worker hands the next request a clean thread, whatever the last one left.
				ReadScopeTransactionManager.closeLeftOver();
			}

		};
		executor.allowCoreThreadTimeOut(true);
		this.workers = Schedulers.fromExecutorService(executor, "graphql-worker");
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.defer(() -> {
			this.waiting.incrementAndGet();
			// Leaves the line exactly once: picked up by a worker, or out of time (answered BUSY by
			// the wait timer), or refused, or cancelled. Whichever comes first wins; a request whose
			// wait ran out is never run.
			AtomicBoolean inLine = new AtomicBoolean(true);
			BooleanSupplier leaveLine = () -> {
				boolean left = inLine.compareAndSet(true, false);
				if (left) {
					this.waiting.decrementAndGet();
				}
				return left;
			};
			// Data fetchers block on the database, so graphql-java does its work while subscribing:
			// the limits run outside, as timers. One fires if the wait in line runs out; the other,
			// started when a worker picks the request up, if the execution runs out of time.
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
				timer.update(Schedulers.parallel().schedule(() -> {
					expiredLimit.compareAndSet(null, Limit.EXECUTION);
					expired.tryEmitValue(Limit.EXECUTION);
				}, this.limits.timeout().toNanos(), TimeUnit.NANOSECONDS));
				return chain.next(request).doFinally(signal -> this.running.decrementAndGet());
			}).subscribeOn(this.workers);
			return execution.timeout(expired.asMono())
				.onErrorResume(TimeoutException.class,
						ex -> Mono.just((expiredLimit.get() == Limit.WAIT) ? waitedTooLong(request) : timedOut(request)))
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
	 * Whether a response is this interceptor's {@code BUSY} answer: no data, one error with
	 * {@code reason: BUSY}.
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

	private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
		return response(request, GraphqlErrorBuilder.newError()
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("The request took longer than " + this.limits.timeout().toSeconds()
					+ " s and was stopped; narrow the query or ask for smaller pages.")
			.extensions(Map.of("reason", "TIMEOUT"))
			.build());
	}

	private WebGraphQlResponse busy(WebGraphQlRequest request, String message) {
		WebGraphQlResponse response = response(request, GraphqlErrorBuilder.newError()
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
	}

}
