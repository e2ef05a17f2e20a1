package org.policygraph.source;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A live source and the state of its polling, as kept on its {@code :Source} node.
 *
 * @param url the feed, sitemap or listing page URL (the identity)
 * @param kind what it is
 * @param configured whether it comes from {@code policygraph.sources.*} (rather than
 * {@code addSource})
 * @param addedAt when it became a source
 * @param lastFetchedAt when it was last fetched (answered or not)
 * @param lastStatus how the last poll went
 * @param lastHttpStatus the HTTP status of the last fetch of the source document, if one
 * came
 * @param lastError what went wrong in the last poll (the source or some of its pages), if
 * anything
 * @param newArticles articles new to the graph that this source brought in, over all
 * polls
 * @param lastPollNewArticles articles new to the graph that the last poll brought in
 * @param failures polls that failed in a row (0 after one that answered)
 * @param nextPollAt when the source is due again
 * @param items the article URLs of this source dealt with so far
 * @param validators the source document's ETag and Last-Modified, for the next
 * conditional request
 */
record Source(String url, SourceKind kind, boolean configured, OffsetDateTime addedAt,
		@Nullable OffsetDateTime lastFetchedAt, SourceStatus lastStatus, @Nullable Integer lastHttpStatus,
		@Nullable String lastError, long newArticles, long lastPollNewArticles, int failures,
		@Nullable OffsetDateTime nextPollAt, long items, Validators validators) {

	/**
	 * A source not kept in the graph (the command line's one-off fetch of a URL).
	 * @param url the URL
	 * @param kind what it is
	 * @param now the time
	 * @return the source, never polled
	 */
	static Source transientSource(String url, SourceKind kind, OffsetDateTime now) {
		return new Source(url, kind, false, now, null, SourceStatus.NEVER_POLLED, null, null, 0, 0, 0, now, 0,
				Validators.NONE);
	}

}
