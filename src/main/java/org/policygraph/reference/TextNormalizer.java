package org.policygraph.reference;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Normalizer2;

/**
 * Unicode clean-up for Vietnamese text.
 *
 * <p>{@link #nfc(String)} produces the canonical form used everywhere in the project: NFC, one
 * tone-mark convention, ASCII dashes and straight double quotes, Đ instead of its look-alike Ð,
 * single spaces. The tone-mark convention is the traditional one: in the open diphthongs
 * {@code oa}, {@code oe} and {@code uy} (no final consonant) the mark sits on the first vowel, so
 * {@code hoà}, {@code khoẻ}, {@code uỷ} become {@code hòa}, {@code khỏe}, {@code ủy}; with a final
 * consonant ({@code hoàn}, {@code toán}) both conventions agree and nothing changes.
 *
 * <p>{@link #fold(String)} is the matching key: {@code nfc}, then no diacritics, {@code đ → d},
 * lower case. {@link #foldSameLength(String)} does the same on an NFC string one char at a time,
 * so offsets in the folded text are offsets in the original.
 */
public final class TextNormalizer {

	private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

	private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

	private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

	/** oa/oe with the tone on the second vowel and no letter after it (NFD). */
	private static final Pattern OA_OE = Pattern
		.compile("([oO])([aAeE])([" + TONES + "])(?![\\p{L}\\p{M}])");

	/** uy with the tone on y, not after q (quý keeps its mark), no letter after it (NFD). */
	private static final Pattern UY = Pattern
		.compile("(?<![qQ])([uU])([yY])([" + TONES + "])(?![\\p{L}\\p{M}])");

	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");

	private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

	private static final int FOLD_TABLE_SIZE = 0x2000;

	private static final char[] FOLD_TABLE = buildFoldTable();

	private TextNormalizer() {
	}

	/**
	 * The canonical form of {@code text}: NFC with one tone-mark convention, unified dashes and
	 * quotes, Đ/đ for the eth look-alikes, whitespace collapsed and trimmed. {@code null} gives an
	 * empty string.
	 */
	public static String nfc(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		StringBuilder sb = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\u00D0', '\u0189' -> sb.append('\u0110');
				case '\u00F0' -> sb.append('\u0111');
				case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D' -> sb.append('-');
				case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\uFF02' -> sb.append('"');
				case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> sb.append('\'');
				case '\u2026' -> sb.append("...");
				default -> sb.append(c);
			}
		}
		String decomposed = NFD.normalize(sb);
		if (hasToneAfterDiphthong(decomposed)) {
			decomposed = moveTones(decomposed);
		}
		String composed = NFC.normalize(decomposed);
		return WHITESPACE.matcher(composed).replaceAll(" ").trim();
	}

	/** {@link #nfc(String)} without diacritics, đ as d, lower case: the diacritic-insensitive key. */
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
	 * Folds an already {@link #nfc(String) normalized} string one char at a time, keeping its
	 * length so that an offset in the result is the same offset in the input.
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

	/** A URL- and key-friendly form: folded, every run of non-alphanumerics replaced by '-'. */
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

	private static boolean hasToneAfterDiphthong(String decomposed) {
		for (int i = 2; i < decomposed.length(); i++) {
			if (TONES.indexOf(decomposed.charAt(i)) >= 0) {
				char v = decomposed.charAt(i - 1);
				if (v == 'a' || v == 'A' || v == 'e' || v == 'E' || v == 'y' || v == 'Y') {
					return true;
				}
			}
		}
		return false;
	}

	private static String moveTones(String decomposed) {
		String result = replaceTone(OA_OE, decomposed);
		return replaceTone(UY, result);
	}

	private static String replaceTone(Pattern pattern, String input) {
		Matcher m = pattern.matcher(input);
		if (!m.find()) {
			return input;
		}
		StringBuilder sb = new StringBuilder(input.length());
		int last = 0;
		do {
			sb.append(input, last, m.start());
			sb.append(m.group(1)).append(m.group(3)).append(m.group(2));
			last = m.end();
		}
		while (m.find());
		sb.append(input, last, input.length());
		return sb.toString();
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
