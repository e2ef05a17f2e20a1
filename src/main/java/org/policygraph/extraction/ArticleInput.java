package org.policygraph.extraction;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An article to extract from.
 *
 * @param title the title, never {@code null}
 * @param text the lead and/or body; paragraphs separated by line breaks; may be empty
 * @param url where the article was read, may be {@code null}
 * @param publishedAt publication date, may be {@code null}; decides whether province
 * names mean the units before or after 1-7-2025
 * @param source a short name of the site, may be {@code null}
 */
public record ArticleInput(String title, String text, String url, LocalDate publishedAt, String source) {

	public ArticleInput {
		Objects.requireNonNull(title, "title");
		text = (text != null) ? text : "";
	}

}
