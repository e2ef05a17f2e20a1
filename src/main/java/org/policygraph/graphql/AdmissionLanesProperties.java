package org.policygraph.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lines of admission control beside the standard one ({@link RequestAdmission}), each
 * with workers of its own, so that a request never waits behind a crowd of another kind.
 * The standard line keeps {@link QueryLimitsProperties#maxConcurrent()} workers, the
 * expensive one {@link QueryLimitsProperties#maxExpensiveConcurrent()}.
 *
 * @param lightCost queries below this cost ({@link QueryCost}: a dashboard aggregate, a
 * single node, the list of provinces) wait in the light line; 0 turns the line off (every
 * query below {@link QueryLimitsProperties#expensiveCost()} then waits in the standard
 * line)
 * @param maxLightConcurrent how many light queries execute at once
 * @param maxWriteConcurrent how many mutations execute at once, in a line of their own
 * (ingests do not wait behind reads, nor reads behind a long ingest); 0 puts mutations in
 * the lines of queries by their cost
 */
@ConfigurationProperties("policygraph.graphql.lanes")
public record AdmissionLanesProperties(long lightCost, int maxLightConcurrent, int maxWriteConcurrent) {

	/** No light line, mutations with the queries: one line below the expensive cost. */
	public static final AdmissionLanesProperties NONE = new AdmissionLanesProperties(0, 1, 0);

	public AdmissionLanesProperties {
		lightCost = Math.max(0, lightCost);
		maxLightConcurrent = (maxLightConcurrent > 0) ? maxLightConcurrent : 2;
		maxWriteConcurrent = Math.max(0, maxWriteConcurrent);
	}

}
