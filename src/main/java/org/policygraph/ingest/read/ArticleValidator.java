package org.policygraph.ingest.read;

import org.jspecify.annotations.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks and normalises an {@link ArticleDraft} into a {@link RawArticle}, or rejects it.
 *
 * <ul>
 * <li>All strings are NFC-normalised; the title's whitespace (including line breaks and
 * no-break spaces) collapses to single spaces; the text keeps line breaks, collapses runs
 * of blank lines into one blank line (paragraph separator) and trims every line. Control
 * characters other than line breaks are dropped.</li>
 * <li>Missing or blank title → {@code missing title}; a title over
 * {@value #MAX_TITLE_CHARS} characters (code points) is rejected.</li>
 * <li>Bidirectional controls ({@link #isBidiControl}: marks, embeddings, overrides,
 * isolates) are dropped from every field, the title and the text alike.</li>
 * <li>Missing text is an empty text. Text over {@value #MAX_TEXT_BYTES} bytes in UTF-8 (1
 * MiB, after normalisation) is rejected rather than truncated: a truncated article would
 * silently lose content.</li>
 * <li>{@code publishedAt} accepts {@code yyyy-MM-dd}, ISO-8601 date-times (with offset or
 * zone the local date as written is taken, no conversion), {@code dd/MM/yyyy} and
 * {@code dd-MM-yyyy} (day and month may have one digit). Anything else is rejected naming
 * the value. A date after today + 1 day (today in the {@link Clock}'s zone) is rejected
 * as in the future; the one-day slack absorbs time zones.</li>
 * <li>A URL, when given, must be an absolute {@code http} or {@code https} URL with a
 * host and without a user name or password, of at most {@value #MAX_URL_BYTES} bytes in
 * UTF-8: it becomes the article's identity, in the form {@link ArticleUrls#normalize}
 * gives it (scheme and host in lower case, ASCII host, no default port, no fragment), and
 * a longer one cannot be indexed (it would fail the whole batch's write).</li>
 * <li>A date before {@value #EARLIEST_DATE} is rejected: no party-building news is older,
 * and years outside 0001–9999 cannot be stored and read back as the API's
 * {@code Date}.</li>
 * </ul>
 */
public final class ArticleValidator {

	/** The longest accepted title, in characters (Unicode code points). */
	public static final int MAX_TITLE_CHARS = 1_000;

	/** The largest accepted text, in bytes of UTF-8. */
	public static final int MAX_TEXT_BYTES = 1_048_576;

	/** The longest accepted URL, in bytes of UTF-8. */
	public static final int MAX_URL_BYTES = 2_048;

	/** The earliest accepted publication date. */
	public static final String EARLIEST_DATE = "1900-01-01";

	private static final LocalDate EARLIEST = LocalDate.parse(EARLIEST_DATE);

	/** How much of a bad value a rejection reason repeats. */
	private static final int QUOTED_CHARS = 200;

	private static final List<DateTimeFormatter> DAY_FIRST = List.of(
			DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));

	private final Clock clock;

	public ArticleValidator(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** Validates one draft. */
	public ReadResult validate(ArticleDraft draft) {
		String location = draft.location();
		String title = normalizeLine(draft.title());
		if (title == null) {
			return ReadResult.rejected(location, "missing title");
		}
		int titleChars = title.codePointCount(0, title.length());
		if (titleChars > MAX_TITLE_CHARS) {
			return ReadResult.rejected(location, "title is " + Utf8.grouped(titleChars) + " characters; the limit is "
					+ Utf8.grouped(MAX_TITLE_CHARS));
		}
		String text = normalizeText(draft.text());
		long textBytes = Utf8.byteLength(text);
		if (textBytes > MAX_TEXT_BYTES) {
			return ReadResult.rejected(location,
					"text is " + Utf8.grouped(textBytes) + " bytes; the limit is " + Utf8.grouped(MAX_TEXT_BYTES));
		}
		String url = normalizeLine(draft.url());
		if (url != null && Utf8.byteLength(url) > MAX_URL_BYTES) {
			return ReadResult.rejected(location, "url is " + Utf8.grouped(Utf8.byteLength(url))
					+ " bytes; the limit is " + Utf8.grouped(MAX_URL_BYTES));
		}
		if (url != null) {
			ArticleUrls.Normalized normalized = ArticleUrls.normalize(url);
			if (!normalized.ok()) {
				// A URL with credentials is not repeated: the reason is logged and
				// returned to the client.
				return ReadResult.rejected(location, normalized.problem().startsWith("url ") ? normalized.problem()
						: "url " + quoted(url) + " " + normalized.problem());
			}
			url = normalized.url();
			if (Utf8.byteLength(url) > MAX_URL_BYTES) {
				return ReadResult.rejected(location, "url is " + Utf8.grouped(Utf8.byteLength(url))
						+ " bytes in its ASCII form; the limit is " + Utf8.grouped(MAX_URL_BYTES));
			}
		}
		LocalDate publishedAt = null;
		String date = normalizeLine(draft.publishedAt());
		if (date != null) {
			publishedAt = parseDate(date);
			if (publishedAt == null) {
				return ReadResult.rejected(location,
						"publishedAt " + quoted(date) + " is not a date (expected yyyy-MM-dd or ISO-8601)");
			}
			if (publishedAt.isAfter(LocalDate.now(clock).plusDays(1))) {
				return ReadResult.rejected(location, "publishedAt " + quoted(date) + " is in the future");
			}
			if (publishedAt.isBefore(EARLIEST)) {
				return ReadResult.rejected(location, "publishedAt " + quoted(date) + " is before " + EARLIEST_DATE);
			}
		}
		return ReadResult.ok(new RawArticle(title, text, url, publishedAt, normalizeLine(draft.source()),
				normalizeLine(draft.category()), location));
	}

	/**
	 * A value for a rejection reason: in quotes, cut after {@value #QUOTED_CHARS}
	 * characters.
	 */
	private static String quoted(String value) {
		return "'" + ((value.length() <= QUOTED_CHARS) ? value : value.substring(0, QUOTED_CHARS) + "…") + "'";
	}

	/**
	 * Parses a date in one of the accepted forms.
	 * @return the date, or {@code null} when {@code value} is not in an accepted form
	 */
	public static LocalDate parseDate(String value) {
		String s = value.strip();
		try {
			return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(s));
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		for (DateTimeFormatter formatter : DAY_FIRST) {
			try {
				return LocalDate.parse(s, formatter);
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		return null;
	}

	/**
	 * NFC, whitespace collapsed to single spaces, trimmed; {@code null} for null or blank
	 * input (white space of every kind, control and bidirectional characters only).
	 * @param value the value, may be {@code null}
	 * @return the value on one line, or {@code null}
	 */
	public static @Nullable String normalizeLine(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String s = Normalizer.normalize(value, Normalizer.Form.NFC);
		s = collapseSpaces(s, 0, s.length());
		return s.isEmpty() ? null : s;
	}

	/**
	 * NFC, lines trimmed and inner whitespace collapsed, blank-line runs become one blank
	 * line; never null.
	 */
	static String normalizeText(String value) {
		if (value == null) {
			return "";
		}
		String s = Normalizer.normalize(value, Normalizer.Form.NFC);
		if (s.indexOf('\r') >= 0) {
			s = s.replace("\r\n", "\n").replace('\r', '\n');
		}
		else if (isNormalText(s)) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length());
		boolean pendingBreak = false;
		for (int start = 0; start <= s.length();) {
			int end = s.indexOf('\n', start);
			if (end < 0) {
				end = s.length();
			}
			String line = collapseSpaces(s, start, end);
			start = end + 1;
			if (line.isEmpty()) {
				pendingBreak = out.length() > 0;
				continue;
			}
			if (out.length() > 0) {
				out.append(pendingBreak ? "\n\n" : "\n");
			}
			out.append(line);
			pendingBreak = false;
		}
		return out.toString();
	}

	/**
	 * Whether a text without carriage returns is already as {@link #normalizeText} leaves
	 * it (most are): single spaces only between other characters, no space-like or other
	 * white space character, no line break at either end and no more than one blank line
	 * in a row. One pass without copies, before the one that would copy every line.
	 */
	private static boolean isNormalText(String s) {
		char previous = '\n';
		int breaks = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c > ' ' && c < '\u007F') {
				breaks = 0;
			}
			else if (c == '\n') {
				if (previous == ' ' || i == 0 || ++breaks > 2) {
					return false;
				}
			}
			else if (c == ' ') {
				if (previous == ' ' || previous == '\n') {
					return false;
				}
			}
			else if (isSpaceLike(c) || Character.isWhitespace(c) || isBidiControl(c)) {
				return false;
			}
			else {
				breaks = 0;
			}
			previous = c;
		}
		return previous != ' ' && previous != '\n';
	}

	/**
	 * A range of a string with every run of {@linkplain #isSpaceLike space-like}
	 * characters as one space, without them at either end, then
	 * {@linkplain String#strip() stripped}. One pass: this runs over every line of every
	 * article.
	 */
	private static String collapseSpaces(String s, int from, int to) {
		StringBuilder b = new StringBuilder(to - from);
		boolean space = false;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (isSpaceLike(c)) {
				space = b.length() > 0;
			}
			else if (isBidiControl(c)) {
				continue;
			}
			else {
				if (space) {
					b.append(' ');
					space = false;
				}
				b.append(c);
			}
		}
		return b.toString().strip();
	}

	/**
	 * Java's {@code \s} (space, tab, line breaks), control characters, no-break and other
	 * Unicode spaces, the zero-width space and the byte order mark.
	 */
	private static boolean isSpaceLike(char c) {
		return c == ' ' || Character.getType(c) == Character.CONTROL || c == '\u00A0'
				|| (c >= '\u2000' && c <= '\u200B') || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
	}

	/**
	 * The invisible characters that reorder text: the Arabic letter mark, the
	 * left-to-right and right-to-left marks, the embeddings and overrides (U+202A-U+202E,
	 * among them the right-to-left override a spoofed title uses to show its characters
	 * backwards) and the isolates (U+2066-U+2069). Vietnamese never needs them; left in,
	 * one of them reverses the rest of a title, a snippet or an exported cell on screen.
	 */
	static boolean isBidiControl(char c) {
		return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
				|| (c >= '\u2066' && c <= '\u2069');
	}

	static boolean isHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null && !uri.getHost().isEmpty();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
