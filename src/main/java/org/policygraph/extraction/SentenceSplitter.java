package org.policygraph.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.policygraph.reference.ResourceLines;
import org.policygraph.reference.TextNormalizer;

/**
 * Splits normalized text into sentences: at line breaks, and at {@code . ! ?} followed by
 * a space and a capital letter, digit, quote or bracket, unless the word before the stop
 * is a known abbreviation ({@code TP.}, {@code PGS.TS.}, {@code v.v.}) or an initial.
 * Stops inside tokens ({@code TP.HCM}, {@code 74.600}, {@code 10.5.2016}) never split.
 * Abbreviations: {@code extraction/abbreviations.tsv}.
 */
public final class SentenceSplitter {

	private final Set<String> abbreviations;

	public SentenceSplitter(Set<String> abbreviations) {
		this.abbreviations = Set.copyOf(abbreviations);
	}

	/** A splitter with the abbreviations of {@code extraction/abbreviations.tsv}. */
	public static SentenceSplitter createDefault() {
		Set<String> abbreviations = new HashSet<>();
		for (String[] row : ResourceLines.read("extraction/abbreviations.tsv")) {
			abbreviations.add(row[0]);
		}
		return new SentenceSplitter(abbreviations);
	}

	/**
	 * The sentences of {@code text}, each {@link TextNormalizer#nfc(String) normalized}.
	 */
	public List<String> split(String text) {
		List<String> sentences = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return sentences;
		}
		for (String paragraph : text.split("\\R")) {
			splitParagraph(TextNormalizer.nfc(paragraph), sentences);
		}
		return sentences;
	}

	/**
	 * The sentences of {@code text} by paragraph (line): the same sentences as
	 * {@link #split(String)}, grouped.
	 */
	List<List<String>> paragraphs(String text) {
		List<List<String>> paragraphs = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return paragraphs;
		}
		for (String paragraph : text.split("\\R")) {
			List<String> sentences = new ArrayList<>();
			splitParagraph(TextNormalizer.nfc(paragraph), sentences);
			paragraphs.add(sentences);
		}
		return paragraphs;
	}

	private void splitParagraph(String p, List<String> out) {
		int start = 0;
		int n = p.length();
		for (int i = 0; i < n; i++) {
			char c = p.charAt(i);
			if (c != '.' && c != '!' && c != '?') {
				continue;
			}
			int end = i + 1;
			while (end < n && (p.charAt(end) == '.' || p.charAt(end) == '!' || p.charAt(end) == '?'
					|| p.charAt(end) == '"' || p.charAt(end) == ')')) {
				end++;
			}
			if (end >= n) {
				break;
			}
			if (p.charAt(end) != ' ') {
				continue;
			}
			int next = end + 1;
			while (next < n && (p.charAt(next) == '"' || p.charAt(next) == '(' || p.charAt(next) == '\'')) {
				next++;
			}
			if (next >= n) {
				break;
			}
			char following = p.charAt(next);
			if (!(Character.isUpperCase(following) || Character.isDigit(following))) {
				continue;
			}
			if (c == '.' && isAbbreviation(p, start, i)) {
				continue;
			}
			add(out, p.substring(start, end));
			start = end + 1;
			i = end;
		}
		add(out, p.substring(start));
	}

	private boolean isAbbreviation(String p, int sentenceStart, int dot) {
		int wordStart = dot;
		while (wordStart > sentenceStart && p.charAt(wordStart - 1) != ' ' && p.charAt(wordStart - 1) != '(') {
			wordStart--;
		}
		String word = p.substring(wordStart, dot);
		if (word.isEmpty()) {
			return false;
		}
		if (this.abbreviations.contains(word)) {
			return true;
		}
		if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
			return !isTermNumeral(p, sentenceStart, wordStart, word.charAt(0));
		}
		int lastDot = word.lastIndexOf('.');
		return lastDot >= 0 && this.abbreviations.contains(word.substring(lastDot + 1))
				&& !word.substring(lastDot + 1).isEmpty() && Character.isLetter(word.charAt(0))
				&& word.chars().filter(ch -> ch == '.').count() <= 2 && !word.contains("/");
	}

	/**
	 * Words after which a single Roman numeral is a term or ordinal ({@code khóa X.}),
	 * not an initial.
	 */
	private static final Set<String> NUMERAL_LEADS = Set.of("khoa", "thu", "hoi");

	private static boolean isTermNumeral(String p, int sentenceStart, int wordStart, char letter) {
		if (letter != 'I' && letter != 'V' && letter != 'X') {
			return false;
		}
		int end = wordStart - 1;
		while (end > sentenceStart && (p.charAt(end - 1) == ' ' || p.charAt(end - 1) == '(')) {
			end--;
		}
		int start = end;
		while (start > sentenceStart && Character.isLetter(p.charAt(start - 1))) {
			start--;
		}
		return start < end && NUMERAL_LEADS.contains(TextNormalizer.fold(p.substring(start, end)));
	}

	private static void add(List<String> out, String sentence) {
		String s = sentence.strip();
		if (!s.isEmpty()) {
			out.add(s);
		}
	}

}
