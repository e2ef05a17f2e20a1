package org.policygraph.analytics;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Document;
import org.policygraph.graph.Province;
import org.policygraph.graph.ProvinceUnits;

/**
 * How many provincial units implement a document.
 *
 * @param document the document
 * @param units the set of units counted
 * @param totalUnits the number of units in the set (63 or 34)
 * @param implemented the implementing units, earliest report first
 * @param missing the other units, by name
 */
record Coverage(Document document, ProvinceUnits units, int totalUnits, List<Cell> implemented,
		List<Province> missing) {

	/**
	 * @return the number of implementing units
	 */
	public int implementedCount() {
		return this.implemented.size();
	}

	/**
	 * One implementing unit.
	 *
	 * @param province the unit
	 * @param firstReported the earliest publication date of an article reporting it
	 * @param articleCount the number of distinct articles reporting it (for a merged
	 * unit, about it or any predecessor)
	 * @param via the predecessors whose implementation the unit inherits; empty when only
	 * the unit itself is reported
	 */
	record Cell(Province province, @Nullable LocalDate firstReported, int articleCount, List<Province> via) {
	}

}
