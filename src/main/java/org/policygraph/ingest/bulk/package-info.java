/**
 * The initial load of a large corpus ({@code ingest --bulk}): the pipeline writes into
 * {@link org.policygraph.ingest.bulk.BulkGraph}, which applies the writer's rules and
 * renders the graph as CSV files, and {@link org.policygraph.ingest.bulk.BulkLoader} runs
 * Neo4j's importer on them and applies what the import could not (changed records)
 * transactionally.
 */
@NullMarked
package org.policygraph.ingest.bulk;

import org.jspecify.annotations.NullMarked;
