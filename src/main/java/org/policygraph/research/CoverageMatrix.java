package org.policygraph.research;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.ProvinceUnits;
import org.policygraph.graph.Document;
import org.policygraph.graph.Province;

/**
 * Provincial units by documents: who implements what, since when, on how many articles.
 *
 * @param units the set of units
 * @param documents the columns, in order
 * @param rows one row per unit, by name
 */
public record CoverageMatrix(ProvinceUnits units, List<Document> documents, List<Row> rows) {

	/**
	 * One unit's row.
	 *
	 * @param province the unit
	 * @param predecessors the units merged into it on 1-7-2025 whose implementations it
	 * inherits (only for {@code POST_2025})
	 * @param cells one cell per document, in the columns' order
	 */
	public record Row(Province province, List<Province> predecessors, List<Cell> cells) {

		/**
		 * @return the number of documents the unit implements
		 */
		public int implementedCount() {
			return (int) this.cells.stream().filter(Cell::implemented).count();
		}

	}

	/**
	 * One unit and one document.
	 *
	 * @param document the document
	 * @param implemented whether the unit (or a predecessor) implements it
	 * @param firstReported the earliest publication date of an article reporting it
	 * @param articleCount the number of distinct articles reporting it
	 * @param via the predecessors whose implementation the unit inherits
	 */
	public record Cell(Document document, boolean implemented, @Nullable LocalDate firstReported, int articleCount,
			List<Province> via) {
	}

}
