package org.policygraph.extraction;

import org.policygraph.reference.TextNormalizer;

/**
 * One normalized sentence with its folded twin (same length) and its word tokens: the
 * unit every recognizer works on. Offsets in {@link #folded} are offsets in
 * {@link #text}.
 */
final class SentenceText {

	final int index;

	final String text;

	final String folded;

	final boolean title;

	final int[] tokenStart;

	final int[] tokenEnd;

	/**
	 * The {@link Vocabulary} id of each token, {@link Vocabulary#UNKNOWN} when no phrase
	 * uses it.
	 */
	final int[] ids;

	SentenceText(int index, String normalized, boolean title) {
		this(index, normalized, title, null, false);
	}

	SentenceText(int index, String normalized, boolean title, Vocabulary vocabulary, boolean learn) {
		this.index = index;
		this.text = normalized;
		this.folded = TextNormalizer.foldSameLength(normalized);
		this.title = title;
		int n = normalized.length();
		int[] starts = new int[Math.max(4, n / 4)];
		int[] ends = new int[starts.length];
		int count = 0;
		int i = 0;
		while (i < n) {
			if (isWordChar(normalized.charAt(i))) {
				int start = i;
				while (i < n && isWordChar(normalized.charAt(i))) {
					i++;
				}
				if (count == starts.length) {
					starts = java.util.Arrays.copyOf(starts, count * 2);
					ends = java.util.Arrays.copyOf(ends, count * 2);
				}
				starts[count] = start;
				ends[count] = i;
				count++;
			}
			else {
				i++;
			}
		}
		this.tokenStart = java.util.Arrays.copyOf(starts, count);
		this.tokenEnd = java.util.Arrays.copyOf(ends, count);
		this.ids = new int[count];
		for (int t = 0; t < count; t++) {
			if (vocabulary == null) {
				this.ids[t] = Vocabulary.UNKNOWN;
			}
			else if (learn) {
				this.ids[t] = vocabulary.idOrAdd(token(t));
			}
			else {
				this.ids[t] = vocabulary.id(this.folded, starts[t], ends[t]);
			}
		}
	}

	/** The folded text of a token. */
	String token(int t) {
		return this.folded.substring(this.tokenStart[t], this.tokenEnd[t]);
	}

	/** Whether the folded token equals {@code word}. */
	boolean tokenIs(int t, String word) {
		int length = this.tokenEnd[t] - this.tokenStart[t];
		return length == word.length() && this.folded.regionMatches(this.tokenStart[t], word, 0, length);
	}

	private static final int WORD_TABLE_SIZE = 0x2000;

	/**
	 * Whether each char below {@link #WORD_TABLE_SIZE} is a letter, digit or combining
	 * mark.
	 */
	private static final boolean[] WORD_CHARS = new boolean[WORD_TABLE_SIZE];

	static {
		for (int c = 0; c < WORD_TABLE_SIZE; c++) {
			WORD_CHARS[c] = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
		}
	}

	static boolean isWordChar(char c) {
		if (c < WORD_TABLE_SIZE) {
			return WORD_CHARS[c];
		}
		return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
	}

	int tokenCount() {
		return this.tokenStart.length;
	}

	/** The first token starting at or after {@code offset}, or {@link #tokenCount()}. */
	int tokenAtOrAfter(int offset) {
		int lo = 0;
		int hi = this.tokenStart.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.tokenStart[mid] < offset) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** The last token ending at or before {@code offset}, or -1. */
	int tokenEndingBefore(int offset) {
		int t = tokenAtOrAfter(offset) - 1;
		while (t >= 0 && this.tokenEnd[t] > offset) {
			t--;
		}
		return t;
	}

	boolean startsUpper(int token) {
		return Character.isUpperCase(this.text.charAt(this.tokenStart[token]));
	}

	boolean allUpper(int token) {
		for (int i = this.tokenStart[token]; i < this.tokenEnd[token]; i++) {
			char c = this.text.charAt(i);
			if (Character.isLetter(c) && !Character.isUpperCase(c)) {
				return false;
			}
		}
		return true;
	}

	String surface(int start, int end) {
		return this.text.substring(start, end);
	}

}
