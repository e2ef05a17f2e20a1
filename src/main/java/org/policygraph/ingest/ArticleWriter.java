package org.policygraph.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.policygraph.ingest.GraphWriter.BatchResult;

/**
 * Where the pipeline puts extracted articles: the database, one transaction per batch
 * ({@link GraphWriter}), or the files of a bulk load ({@link BulkGraph}). Both follow the same
 * rules, so they build the same graph.
 */
interface ArticleWriter {

	/**
	 * @param ids article ids
	 * @return the content hash of each id already written
	 */
	Map<String, String> contentHashes(List<String> ids);

	/**
	 * Writes one batch, all or nothing.
	 * @param batch the articles; an id that occurs twice is written once
	 * @return the outcome of each article and the counts of what changed
	 */
	BatchResult write(List<GraphArticle> batch);

	/**
	 * @param ids article ids
	 * @param timeout the most the database may take for it, or {@code null} for no limit of its own
	 * @return the content hash of each id already written
	 */
	default Map<String, String> contentHashes(List<String> ids, @Nullable Duration timeout) {
		return contentHashes(ids);
	}

	/**
	 * Writes one batch, all or nothing, within a transaction timeout.
	 * @param batch the articles; an id that occurs twice is written once
	 * @param timeout the most the transaction may take (the database rolls it back then), or
	 * {@code null} for no limit of its own
	 * @return the outcome of each article and the counts of what changed
	 */
	default BatchResult write(List<GraphArticle> batch, @Nullable Duration timeout) {
		return write(batch);
	}

}
