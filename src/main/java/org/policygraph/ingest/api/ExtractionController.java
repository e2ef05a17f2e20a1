package org.policygraph.ingest.api;

import org.policygraph.ingest.IngestService;
import java.time.LocalDate;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.policygraph.extraction.ArticleInput;
import org.policygraph.extraction.Extraction;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.RequestDeadline;
import org.policygraph.ingest.read.ArticleValidator;
import org.policygraph.reference.TextNormalizer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code extract} query: a dry run of the extractor on one article, writing nothing.
 * The article is held to ingest's limits (a title that is not blank, a text of at most 1
 * MiB), and the extractor stops when the request's deadline passes
 * ({@link RequestDeadline}).
 */
@Controller
class ExtractionController {

	private final IngestService service;

	ExtractionController(IngestService service) {
		this.service = service;
	}

	@QueryMapping
	Extraction extract(@Argument ExtractInput input, GraphQLContext context) {
		// The limits of ingest: what could not be ingested is not analysed either.
		if (ArticleValidator.normalizeLine(input.title()) == null) {
			throw new InvalidArgumentException("input.title", "is blank; ingest refuses an article without a title");
		}
		int titleChars = input.title().codePointCount(0, input.title().length());
		if (titleChars > ArticleValidator.MAX_TITLE_CHARS) {
			throw new InvalidArgumentException("input.title",
					"is " + titleChars + " characters; the limit is " + ArticleValidator.MAX_TITLE_CHARS);
		}
		String text = (input.text() != null) ? input.text() : "";
		long textBytes = utf8Length(text);
		if (textBytes > ArticleValidator.MAX_TEXT_BYTES) {
			throw new InvalidArgumentException("input.text", "is " + textBytes + " bytes of UTF-8; the limit is "
					+ ArticleValidator.MAX_TEXT_BYTES + " (1 MiB), as for ingestArticles");
		}
		RequestDeadline deadline = RequestDeadline.of(context);
		return this.service.extract(new ArticleInput(TextNormalizer.nfc(input.title()), TextNormalizer.nfc(text),
				input.url(), input.publishedAt(), null), deadline::passed);
	}

	private static long utf8Length(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
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
