package org.policygraph.ingest.read;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps JSON article objects to drafts and Jackson failures to rejection reasons; shared
 * by the JSON and NDJSON readers.
 */
final class JsonArticles {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonArticles() {
	}

	/** Validates one JSON value found at {@code location}. */
	static ReadResult toResult(JsonNode node, String location, ArticleValidator validator) {
		if (!node.isObject()) {
			return ReadResult.rejected(location, "expected a JSON object, found " + describe(node));
		}
		String[] values = new String[7];
		String[] names = { "title", "text", "summary", "url", "publishedAt", "source", "category" };
		for (int i = 0; i < names.length; i++) {
			JsonNode value = node.get(names[i]);
			if (value == null || value.isNull() || value.isMissingNode()) {
				continue;
			}
			if (value.isContainer()) {
				return ReadResult.rejected(location,
						"field '" + names[i] + "' must be a string, found " + describe(value));
			}
			values[i] = value.asString();
		}
		String text = values[1] != null && !values[1].isBlank() ? values[1] : values[2];
		return validator
			.validate(new ArticleDraft(values[0], text, values[3], values[4], values[5], values[6], location));
	}

	static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case OBJECT, POJO -> "an object";
			case STRING, BINARY -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			default -> "null";
		};
	}

	/**
	 * A reason for a Jackson failure; {@code line} replaces the parser's line number when
	 * positive.
	 */
	static String reason(JacksonException ex, int line) {
		TokenStreamLocation at = ex.getLocation();
		int lineNr = line > 0 ? line : (at == null ? -1 : at.getLineNr());
		String message = ex.getOriginalMessage() == null ? "" : ex.getOriginalMessage();
		if (ex instanceof UnexpectedEndOfInputException || message.contains("end-of-input")) {
			return "truncated JSON: unexpected end of input at line " + lineNr;
		}
		int newline = message.indexOf('\n');
		String first = newline < 0 ? message : message.substring(0, newline);
		if (first.length() > 200) {
			first = first.substring(0, 200) + "…";
		}
		String column = at == null || at.getColumnNr() <= 0 ? "" : ", column " + at.getColumnNr();
		return "malformed JSON at line " + lineNr + column + ": " + first;
	}

	/**
	 * The {@link InvalidUtf8Exception} behind a Jackson failure, if that is what it is.
	 */
	static InvalidUtf8Exception invalidUtf8Cause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidUtf8Exception invalid) {
				return invalid;
			}
		}
		return null;
	}

}
