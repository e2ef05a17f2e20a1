package org.policygraph.source;

/**
 * How a source's last poll went.
 */
enum SourceStatus {

	/** Not polled yet. */
	NEVER_POLLED,
	/** Fetched and read; its new items were dealt with. */
	OK,
	/** The server answered 304: nothing changed since the previous poll. */
	NOT_MODIFIED,
	/** The fetch failed or the document could not be read: see the last error. */
	FAILED,
	/** robots.txt does not allow fetching the source. */
	DISALLOWED

}
