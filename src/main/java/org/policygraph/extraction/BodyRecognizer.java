package org.policygraph.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policygraph.extraction.ExtractionRules.Committee;
import org.policygraph.extraction.ExtractionRules.CommitteeKind;
import org.policygraph.extraction.Hits.BodyHit;
import org.policygraph.extraction.Hits.ProvinceHit;
import org.policygraph.extraction.PhraseIndex.CaseRule;
import org.policygraph.extraction.PhraseIndex.Match;
import org.policygraph.reference.CentralBody;
import org.policygraph.reference.District;
import org.policygraph.reference.LocalBodyHead;
import org.policygraph.reference.PartyBodyCatalog;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.TextNormalizer;

/**
 * Finds party bodies in a sentence: central bodies by name or abbreviation from the
 * catalog, and local bodies as {@code [head] [(abbreviation)] committee [place]}
 * ({@code Ban Thường vụ (BTV)
 * Tỉnh ủy Đắk Lắk}, {@code BTC Tỉnh ủy}, {@code Thành ủy Vinh},
 * {@code Huyện ủy Krông Pắc}). The place is left open when not written; the article
 * resolver fills it in.
 */
final class BodyRecognizer {

	private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^()]{1,15}\\)\\s*");

	private static final Pattern PROVINCE_AFTER_PLACE = Pattern
		.compile("\\s*[,(-]?\\s*(?:(?:tỉnh|thành phố|TP\\.?)\\s*)?");

	/**
	 * A sentence opening with a district-level or grass-roots unit named with its kind:
	 * "Tại huyện Lắk, …", "Còn ở phường Tân Lợi, …". Group 1 is the kind.
	 */
	private static final Pattern PLACE_OPENER = Pattern.compile(
			"(?:(?:còn|riêng|cũng)\\s+)?(?:ở|tại)\\s+(huyện|quận|thị xã|thành phố|TP\\.?|xã|phường|thị trấn|đặc khu)\\s*",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private final PhraseIndex<CentralBody> central;

	private final PhraseIndex<LocalBodyHead> heads;

	private final PhraseIndex<Committee> committees;

	private final PhraseIndex<District> districts;

	BodyRecognizer(PartyBodyCatalog catalog, ProvinceGazetteer gazetteer, ExtractionRules rules,
			Vocabulary vocabulary) {
		this.central = new PhraseIndex<>(vocabulary, CaseRule.FIRST_AND_ABBREVIATIONS);
		this.heads = new PhraseIndex<>(vocabulary, CaseRule.FIRST_AND_ABBREVIATIONS);
		this.committees = new PhraseIndex<>(vocabulary, CaseRule.ANY);
		this.districts = new PhraseIndex<>(vocabulary, CaseRule.CAPITALIZED);
		for (CentralBody body : catalog.central()) {
			this.central.add(body.name(), body);
			for (String alias : body.aliases()) {
				this.central.add(alias, body);
			}
		}
		for (LocalBodyHead head : catalog.localHeads()) {
			if (head.isCommittee()) {
				continue;
			}
			this.heads.add(head.name(), head);
			for (String alias : head.aliases()) {
				this.heads.add(alias, head);
			}
		}
		for (Committee committee : rules.committees) {
			this.committees.add(committee.phrase(), committee);
		}
		for (District district : gazetteer.districts()) {
			this.districts.add(district.name(), district);
		}
	}

	List<BodyHit> recognize(SentenceText s, List<ProvinceHit> provinces, ProvinceGazetteer gazetteer) {
		List<BodyHit> hits = new ArrayList<>(4);
		int n = s.tokenCount();
		int t = 0;
		while (t < n) {
			BodyHit best = null;
			int bestEndToken = t + 1;
			Match<CentralBody> c = this.central.longestAt(s, t);
			if (c != null) {
				int start = s.tokenStart[t];
				int end = s.tokenEnd[c.endToken() - 1];
				best = new BodyHit(start, end, s.surface(start, end));
				best.level = BodyLevel.CENTRAL;
				best.centralKey = c.value().key();
				bestEndToken = c.endToken();
			}
			BodyHit local = localAt(s, t, provinces, gazetteer);
			if (local != null && (best == null || local.end > best.end)) {
				best = local;
				bestEndToken = s.tokenAtOrAfter(local.end);
			}
			if (best != null) {
				hits.add(best);
				t = Math.max(bestEndToken, t + 1);
			}
			else {
				t++;
			}
		}
		return hits;
	}

	private BodyHit localAt(SentenceText s, int t, List<ProvinceHit> provinces, ProvinceGazetteer gazetteer) {
		int committeeToken = t;
		LocalBodyHead head = null;
		Match<LocalBodyHead> h = this.heads.longestAt(s, t);
		if (h != null) {
			head = h.value();
			int after = s.tokenEnd[h.endToken() - 1];
			Matcher paren = ReusableMatchers.of(PARENTHETICAL, s.text).region(after, s.text.length());
			committeeToken = paren.lookingAt() ? s.tokenAtOrAfter(paren.end()) : h.endToken();
			if (committeeToken >= s.tokenCount() || (!paren.lookingAt() && s.tokenStart[committeeToken] - after > 1)) {
				return null;
			}
		}
		Match<Committee> cm = this.committees.longestAt(s, committeeToken);
		if (cm == null) {
			return null;
		}
		if (cm.endToken() < s.tokenCount() && s.tokenIs(cm.endToken(), "vien")
				&& adjacent(s, cm.endToken(), s.tokenEnd[cm.endToken() - 1])) {
			return null; // "Tỉnh ủy viên", "Huyện ủy viên": a member, not the committee
		}
		Committee committee = cm.value();
		int start = s.tokenStart[t];
		int end = s.tokenEnd[cm.endToken() - 1];
		boolean written = head != null || s.startsUpper(committeeToken);
		int nameToken = cm.endToken();
		BodyHit hit;
		ProvinceHit province = provinceAt(s, provinces, nameToken, end);
		switch (committee.kind()) {
			case PROVINCE, PROVINCIAL_UNIT -> {
				if (province != null) {
					end = province.end;
				}
				else if (!written || genericPlural(s, t)) {
					return null;
				}
				hit = new BodyHit(start, end, s.surface(start, end));
				hit.level = BodyLevel.PROVINCIAL;
				hit.province = province != null ? province.committeeUnit() : null;
				hit.needsArticleProvince = province == null;
			}
			case CITY -> {
				Match<District> d = nameToken < s.tokenCount() && adjacent(s, nameToken, end)
						? this.districts.longestAt(s, nameToken) : null;
				if (d != null) {
					end = s.tokenEnd[d.endToken() - 1];
					hit = new BodyHit(start, end, s.surface(start, end));
					hit.level = BodyLevel.DISTRICT;
					hit.placeName = d.value().name();
					hit.province = gazetteer.byKey(d.value().provinceKey()).orElse(null);
					hit.placedByDistrict = true;
				}
				else if (province != null) {
					end = province.end;
					hit = new BodyHit(start, end, s.surface(start, end));
					hit.province = province.unit;
					if (province.unit.isCity()) {
						hit.level = BodyLevel.PROVINCIAL;
					}
					else {
						hit.level = BodyLevel.DISTRICT;
						hit.placeName = province.unit.name();
						hit.placedByDistrict = true;
					}
				}
				else {
					int nameEnd = capitalizedRun(s, nameToken, end, provinces);
					if (nameEnd > nameToken) {
						end = s.tokenEnd[nameEnd - 1];
						hit = new BodyHit(start, end, s.surface(start, end));
						hit.level = BodyLevel.DISTRICT;
						hit.placeName = s.surface(s.tokenStart[nameToken], end);
						Matcher m = ReusableMatchers.of(PROVINCE_AFTER_PLACE, s.text).region(end, s.text.length());
						ProvinceHit explicit = m.lookingAt() ? provinceAfterPlace(provinces, end, m.end()) : null;
						if (explicit != null) {
							hit.province = explicit.unit;
						}
						else {
							hit.needsArticleProvince = true;
						}
					}
					else {
						if (!written || genericPlural(s, t)) {
							return null;
						}
						hit = new BodyHit(start, end, s.surface(start, end));
						hit.committee = committee;
						hit.headName = head != null ? head.name() : "";
						if (placeByOpener(s, hit, provinces, gazetteer)) {
							return hit;
						}
						hit.level = BodyLevel.PROVINCIAL;
						hit.needsArticleProvince = true;
						hit.barePlace = true;
					}
				}
			}
			default -> {
				Match<District> d = nameToken < s.tokenCount() && adjacent(s, nameToken, end)
						? this.districts.longestAt(s, nameToken) : null;
				int nameEnd = d != null ? d.endToken() : capitalizedRun(s, nameToken, end, provinces);
				if (nameEnd <= nameToken) {
					if (!written || genericPlural(s, t)) {
						return null;
					}
					hit = new BodyHit(start, end, s.surface(start, end));
					hit.committee = committee;
					hit.headName = head != null ? head.name() : "";
					if (placeByOpener(s, hit, provinces, gazetteer)) {
						return hit;
					}
					if (committee.kind() == CommitteeKind.GRASSROOTS) {
						// "Đảng ủy xã ban hành …": the one commune committee of that kind
						// the
						// article names, placed when the article is resolved
						hit.level = BodyLevel.GRASSROOTS;
						hit.needsArticleProvince = true;
						hit.barePlace = true;
						return hit;
					}
					hit.level = BodyLevel.DISTRICT;
					hit.needsArticleProvince = true;
					hit.barePlace = true;
					hit.committee = committee;
					hit.headName = head != null ? head.name() : "";
					return hit;
				}
				end = s.tokenEnd[nameEnd - 1];
				hit = new BodyHit(start, end, s.surface(start, end));
				hit.level = committee.kind() == CommitteeKind.GRASSROOTS ? BodyLevel.GRASSROOTS : BodyLevel.DISTRICT;
				hit.placeName = d != null ? d.value().name() : s.surface(s.tokenStart[nameToken], end);
				Matcher m = ReusableMatchers.of(PROVINCE_AFTER_PLACE, s.text).region(end, s.text.length());
				ProvinceHit explicit = m.lookingAt() ? provinceAfterPlace(provinces, end, m.end()) : null;
				if (explicit != null) {
					hit.province = explicit.unit;
				}
				else if (d != null) {
					hit.province = gazetteer.byKey(d.value().provinceKey()).orElse(null);
					hit.placedByDistrict = true;
				}
				else {
					hit.needsArticleProvince = true;
				}
			}
		}
		hit.committee = committee;
		hit.headName = head != null ? head.name() : "";
		return hit;
	}

	/**
	 * Places a committee written without its place by the unit the sentence (or its
	 * clause after a semicolon) opens with, when the unit is of the committee's kind
	 * ("Tại huyện Lắk, Huyện ủy …", "Ở phường Tân Lợi, Đảng ủy phường …", "…; ở huyện Phú
	 * Lương, Huyện ủy …"): the committee gets the unit's name; its province is the
	 * district's when the district is known, else left to the article resolver.
	 */
	private boolean placeByOpener(SentenceText s, BodyHit hit, List<ProvinceHit> provinces,
			ProvinceGazetteer gazetteer) {
		// the sentence's opener, or the opener of the clause after a semicolon: "…; ở
		// huyện
		// Phú Lương, Huyện ủy ban hành …"
		int from = s.text.lastIndexOf(';', hit.start - 1) + 1;
		while (from < hit.start && s.text.charAt(from) == ' ') {
			from++;
		}
		Matcher m = ReusableMatchers.of(PLACE_OPENER, s.text).region(from, hit.start);
		if (!m.lookingAt() || !openerKindFits(m.group(1), hit.committee.canonical())) {
			return false;
		}
		int nameToken = s.tokenAtOrAfter(m.end());
		if (nameToken >= s.tokenCount() || s.tokenStart[nameToken] != m.end()) {
			return false;
		}
		int nameEnd = capitalizedRun(s, nameToken, m.end(), provinces);
		if (nameEnd <= nameToken) {
			return false;
		}
		int end = s.tokenEnd[nameEnd - 1];
		if (end >= hit.start || s.text.charAt(end) != ',') {
			return false;
		}
		for (ProvinceHit p : provinces) {
			if (p.start < end && p.end > m.start(1)) {
				return false; // "Tại thành phố Hồ Chí Minh, Thành ủy …": the province's
								// own
			}
		}
		hit.level = hit.committee.kind() == CommitteeKind.GRASSROOTS ? BodyLevel.GRASSROOTS : BodyLevel.DISTRICT;
		// a numbered unit keeps its kind in its name: "Tại Quận 3, Quận ủy …" → Quận 3
		boolean numbered = Character.isDigit(s.text.charAt(s.tokenStart[nameToken]));
		hit.placeName = s.surface(numbered ? m.start(1) : s.tokenStart[nameToken], end);
		Match<District> d = this.districts.longestAt(s, nameToken);
		if (d != null && d.endToken() == nameEnd && hit.level == BodyLevel.DISTRICT) {
			hit.placeName = d.value().name();
			hit.province = gazetteer.byKey(d.value().provinceKey()).orElse(null);
			hit.placedByDistrict = true;
		}
		else {
			hit.needsArticleProvince = true;
		}
		return true;
	}

	/**
	 * Whether a unit's kind word fits a committee: "huyện" a Huyện ủy, "xã" a Đảng ủy xã.
	 */
	private static boolean openerKindFits(String kind, String canonical) {
		String k = TextNormalizer.fold(kind).replace(".", "");
		return switch (TextNormalizer.fold(canonical)) {
			case "huyen uy" -> k.equals("huyen");
			case "quan uy" -> k.equals("quan");
			case "thi uy" -> k.equals("thi xa");
			case "thanh uy" -> k.equals("thanh pho") || k.equals("tp");
			case "dang uy xa" -> k.equals("xa");
			case "dang uy phuong" -> k.equals("phuong");
			case "dang uy thi tran" -> k.equals("thi tran");
			case "dang uy dac khu" -> k.equals("dac khu");
			default -> false;
		};
	}

	private static boolean adjacent(SentenceText s, int token, int end) {
		return s.tokenStart[token] - end <= 1;
	}

	private static ProvinceHit provinceAt(SentenceText s, List<ProvinceHit> provinces, int token, int end) {
		if (token >= s.tokenCount() || !adjacent(s, token, end)) {
			return null;
		}
		int offset = s.tokenStart[token];
		for (ProvinceHit p : provinces) {
			// a spelling like "thành phố Huế" may start inside the committee phrase
			if (p.start <= offset && p.end > offset) {
				return p;
			}
		}
		return null;
	}

	private static ProvinceHit provinceStartingAt(List<ProvinceHit> provinces, int offset) {
		for (ProvinceHit p : provinces) {
			if (p.start == offset) {
				return p;
			}
		}
		return null;
	}

	/**
	 * The province written after a place, its prefix ("TP", "tỉnh") read or not: "Quận ủy
	 * Quận 3 (TP Hồ Chí Minh)".
	 */
	private static ProvinceHit provinceAfterPlace(List<ProvinceHit> provinces, int placeEnd, int offset) {
		ProvinceHit exact = provinceStartingAt(provinces, offset);
		if (exact != null) {
			return exact;
		}
		for (ProvinceHit p : provinces) {
			if (p.start >= placeEnd && p.start < offset && p.end > offset) {
				return p;
			}
		}
		return null;
	}

	/**
	 * The end token of a run of up to four capitalized words starting at {@code token}; a
	 * province name after the first word ends it ("Huyện ủy Krông Pắc Đắk Lắk": the place
	 * is Krông Pắc, Đắk Lắk its province).
	 */
	private static int capitalizedRun(SentenceText s, int token, int end, List<ProvinceHit> provinces) {
		int t = token;
		int previousEnd = end;
		while (t < s.tokenCount() && t - token < 4) {
			if (t > token && provinceStartingAt(provinces, s.tokenStart[t]) != null) {
				break;
			}
			int gap = s.tokenStart[t] - previousEnd;
			if (gap > 1 || (gap == 1 && " -'".indexOf(s.text.charAt(previousEnd)) < 0)) {
				break;
			}
			if (Character.isDigit(s.text.charAt(s.tokenStart[t]))) {
				// a numbered ward or urban district: "Đảng ủy phường 1", "Quận ủy Quận 3"
				if (s.tokenEnd[t] - s.tokenStart[t] <= 2
						&& (t == token || s.tokenIs(t - 1, "quan") || s.tokenIs(t - 1, "phuong"))) {
					previousEnd = s.tokenEnd[t];
					t++;
				}
				break;
			}
			// a syllable after an apostrophe may be written in lower case ("Cư M'gar",
			// "Ea
			// H'leo"); "Đảng" ends the name, "Đăng" does not ("Huyện ủy Bù Đăng")
			boolean afterApostrophe = t > token && gap == 1 && s.text.charAt(previousEnd) == '\''
					&& s.tokenEnd[t - 1] - s.tokenStart[t - 1] == 1;
			if ((!s.startsUpper(t) && !afterApostrophe) || isDang(s, t)) {
				break;
			}
			previousEnd = s.tokenEnd[t];
			t++;
		}
		return t;
	}

	/** The word "Đảng" itself (not "Đăng", which folds alike). */
	private static boolean isDang(SentenceText s, int t) {
		return s.tokenIs(t, "dang") && s.text.regionMatches(true, s.tokenStart[t], "đảng", 0, 4);
	}

	private static boolean genericPlural(SentenceText s, int token) {
		if (token == 0) {
			return false;
		}
		int previous = token - 1;
		return s.tokenIs(previous, "cac") || s.tokenIs(previous, "nhung") || s.tokenIs(previous, "moi");
	}

}
