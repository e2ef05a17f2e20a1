package org.policygraph.corpus;

import java.util.List;

/**
 * Writes the NDJSON lines of a corpus and its truth (a fixed field order, so output is
 * byte-stable).
 */
final class JsonLines {

	private JsonLines() {
	}

	/**
	 * {@code {url, title, text, publishedAt, source, category}} on one line, without a
	 * line break.
	 */
	static String article(GeneratedArticle a) {
		StringBuilder sb = new StringBuilder(a.text().length() + 512);
		sb.append('{');
		field(sb, "url", a.url()).append(',');
		field(sb, "title", a.title()).append(',');
		field(sb, "text", a.text()).append(',');
		field(sb, "publishedAt", a.publishedAt().toString()).append(',');
		field(sb, "source", a.source()).append(',');
		field(sb, "category", a.category());
		return sb.append('}').toString();
	}

	/** {@code {url, about, provinces, documents, implements, issuedBy}} on one line. */
	static String truth(ArticleTruth t) {
		StringBuilder sb = new StringBuilder(512);
		sb.append('{');
		field(sb, "url", t.url()).append(',');
		field(sb, "about", t.about()).append(',');
		string(sb, "provinces").append(':');
		strings(sb, t.provinces()).append(',');
		string(sb, "documents").append(':');
		strings(sb, t.documents()).append(',');
		string(sb, "implements").append(':');
		pairs(sb, t.implementsPairs()).append(',');
		string(sb, "issuedBy").append(':');
		pairs(sb, t.issuedBy());
		return sb.append('}').toString();
	}

	private static StringBuilder pairs(StringBuilder sb, List<List<String>> pairs) {
		sb.append('[');
		for (int i = 0; i < pairs.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			strings(sb, pairs.get(i));
		}
		return sb.append(']');
	}

	private static StringBuilder strings(StringBuilder sb, List<String> values) {
		sb.append('[');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			string(sb, values.get(i));
		}
		return sb.append(']');
	}

	private static StringBuilder field(StringBuilder sb, String name, String value) {
		string(sb, name).append(':');
		return string(sb, value);
	}

	private static StringBuilder string(StringBuilder sb, String value) {
		sb.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"');
	}

}
