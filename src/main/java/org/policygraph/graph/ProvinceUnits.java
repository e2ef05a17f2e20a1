package org.policygraph.graph;

import java.util.List;

/**
 * The set of provincial units a coverage is measured against.
 */
public enum ProvinceUnits {

	/** The 63 units that existed until 30-6-2025. */
	PRE_2025(List.of("PRE_2025", "BOTH"), false),

	/**
	 * The 34 units since 1-7-2025; a merged unit implements when it or a predecessor
	 * does.
	 */
	POST_2025(List.of("POST_2025", "BOTH"), true);

	private final List<String> eras;

	private final boolean throughPredecessors;

	ProvinceUnits(List<String> eras, boolean throughPredecessors) {
		this.eras = eras;
		this.throughPredecessors = throughPredecessors;
	}

	/**
	 * @return the values of {@code Province.era} in this set
	 */
	public List<String> eras() {
		return this.eras;
	}

	/**
	 * @return whether the units formed by merger inherit their predecessors'
	 * implementation
	 */
	public boolean throughPredecessors() {
		return this.throughPredecessors;
	}

}
