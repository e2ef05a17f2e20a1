package org.policygraph.search;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Article;
import org.policygraph.graph.PartyBody;
import org.policygraph.graph.Document;
import org.policygraph.graph.Province;

/**
 * One search result: exactly one of the entity fields is set, the one {@code kind} names.
 *
 * @param kind what was found
 * @param score the full-text relevance score
 * @param snippet an HTML-escaped excerpt with the matched words in {@code <mark>}
 * @param article the article found
 * @param document the document found
 * @param province the province found
 * @param partyBody the party body found
 */
record SearchHit(SearchType kind, double score, String snippet, @Nullable Article article, @Nullable Document document,
		@Nullable Province province, @Nullable PartyBody partyBody) {
}
