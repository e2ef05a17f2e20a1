package org.policygraph.implementation;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A province carrying out a document: the {@code (:Province)-[:IMPLEMENTS]->(:Document)}
 * relationship and its counts.
 *
 * @param provinceKey the province
 * @param documentKey the document
 * @param firstReported the first article's publication date
 * @param lastReported the latest article's publication date
 * @param articleCount the number of supporting articles
 */
public record Implementation(String provinceKey, String documentKey, @Nullable LocalDate firstReported,
		@Nullable LocalDate lastReported, int articleCount) {
}
