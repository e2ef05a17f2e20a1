package org.policygraph.corpus;

import java.time.LocalDate;

/**
 * One generated article, in the fields of the JSON ingest shape, with its truth.
 *
 * @param url the URL, unique in a corpus
 * @param title the title
 * @param text the text, paragraphs separated by a blank line
 * @param publishedAt the publication date
 * @param source the publication
 * @param category the section
 * @param truth what the text states
 */
public record GeneratedArticle(String url, String title, String text, LocalDate publishedAt, String source,
		String category, ArticleTruth truth) {
}
