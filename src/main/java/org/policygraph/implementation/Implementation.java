package org.policygraph.implementation;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Document;
import org.policygraph.graph.Province;

/**
 * A province carrying out a document: the {@code (:Province)-[:IMPLEMENTS]->(:Document)}
 * relationship and its counts.
 *
 * @param provinceKey the province
 * @param documentKey the document
 * @param firstReported the first article's publication date
 * @param lastReported the latest article's publication date
 * @param articleCount the number of supporting articles
 * @param province the province, when the statement that found the implementation read it
 * too
 * @param document the document, likewise (then {@code Implementation.province} and
 * {@code Implementation.document} need no statement of their own)
 * @param via the province's local documents in the chains into the document, oldest
 * first, when the statement that found the implementation followed the chains too (then
 * {@code via} needs no statement of its own, and the evidence statement does not follow
 * them again)
 */
public record Implementation(String provinceKey, String documentKey, @Nullable LocalDate firstReported,
		@Nullable LocalDate lastReported, int articleCount, @Nullable Province province, @Nullable Document document,
		@Nullable List<Document> via) {

	/**
	 * An implementation read without its local documents.
	 * @param provinceKey the province
	 * @param documentKey the document
	 * @param firstReported the first article's publication date
	 * @param lastReported the latest article's publication date
	 * @param articleCount the number of supporting articles
	 * @param province the province, if read
	 * @param document the document, if read
	 */
	public Implementation(String provinceKey, String documentKey, @Nullable LocalDate firstReported,
			@Nullable LocalDate lastReported, int articleCount, @Nullable Province province,
			@Nullable Document document) {
		this(provinceKey, documentKey, firstReported, lastReported, articleCount, province, document, null);
	}

}
