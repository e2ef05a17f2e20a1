package org.policygraph.ingest.write;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Where the pipeline puts extracted articles: the database, one transaction per batch
 * ({@link GraphWriter}), or the files of a bulk load ({@code bulk.BulkGraph}, which
 * depends on this package, not the reverse). Both follow the same rules, so they build
 * the same graph.
 */
public interface ArticleWriter {

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
	 * @param timeout the most the database may take for it, or {@code null} for no limit
	 * of its own
	 * @return the content hash of each id already written
	 */
	default Map<String, String> contentHashes(List<String> ids, @Nullable Duration timeout) {
		return contentHashes(ids);
	}

	/**
	 * Writes one batch, all or nothing, within a transaction timeout.
	 * @param batch the articles; an id that occurs twice is written once
	 * @param timeout the most the transaction may take (the database rolls it back then),
	 * or {@code null} for no limit of its own
	 * @return the outcome of each article and the counts of what changed
	 */
	default BatchResult write(List<GraphArticle> batch, @Nullable Duration timeout) {
		return write(batch);
	}

	/** What happened to one article. */
	public enum Outcome {

		NEW, CHANGED, UNCHANGED

	}

	/**
	 * The result of one batch.
	 *
	 * @param outcomes per article id
	 * @param duplicateIds ids that occurred more than once in the batch (written once)
	 * @param counts nodes and relationships created and deleted
	 * @param newImplementations province → document IMPLEMENTS pairs this batch created
	 */
	public record BatchResult(Map<String, Outcome> outcomes, List<String> duplicateIds, Counts counts,
			List<List<String>> newImplementations) {
	}

	/** Nodes and relationships created and deleted, summed over statements. */
	final class Counts {

		public long nodesCreated;

		public long nodesDeleted;

		public long relationshipsCreated;

		public long relationshipsDeleted;

		public void add(@Nullable SummaryCounters counters) {
			if (counters != null) {
				this.nodesCreated += counters.nodesCreated();
				this.nodesDeleted += counters.nodesDeleted();
				this.relationshipsCreated += counters.relationshipsCreated();
				this.relationshipsDeleted += counters.relationshipsDeleted();
			}
		}

		public void add(Counts other) {
			this.nodesCreated += other.nodesCreated;
			this.nodesDeleted += other.nodesDeleted;
			this.relationshipsCreated += other.relationshipsCreated;
			this.relationshipsDeleted += other.relationshipsDeleted;
		}

	}

}
