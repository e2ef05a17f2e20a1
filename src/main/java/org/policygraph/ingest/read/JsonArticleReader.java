package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON array of article objects element by element with a streaming parser, so
 * the array may be larger than memory; only one element is held at a time. A file holding
 * one object, or several objects one after another, is read the same way.
 *
 * <p>
 * Objects have the fields
 * {@code url?, title, text | summary, publishedAt?, source?, category?}; {@code text}
 * falls back to {@code summary}; numbers and booleans are taken as strings; unknown
 * fields are ignored. Locations are {@code name[i]} with a 0-based element index. A
 * non-object element is rejected and reading continues. A syntax error (including
 * truncation) cannot be resynchronised: the elements before it are kept, and one
 * rejection at the element that broke names the line.
 */
public final class JsonArticleReader implements ArticleReader {

	private final ArticleValidator validator;

	public JsonArticleReader(ArticleValidator validator) {
		this.validator = validator;
	}

	/** A reader validating against the system clock. */
	public JsonArticleReader() {
		this(new ArticleValidator(Clock.systemDefaultZone()));
	}

	@Override
	public SourceFormat format() {
		return SourceFormat.JSON;
	}

	@Override
	public void read(String sourceName, InputStream in, Consumer<ReadResult> sink) throws IOException {
		InputStream stream = Utf8.markable(in);
		int bom = Utf8.skipBom(stream);
		int index = 0;
		try (JsonParser parser = JsonArticles.MAPPER.createParser(new StrictUtf8Reader(stream, bom))) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				return;
			}
			if (token == JsonToken.START_ARRAY) {
				while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
					if (token == null) {
						sink.accept(ReadResult.rejected(sourceName + "[" + index + "]",
								"truncated JSON: unexpected end of input at line "
										+ parser.currentLocation().getLineNr()));
						return;
					}
					readElement(parser, sourceName + "[" + index + "]", sink);
					index++;
				}
				if (parser.nextToken() != null) {
					sink.accept(ReadResult.rejected(sourceName, "unexpected content after the JSON array at line "
							+ parser.currentTokenLocation().getLineNr()));
				}
			}
			else if (token == JsonToken.START_OBJECT) {
				do {
					readElement(parser, sourceName + "[" + index + "]", sink);
					index++;
				}
				while (parser.nextToken() != null);
			}
			else {
				JsonNode root = parser.readValueAsTree();
				sink.accept(ReadResult.rejected(sourceName,
						"JSON root is " + JsonArticles.describe(root) + ", expected an array of objects"));
			}
		}
		catch (JacksonException ex) {
			String location = sourceName + "[" + index + "]";
			InvalidUtf8Exception invalid = JsonArticles.invalidUtf8Cause(ex);
			sink.accept(ReadResult.rejected(location,
					invalid != null ? invalid.getMessage() : JsonArticles.reason(ex, -1)));
		}
	}

	private void readElement(JsonParser parser, String location, Consumer<ReadResult> sink) {
		JsonNode node = parser.readValueAsTree();
		sink.accept(JsonArticles.toResult(node, location, validator));
	}

}
