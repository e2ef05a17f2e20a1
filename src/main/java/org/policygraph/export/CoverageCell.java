package org.policygraph.export;

import org.policygraph.research.CoverageMatrix;

/**
 * What a cell of the coverage CSV shows.
 */
enum CoverageCell {

	/** The number of articles reporting the implementation; 0 when none. */
	ARTICLE_COUNT,

	/**
	 * The first report (ISO date); {@code n.d.} when implemented on undated articles
	 * only; empty when the province has no implementation of it.
	 */
	FIRST_REPORTED,

	/** 1 when implemented, else 0. */
	IMPLEMENTED;

	String render(CoverageMatrix.Cell cell) {
		return switch (this) {
			case ARTICLE_COUNT -> Integer.toString(cell.articleCount());
			case FIRST_REPORTED ->
				!cell.implemented() ? "" : (cell.firstReported() != null) ? cell.firstReported().toString() : "n.d.";
			case IMPLEMENTED -> cell.implemented() ? "1" : "0";
		};
	}

}
