package org.policygraph.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The responses' cache ({@link ResponseCache}).
 *
 * @param ttl how long a response is kept: the longest a write through another instance
 * takes to show in it; zero turns the cache off
 * @param maxValues how many values (each scalar, object and list of a response's
 * {@code data} and of its request's variables, a string one more per 64 characters, the
 * document text one per 64 characters: about 100 bytes each on the heap for answers of
 * Vietnamese text, whose strings take two bytes a character) the responses kept may hold
 * together; a response holding more than a tenth of this is never kept
 * @param documents how many query documents the cache remembers as cacheable or not
 * @param serveStale how long after a write through this instance a response kept from
 * before it may still be sent to a request without bookmarks, while one refresh of it
 * runs (stale-while-revalidate, docs/adr/0017-stale-while-revalidate-responses.md), and
 * how long after its time-to-live a response may be sent the same way; zero (the default)
 * answers every request after a write from the graph with that write
 * @param refreshAfter with {@code serveStale}, how old (since it was read from the graph)
 * an outdated response must be before a request that is sent it starts its refresh: a
 * younger one is sent without a refresh, so that a stream of writes does not make every
 * question execute again after each write
 * (docs/adr/0018-deep-articles-and-the-load-test.md); unset, half of {@code serveStale};
 * always below {@code serveStale}, so that the refresh has time to run before the
 * response may no longer be sent
 */
@ConfigurationProperties("policygraph.graphql.response-cache")
public record ResponseCacheProperties(Duration ttl, long maxValues, int documents, Duration serveStale,
		Duration refreshAfter) {

	@ConstructorBinding
	public ResponseCacheProperties {
		ttl = (ttl != null && !ttl.isNegative()) ? ttl : Duration.ofSeconds(30);
		maxValues = (maxValues > 0) ? maxValues : 1_000_000;
		documents = (documents > 0) ? documents : 500;
		serveStale = (serveStale != null && !serveStale.isNegative()) ? serveStale : Duration.ZERO;
		Duration half = serveStale.dividedBy(2);
		refreshAfter = (refreshAfter == null || refreshAfter.isNegative()) ? half
				: (refreshAfter.compareTo(serveStale) < 0) ? refreshAfter : half;
	}

	/**
	 * Serving stale responses, refreshed after half of the window.
	 * @param ttl how long a response is kept
	 * @param maxValues how many values the responses kept may hold together
	 * @param documents how many query documents the cache remembers
	 * @param serveStale how long an outdated response may still be sent
	 */
	public ResponseCacheProperties(Duration ttl, long maxValues, int documents, Duration serveStale) {
		this(ttl, maxValues, documents, serveStale, null);
	}

	/**
	 * Without serving stale responses.
	 * @param ttl how long a response is kept
	 * @param maxValues how many values the responses kept may hold together
	 * @param documents how many query documents the cache remembers
	 */
	public ResponseCacheProperties(Duration ttl, long maxValues, int documents) {
		this(ttl, maxValues, documents, Duration.ZERO, null);
	}

}
