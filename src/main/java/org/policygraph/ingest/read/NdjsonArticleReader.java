package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Reads newline-delimited JSON: one article object per line, streamed line by line
 * (memory is bounded by {@link ReaderLimits#MAX_LINE_BYTES}). Blank lines are skipped.
 * Each line is decoded and parsed on its own, so a bad line (invalid UTF-8, malformed or
 * truncated JSON, a non-object, a line over the limit) is rejected alone and the
 * following lines are still read. Locations are {@code name:line} (1-based).
 */
public final class NdjsonArticleReader implements ArticleReader {

	private final ArticleValidator validator;

	public NdjsonArticleReader(ArticleValidator validator) {
		this.validator = validator;
	}

	/** A reader validating against the system clock. */
	public NdjsonArticleReader() {
		this(new ArticleValidator(Clock.systemDefaultZone()));
	}

	@Override
	public SourceFormat format() {
		return SourceFormat.NDJSON;
	}

	@Override
	public void read(String sourceName, InputStream in, Consumer<ReadResult> sink) throws IOException {
		InputStream stream = Utf8.markable(in);
		int bom = Utf8.skipBom(stream);
		ByteLineReader lines = new ByteLineReader(stream, ReaderLimits.MAX_LINE_BYTES, bom);
		ByteLineReader.Line line;
		while ((line = lines.next()) != null) {
			String location = sourceName + ":" + line.number();
			if (line.tooLong()) {
				sink.accept(ReadResult.rejected(location, "line is " + Utf8.grouped(line.length())
						+ " bytes; the limit is " + Utf8.grouped(ReaderLimits.MAX_LINE_BYTES)));
				continue;
			}
			String json;
			try {
				json = line.decode();
			}
			catch (InvalidUtf8Exception ex) {
				sink.accept(ReadResult.rejected(location, ex.getMessage()));
				continue;
			}
			if (json.isBlank()) {
				continue;
			}
			sink.accept(parseLine(json, location, line.number()));
		}
	}

	private ReadResult parseLine(String json, String location, int lineNumber) {
		try (JsonParser parser = JsonArticles.MAPPER.createParser(json)) {
			parser.nextToken();
			JsonNode node = parser.readValueAsTree();
			if (parser.nextToken() != null) {
				return ReadResult.rejected(location, "unexpected content after the JSON value at line " + lineNumber
						+ ", column " + parser.currentTokenLocation().getColumnNr());
			}
			return JsonArticles.toResult(node, location, validator);
		}
		catch (JacksonException ex) {
			return ReadResult.rejected(location, JsonArticles.reason(ex, lineNumber));
		}
	}

}
