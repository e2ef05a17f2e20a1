package org.policygraph.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.policygraph.reference.TextNormalizer;

/**
 * What a user typed, as plain words: folded to lower-case ASCII (as the
 * {@code standard-folding} analyzer does), split on anything that is not a letter or
 * digit, so no character of the input reaches the Lucene query parser as syntax. Every
 * word is required; words in double quotes form a phrase; an unmatched quote is ignored.
 *
 * @param query the Lucene query for {@code db.index.fulltext.queryNodes}, empty when the
 * input has no words
 * @param terms the distinct folded words, for highlighting
 */
public record SearchText(String query, List<String> terms) {

	/** Words beyond this many are ignored (Lucene limits the clauses of a query). */
	static final int MAX_WORDS = 32;

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final String LUCENE_SPECIAL = "\\+-!():^[]\"{}~*?|&/";

	/**
	 * @param input what the user typed
	 * @return the words as a safe full-text query
	 */
	public static SearchText parse(String input) {
		String[] parts = TextNormalizer.nfc(input).split("\"", -1);
		List<String> clauses = new ArrayList<>();
		Set<String> terms = new LinkedHashSet<>();
		int words = 0;
		for (int i = 0; i < parts.length && words < MAX_WORDS; i++) {
			List<String> found = words(parts[i]);
			if (found.size() > MAX_WORDS - words) {
				found = found.subList(0, MAX_WORDS - words);
			}
			words += found.size();
			// Odd parts lie between two quotes, unless the last quote is unmatched.
			boolean phrase = (i % 2 == 1) && (i < parts.length - 1) && found.size() > 1;
			if (phrase) {
				clauses.add("+\"" + String.join(" ", found.stream().map(SearchText::escape).toList()) + "\"");
			}
			else {
				found.forEach(w -> clauses.add("+" + escape(w)));
			}
			terms.addAll(found);
		}
		return new SearchText(String.join(" ", clauses), List.copyOf(terms));
	}

	/**
	 * @return whether the input had no words at all
	 */
	public boolean isEmpty() {
		return this.query.isEmpty();
	}

	/**
	 * @return the words that are numbers, without leading zeros ({@code 05} is
	 * {@code 5}), as a document's {@code number} is kept
	 */
	public List<String> numbers() {
		return this.terms.stream()
			.filter(w -> w.chars().allMatch(c -> c >= '0' && c <= '9'))
			.map(w -> w.replaceFirst("^0+(?=.)", ""))
			.distinct()
			.toList();
	}

	/**
	 * @return the words joined by and enclosed in {@code -}: a document code folded the
	 * same way ({@code 22-NQ/TW} as {@code -22-nq-tw-}) is typed in full when this text
	 * contains it
	 */
	public String codeText() {
		return "-" + String.join("-", this.terms) + "-";
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String w : NON_WORD.split(TextNormalizer.fold(text))) {
			if (!w.isEmpty()) {
				words.add(w);
			}
		}
		return words;
	}

	/**
	 * Escapes Lucene query syntax. The words passed here are letters and digits only;
	 * escaping them anyway keeps the query safe if the word rule ever changes.
	 */
	static String escape(String word) {
		StringBuilder sb = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (LUCENE_SPECIAL.indexOf(c) >= 0) {
				sb.append('\\');
			}
			sb.append(c);
		}
		String escaped = sb.toString();
		return switch (escaped) {
			case "AND", "OR", "NOT" -> escaped.toLowerCase(java.util.Locale.ROOT);
			default -> escaped;
		};
	}

}
