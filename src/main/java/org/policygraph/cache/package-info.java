/**
 * The caches of answers read from the graph, and read freshness, in one place.
 * <ul>
 * <li>One invalidation signal: {@link GraphChanged}, published by whatever writes the
 * graph (an ingest batch committed, through the API, the command line or a source poll; a
 * bulk load that replaced the store). {@link GraphGeneration} observes it first and
 * empties every cache.</li>
 * <li>The caches: whole responses of dashboard queries ({@link ResponseCache}), parsed
 * documents ({@link ParsedDocumentCache}), and generation-keyed caches other packages
 * hang on it ({@link GraphCache}, made by {@link GraphCaches}); and, keeping nothing,
 * identical queries in flight executed once ({@link SingleFlight}).</li>
 * <li>Read-your-writes: Neo4j bookmarks sent by a client are awaited, and a request that
 * sent them is a fresh read no cache answers ({@link ReadYourWrites},
 * {@link FreshReads}); the bookmarks of a mutation's writes are sent back. Controllers
 * neither read bookmarks nor decide freshness.</li>
 * </ul>
 * docs/adr/0006-one-cache-seam.md records which cache keeps what.
 */
@NullMarked
package org.policygraph.cache;

import org.jspecify.annotations.NullMarked;
