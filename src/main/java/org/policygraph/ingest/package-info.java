/**
 * Ingestion: readers turn files, feeds and API requests into articles ({@code read}); the
 * extractor finds what they name; {@link org.policygraph.ingest.GraphWriter} writes batches in
 * single transactions, idempotently. Entry points: the {@code ingest} command line, the
 * {@code ingestArticles} mutation and the start-up sample load, all through
 * {@link org.policygraph.ingest.IngestService}.
 */
@NullMarked
package org.policygraph.ingest;

import org.jspecify.annotations.NullMarked;
