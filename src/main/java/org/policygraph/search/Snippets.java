package org.policygraph.search;

import java.util.ArrayList;
import java.util.List;

import org.policygraph.reference.TextNormalizer;

/**
 * Builds the excerpt of a search hit: about {@value #LENGTH} characters of the original
 * text around the first matched word, HTML-escaped, with every matched word in
 * {@code <mark>…</mark>}. Words match diacritic- and case-insensitively, whole words only
 * ({@code dak} matches {@code Đắk} but not {@code Đắklắk}); the original characters are
 * kept.
 */
final class Snippets {

	/** The length of an excerpt, in characters of the original text. */
	static final int LENGTH = 200;

	/** How much of the excerpt comes before the first match. */
	private static final int BEFORE = 60;

	private static final String ELLIPSIS = "…";

	private Snippets() {
	}

	/**
	 * The excerpt of the field that matches the most distinct terms (the first of
	 * equals), or the start of the first non-empty field when none matches.
	 * @param fields the text fields of the hit, most telling first; {@code null}s are
	 * skipped
	 * @param terms the folded search words
	 * @return the excerpt, HTML-escaped except for the marks
	 */
	static String of(List<String> fields, List<String> terms) {
		Folded best = null;
		long bestCount = -1;
		for (String field : fields) {
			if (field == null || field.isBlank()) {
				continue;
			}
			Folded folded = Folded.of(field);
			List<int[]> matches = folded.matches(terms);
			long count = matches.stream().map(m -> TextNormalizer.fold(field.substring(m[0], m[1]))).distinct().count();
			if (count > bestCount) {
				best = folded;
				bestCount = count;
			}
		}
		return (best != null) ? excerpt(best, terms) : "";
	}

	private static String excerpt(Folded folded, List<String> terms) {
		String original = folded.original;
		List<int[]> matches = folded.matches(terms);
		int anchor = matches.isEmpty() ? 0 : matches.get(0)[0];
		int start = Math.max(0, anchor - BEFORE);
		int end = Math.min(original.length(), start + LENGTH);
		start = Math.max(0, Math.min(start, end - LENGTH));
		if (start > 0) {
			int space = original.indexOf(' ', start);
			if (space >= 0 && space < anchor) {
				start = space + 1;
			}
		}
		if (end < original.length()) {
			int firstMatchEnd = matches.isEmpty() ? start : matches.get(0)[1];
			int space = original.lastIndexOf(' ', end);
			if (space > firstMatchEnd) {
				end = space;
			}
			for (int[] m : matches) {
				if (m[0] < end && m[1] > end) {
					end = m[1];
				}
			}
		}
		StringBuilder sb = new StringBuilder(LENGTH + 64);
		if (start > 0) {
			sb.append(ELLIPSIS);
		}
		int pos = start;
		for (int[] m : matches) {
			if (m[0] < pos || m[1] > end) {
				continue;
			}
			escape(original, pos, m[0], sb);
			sb.append("<mark>");
			escape(original, m[0], m[1], sb);
			sb.append("</mark>");
			pos = m[1];
		}
		escape(original, pos, end, sb);
		if (end < original.length()) {
			sb.append(ELLIPSIS);
		}
		return sb.toString();
	}

	private static void escape(String text, int from, int to, StringBuilder sb) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '&' -> sb.append("&amp;");
				case '"' -> sb.append("&quot;");
				case '\'' -> sb.append("&#39;");
				default -> sb.append(c);
			}
		}
	}

	/**
	 * A text folded one letter at a time, with the position in the original of every
	 * folded char, so a match in the folded text is a range of the original. Combining
	 * marks (decomposed input) are dropped from the folded text and stay with their
	 * letter in the original.
	 */
	private static final class Folded {

		private final String original;

		private final String text;

		private final int[] offsets;

		private Folded(String original, String text, int[] offsets) {
			this.original = original;
			this.text = text;
			this.offsets = offsets;
		}

		static Folded of(String original) {
			StringBuilder sb = new StringBuilder(original.length());
			int[] offsets = new int[original.length()];
			for (int i = 0; i < original.length(); i++) {
				char c = original.charAt(i);
				if (Character.getType(c) == Character.NON_SPACING_MARK) {
					continue;
				}
				offsets[sb.length()] = i;
				sb.append(TextNormalizer.foldChar(c));
			}
			return new Folded(original, sb.toString(), offsets);
		}

		/**
		 * Whole-word matches of any term, as ranges of the original, in order, not
		 * overlapping.
		 */
		List<int[]> matches(List<String> terms) {
			List<int[]> found = new ArrayList<>();
			int i = 0;
			while (i < this.text.length()) {
				int best = -1;
				if (isWordStart(i)) {
					for (String term : terms) {
						if (term.length() > best && this.text.startsWith(term, i) && isWordEnd(i + term.length())) {
							best = term.length();
						}
					}
				}
				if (best > 0) {
					found.add(new int[] { originalStart(i), originalEnd(i + best) });
					i += best;
				}
				else {
					i++;
				}
			}
			return found;
		}

		private boolean isWordStart(int i) {
			return i == 0 || !Character.isLetterOrDigit(this.text.charAt(i - 1));
		}

		private boolean isWordEnd(int i) {
			return i >= this.text.length() || !Character.isLetterOrDigit(this.text.charAt(i));
		}

		private int originalStart(int foldedIndex) {
			return this.offsets[foldedIndex];
		}

		private int originalEnd(int foldedEnd) {
			int end = this.offsets[foldedEnd - 1] + 1;
			while (end < this.original.length()
					&& Character.getType(this.original.charAt(end)) == Character.NON_SPACING_MARK) {
				end++;
			}
			return end;
		}

	}

}
