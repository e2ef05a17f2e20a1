/**
 * Input readers: turn article sources (listing text, JSON, NDJSON, HTML pages, RSS/Atom
 * feeds) into {@link org.policygraph.ingest.read.RawArticle} records.
 *
 * <p>
 * Every record a reader sees ends up in the caller's sink as exactly one
 * {@link org.policygraph.ingest.read.ReadResult}: either an accepted article or a
 * {@link org.policygraph.ingest.read.Rejection} carrying the record's location and a
 * human-readable reason. Readers never stop at the first bad record; a bad record only
 * costs itself (or, when the format gives no way to resynchronise, the rest of that one
 * file).
 *
 * <p>
 * This package is plain Java: no Spring, no Neo4j.
 * {@link org.policygraph.ingest.read.Readers} is the entry point (format detection,
 * empty/binary files, duplicate URLs); the individual
 * {@link org.policygraph.ingest.read.ArticleReader} implementations can also be used on
 * their own. The supported formats, limits and bad-input outcomes are described in
 * {@code docs/ingest-formats.md}.
 */
package org.policygraph.ingest.read;
