package org.policygraph.analytics;

/**
 * What {@code counts} groups by.
 */
enum CountDimension {

	/** Articles mentioning each province. */
	PROVINCE,

	/** Documents of each type. */
	DOCUMENT_TYPE,

	/** Documents of each issue year. */
	YEAR

}
