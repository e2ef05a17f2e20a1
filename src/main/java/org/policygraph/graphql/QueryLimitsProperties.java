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
 * @param maxCost the highest cost a query may have ({@link QueryCost}: the work its
 * arguments and nesting ask for, about the database rows it reads)
 * @param timeout how long a request may run, counted from the moment it starts executing
 * (not while it waits for its turn), before it is answered with a timeout error
 * @param maxConcurrent how many requests execute at the same time; the rest wait in line
 * (the database work of a request is CPU-bound, so more than a few per core only adds
 * contention)
 * @param maxQueued how many requests may wait in line; one more is answered at once with
 * a {@code BUSY} error
 * @param maxQueueWait how long a request may wait in line; one that waited longer is
 * answered with a {@code BUSY} error instead of being run for a client that has probably
 * given up
 * @param maxIntrospectionDepth the deepest nesting of introspection ({@code __schema},
 * {@code __type}) a query may have; graphql-js's standard introspection query is 15 deep
 * @param listSize the items {@link QueryCost} assumes in a list without a page size
 * @param textSearchCost what {@link QueryCost} counts for one full-text search
 * @param traversalStepCost what {@link QueryCost} counts for one relationship followed
 * one step
 * @param expensiveCost from this cost on, a request waits in the line of expensive
 * requests, which has workers of its own, so that cheap requests never wait behind
 * expensive ones (30,000: a traversal of two steps from a thousand nodes; the six-level
 * article question, 24,550, executes in about twice the time of a document's implementers
 * and waits in the standard line, docs/adr/0018-deep-articles-and-the-load-test.md)
 * @param maxExpensiveConcurrent how many expensive requests execute at the same time
 * (they also count in {@code maxConcurrent})
 * @param maxPerClient how many requests one client (an account, or an address for
 * anonymous requests) may have waiting or executing at once; one more is answered at once
 * with a {@code TOO_MANY_REQUESTS} error
 * @param maxExpensivePerClient how many expensive requests one client may have waiting or
 * executing at once
 * @param writeTimeout how long a mutation may run (an ingest of the largest batch
 * extracts and writes a thousand articles), instead of {@code timeout}
 */
@ConfigurationProperties("policygraph.graphql")
public record QueryLimitsProperties(int maxDepth, int maxComplexity, long maxCost, Duration timeout, int maxConcurrent,
		int maxQueued, Duration maxQueueWait, int maxIntrospectionDepth, int listSize, int textSearchCost,
		int traversalStepCost, long expensiveCost, int maxExpensiveConcurrent, int maxPerClient,
		int maxExpensivePerClient, Duration writeTimeout) {

	@ConstructorBinding
	public QueryLimitsProperties {
		maxDepth = (maxDepth > 0) ? maxDepth : 12;
		maxComplexity = (maxComplexity > 0) ? maxComplexity : 500;
		maxCost = (maxCost > 0) ? maxCost : 100_000;
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(15);
		maxConcurrent = (maxConcurrent > 0) ? maxConcurrent
				: Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		maxQueued = (maxQueued > 0) ? maxQueued : 1000;
		maxQueueWait = (maxQueueWait != null) ? maxQueueWait : Duration.ofSeconds(30);
		maxIntrospectionDepth = (maxIntrospectionDepth > 0) ? maxIntrospectionDepth : 20;
		listSize = (listSize > 0) ? listSize : 10;
		textSearchCost = (textSearchCost > 0) ? textSearchCost : 5_000;
		traversalStepCost = (traversalStepCost > 0) ? traversalStepCost : 3;
		expensiveCost = (expensiveCost > 0) ? expensiveCost : 30_000;
		maxExpensiveConcurrent = (maxExpensiveConcurrent > 0) ? Math.min(maxExpensiveConcurrent, maxConcurrent)
				: Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		maxPerClient = (maxPerClient > 0) ? maxPerClient : 16;
		maxExpensivePerClient = (maxExpensivePerClient > 0) ? maxExpensivePerClient : 2;
		writeTimeout = (writeTimeout != null) ? writeTimeout : Duration.ofSeconds(120);
	}

	/**
	 * Limits with the default admission settings.
	 * @param maxDepth the deepest selection nesting
	 * @param maxComplexity the most fields
	 * @param timeout the longest execution
	 */
	public QueryLimitsProperties(int maxDepth, int maxComplexity, Duration timeout) {
		this(maxDepth, maxComplexity, timeout, 0, 0, null);
	}

	/**
	 * Limits with the default cost model, lanes and per-client limits.
	 * @param maxDepth the deepest selection nesting
	 * @param maxComplexity the most fields
	 * @param timeout the longest execution
	 * @param maxConcurrent requests executing at once
	 * @param maxQueued requests waiting in line
	 * @param maxQueueWait the longest wait in line
	 */
	public QueryLimitsProperties(int maxDepth, int maxComplexity, Duration timeout, int maxConcurrent, int maxQueued,
			Duration maxQueueWait) {
		this(maxDepth, maxComplexity, 0, timeout, maxConcurrent, maxQueued, maxQueueWait, 0, 0, 0, 0, 0, 0,
				Integer.MAX_VALUE, Integer.MAX_VALUE, null);
	}

	/**
	 * @return the weights of the cost model
	 */
	QueryCost.Weights weights() {
		return new QueryCost.Weights(this.listSize, this.textSearchCost, this.traversalStepCost);
	}

}
