package org.policygraph.search;

/**
 * What a search hit is; also the filter of the {@code search} query.
 */
enum SearchType {

	/** An article. */
	ARTICLE("Article"),

	/** A party document. */
	DOCUMENT("Document"),

	/** A provincial-level unit. */
	PROVINCE("Province"),

	/** A party body. */
	PARTY_BODY("PartyBody");

	private final String label;

	SearchType(String label) {
		this.label = label;
	}

	/**
	 * @return the node label of this kind
	 */
	String label() {
		return this.label;
	}

}
