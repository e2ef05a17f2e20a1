package org.policygraph.extraction;

import java.time.LocalDate;

/** A shared extractor and a short way to extract from a title and a text. */
final class ExtractionTestSupport {

	static final Extractor EXTRACTOR = Extractor.createDefault();

	private ExtractionTestSupport() {
	}

	static Extraction extract(String title, String text) {
		return EXTRACTOR.extract(new ArticleInput(title, text, null, LocalDate.of(2019, 6, 1), "test"));
	}

	static Extraction extract(String title, String text, LocalDate publishedAt) {
		return EXTRACTOR.extract(new ArticleInput(title, text, null, publishedAt, "test"));
	}

}
