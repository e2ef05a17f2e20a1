package org.policygraph.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.policygraph.extraction.Hits.ProvinceHit;
import org.policygraph.extraction.PhraseIndex.CaseRule;
import org.policygraph.extraction.PhraseIndex.Match;
import org.policygraph.reference.Era;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.ProvinceUnit;
import org.policygraph.reference.TextNormalizer;

/**
 * Finds province names in a sentence: every spelling of the gazetteer, on word
 * boundaries, written with capitals ({@code hòa bình} is peace), outside blocked phrases
 * ({@code Thái Bình Dương}) and without the aliases that need a prefix in running text
 * ({@code Hồ Chí Minh} alone is the president, his thought or an institution named after
 * him; {@code Thành phố Hồ Chí Minh} and {@code TP.HCM} are the city), and not right
 * after a word for a lower unit ({@code huyện Quảng Ninh} is a district of Quảng Bình,
 * {@code huyện Hòa Bình} one of Bạc Liêu).
 */
final class ProvinceRecognizer {

	private static final LocalDate AFTER_MERGER = ProvinceGazetteer.MERGER_DATE;

	/**
	 * A former province written as such right after its name: "(cũ)", "cũ", "(trước hợp
	 * nhất)", "trước sáp nhập", "trước đây".
	 */
	private static final Pattern FORMER_MARK = Pattern.compile(
			"\\s*(?:\\(\\s*(?:cũ|trước [^)]{0,20})\\)|cũ(?![\\p{L}\\p{N}])|trước (?:đây|hợp nhất|sáp nhập)(?![\\p{L}\\p{N}]))");

	/**
	 * A spelling and the units it names: before the merger, after it (a merged-away name
	 * keeps its former unit here), and the unit a merged-away name became part of
	 * ({@code null} when the name is not merged away).
	 */
	record Spelling(ProvinceUnit before, ProvinceUnit after, ProvinceUnit mergedInto, String written) {

		static boolean afterMerger(LocalDate asOf) {
			return asOf != null && !asOf.isBefore(AFTER_MERGER);
		}

	}

	private final PhraseIndex<Spelling> names;

	private final PhraseIndex<Boolean> blocked;

	/** Lower-case words (one or two tokens) after which a name is a lower unit's. */
	private final Set<String> unitWordsBefore;

	ProvinceRecognizer(ProvinceGazetteer gazetteer, ExtractionRules rules, Vocabulary vocabulary) {
		this.names = new PhraseIndex<>(vocabulary, CaseRule.CAPITALIZED, Set.of("thanh", "pho", "tp", "tinh"));
		this.blocked = new PhraseIndex<>(vocabulary, CaseRule.ANY);
		Set<String> ignored = new HashSet<>();
		for (String alias : rules.ignoredAliases) {
			ignored.add(ProvinceGazetteer.searchKey(alias));
		}
		Set<String> seen = new HashSet<>();
		for (ProvinceUnit unit : gazetteer.all()) {
			List<String> spellings = new ArrayList<>();
			spellings.add(unit.name());
			spellings.addAll(unit.aliases());
			for (String spelling : spellings) {
				String key = ProvinceGazetteer.searchKey(spelling);
				if (ignored.contains(key) || !seen.add(TextNormalizer.nfc(spelling))) {
					continue;
				}
				ProvinceUnit before = gazetteer.lookup(spelling).orElseThrow();
				ProvinceUnit after = gazetteer.lookup(spelling, AFTER_MERGER).orElseThrow();
				ProvinceUnit mergedInto = (after.era() == Era.PRE_2025 && after.mergedIntoKey() != null)
						? gazetteer.byKey(after.mergedIntoKey()).orElseThrow() : null;
				this.names.add(spelling, new Spelling(before, after, mergedInto, spelling));
			}
		}
		this.unitWordsBefore = Set.copyOf(rules.unitWordsBefore);
		for (String phrase : rules.blockedPhrases) {
			this.blocked.add(phrase, Boolean.TRUE);
		}
	}

