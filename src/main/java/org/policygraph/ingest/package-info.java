/**
 * Ingestion, the pipeline: read → extract → write in batches, through
 * {@link org.policygraph.ingest.IngestService} whatever the entry point. Its rooms, each
 * depending only on those after it:
 * <ul>
 * <li>{@code api}: the {@code ingestArticles} and {@code extractArticle} GraphQL
 * controllers;</li>
 * <li>{@code cli}: the {@code ingest} command line and its progress and summary;</li>
 * <li>{@code bulk}: the initial load through Neo4j's importer
 * ({@code ingest --bulk});</li>
 * <li>this package: the pipeline, its options, report, events and the rules'
 * version;</li>
 * <li>{@code write}: the writer of extracted articles, its rules and its result
 * types;</li>
 * <li>{@code read}: the readers of files, feeds and requests.</li>
 * </ul>
 */
@NullMarked
package org.policygraph.ingest;

import org.jspecify.annotations.NullMarked;
