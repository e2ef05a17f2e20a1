package org.policygraph.graphql;

import java.time.Duration;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;

/**
 * When a request's time is up: set by {@link RequestAdmission} when the request starts
 * executing, in the request's {@link GraphQLContext}. Long work inside a request checks
 * it and stops once it has passed (cooperative cancellation): the request has been
 * answered with a timeout error by then, and the work would only take the processor from
 * the requests still waiting.
 */
public final class RequestDeadline {

	private static final RequestDeadline NONE = new RequestDeadline(Long.MAX_VALUE);

	private final long deadlineNanos;

	private volatile boolean expired;

	private RequestDeadline(long deadlineNanos) {
		this.deadlineNanos = deadlineNanos;
	}

	/**
	 * @param timeout the time the request may take from now
	 * @return a deadline that passes after the timeout
	 */
	public static RequestDeadline after(Duration timeout) {
		long now = System.nanoTime();
		long nanos = timeout.toNanos();
		return new RequestDeadline((Long.MAX_VALUE - now > nanos) ? now + nanos : Long.MAX_VALUE);
	}

	/**
	 * @param context a request's context
	 * @return the request's deadline, or one that never passes for work outside a request
	 */
	public static RequestDeadline of(@Nullable GraphQLContext context) {
		RequestDeadline deadline = (context != null) ? context.get(RequestDeadline.class) : null;
		return (deadline != null) ? deadline : NONE;
	}

	/**
	 * @return whether the request's time is up (or it was answered)
	 */
	public boolean passed() {
		return this.expired || (this.deadlineNanos != Long.MAX_VALUE && System.nanoTime() - this.deadlineNanos >= 0);
	}

	/**
	 * @return the time left until the deadline (zero once it passed), or {@code null} for
	 * work outside a request, which has no deadline
	 */
	public @Nullable Duration remaining() {
		if (this.deadlineNanos == Long.MAX_VALUE) {
			return null;
		}
		if (this.expired) {
			return Duration.ZERO;
		}
		long left = this.deadlineNanos - System.nanoTime();
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

	/** Marks the request as answered: its work should stop. */
	void expire() {
		if (this != NONE) {
			this.expired = true;
		}
	}

}
