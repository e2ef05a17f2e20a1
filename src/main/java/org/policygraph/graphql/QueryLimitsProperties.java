package org.policygraph.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits that keep one request from monopolizing the service.
 *
 * @param maxDepth the deepest selection nesting a query may have
 * @param maxComplexity the most fields a query may select, counting each field once per
 * appearance in the query
 * @param timeout how long a request may run before it is answered with a timeout error
 */
@ConfigurationProperties("policygraph.graphql")
public record QueryLimitsProperties(int maxDepth, int maxComplexity, Duration timeout) {

	public QueryLimitsProperties {
		maxDepth = (maxDepth > 0) ? maxDepth : 12;
		maxComplexity = (maxComplexity > 0) ? maxComplexity : 500;
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(15);
	}

}
