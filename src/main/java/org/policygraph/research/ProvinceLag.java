package org.policygraph.research;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Province;

/**
 * The implementation lag of one province over the central documents it implements.
 *
 * @param province the province (for a unit formed in 2025, its predecessors' history
 * included)
 * @param documents one row per document, by the document's issue date
 */
record ProvinceLag(Province province, List<LagRow> documents) {

	/**
	 * @return the mean of the known lags in days, {@code null} when none is known
	 */
	public @Nullable Double averageDays() {
		return this.documents.stream()
			.filter(LagRow::dated)
			.mapToInt(LagRow::days)
			.average()
			.stream()
			.boxed()
			.findFirst()
			.orElse(null);
	}

	public int documentCount() {
		return this.documents.size();
	}

	public int undatedCount() {
		return (int) this.documents.stream().filter(r -> !r.dated()).count();
	}

}
