package org.policygraph.implementation;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.policygraph.document.Document;
import org.policygraph.province.Province;

/**
 * A province carrying out a document: the {@code (:Province)-[:IMPLEMENTS]->(:Document)}
 * relationship and its counts.
 *
 * @param provinceKey the province
 * @param documentKey the document
 * @param firstReported the first article's publication date
 * @param lastReported the latest article's publication date
 * @param articleCount the number of supporting articles
 * @param province the province, when the statement that found the implementation read it too
 * @param document the document, likewise (then {@code Implementation.province} and
 * {@code Implementation.document} need no statement of their own)
 */
public record Implementation(String provinceKey, String documentKey, @Nullable LocalDate firstReported,
		@Nullable LocalDate lastReported, int articleCount, @Nullable Province province, @Nullable Document document) {
}
