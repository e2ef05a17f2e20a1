package org.policygraph.ingest;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.policygraph.extraction.ArticleInput;
import org.policygraph.extraction.Extraction;
import org.policygraph.reference.TextNormalizer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code extract} query: a dry run of the extractor on one article, writing nothing.
 */
@Controller
class ExtractionController {

	private final IngestService service;

	ExtractionController(IngestService service) {
		this.service = service;
	}

	@QueryMapping
	Extraction extract(@Argument ExtractInput input) {
		return this.service.extract(new ArticleInput(TextNormalizer.nfc(input.title()),
				TextNormalizer.nfc((input.text() != null) ? input.text() : ""), input.url(), input.publishedAt(), null));
	}

	/**
	 * The query's input.
	 *
	 * @param title the title
	 * @param text the text
	 * @param url the URL
	 * @param publishedAt the publication date
	 */
	record ExtractInput(String title, @Nullable String text, @Nullable String url, @Nullable LocalDate publishedAt) {
	}

}
