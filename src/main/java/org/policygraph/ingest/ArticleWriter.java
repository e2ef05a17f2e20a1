package org.policygraph.ingest;

import java.util.List;
import java.util.Map;

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

}
