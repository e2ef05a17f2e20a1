package org.policygraph.ingest.read;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The input formats the readers understand.
 */
public enum SourceFormat {

	/**
	 * Plain text listing page: a title line, a blank line, a lead paragraph, repeated.
	 */
	LISTING,

	/**
	 * A JSON array of article objects (also a single object, or a sequence of objects
	 * spanning lines).
	 */
	JSON,

	/** One JSON article object per line. */
	NDJSON,

	/** One HTML article page. */
	HTML,

	/** An RSS 2.0 or Atom feed. */
	FEED;

	/**
	 * Detects the format from the content; the file name extension is only a hint for
	 * content that does not decide (empty, whitespace only, an unknown XML root, a first
	 * JSON object longer than {@code head}).
	 *
	 * <ul>
	 * <li>first non-whitespace byte {@code [} → {@link #JSON}</li>
	 * <li>{@code {} → {@link #NDJSON} when the first object closes on its first line,
	 * {@link #JSON} when it spans lines</li>
	 * <li>{@code <rss}, {@code <feed} or {@code <rdf:RDF} as the root element (after an
	 * optional {@code <?xml ...?>}, comments and doctype) → {@link #FEED}</li>
	 * <li>{@code <!doctype html}, {@code <html} or any other markup → {@link #HTML}</li>
	 * <li>anything else → {@link #LISTING}</li>
	 * </ul>
	 *
	 * @param fileName the file name, may be {@code null}
	 * @param head the first bytes of the content (a few KiB are enough), may be
	 * {@code null} or empty
	 */
	public static SourceFormat detect(String fileName, byte[] head) {
		SourceFormat hint = fromExtension(fileName);
		String text = head == null ? "" : new String(head, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		int start = firstNonWhitespace(text, 0);
		if (start < 0) {
			return hint != null ? hint : LISTING;
		}
		char first = text.charAt(start);
		if (first == '[') {
			return JSON;
		}
		if (first == '{') {
			return detectObjectLayout(text, start, hint);
		}
		if (first == '<') {
			return detectMarkup(text.substring(start), hint);
		}
		return LISTING;
	}

	/** The format suggested by a file name extension, or {@code null}. */
	public static SourceFormat fromExtension(String fileName) {
		if (fileName == null) {
			return null;
		}
		String name = fileName.toLowerCase(Locale.ROOT);
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot + 1);
		return switch (extension) {
			case "json" -> JSON;
			case "ndjson", "jsonl", "jsonlines" -> NDJSON;
			case "html", "htm", "xhtml" -> HTML;
			case "xml", "rss", "atom" -> FEED;
			case "txt", "text" -> LISTING;
			default -> null;
		};
	}

	private static SourceFormat detectObjectLayout(String text, int start, SourceFormat hint) {
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
				else if (c == '\n') {
					return JSON;
				}
				continue;
			}
			switch (c) {
				case '"' -> inString = true;
				case '{', '[' -> depth++;
				case '}', ']' -> {
					depth--;
					if (depth == 0) {
						return NDJSON;
					}
				}
				case '\n' -> {
					return JSON;
				}
				default -> {
					// other characters do not matter for the layout
				}
			}
		}
		// the first object is longer than the head and still on its first line
		return hint == JSON ? JSON : NDJSON;
	}

	private static SourceFormat detectMarkup(String text, SourceFormat hint) {
		String lower = text.toLowerCase(Locale.ROOT);
		int i = 0;
		while (i >= 0 && i < lower.length()) {
			i = firstNonWhitespace(lower, i);
			if (i < 0) {
				break;
			}
			if (lower.startsWith("<?", i)) {
				i = skipPast(lower, i, "?>");
			}
			else if (lower.startsWith("<!--", i)) {
				i = skipPast(lower, i, "-->");
			}
			else if (lower.startsWith("<!doctype", i)) {
				if (lower.startsWith("<!doctype html", i)) {
					return HTML;
				}
				i = skipPast(lower, i, ">");
			}
			else if (lower.startsWith("<rss", i) || lower.startsWith("<feed", i) || lower.startsWith("<rdf:rdf", i)) {
				return FEED;
			}
			else if (lower.startsWith("<html", i)) {
				return HTML;
			}
			else {
				break;
			}
		}
		return hint == FEED ? FEED : HTML;
	}

	private static int skipPast(String text, int from, String end) {
		int at = text.indexOf(end, from);
		return at < 0 ? -1 : at + end.length();
	}

	private static int firstNonWhitespace(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u00A0') {
				return i;
			}
		}
		return -1;
	}

}