	List<ProvinceHit> recognize(SentenceText s, LocalDate asOf) {
		List<ProvinceHit> hits = new ArrayList<>(2);
		int n = s.tokenCount();
		int t = 0;
		while (t < n) {
			Match<Boolean> block = this.blocked.longestAt(s, t);
			if (block != null) {
				t = block.endToken();
				continue;
			}
			Match<Spelling> m = this.names.longestAt(s, t);
			if (m != null && afterUnitWord(s, m.startToken())) {
				t = m.endToken();
			}
			else if (m != null) {
				int start = s.tokenStart[m.startToken()];
				int end = s.tokenEnd[m.endToken() - 1];
				if (otherLetterD(s.text.substring(start, end), m.value().written())) {
					t++;
					continue;
				}
				hits.add(hit(s, start, end, m.value(), asOf));
				t = m.endToken();
			}
			else {
				t++;
			}
		}
		return hits;
	}

	/**
	 * Whether a name written with diacritics differs from the spelling it matched in a
	 * {@code Đ} where the other has a {@code D} ("Hải Đường", a commune, is not "Hải
	 * Dương"): matching ignores diacritics, but {@code Đ} is a letter of its own. A name
	 * written without diacritics ("Dak Lak") or matched by such an alias is not compared.
	 */
	static boolean otherLetterD(String surface, String spelling) {
		if (ascii(surface) || ascii(spelling)) {
			return false;
		}
		String a = withoutMarks(surface);
		String b = withoutMarks(spelling);
		if (a.length() != b.length()) {
			return false;
		}
		for (int i = 0; i < a.length(); i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if ((x == 'đ') != (y == 'đ') && (x == 'đ' || x == 'd') && (y == 'đ' || y == 'd')) {
				return true;
			}
		}
		return false;
	}

	private static boolean ascii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 127) {
				return false;
			}
		}
		return true;
	}

	private static String withoutMarks(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The hit of a name: in an article published from 1-7-2025 a former province's name
	 * (also marked "(cũ)", "trước hợp nhất" ...) denotes the unit it became part of, the
	 * unit that exists at the publication date; the former unit is kept aside for a
	 * committee named with it ("Tỉnh ủy Quảng Bình (cũ) đã ban hành ..." is the former
	 * unit's committee). A name that the new unit kept ("Quảng Trị") denotes the former
	 * unit only when marked as former.
	 */
	private static ProvinceHit hit(SentenceText s, int start, int end, Spelling spelling, LocalDate asOf) {
		String surface = s.surface(start, end);
		if (!Spelling.afterMerger(asOf)) {
			return new ProvinceHit(start, end, spelling.before(), surface);
		}
		if (spelling.mergedInto() != null) {
			return new ProvinceHit(start, end, spelling.mergedInto(), surface, spelling.after());
		}
		if (spelling.before() != spelling.after() && spelling.before().era() == Era.PRE_2025
				&& ReusableMatchers.of(FORMER_MARK, s.text).region(end, s.text.length()).lookingAt()) {
			return new ProvinceHit(start, end, spelling.after(), surface, spelling.before());
		}
		return new ProvinceHit(start, end, spelling.after(), surface);
	}

	/**
	 * Whether the one or two words right before token {@code t} (a space apart, no
	 * punctuation) name one lower unit (huyện, thị xã ...). Not after a plural ("các
	 * huyện", "100% xã"): those are the units of the province.
	 */
	private boolean afterUnitWord(SentenceText s, int t) {
		if (t == 0 || !spaceBetween(s, t - 1, t)) {
			return false;
		}
		String one = surface(s, t - 1);
		int before = -1;
		if (this.unitWordsBefore.contains(one)) {
			before = t - 2;
		}
		else if (t >= 2 && spaceBetween(s, t - 2, t - 1)
				&& this.unitWordsBefore.contains(surface(s, t - 2) + " " + one)) {
			before = t - 3;
		}
		else {
			return false;
		}
		if (before < 0) {
			return true;
		}
		String word = surface(s, before);
		boolean plural = PLURALS.contains(word) || Character.isDigit(word.charAt(0))
				|| s.text.substring(s.tokenEnd[before], s.tokenStart[before + 1]).contains("%");
		return !plural;
	}

	private static final Set<String> PLURALS = Set.of("các", "những", "mọi", "toàn", "nhiều", "mỗi", "từng", "số");

	private static boolean spaceBetween(SentenceText s, int a, int b) {
		return s.text.substring(s.tokenEnd[a], s.tokenStart[b]).equals(" ");
	}

	private static String surface(SentenceText s, int t) {
		return s.text.substring(s.tokenStart[t], s.tokenEnd[t]).toLowerCase(java.util.Locale.ROOT);
	}

}
