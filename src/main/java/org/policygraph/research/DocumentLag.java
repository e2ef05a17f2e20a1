package org.policygraph.research;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Document;

/**
 * The implementation lag of one document over the provinces implementing it.
 *
 * @param document the document
 * @param provinces one row per implementing province, shortest lag first, undated rows
 * last
 */
record DocumentLag(Document document, List<LagRow> provinces) {

	/**
	 * @return the median of the known lags in days (the mean of the two middle values for
	 * an even count), {@code null} when none is known
	 */
	public @Nullable Double medianDays() {
		List<Integer> days = days();
		if (days.isEmpty()) {
			return null;
		}
		int mid = days.size() / 2;
		return (days.size() % 2 == 1) ? days.get(mid) : (days.get(mid - 1) + days.get(mid)) / 2.0;
	}

	public @Nullable Integer minDays() {
		List<Integer> days = days();
		return days.isEmpty() ? null : days.get(0);
	}

	public @Nullable Integer maxDays() {
		List<Integer> days = days();
		return days.isEmpty() ? null : days.get(days.size() - 1);
	}

	public int provinceCount() {
		return this.provinces.size();
	}

	public int undatedCount() {
		return (int) this.provinces.stream().filter(r -> !r.dated()).count();
	}

	private List<Integer> days() {
		return this.provinces.stream().filter(LagRow::dated).map(LagRow::days).sorted().toList();
	}

}
