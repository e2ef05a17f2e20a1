/**
 * Live sources: RSS/Atom feeds, sitemaps and listing pages polled on a schedule, whose
 * new articles go through the ingest pipeline.
 *
 * <p>
 * {@link org.policygraph.source.SourceScheduler} finds the sources that are due and hands
 * each to {@link org.policygraph.source.SourcePoller}, which fetches the source with
 * {@link org.policygraph.source.PoliteFetcher} (conditional GET, gzip, charsets, size and
 * time limits, bounded redirects, robots.txt, per-host pacing and retries), reads it with
 * the ingest readers (feeds, article pages) or a sitemap/listing parser, fetches the
 * article page of each new item whose feed entry carries only a summary, and ingests the
 * articles through {@link org.policygraph.ingest.IngestService}. A source's state and the
 * item URLs it has dealt with are kept in the graph ({@code :Source},
 * {@code :SourceItem}), so a restart resumes where the last poll ended. Configuration:
 * {@code policygraph.sources.*}; see {@code docs/sources.md}.
 */
@NullMarked
package org.policygraph.source;

import org.jspecify.annotations.NullMarked;
