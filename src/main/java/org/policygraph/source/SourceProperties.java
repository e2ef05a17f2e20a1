package org.policygraph.source;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Live sources and the politeness of their fetching ({@code policygraph.sources.*}).
 *
 * @param pollingEnabled whether sources are polled on a schedule (mutations and the
 * command line work either way)
 * @param feeds RSS/Atom feed URLs
 * @param sitemaps sitemap (or sitemap index) URLs
 * @param listings listing page URLs: HTML pages whose links lead to articles
 * @param pollInterval the time between two polls of a source that answered
 * @param maxBackoff the longest wait before the next poll of a source that keeps failing
 * @param tick how often the scheduler looks for sources that are due
 * @param sourceConcurrency how many sources are polled at the same time
 * @param contactUrl a page about this crawler and how to reach its operator, sent in the
 * User-Agent header
 * @param connectTimeout the longest wait for a connection
 * @param requestTimeout the longest one request may take, body included
 * @param maxBodySize the largest body accepted, after decompression
 * @param maxRedirects the most redirects followed for one request
 * @param hostDelay the shortest time between the starts of two requests to one host (a
 * longer robots.txt Crawl-delay, up to a minute, wins)
 * @param hostConcurrency the most requests in flight to one host
 * @param maxRetries how many times a request answered 429 or 5xx, or cut off, is retried
 * @param retryBackoff the first wait before a retry, doubled for each further one
 * @param maxRetryWait the longest wait within a poll (a longer Retry-After ends the poll,
 * and the next one is scheduled after it)
 * @param maxPagesPerPoll the most article pages fetched for one source in one poll; the
 * rest wait for the next poll, newest first
 * @param fullTextMinChars a feed item with less text than this is a summary: its article
 * page is fetched
 * @param robotsTtl how long a host's robots.txt is kept
 */
@ConfigurationProperties("policygraph.sources")
record SourceProperties(@DefaultValue("true") boolean pollingEnabled, List<String> feeds, List<String> sitemaps,
		List<String> listings, Duration pollInterval, Duration maxBackoff, Duration tick, int sourceConcurrency,
		@Nullable String contactUrl, Duration connectTimeout, Duration requestTimeout, DataSize maxBodySize,
		@DefaultValue("5") int maxRedirects, Duration hostDelay, int hostConcurrency, @DefaultValue("3") int maxRetries,
		Duration retryBackoff, Duration maxRetryWait, int maxPagesPerPoll, int fullTextMinChars, Duration robotsTtl) {

	SourceProperties {
		feeds = (feeds != null) ? List.copyOf(feeds) : List.of();
		sitemaps = (sitemaps != null) ? List.copyOf(sitemaps) : List.of();
		listings = (listings != null) ? List.copyOf(listings) : List.of();
		pollInterval = positive(pollInterval, Duration.ofMinutes(15));
		maxBackoff = positive(maxBackoff, Duration.ofHours(6));
		tick = positive(tick, Duration.ofSeconds(10));
		sourceConcurrency = (sourceConcurrency > 0) ? sourceConcurrency : 2;
		contactUrl = (contactUrl != null && !contactUrl.isBlank()) ? contactUrl.strip() : null;
		connectTimeout = positive(connectTimeout, Duration.ofSeconds(10));
		requestTimeout = positive(requestTimeout, Duration.ofSeconds(30));
		maxBodySize = (maxBodySize != null && maxBodySize.toBytes() > 0) ? maxBodySize : DataSize.ofMegabytes(10);
		maxRedirects = Math.max(0, maxRedirects);
		hostDelay = (hostDelay != null && !hostDelay.isNegative()) ? hostDelay : Duration.ofSeconds(1);
		hostConcurrency = (hostConcurrency > 0) ? hostConcurrency : 2;
		maxRetries = Math.max(0, maxRetries);
		retryBackoff = positive(retryBackoff, Duration.ofSeconds(2));
		maxRetryWait = positive(maxRetryWait, Duration.ofMinutes(2));
		maxPagesPerPoll = (maxPagesPerPoll > 0) ? maxPagesPerPoll : 100;
		fullTextMinChars = (fullTextMinChars > 0) ? fullTextMinChars : 1_500;
		robotsTtl = positive(robotsTtl, Duration.ofHours(24));
	}

	private static Duration positive(@Nullable Duration value, Duration otherwise) {
		return (value != null && !value.isNegative() && !value.isZero()) ? value : otherwise;
	}

}
