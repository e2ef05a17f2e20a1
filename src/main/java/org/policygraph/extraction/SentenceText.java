package org.policygraph.extraction;

import org.policygraph.reference.TextNormalizer;

/**
 * One normalized sentence with its folded twin (same length) and its word tokens: the unit every
 * recognizer works on. Offsets in {@link #folded} are offsets in {@link #text}.
 */
final class SentenceText {

	final int index;

	final String text;

	final String folded;

	final boolean title;

	final int[] tokenStart;

	final int[] tokenEnd;

	final String[] tokens;

	SentenceText(int index, String normalized, boolean title) {
		this.index = index;
		this.text = normalized;
		this.folded = TextNormalizer.foldSameLength(normalized);
		this.title = title;
		int n = normalized.length();
		int count = 0;
		for (int i = 0; i < n; i++) {
			if (isWordChar(normalized.charAt(i)) && (i == 0 || !isWordChar(normalized.charAt(i - 1)))) {
				count++;
			}
		}
		this.tokenStart = new int[count];
		this.tokenEnd = new int[count];
		this.tokens = new String[count];
		int t = 0;
		int i = 0;
		while (i < n) {
			if (isWordChar(normalized.charAt(i))) {
				int start = i;
				while (i < n && isWordChar(normalized.charAt(i))) {
					i++;
				}
				this.tokenStart[t] = start;
				this.tokenEnd[t] = i;
				this.tokens[t] = this.folded.substring(start, i);
				t++;
			}
			else {
				i++;
			}
		}
	}

	static boolean isWordChar(char c) {
		if (c < 128) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}
		return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
	}

	int tokenCount() {
		return this.tokens.length;
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
