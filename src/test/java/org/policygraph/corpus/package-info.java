/**
 * A deterministic synthetic corpus: {@link org.policygraph.corpus.CorpusGenerator} writes
 * articles in the NDJSON ingest shape together with a truth file naming, per article, the
 * provinces, documents and relations the text states, keyed by the extractor's identity
 * rules. Used to evaluate the extractor ({@code CorpusRoundTripTests}) and to benchmark
 * ingestion ({@code bench/ingest-benchmark.sh}). The {@code generate} command line runs
 * without Spring.
 */
@NullMarked
package org.policygraph.corpus;

import org.jspecify.annotations.NullMarked;
