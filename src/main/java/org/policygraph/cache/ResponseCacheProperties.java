package org.policygraph.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard responses' cache ({@link ResponseCache}).
 *
 * @param ttl how long a response is kept: the longest a write through another instance
 * takes to show in it; zero turns the cache off
 * @param maxValues how many values (each scalar, object and list of a response's
 * {@code data} and of its request's variables, a string one more per 64 characters, the
 * document text one per 64 characters: about 50 bytes each on the heap) the responses
 * kept may hold together; a response holding more than a tenth of this is never kept
 * @param documents how many query documents the cache remembers as cacheable or not
 */
@ConfigurationProperties("policygraph.graphql.response-cache")
public record ResponseCacheProperties(Duration ttl, long maxValues, int documents) {

	public ResponseCacheProperties {
		ttl = (ttl != null && !ttl.isNegative()) ? ttl : Duration.ofSeconds(30);
		maxValues = (maxValues > 0) ? maxValues : 1_000_000;
		documents = (documents > 0) ? documents : 500;
	}

}
