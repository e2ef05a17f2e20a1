package org.policygraph.reference;

import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Normalizer2;

/**
 * Unicode clean-up for Vietnamese text.
 *
 * <p>
 * {@link #nfc(String)} produces the canonical form used everywhere in the project: NFC,
 * one tone-mark convention, ASCII dashes and straight double quotes, Đ instead of its
 * look-alike Ð, single spaces. The tone-mark convention is the traditional one: in the
 * open diphthongs {@code oa}, {@code oe} and {@code uy} (no final consonant) the mark
 * sits on the first vowel, so {@code hoà}, {@code khoẻ}, {@code uỷ} become {@code hòa},
 * {@code khỏe}, {@code ủy}; with a final consonant ({@code hoàn}, {@code toán}) both
 * conventions agree and nothing changes.
 *
 * <p>
 * {@link #fold(String)} is the matching key: {@code nfc}, then no diacritics,
 * {@code đ → d}, lower case. {@link #foldSameLength(String)} does the same on an NFC
 * string one char at a time, so offsets in the folded text are offsets in the original.
 */
public final class TextNormalizer {

	private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

	private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

	private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

	private static final int FOLD_TABLE_SIZE = 0x2000;

	private static final char[] FOLD_TABLE = buildFoldTable();

	private TextNormalizer() {
	}

	/**
	 * The canonical form of {@code text}: NFC with one tone-mark convention, unified
	 * dashes and quotes, Đ/đ for the eth look-alikes, whitespace collapsed and trimmed.
	 * {@code null} gives an empty string.
	 */
	public static String nfc(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String replaced = replaceLookAlikes(text);
		String composed = NFC.isNormalized(replaced) ? replaced : NFC.normalize(replaced);
		char[] chars = composed.toCharArray();
		moveTones(chars);
		return collapseWhitespace(chars);
	}

	/**
	 * The lowest character {@link #replaceLookAlikes} replaces (ASCII and most Latin-1 go
	 * by at once).
	 */
	private static final char FIRST_LOOK_ALIKE = '\u00AB';

