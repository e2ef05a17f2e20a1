package org.policygraph.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard aggregates' cache ({@link AggregateCache}).
 *
 * @param ttl how long an answer is kept; the longest a write through another instance takes to
 * show in the aggregates; zero turns the cache off
 * @param maxEntries the most answers kept (a coverage answer is about 10 KB)
 */
@ConfigurationProperties("policygraph.analytics.cache")
public record AggregateCacheProperties(Duration ttl, long maxEntries) {

	public AggregateCacheProperties {
		ttl = (ttl != null && !ttl.isNegative()) ? ttl : Duration.ofSeconds(30);
		maxEntries = (maxEntries > 0) ? maxEntries : 1_000;
	}

}
