package org.policygraph.analytics;

/**
 * Which documents a picker lists: those of the central level or the local ones.
 */
enum DocumentScope {

	/**
	 * Documents of the centre (identity scope {@code TW}): Central Committee, Politburo,
	 * Secretariat, central commissions.
	 */
	CENTRAL,

	/** Documents of a province or a lower level (identity scope a province key). */
	LOCAL

}
