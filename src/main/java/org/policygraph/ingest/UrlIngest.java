package org.policygraph.ingest;

import java.util.List;

/**
 * Ingests what lives at http(s) URLs (a feed, a sitemap, an article or listing page),
 * fetched politely, for the {@code ingest} command line. Implemented by the live sources.
 */
public interface UrlIngest {

	/**
	 * Fetches each URL, reads its articles (fetching the article pages it points to) and
	 * ingests them.
	 * @param urls the URLs
	 * @param options how
	 * @param listener follows the run
	 * @return the report; a URL that could not be fetched or read is one rejected record
	 */
	IngestReport ingest(List<String> urls, IngestOptions options, IngestListener listener);

}
