package org.policygraph.extraction;

import java.time.LocalDate;

/**
 * A party document cited in an article.
 *
 * <p>
 * <b>Identity.</b> A code is not an identity: numbers restart with each term and each
 * issuer. {@link #key()} is {@code code|scope|when}:
 * <ul>
 * <li>{@code code}: the canonical code ({@code 22-NQ/TW}); {@code NQ-DH-XII} for a
 * congress resolution and {@code NQ-TW4} for a plenum resolution, which have no
 * code;</li>
 * <li>{@code scope}: {@code TW} for central suffixes, otherwise the province key (from
 * the issuer named in the citation, else the province of the article), with
 * {@code :<district slug>} for district suffixes when the district is known;</li>
 * <li>{@code when}: the ISO date if known, else the year, else {@code k<term>}, else
 * {@code ?}.</li>
 * </ul>
 * An undated citation of a code cited with a date elsewhere in the article takes that
 * date. A short name ({@code Nghị quyết 22}, {@code Kết luận này}) resolves to the full
 * citation in the same article. A short name without any full citation in the article is
 * kept with {@code unresolved = true}, {@code code = null}, scope {@code ?} and a key of
 * the form {@code NQ-22|?|?} (type code, number): the graph writer may link it to a known
 * document only when that is unambiguous.
 *
 * @param key the identity key described above
 * @param code the canonical code, {@code null} for congress/plenum resolutions and
 * unresolved names
 * @param type the document type
 * @param number the number as written ({@code "08"}), {@code null} for congress/plenum
 * resolutions
 * @param issuerSuffix the part after the slash ({@code TW}, {@code BTCTU}), or
 * {@code null}
 * @param level the issuing level from the suffix
 * @param scopeKey {@code TW}, a province key (with {@code :district}), or {@code ?}
 * @param issuedOn the date of issue, or {@code null}
 * @param year the year of issue, or {@code null}
 * @param term the term (khóa) in Roman numerals, or {@code null}
 * @param issuerBodyKey the key of the issuing body when stated or implied by the suffix,
 * or {@code null}
 * @param subject the title given after {@code về} in quotes, or {@code null}
 * @param surface the citation as found
 * @param sentence the sentence of the citation
 * @param unresolved whether this is a short name that no full citation in the article
 * explains
 */
public record DocumentMention(String key, String code, DocumentType type, String number, String issuerSuffix,
		IssuingLevel level, String scopeKey, LocalDate issuedOn, Integer year, String term, String issuerBodyKey,
		String subject, String surface, String sentence, boolean unresolved) {

	/**
	 * A resolved document (the canonical constructor of the published API,
	 * {@code unresolved = false}).
	 */
	public DocumentMention(String key, String code, DocumentType type, String number, String issuerSuffix,
			IssuingLevel level, String scopeKey, LocalDate issuedOn, Integer year, String term, String issuerBodyKey,
			String subject, String surface, String sentence) {
		this(key, code, type, number, issuerSuffix, level, scopeKey, issuedOn, year, term, issuerBodyKey, subject,
				surface, sentence, false);
	}

}
