package org.policygraph.research;

/**
 * How an evidence item is cited.
 */
public enum CitationStyle {

	/** APA-like, for a news article without an author: title, date, source, URL. */
	APA,

	/**
	 * A plain Vietnamese style: title, source, date dd/MM/yyyy, URL and the quoted
	 * sentence.
	 */
	VIETNAMESE

}
