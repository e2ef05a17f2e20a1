package org.policygraph.research;

/**
 * What the start of a province's implementation is dated by.
 */
public enum LagBasis {

	/**
	 * The issue date of the province's first local document carrying the document out.
	 */
	LOCAL_DOCUMENT,

	/** The publication date of the first article reporting the implementation. */
	FIRST_REPORT

}
