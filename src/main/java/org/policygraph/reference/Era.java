package org.policygraph.reference;

/** When a {@link ProvinceUnit} existed, relative to the merger of 1-7-2025. */
public enum Era {

	/** One of the 63 units, merged into a larger unit on 1-7-2025. */
	PRE_2025,

	/** One of the 23 units formed by the merger of 1-7-2025. */
	POST_2025,

	/** One of the 11 units the merger did not change. */
	BOTH

}
