package org.policygraph.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Limits that keep one request, or a crowd of them, from monopolizing the service.
 *
 * @param maxDepth the deepest selection nesting a query may have, introspection apart
 * @param maxComplexity the most fields a query may select, counting each field once per
 * appearance in the query, introspection apart
 * @param timeout how long a request may run, counted from the moment it starts executing (not
 * while it waits for its turn), before it is answered with a timeout error
 * @param maxConcurrent how many requests execute at the same time; the rest wait in line (the
 * database work of a request is CPU-bound, so more than a few per core only adds contention)
 * @param maxQueued how many requests may wait in line; one more is answered at once with a
 * {@code BUSY} error
 * @param maxQueueWait how long a request may wait in line; one that waited longer is answered with
 * a {@code BUSY} error instead of being run for a client that has probably given up
 * @param maxIntrospectionDepth the deepest nesting of introspection ({@code __schema},
 * {@code __type}) a query may have; graphql-js's standard introspection query is 15 deep
 */
@ConfigurationProperties("policygraph.graphql")
public record QueryLimitsProperties(int maxDepth, int maxComplexity, Duration timeout, int maxConcurrent,
		int maxQueued, Duration maxQueueWait, int maxIntrospectionDepth) {

	@ConstructorBinding
	public QueryLimitsProperties {
		maxDepth = (maxDepth > 0) ? maxDepth : 12;
		maxComplexity = (maxComplexity > 0) ? maxComplexity : 500;
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(15);
		maxConcurrent = (maxConcurrent > 0) ? maxConcurrent
				: Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		maxQueued = (maxQueued > 0) ? maxQueued : 1000;
		maxQueueWait = (maxQueueWait != null) ? maxQueueWait : Duration.ofSeconds(30);
		maxIntrospectionDepth = (maxIntrospectionDepth > 0) ? maxIntrospectionDepth : 20;
	}

	/**
	 * Limits with the default introspection depth.
	 * @param maxDepth the deepest selection nesting
	 * @param maxComplexity the most fields
	 * @param timeout the longest execution
	 * @param maxConcurrent requests executing at once
	 * @param maxQueued requests waiting in line
	 * @param maxQueueWait the longest wait in line
	 */
	public QueryLimitsProperties(int maxDepth, int maxComplexity, Duration timeout, int maxConcurrent, int maxQueued,
			Duration maxQueueWait) {
		this(maxDepth, maxComplexity, timeout, maxConcurrent, maxQueued, maxQueueWait, 0);
	}

	/**
	 * Limits with the default admission settings.
	 * @param maxDepth the deepest selection nesting
	 * @param maxComplexity the most fields
	 * @param timeout the longest execution
	 */
	public QueryLimitsProperties(int maxDepth, int maxComplexity, Duration timeout) {
		this(maxDepth, maxComplexity, timeout, 0, 0, null, 0);
	}

}
