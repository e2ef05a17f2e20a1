package org.policygraph.extraction;

/** The relations the extractor finds. Mentions are implied by the entity lists. */
public enum RelationType {

	/** document → body that issued it. */
	ISSUED_BY,

	/**
	 * province → document its party bodies carry out; document → document it carries out.
	 */
	IMPLEMENTS,

	/** body → the body it belongs to. */
	PART_OF,

	/** local body → its province. */
	OF_PROVINCE

}
