package org.policygraph.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.policygraph.reference.ResourceLines;
import org.policygraph.reference.TextNormalizer;

/**
 * The rule tables of the extractor, read from {@code extraction/*.tsv} on the classpath:
 * document type words, code types, issuer suffixes, relation cue phrases, province traps
 * and local committee names. Immutable once loaded.
 */
final class ExtractionRules {

	/** A document type word ("Nghị quyết") with its type and type code. */
	record TypeWord(String word, DocumentType type, String code) {
	}

	/** The TYPE part of a code. */
	record CodeType(String code, DocumentType type, String centralIssuer) {
	}

	/** The ISSUER part of a code. */
	record Suffix(String suffix, IssuingLevel level, String scope, String issuer) {

		boolean central() {
			return "TW".equals(this.scope);
		}

		boolean district() {
			return "DISTRICT".equals(this.scope);
		}

	}

	/** Kinds of cue phrase. */
	enum CueKind {

		IMPLEMENTS, NEGATIVE, ISSUANCE, ISSUANCE_BY_BODY, ISSUER,

		/**
		 * A weak IMPLEMENTS cue: only for the documents right after it (or a list
		 * starting there).
		 */
		IMPLEMENTS_ADJACENT,

		/**
		 * Like {@link #IMPLEMENTS_ADJACENT}, but not as the first word of a sentence
		 * ("Theo Kế hoạch …, …" reports).
		 */
		IMPLEMENTS_ADJACENT_INNER;

		boolean implementing() {
			return this == IMPLEMENTS || this == IMPLEMENTS_ADJACENT || this == IMPLEMENTS_ADJACENT_INNER;
		}

		boolean adjacent() {
			return this == IMPLEMENTS_ADJACENT || this == IMPLEMENTS_ADJACENT_INNER;
		}

	}

	/** A local committee phrase ("Tỉnh ủy", "Đảng bộ huyện") and how to place it. */
	record Committee(String phrase, CommitteeKind kind, String canonical) {
	}

	/** How a committee phrase is placed. */
	enum CommitteeKind {

		/** The committee of a province (Tỉnh ủy X). */
		PROVINCE,

		/** Thành ủy X: a centrally-run city, or a provincial city. */
		CITY,

		/** Huyện ủy, Quận ủy, Thị ủy + name. */
		DISTRICT,

		/** Đảng ủy xã/phường + name. */
		GRASSROOTS,

		/**
		 * A provincial-level party committee under the Tỉnh ủy (Đảng ủy Khối các cơ quan
		 * tỉnh).
		 */
		PROVINCIAL_UNIT

	}

	final List<TypeWord> typeWords = new ArrayList<>();

	final Map<String, TypeWord> typeWordByFolded = new HashMap<>();

	final Map<String, CodeType> codeTypes = new HashMap<>();

	final Map<String, Suffix> suffixes = new HashMap<>();

	final Map<String, CueKind> cues = new HashMap<>();

	final List<String> blockedPhrases = new ArrayList<>();

	final List<String> ignoredAliases = new ArrayList<>();

	/**
	 * Words after which a province's name is a district, town, commune or ward ("huyện",
	 * "thị xã").
	 */
	final List<String> unitWordsBefore = new ArrayList<>();

	final List<Committee> committees = new ArrayList<>();

	/**
	 * Folded nouns of non-party subjects ("nhà máy"): a province after them with
	 * "ở"/"tại" is only a location.
	 */
	final List<String> locationSubjects = new ArrayList<>();

	static ExtractionRules load() {
		ExtractionRules rules = new ExtractionRules();
		for (String[] row : ResourceLines.read("extraction/document-types.tsv")) {
			TypeWord w = new TypeWord(TextNormalizer.nfc(row[0]), DocumentType.valueOf(row[1]),
					TextNormalizer.nfc(row[2]));
			rules.typeWords.add(w);
			rules.typeWordByFolded.put(TextNormalizer.fold(w.word()), w);
		}
		for (String[] row : ResourceLines.read("extraction/code-types.tsv")) {
			String issuer = ResourceLines.cell(row, 2);
			CodeType ct = new CodeType(TextNormalizer.nfc(row[0]), DocumentType.valueOf(row[1]),
					issuer.isEmpty() ? null : issuer);
			rules.codeTypes.put(TextNormalizer.fold(ct.code()), ct);
		}
		for (String[] row : ResourceLines.read("extraction/issuer-suffixes.tsv")) {
			String issuer = ResourceLines.cell(row, 3);
			Suffix s = new Suffix(TextNormalizer.nfc(row[0]), IssuingLevel.valueOf(row[1]), row[2],
					issuer.isEmpty() ? null : issuer);
			rules.suffixes.putIfAbsent(TextNormalizer.fold(s.suffix()), s);
		}
		for (String[] row : ResourceLines.read("extraction/relation-cues.tsv")) {
			rules.cues.put(TextNormalizer.nfc(row[0]), CueKind.valueOf(row[1]));
		}
		for (String[] row : ResourceLines.read("extraction/province-traps.tsv")) {
			if ("block".equals(row[1])) {
				rules.blockedPhrases.add(TextNormalizer.nfc(row[0]));
			}
			else if ("ignore".equals(row[1])) {
				rules.ignoredAliases.add(TextNormalizer.nfc(row[0]));
			}
			else if ("location-subject".equals(row[1])) {
				rules.locationSubjects.add(TextNormalizer.fold(row[0]));
			}
			else if ("unit-before".equals(row[1])) {
				rules.unitWordsBefore.add(TextNormalizer.nfc(row[0]).toLowerCase(java.util.Locale.ROOT));
			}
		}
		for (String[] row : ResourceLines.read("extraction/local-committees.tsv")) {
			rules.committees.add(new Committee(TextNormalizer.nfc(row[0]), CommitteeKind.valueOf(row[1]),
					TextNormalizer.nfc(row[2])));
		}
		return rules;
	}

	/**
	 * The suffix rule for a suffix as written; unknown suffixes ending in TW are central.
	 */
	Suffix suffix(String written) {
		Suffix known = this.suffixes.get(TextNormalizer.foldSameLength(written));
		if (known != null) {
			return known;
		}
		if (written.toUpperCase(java.util.Locale.ROOT).endsWith("TW")) {
			return new Suffix(written.toUpperCase(java.util.Locale.ROOT), IssuingLevel.CENTRAL, "TW", null);
		}
		return new Suffix(written.toUpperCase(java.util.Locale.ROOT), IssuingLevel.PROVINCIAL, "PROVINCE", null);
	}

}
