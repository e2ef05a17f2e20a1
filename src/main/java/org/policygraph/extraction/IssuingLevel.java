package org.policygraph.extraction;

/** The level of the body that issued a document, from its issuer suffix. */
public enum IssuingLevel {

	/** TW, BTCTW, BTGTW, UBKTTW, VPTW, ĐUK…TW. */
	CENTRAL,

	/** TU, BTCTU, BTGTU, UBKTTU, ĐUK. */
	PROVINCIAL,

	/** HU, QU, ThU, TX. */
	DISTRICT,

	/** ĐU, CB and other grass-roots suffixes. */
	GRASSROOTS,

	/** Unknown suffix or no code. */
	OTHER

}
