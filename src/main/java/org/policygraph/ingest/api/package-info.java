/**
 * The GraphQL entry points of ingestion: the {@code ingestArticles} mutation and the
 * {@code extract} query, thin controllers over
 * {@link org.policygraph.ingest.IngestService}.
 */
@NullMarked
package org.policygraph.ingest.api;

import org.jspecify.annotations.NullMarked;
