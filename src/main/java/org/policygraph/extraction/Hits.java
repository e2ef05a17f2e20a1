package org.policygraph.extraction;

import java.time.LocalDate;

import org.policygraph.reference.ProvinceUnit;

/**
 * The raw findings of the recognizers inside one sentence, before article-level
 * resolution.
 */
final class Hits {

	private Hits() {
	}

	/** A province name found in a sentence. */
	static final class ProvinceHit {

		final int start;

		final int end;

		final ProvinceUnit unit;

		final String surface;

		/**
		 * The former unit (merged away on 1-7-2025) that the name also denotes in an
		 * article published after the merger, while {@link #unit} is the unit it became
		 * part of; {@code null} otherwise. Only a committee named with the former name
		 * ("Tỉnh ủy Quảng Bình (cũ)") is the former unit's.
		 */
		final ProvinceUnit former;

		ProvinceHit(int start, int end, ProvinceUnit unit, String surface) {
			this(start, end, unit, surface, null);
		}

		ProvinceHit(int start, int end, ProvinceUnit unit, String surface, ProvinceUnit former) {
			this.start = start;
			this.end = end;
			this.unit = unit;
			this.surface = surface;
			this.former = former;
		}

		/** The unit of a committee named with this province name. */
		ProvinceUnit committeeUnit() {
			return (this.former != null) ? this.former : this.unit;
		}

	}

	/** A party body found in a sentence. */
	static final class BodyHit {

		final int start;

		final int end;

		final String surface;

		BodyLevel level;

		/** Central key for central bodies. */
		String centralKey;

		/**
		 * For local bodies: the canonical head ("Ban Thường vụ"), empty for the committee
		 * itself.
		 */
		String headName = "";

		/** For local bodies: the committee phrase rule. */
		ExtractionRules.Committee committee;

		/**
		 * For district and grass-roots bodies (and provincial cities): the place name.
		 */
		String placeName;

		/**
		 * The province written with the body (Tỉnh ủy Bắc Giang), or from the district
		 * table.
		 */
		ProvinceUnit province;

		/** Whether the province is still to come from the article. */
		boolean needsArticleProvince;

		/**
		 * A committee written without its place (Huyện ủy, Thành ủy): the district body
		 * named elsewhere in the article.
		 */
		boolean barePlace;

		/**
		 * A bare "Hội nghị" read as the Central Committee's plenum: it issues only
		 * central resolutions.
		 */
		boolean bareConference;

		/**
		 * Whether the body comes from a district table entry (its province is certain).
		 */

		boolean placedByDistrict;

		/** Resolved key, province key and parent key. */
		String key;

		String provinceKey;

		String parentKey;

		String displayName;

		org.policygraph.reference.ProvinceUnit provinceUnit;

		/**
		 * The date the body name is read at (the date of the document it issued), or
		 * {@code null}.
		 */
		LocalDate asOf;

		BodyHit(int start, int end, String surface) {
			this.start = start;
			this.end = end;
			this.surface = surface;
		}

		boolean central() {
			return this.level == BodyLevel.CENTRAL;
		}

	}

	/** The kinds of document citation. */
	enum DocKind {

		/** A full code: 22-NQ/TW. */
		CODE,

		/** A short name: Nghị quyết (số) 22. */
		SHORT,

		/** An anaphor: Kết luận này. */
		ANAPHOR,

		/** A plenum resolution: Nghị quyết Trung ương 4 khóa XII. */
		PLENUM,

		/** A congress resolution: Nghị quyết Đại hội XII của Đảng. */
		CONGRESS

	}

	/** A document citation found in a sentence. */
	static final class DocHit {

		final DocKind kind;

		/** Start of the citation (type word or code). */
		int start;

		/**
		 * Whether the date was written "cùng ngày …" after a list: every code of the list
		 * has it, and its issuer.
		 */
		boolean sameDateForList;

		/** End of the code/phrase itself. */
		int coreEnd;

		/** End of the citation tail (date, issuer, term, quoted subject). */
		int citationEnd;

		/**
		 * End of the text that belongs to this document (unquoted subject, attached cue
		 * clause).
		 */
		int attachEnd;

		DocumentType type;

		String typeCode;

		String number;

		String suffix;

		ExtractionRules.Suffix suffixRule;

		LocalDate date;

		Integer year;

		String term;

		BodyHit issuer;

		/** Further issuers of a joint document (của Bộ Chính trị, Ban Bí thư). */
		final java.util.List<BodyHit> coIssuers = new java.util.ArrayList<>(1);

		/**
		 * For anaphors: "Đại hội" or "Trung ương" restricts the antecedent to congress or
		 * plenum resolutions.
		 */
		DocKind antecedentKind;

		/**
		 * For anaphors owned by a unit named by its level alone ("kế hoạch của tỉnh"):
		 * the issuing levels the antecedent's code may have; null when any.
		 */
		java.util.Set<IssuingLevel> antecedentLevels;

		String subject;

		/**
		 * Where the quoted subject starts and ends in the sentence (both 0 when none).
		 */
		int subjectStart;

		int subjectEnd;

		/**
		 * For congress resolutions: the province named in the phrase, and whether it is
		 * provincial.
		 */
		ProvinceUnit congressProvince;

		boolean provincialCongress;

		/**
		 * A congress resolution named by its number alone ("Nghị quyết Đại hội XVI"),
		 * neither "của Đảng"/"toàn quốc" nor a Đảng bộ.
		 */
		boolean bareCongress;

		String plenumNumber;

		/**
		 * A code the article identifies with a plenum resolution ("Nghị quyết Trung ương
		 * 4 khóa XII (Nghị quyết số 04-NQ/TW)").
		 */
		boolean plenumIssued;

		/**
		 * For a counted plural after a cue ("thực hiện cả ba nghị quyết"), which of the
		 * latest documents of that type this hit is: 0 the latest, 1 the one before …
		 */
		int rank;

		/** Resolved identity. */
		String key;

		String scopeKey;

		boolean unresolved;

		/** The full citation a short name or an undated code resolved to. */
		DocHit resolvedTo;

		String surface;

		SentenceText sentence;

		DocHit(DocKind kind, int start) {
			this.kind = kind;
			this.start = start;
		}

		/** A sortable position in the article: sentence index, then offset. */
		long position() {
			return ((long) this.sentence.index << 32) | this.start;
		}

		DocHit target() {
			DocHit d = this;
			while (d.resolvedTo != null && d.resolvedTo != d) {
				d = d.resolvedTo;
			}
			return d;
		}

		boolean inCitation(int offset) {
			return offset >= this.start && offset < this.citationEnd;
		}

		boolean inAttachment(int offset) {
			return offset >= this.citationEnd && offset < this.attachEnd;
		}

	}

}