	private static String replaceLookAlikes(String text) {
		StringBuilder sb = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < FIRST_LOOK_ALIKE) {
				if (sb != null) {
					sb.append(c);
				}
				continue;
			}
			String replacement = switch (c) {
				case '\u00D0', '\u0189' -> "\u0110";
				case '\u00F0' -> "\u0111";
				case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63',
						'\uFF0D' ->
					"-";
				case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\uFF02' -> "\"";
				case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> "'";
				case '\u2026' -> "...";
				default -> null;
			};
			if (replacement != null && sb == null) {
				sb = new StringBuilder(text.length() + 8);
				sb.append(text, 0, i);
			}
			if (sb != null) {
				if (replacement != null) {
					sb.append(replacement);
				}
				else {
					sb.append(c);
				}
			}
		}
		return sb == null ? text : sb.toString();
	}

	/**
	 * Moves the tone mark of an open oa/oe/uy diphthong (NFC, no letter after it) to the
	 * first vowel: hoà → hòa, khoẻ → khỏe, uỷ → ủy (not after q: quý).
	 */
	private static void moveTones(char[] chars) {
		for (int i = 1; i < chars.length; i++) {
			int tone = toneOf(chars[i]);
			if (tone < 0) {
				continue;
			}
			char base = BASE_OF[chars[i] - TONED_MIN];
			char previous = chars[i - 1];
			boolean open = i + 1 >= chars.length || !isLetterOrMark(chars[i + 1]);
			if (!open) {
				continue;
			}
			boolean oa = (previous == 'o' || previous == 'O')
					&& (base == 'a' || base == 'A' || base == 'e' || base == 'E');
			boolean uy = (previous == 'u' || previous == 'U') && (base == 'y' || base == 'Y')
					&& (i < 2 || (chars[i - 2] != 'q' && chars[i - 2] != 'Q'));
			if (oa || uy) {
				chars[i - 1] = toned(previous, tone);
				chars[i] = base;
			}
		}
	}

	private static boolean isLetterOrMark(char c) {
		return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
	}

	private static String collapseWhitespace(char[] chars) {
		if (isCollapsed(chars)) {
			return new String(chars);
		}
		StringBuilder sb = new StringBuilder(chars.length);
		boolean pendingSpace = false;
		for (char c : chars) {
			boolean space = c <= ' ' || (c >= '\u0080'
					&& (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'));
			if (space) {
				pendingSpace = sb.length() > 0;
				continue;
			}
			if (pendingSpace) {
				sb.append(' ');
				pendingSpace = false;
			}
			sb.append(c);
		}
		return sb.toString();
	}

	private static boolean isCollapsed(char[] chars) {
		int n = chars.length;
		if (n == 0 || chars[0] == ' ' || chars[n - 1] == ' ') {
			return false;
		}
		for (int i = 0; i < n; i++) {
			char c = chars[i];
			if (c > ' ' && c < '\u0080') {
				continue;
			}
			if (c == ' ') {
				if (chars[i - 1] == ' ') {
					return false;
				}
			}
			else if (c < ' ' || (c >= '\u0080'
					&& (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'))) {
				return false;
			}
		}
		return true;
	}

	private static final String TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323";

	private static final String TONE_BASES = "aAeEyYoOuU";

	private static final char TONED_MIN = '\u00C0';

	private static final char TONED_MAX = '\u1EFF';

	/**
	 * For each precomposed toned vowel (offset from TONED_MIN): its tone index, or -1.
	 */
	private static final byte[] TONE_OF = new byte[TONED_MAX - TONED_MIN + 1];

	private static final char[] BASE_OF = new char[TONED_MAX - TONED_MIN + 1];

	/** [base index][tone] → precomposed char. */
	private static final char[][] TONED = new char[TONE_BASES.length()][TONE_MARKS.length()];

	static {
		java.util.Arrays.fill(TONE_OF, (byte) -1);
		for (int b = 0; b < TONE_BASES.length(); b++) {
			for (int t = 0; t < TONE_MARKS.length(); t++) {
				String composed = NFC.normalize("" + TONE_BASES.charAt(b) + TONE_MARKS.charAt(t));
				char c = composed.charAt(0);
				TONED[b][t] = c;
				if (composed.length() == 1 && c >= TONED_MIN && c <= TONED_MAX) {
					TONE_OF[c - TONED_MIN] = (byte) t;
					BASE_OF[c - TONED_MIN] = TONE_BASES.charAt(b);
				}
			}
		}
	}

	private static int toneOf(char c) {
		return (c < TONED_MIN || c > TONED_MAX) ? -1 : TONE_OF[c - TONED_MIN];
	}

	private static char toned(char base, int tone) {
		return TONED[TONE_BASES.indexOf(base)][tone];
	}

	/**
	 * {@link #nfc(String)} without diacritics, đ as d, lower case: the
	 * diacritic-insensitive key.
	 */
	public static String fold(String text) {
		String normalized = nfc(text);
		StringBuilder sb = new StringBuilder(normalized.length());
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue;
			}
			sb.append(foldChar(c));
		}
		return sb.toString();
	}

	/**
	 * Folds an already {@link #nfc(String) normalized} string one char at a time, keeping
	 * its length so that an offset in the result is the same offset in the input.
	 */
	public static String foldSameLength(String normalized) {
		char[] out = new char[normalized.length()];
		for (int i = 0; i < out.length; i++) {
			out[i] = foldChar(normalized.charAt(i));
		}
		return new String(out);
	}

	/** The folded form of one char (base letter, lower case, đ → d). */
	public static char foldChar(char c) {
		if (c < FOLD_TABLE_SIZE) {
			return FOLD_TABLE[c];
		}
		return Character.toLowerCase(c);
	}

	/**
	 * A URL- and key-friendly form: folded, every run of non-alphanumerics replaced by
	 * '-'.
	 */
	public static String slug(String text) {
		String folded = fold(text);
		String dashed = NON_ALNUM.matcher(folded).replaceAll("-");
		int start = 0;
		int end = dashed.length();
		while (start < end && dashed.charAt(start) == '-') {
			start++;
		}
		while (end > start && dashed.charAt(end - 1) == '-') {
			end--;
		}
		return dashed.substring(start, end);
	}

	private static char[] buildFoldTable() {
		char[] table = new char[FOLD_TABLE_SIZE];
		for (int c = 0; c < FOLD_TABLE_SIZE; c++) {
			char ch = (char) c;
			if (ch == '\u0110' || ch == '\u0111' || ch == '\u00D0' || ch == '\u00F0' || ch == '\u0189') {
				table[c] = 'd';
				continue;
			}
			String base = NFD.normalize(String.valueOf(ch));
			char first = base.isEmpty() ? ch : base.charAt(0);
			table[c] = Character.toLowerCase(first);
		}
		return table;
	}

	/** Lower-cases with the root locale (no Turkish i surprises). */
	static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

}
