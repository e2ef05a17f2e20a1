package org.policygraph.source;

/**
 * What a source URL is, and so how its items are found.
 */
enum SourceKind {

	/**
	 * An RSS or Atom feed: each item is an article (with its text, or a summary and a
	 * link).
	 */
	FEED,
	/** A sitemap or sitemap index: each URL is an article page. */
	SITEMAP,
	/** An HTML page listing articles: each article link on it is an article page. */
	LISTING

}
