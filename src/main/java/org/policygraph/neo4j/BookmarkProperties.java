package org.policygraph.neo4j;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bookmarks sent by clients are honoured.
 *
 * @param waitTimeout how long a request waits for the database to reach the bookmarks it
 * sent before it is answered with a "not yet visible" error; keep it below the request
 * timeout ({@code policygraph.graphql.timeout}) and, in a cluster, at least the servers'
 * {@code db.transaction.bookmark_ready_timeout}
 */
@ConfigurationProperties("policygraph.neo4j.bookmarks")
public record BookmarkProperties(Duration waitTimeout) {

	public BookmarkProperties {
		waitTimeout = (waitTimeout != null) ? waitTimeout : Duration.ofSeconds(10);
	}

}
