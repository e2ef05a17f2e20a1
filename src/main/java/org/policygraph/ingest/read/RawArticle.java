package org.policygraph.ingest.read;

import java.time.LocalDate;

/**
 * An article as read from a source, after validation and whitespace normalisation.
 *
 * @param title the title: never blank, at most {@value ArticleValidator#MAX_TITLE_CHARS}
 * characters
 * @param text the article text (lead and/or body), paragraphs separated by a blank line;
 * never {@code null}, may be empty (for example a listing entry that only has a title),
 * at most {@value ArticleValidator#MAX_TEXT_BYTES} bytes in UTF-8
 * @param url the canonical http(s) URL, or {@code null} when the source has none
 * @param publishedAt the publication date, or {@code null} when the source has none
 * @param source the publication the article came from (feed title, {@code og:site_name},
 * JSON {@code source}), or {@code null}
 * @param category the category or section, or {@code null}
 * @param location where the record came from: {@code file.ndjson:12} (line),
 * {@code file.json[2]} (array element, 0-based), {@code feed.xml#item 3} (feed item,
 * 1-based), {@code listing.txt:9} (title line) or the source name itself for an HTML page
 */
public record RawArticle(String title, String text, String url, LocalDate publishedAt, String source, String category,
		String location) {

	public RawArticle {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("title must not be blank");
		}
		if (text == null) {
			throw new IllegalArgumentException("text must not be null (use an empty string)");
		}
		if (location == null || location.isBlank()) {
			throw new IllegalArgumentException("location must not be blank");
		}
	}

}
