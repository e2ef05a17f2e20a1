package org.policygraph.ingest.read;

/**
 * The raw fields of one record as a reader found them, before {@link ArticleValidator}
 * checks and normalises them. Any field may be {@code null}.
 *
 * @param publishedAt the date as written in the source (see {@link ArticleValidator} for
 * the accepted forms)
 * @param location where the record is; must not be blank
 */
public record ArticleDraft(String title, String text, String url, String publishedAt, String source, String category,
		String location) {

	public ArticleDraft {
		if (location == null || location.isBlank()) {
			throw new IllegalArgumentException("location must not be blank");
		}
	}

}
