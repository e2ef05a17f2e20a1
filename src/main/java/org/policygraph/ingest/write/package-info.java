/**
 * Writing extracted articles into the graph:
 * {@link org.policygraph.ingest.write.ArticleWriter} (with its result types), the
 * transactional {@link org.policygraph.ingest.write.GraphWriter} (one transaction per
 * batch, idempotent), the identity of documents
 * ({@link org.policygraph.ingest.write.DocumentIdentity},
 * {@link org.policygraph.ingest.write.DocumentMerge}) and the rows the statements take.
 * Knows nothing of how articles are read or extracted.
 */
@NullMarked
package org.policygraph.ingest.write;

import org.jspecify.annotations.NullMarked;
