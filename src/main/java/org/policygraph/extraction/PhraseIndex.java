package org.policygraph.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.policygraph.reference.TextNormalizer;

/**
 * Phrases indexed by their first folded token, so a sentence is scanned once and each
 * token is only compared with the few phrases starting with it. Matching is
 * diacritic-insensitive; case is checked per token according to the {@link CaseRule}.
 *
 * @param <T> the value attached to each phrase
 */
final class PhraseIndex<T> {

	/** How the case of the text must agree with the case of the phrase. */
	enum CaseRule {

		/** Case is ignored. */
		ANY,

		/**
		 * The first token must start with a capital, and phrase tokens written in
		 * capitals (abbreviations) must be in capitals in the text.
		 */
		FIRST_AND_ABBREVIATIONS,

		/**
		 * Every phrase token written with a capital must start with a capital in the
		 * text.
		 */
		CAPITALIZED

	}

	/** A match: the value and the token range [start, end). */
	record Match<T>(T value, int startToken, int endToken) {
	}

	private record Phrase<T>(int[] tokens, boolean[] upper, boolean[] abbreviation, boolean[] commaBefore,
			boolean[] caseFree, T value) {
	}

	private final Map<Integer, List<Phrase<T>>> byFirstToken = new HashMap<>();

	private final Vocabulary vocabulary;

	/**
	 * Phrases by the id of their first word, filled from {@link #byFirstToken} on first
	 * use.
	 */
	private volatile List<Phrase<T>>[] table;

	private final CaseRule caseRule;

	PhraseIndex(Vocabulary vocabulary, CaseRule caseRule, java.util.Set<String> caseFreeTokens) {
		this.vocabulary = vocabulary;
		this.caseRule = caseRule;
		for (String token : caseFreeTokens) {
			this.caseFreeIds.add(vocabulary.idOrAdd(token));
		}
	}

	PhraseIndex(Vocabulary vocabulary, CaseRule caseRule) {
		this(vocabulary, caseRule, java.util.Set.of());
	}

	private final java.util.Set<Integer> caseFreeIds = new java.util.HashSet<>();

	/** Adds a phrase (any normalization); returns {@code false} when it has no word. */
	boolean add(String phrase, T value) {
		SentenceText text = new SentenceText(0, TextNormalizer.nfc(phrase), false, this.vocabulary, true);
		int n = text.tokenCount();
		if (n == 0) {
			return false;
		}
		boolean[] upper = new boolean[n];
		boolean[] abbreviation = new boolean[n];
		boolean[] comma = new boolean[n];
		for (int i = 0; i < n; i++) {
			upper[i] = text.startsUpper(i);
			int length = text.tokenEnd[i] - text.tokenStart[i];
			abbreviation[i] = length >= 2 && text.allUpper(i)
					&& !Character.isDigit(text.text.charAt(text.tokenStart[i]));
			if (i > 0) {
				comma[i] = text.text.substring(text.tokenEnd[i - 1], text.tokenStart[i]).indexOf(',') >= 0;
			}
		}
		boolean[] caseFree = new boolean[n];
		for (int i = 0; i < n; i++) {
			caseFree[i] = this.caseFreeIds.contains(text.ids[i]);
		}
		Phrase<T> p = new Phrase<>(text.ids, upper, abbreviation, comma, caseFree, value);
		List<Phrase<T>> list = this.byFirstToken.computeIfAbsent(text.ids[0], k -> new ArrayList<>());
		list.add(p);
		list.sort(Comparator.comparingInt((Phrase<T> q) -> q.tokens.length).reversed());
		this.table = null;
		return true;
	}

	/** The longest phrase starting at {@code token}, or {@code null}. */
	Match<T> longestAt(SentenceText s, int token) {
		int id = s.ids[token];
		if (id == Vocabulary.UNKNOWN) {
			return null;
		}
		List<Phrase<T>>[] lookup = table();
		List<Phrase<T>> candidates = id < lookup.length ? lookup[id] : null;
		if (candidates == null) {
			return null;
		}
		for (Phrase<T> p : candidates) {
			if (matches(s, token, p)) {
				return new Match<>(p.value, token, token + p.tokens.length);
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private List<Phrase<T>>[] table() {
		List<Phrase<T>>[] lookup = this.table;
		if (lookup == null) {
			lookup = new List[this.vocabulary.size()];
			for (Map.Entry<Integer, List<Phrase<T>>> e : this.byFirstToken.entrySet()) {
				lookup[e.getKey()] = List.copyOf(e.getValue());
			}
			this.table = lookup;
		}
		return lookup;
	}

	/** All non-overlapping longest matches, left to right. */
	List<Match<T>> findAll(SentenceText s) {
		List<Match<T>> result = new ArrayList<>();
		int t = 0;
		while (t < s.tokenCount()) {
			Match<T> m = longestAt(s, t);
			if (m != null) {
				result.add(m);
				t = m.endToken();
			}
			else {
				t++;
			}
		}
		return result;
	}

	private boolean matches(SentenceText s, int token, Phrase<T> p) {
		int n = p.tokens.length;
		if (token + n > s.tokenCount()) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			int t = token + i;
			if (p.tokens[i] != s.ids[t]) {
				return false;
			}
			if (i > 0 && !gapAllowed(s, t, p.commaBefore[i])) {
				return false;
			}
			if (!caseAgrees(s, t, p, i)) {
				return false;
			}
		}
		return true;
	}

	private boolean caseAgrees(SentenceText s, int t, Phrase<T> p, int i) {
		switch (this.caseRule) {
			case ANY:
				return true;
			case FIRST_AND_ABBREVIATIONS:
				if (p.abbreviation[i] && !s.allUpper(t)) {
					return false;
				}
				return i != 0 || s.startsUpper(t);
			case CAPITALIZED:
			default:
				if (p.abbreviation[i] && !s.allUpper(t)) {
					return false;
				}
				return !p.upper[i] || p.caseFree[i] || s.startsUpper(t);
		}
	}

	private static boolean gapAllowed(SentenceText s, int t, boolean commaAllowed) {
		int from = s.tokenEnd[t - 1];
		int to = s.tokenStart[t];
		if (to - from > 3) {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = s.text.charAt(i);
			if (c == ' ' || c == '-' || c == '.' || c == '\'' || (c == ',' && commaAllowed)) {
				continue;
			}
			return false;
		}
		return true;
	}

}
