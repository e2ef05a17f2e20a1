package org.policygraph.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policygraph.extraction.ExtractionRules.CommitteeKind;
import org.policygraph.extraction.Hits.BodyHit;
import org.policygraph.extraction.Hits.DocHit;
import org.policygraph.extraction.Hits.DocKind;
import org.policygraph.extraction.Hits.ProvinceHit;
import org.policygraph.reference.PartyBodyCatalog;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.ProvinceUnit;
import org.policygraph.reference.TextNormalizer;

/**
 * Resolves the findings of one article against each other: the province of the article,
 * the province of bodies written without one, the identity key of every document, and
 * short names, undated re-citations and anaphors to the full citation they refer to.
 */
final class ArticleResolver {

	private final ProvinceGazetteer gazetteer;

	private final PartyBodyCatalog catalog;

	ArticleResolver(ProvinceGazetteer gazetteer, PartyBodyCatalog catalog) {
		this.gazetteer = gazetteer;
		this.catalog = catalog;
	}

	/**
	 * The province the article is about: first in the title, else the most frequent in
	 * the text.
	 */
	ProvinceUnit articleProvince(List<ArticleFindings.SentenceFindings> sentences) {
		ArticleFindings.SentenceFindings title = sentences.get(0);
		if (!title.provinces.isEmpty()) {
			return title.provinces.get(0).unit;
		}
		for (BodyHit b : title.bodies) {
			if (b.province != null && !b.placedByDistrict) {
				return b.province;
			}
		}
		Map<ProvinceUnit, Integer> counts = new LinkedHashMap<>();
		for (ArticleFindings.SentenceFindings s : sentences) {
			for (ProvinceHit p : s.provinces) {
				counts.merge(p.unit, 1, Integer::sum);
			}
			for (BodyHit b : s.bodies) {
				if (b.province != null && b.placedByDistrict) {
					counts.merge(b.province, 1, Integer::sum);
				}
			}
		}
		ProvinceUnit best = null;
		int bestCount = 0;
		for (Map.Entry<ProvinceUnit, Integer> e : counts.entrySet()) {
			if (e.getValue() > bestCount) {
				best = e.getKey();
				bestCount = e.getValue();
			}
		}
		return best;
	}

	/**
	 * Gives every local body its province, key, parent and display name; drops bodies
	 * that cannot be placed.
	 */
	void resolveBodies(List<ArticleFindings.SentenceFindings> sentences, ProvinceUnit article, LocalDate published) {
		Map<String, BodyHit> namedDistricts = new HashMap<>();
		Map<String, Integer> namedCounts = new HashMap<>();
		for (ArticleFindings.SentenceFindings s : sentences) {
			for (BodyHit b : s.bodies) {
				if ((b.level == BodyLevel.DISTRICT || b.level == BodyLevel.GRASSROOTS) && b.placeName != null) {
					String word = committeeWord(b);
					BodyHit previous = namedDistricts.putIfAbsent(word, b);
					if (previous == null || !previous.placeName.equals(b.placeName)) {
						namedCounts.merge(word, 1, Integer::sum);
					}
				}
			}
		}
		for (ArticleFindings.SentenceFindings s : sentences) {
			for (BodyHit b : s.bodies) {
				if (!b.barePlace) {
					continue;
				}
				String word = committeeWord(b);
				BodyHit named = namedCounts.getOrDefault(word, 0) == 1 ? namedDistricts.get(word) : null;
				if (named != null && ((named.level == BodyLevel.GRASSROOTS) != (b.level == BodyLevel.GRASSROOTS)
						|| (b.level == BodyLevel.GRASSROOTS && named.province != null && article != null
								&& !named.province.equals(article)))) {
					// a commune committee is the named one only in the article's province
					named = null;
				}
				if (b.level == BodyLevel.GRASSROOTS && named == null) {
					b.needsArticleProvince = false;
					b.province = null;
				}
				else if (named != null) {
					b.level = named.level;
					b.placeName = named.placeName;
					b.province = named.province;
					b.placedByDistrict = named.placedByDistrict;
					b.needsArticleProvince = named.needsArticleProvince;
				}
				else if (b.level == BodyLevel.DISTRICT) {
					b.needsArticleProvince = false;
				}
			}
			if (published != null && !published.isBefore(ProvinceGazetteer.MERGER_DATE)) {
				for (BodyHit b : s.bodies) {
					if (b.placedByDistrict && b.province != null && b.province.mergedIntoKey() != null) {
						b.province = this.gazetteer.byKey(b.province.mergedIntoKey()).orElse(b.province);
					}
				}
			}
		}
		placeBareBlocCommittees(sentences);
		placeByLocalContext(sentences, article);
		for (ArticleFindings.SentenceFindings s : sentences) {
			for (DocHit d : s.docs) {
				if (d.issuer != null && d.date != null) {
					d.issuer.asOf = d.date;
				}
			}
			List<BodyHit> kept = new ArrayList<>(s.bodies.size());
			for (BodyHit b : s.bodies) {
				if (resolveBody(b, article, published)) {
					kept.add(b);
				}
			}
			s.bodies.clear();
			s.bodies.addAll(kept);
		}
	}

	/**
	 * Words that may open a sentence before its topic province: "Ở Sóc Trăng, …", "Còn
	 * tại tỉnh Bạc Liêu, …", "- Cà Mau: …".
	 */
	private static final Pattern TOPIC_LEAD = Pattern.compile(
			"(?:[-+•*]\\s*)?(?:(?:trong khi đó|bên cạnh đó|cùng với đó|ngoài ra|tương tự|mặt khác|trong khi ấy),\\s*)?"
					+ "(?:(?:còn|riêng|đối với|với|ở|tại)\\s+)*(?:(?:tỉnh|thành phố|TP\\.?)\\s*)?",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * A heading: a paragraph of one short sentence without a final period ("Đắk Lắk:
	 * chương trình hành động").
	 */
	private static final int HEADING_MAX_LENGTH = 120;

	/**
	 * Places the local bodies written without their province by the province the passage
	 * speaks of, when that is not the article's: in an article about several provinces "Ở
	 * Sóc Trăng, Ban Thường vụ Tỉnh ủy đã ban hành …" is the Sóc Trăng committee. The
	 * passage's province comes from a section heading ("Đắk Lắk: …", until the next
	 * heading), a topic opening the sentence ("Ở Bắc Ninh, …", "Cà Mau không ban hành …")
	 * or a provincial body named with its province as the subject opening a sentence
	 * ("Tỉnh ủy Đắk Lắk chọn …"); the last two hold to the end of the paragraph. Each
	 * sentence keeps it ({@link ArticleFindings.SentenceFindings#localContext}) for the
	 * scope of its local documents.
	 */
	private static void placeByLocalContext(List<ArticleFindings.SentenceFindings> sentences, ProvinceUnit article) {
		ProvinceUnit heading = null;
		ProvinceUnit paragraphContext = null;
		int paragraph = -1;
		for (ArticleFindings.SentenceFindings s : sentences) {
			if (s.sentence.title) {
				continue;
			}
			if (s.paragraph != paragraph) {
				paragraph = s.paragraph;
				paragraphContext = null;
				String text = s.sentence.text;
				if (s.paragraphSentences == 1 && text.length() <= HEADING_MAX_LENGTH && !text.endsWith(".")) {
					ProvinceHit topic = topicProvince(s);
					heading = topic != null && text.startsWith(":", topic.end) ? topic.unit : null;
				}
			}
			ProvinceUnit context = paragraphContext != null ? paragraphContext : heading;
			int from = 0;
			ProvinceHit topic = topicProvince(s);
			if (topic != null) {
				context = topic.unit;
				paragraphContext = topic.unit;
				from = topic.end;
			}
			else {
				BodyHit subject = subjectBody(s);
				if (subject != null) {
					context = subject.province;
					paragraphContext = subject.province;
					from = subject.end;
				}
			}
			s.localContext = context != null && context != article ? context : null;
			if (s.localContext == null) {
				continue;
			}
			for (BodyHit b : s.bodies) {
				if (!b.central() && b.province == null && b.needsArticleProvince && b.start >= from) {
					b.province = s.localContext;
					b.needsArticleProvince = false;
				}
			}
		}
	}

	/**
	 * The province a sentence opens with as its topic or subject: "Ở Sóc Trăng, …", "Bạc
	 * Liêu thì …", "Gia Lai: …".
	 */
	private static ProvinceHit topicProvince(ArticleFindings.SentenceFindings s) {
		if (s.provinces.isEmpty()) {
			return null;
		}
		ProvinceHit first = s.provinces.get(0);
		String text = s.sentence.text;
		if (first.start > 40 || !TOPIC_LEAD.matcher(text).region(0, first.start).matches()) {
			return null;
		}
		if (first.end >= text.length()) {
			return null;
		}
		char next = text.charAt(first.end);
		if (next == ',' || next == ':') {
			return first;
		}
		// the province as the subject: "Cà Mau không ban hành …" (a lower-case word after
		// it, nothing before it)
		return first.start == 0 && next == ' ' && first.end + 1 < text.length()
				&& Character.isLowerCase(text.charAt(first.end + 1)) ? first : null;
	}

	/**
	 * A provincial body named with its province that opens the sentence, or its clause
	 * after an opener: "Ở Tây Nguyên, Tỉnh ủy Đắk Lắk …".
	 */
	private static BodyHit subjectBody(ArticleFindings.SentenceFindings s) {
		if (s.bodies.isEmpty()) {
			return null;
		}
		BodyHit first = s.bodies.get(0);
		if (first.central() || first.level != BodyLevel.PROVINCIAL || first.province == null
				|| first.needsArticleProvince || first.placedByDistrict) {
			return null;
		}
		String before = s.sentence.text.substring(0, first.start).strip();
		return before.isEmpty()
				|| (before.endsWith(",") && before.indexOf(',') == before.length() - 1 && before.length() <= 40) ? first
						: null;
	}

	/**
	 * A bare "Đảng ủy Khối" is the one Đảng ủy Khối named in full in the article (a
	 * provincial one first, else the one central Đảng ủy Khối); dropped when there is
	 * none or several.
	 */
	private static void placeBareBlocCommittees(List<ArticleFindings.SentenceFindings> sentences) {
		BodyHit named = null;
		boolean several = false;
		boolean bare = false;
		String centralBloc = null;
		boolean severalCentral = false;
		for (ArticleFindings.SentenceFindings s : sentences) {
			for (BodyHit b : s.bodies) {
				if (b.central() && b.centralKey != null && b.centralKey.startsWith(CENTRAL_BLOC_PREFIX)) {
					severalCentral |= centralBloc != null && !centralBloc.equals(b.centralKey);
					centralBloc = b.centralKey;
				}
				if (b.committee == null || b.committee.kind() != CommitteeKind.PROVINCIAL_UNIT) {
					continue;
				}
				if (b.committee.canonical().equals(BARE_BLOC)) {
					bare = true;
				}
				else if (b.committee.canonical().startsWith(BARE_BLOC + " ")) {
					if (named != null && !named.committee.canonical().equals(b.committee.canonical())) {
						several = true;
					}
					named = named == null ? b : named;
				}
			}
		}
		if (!bare) {
			return;
		}
		for (ArticleFindings.SentenceFindings s : sentences) {
			for (BodyHit b : s.bodies) {
				if (b.committee != null && b.committee.canonical().equals(BARE_BLOC)) {
					if (named == null && centralBloc != null && !severalCentral) {
						// the one central Đảng ủy Khối named in full in the article
						b.level = BodyLevel.CENTRAL;
						b.centralKey = centralBloc;
						b.committee = null;
						b.headName = "";
						b.province = null;
						b.needsArticleProvince = false;
					}
					else if (named == null || several) {
						b.province = null;
						b.needsArticleProvince = false;
					}
					else {
						b.committee = named.committee;
						if (b.province == null && named.province != null) {
							b.province = named.province;
							b.needsArticleProvince = false;
						}
					}
				}
			}
		}
	}

	private static final String BARE_BLOC = "Đảng ủy Khối";

	private static final String CENTRAL_BLOC_PREFIX = "TW/dang-uy-khoi-";

	/**
	 * A name as its key spells it: an apostrophe inside a word joins its syllables ("Cư
	 * M'gar" → {@code cu-mgar}), it does not separate words.
	 */
	static String keyName(String name) {
		return name.indexOf('\'') < 0 ? name : name.replace("'", "");
	}

	private static String committeeWord(BodyHit b) {
		return b.committee.kind() == CommitteeKind.CITY ? "Thành ủy" : b.committee.canonical();
	}

	private boolean resolveBody(BodyHit b, ProvinceUnit article, LocalDate published) {
		if (b.central()) {
			b.key = b.centralKey;
			b.displayName = this.catalog.byKey(b.centralKey).orElseThrow().name();
			b.parentKey = this.catalog.parentKey(b.centralKey).orElse(null);
			return true;
		}
		ProvinceUnit unit = b.province != null ? b.province : (b.needsArticleProvince ? article : null);
		if (unit == null) {
			return false;
		}
		if (b.asOf != null) {
			unit = this.gazetteer.atDate(unit, b.asOf);
		}
		CommitteeKind kind = b.committee.kind();
		if (kind == CommitteeKind.CITY && b.level == BodyLevel.PROVINCIAL && !unit.isCity()) {
			return false;
		}
		String provincialCommittee = unit.isCity() ? "Thành ủy" : "Tỉnh ủy";
		String committeeName;
		String parent = null;
		switch (b.level) {
			case PROVINCIAL -> {
				if (kind == CommitteeKind.PROVINCIAL_UNIT) {
					committeeName = unit.isCity() ? b.committee.canonical().replace(" tỉnh", " thành phố")
							: b.committee.canonical();
					parent = PartyBodyCatalog.localKey(unit.key(), provincialCommittee);
				}
				else {
					// the committee as written: Thừa Thiên Huế had a Tỉnh ủy before it
					// became a city
					committeeName = b.committee.canonical();
				}
			}
			case DISTRICT -> {
				String word = kind == CommitteeKind.CITY ? "Thành ủy" : b.committee.canonical();
				committeeName = word + " " + b.placeName;
				parent = PartyBodyCatalog.localKey(unit.key(), provincialCommittee);
			}
			default -> committeeName = b.committee.canonical() + " " + b.placeName;
		}
		String canonical = b.headName.isEmpty() ? committeeName : b.headName + " " + committeeName;
		if (!b.headName.isEmpty()) {
			parent = PartyBodyCatalog.localKey(unit.key(), keyName(committeeName));
		}
		b.key = PartyBodyCatalog.localKey(unit.key(), keyName(canonical));
		b.provinceKey = unit.key();
		b.parentKey = parent;
		b.provinceUnit = unit;
		String unitName = this.gazetteer.nameAt(unit, asOf(b, published));
		b.displayName = b.level == BodyLevel.PROVINCIAL ? canonical + " " + unitName
				: canonical + " (" + unitName + ")";
		return true;
	}

	/**
	 * Computes identity keys and resolves re-citations, short names and anaphors, in text
	 * order.
	 */
	void resolveDocuments(List<ArticleFindings.SentenceFindings> sentences, ProvinceUnit article) {
		List<DocHit> all = new ArrayList<>();
		LocalDate lastLead = null;
		java.util.Set<DocHit> negated = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (ArticleFindings.SentenceFindings s : sentences) {
			dateIssuedFromLead(s, lastDate(all));
			yearAfterIssuedCode(s);
			if (lastLead != null) {
				dateIssuedSameDay(s, lastLead);
			}
			LocalDate lead = openingDate(s);
			if (lead != null) {
				lastLead = lead;
			}
			for (ArticleFindings.Cue c : s.cues) {
				if (c.kind() == ExtractionRules.CueKind.NEGATIVE) {
					for (DocHit d : s.docs) {
						if (d.start >= c.end() && d.start <= c.end() + 1) {
							negated.add(d);
						}
					}
				}
			}
			List<DocHit> kept = new ArrayList<>(s.docs.size());
			for (DocHit d : s.docs) {
				if (keyFullCitation(d, s, article)) {
					kept.add(d);
				}
			}
			s.docs.clear();
			s.docs.addAll(kept);
			all.addAll(kept);
		}
		giveTermToPlenumWithout(all);
		mergePlenumWithItsCode(sentences, all);
		bareCongressesOfTheProvince(all, article);
		// Undated re-citations of a dated code take the dated identity.
		Map<String, List<DocHit>> byCodeAndScope = new HashMap<>();
		for (DocHit d : all) {
			if (d.kind == DocKind.CODE) {
				byCodeAndScope.computeIfAbsent(codeOf(d) + "|" + d.scopeKey, k -> new ArrayList<>()).add(d);
			}
		}
		for (List<DocHit> group : byCodeAndScope.values()) {
			for (DocHit d : group) {
				if (d.date != null) {
					continue;
				}
				DocHit best = null;
				for (DocHit other : group) {
					if (other != d && other.date != null && compatible(d, other)) {
						if (best == null || (other.position() < d.position()
								&& (best.position() > d.position() || other.position() > best.position()))) {
							best = other;
						}
					}
				}
				if (best != null) {
					d.resolvedTo = best;
				}
			}
		}
		// Short names and anaphors.
		for (int i = 0; i < all.size(); i++) {
			DocHit d = all.get(i);
			if (d.kind == DocKind.SHORT) {
				DocHit target = null;
				for (int j = i - 1; j >= 0 && target == null; j--) {
					if (matchesShort(d, all.get(j))) {
						target = all.get(j).target();
					}
				}
				for (int j = i + 1; j < all.size() && target == null; j++) {
					if (matchesShort(d, all.get(j))) {
						target = all.get(j).target();
					}
				}
				if (target != null) {
					d.resolvedTo = target;
				}
				else {
					d.unresolved = true;
					d.scopeKey = "?";
					d.key = d.typeCode + "-" + d.number + "|?|?";
				}
			}
			else if (d.kind == DocKind.ANAPHOR) {
				// the latest document of that type, preferring one that is not replaced
				// or amended
				for (int pass = 0; pass < 2 && d.resolvedTo == null; pass++) {
					// a counted plural's rank-th latest distinct document of that type
					List<DocHit> seen = new ArrayList<>(d.rank + 1);
					for (int j = i - 1; j >= 0; j--) {
						DocHit c = all.get(j);
						if (c.kind != DocKind.ANAPHOR && !c.unresolved && c.type == d.type
								&& (d.antecedentKind == null || c.target().kind == d.antecedentKind)
								&& (d.antecedentLevels == null || (c.target().suffixRule != null
										&& d.antecedentLevels.contains(c.target().suffixRule.level())
										&& !(j == i - 1 && carries(c, d))))
								&& (pass == 1 || !negated.contains(c)) && !seen.contains(c.target())) {
							seen.add(c.target());
							if (seen.size() > d.rank) {
								d.resolvedTo = c.target();
								break;
							}
						}
					}
				}
			}
		}
		for (DocHit d : all) {
			if (d.key == null && d.resolvedTo == null) {
				d.unresolved = true;
			}
		}
	}

	/**
	 * Whether {@code d} is written in {@code c}'s attached clause ("Quận ủy có Kế hoạch
	 * số 102-KH/QU … triển khai kế hoạch của Thành ủy"): the document carried out is not
	 * the one carrying it out, though a city's committee may issue either level's codes.
	 */
	private static boolean carries(DocHit c, DocHit d) {
		if (c.sentence != d.sentence || c.citationEnd > d.start) {
			return false;
		}
		String between = c.sentence.text.substring(c.citationEnd, d.start);
		return between.indexOf(',') < 0 && between.indexOf(';') < 0;
	}

	/**
	 * "Nghị quyết Trung ương 4" in a title, "Nghị quyết Trung ương 4 khóa XII" in the
	 * text: one document.
	 */
	private static void giveTermToPlenumWithout(List<DocHit> all) {
		for (DocHit d : all) {
			if (d.kind != DocKind.PLENUM || d.term != null) {
				continue;
			}
			String term = null;
			boolean several = false;
			for (DocHit o : all) {
				if (o.kind == DocKind.PLENUM && o.term != null && o.typeCode.equals(d.typeCode)
						&& o.plenumNumber.equals(d.plenumNumber)) {
					several |= term != null && !term.equals(o.term);
					term = o.term;
				}
			}
			if (term != null && !several) {
				d.resolvedTo = null;
				for (DocHit o : all) {
					if (o.kind == DocKind.PLENUM && term.equals(o.term) && o.plenumNumber.equals(d.plenumNumber)
							&& o.typeCode.equals(d.typeCode)) {
						d.resolvedTo = o;
						break;
					}
				}
			}
		}
	}

	private static final Pattern PLENUM_GLOSS = Pattern.compile("\\s*[(,]\\s*(?:tuc\\s+(?:la\\s+)?)?");

	/**
	 * The plenum resolution's unquoted subject, then its code in brackets: "… khóa X về
	 * nông nghiệp, nông dân (Nghị quyết số 26-NQ/TW …)".
	 */
	private static final Pattern PLENUM_SUBJECT_GLOSS = Pattern
		.compile("\\s*,?\\s*ve\\s+[^();\"]{1,250}?\\s*\\(\\s*(?:tuc\\s+(?:la\\s+)?)?");

	/**
	 * "Nghị quyết Trung ương 4 khóa XII (Nghị quyết số 04-NQ/TW …)" or the reverse: the
	 * article says the plenum resolution is that code, so every mention of the plenum
	 * resolution in the article is that document.
	 */
	private static void mergePlenumWithItsCode(List<ArticleFindings.SentenceFindings> sentences, List<DocHit> all) {
		Map<String, DocHit> merged = null;
		for (ArticleFindings.SentenceFindings s : sentences) {
			for (int i = 0; i + 1 < s.docs.size(); i++) {
				DocHit a = s.docs.get(i);
				DocHit b = s.docs.get(i + 1);
				DocHit plenum = a.kind == DocKind.PLENUM ? a : b.kind == DocKind.PLENUM ? b : null;
				DocHit code = a.kind == DocKind.CODE ? a : b.kind == DocKind.CODE ? b : null;
				if (plenum == null || code == null || a.citationEnd > b.start || !code.suffixRule.central()
						|| !code.typeCode.equals(plenum.typeCode)
						|| s.sentence.text.charAt(Math.max(a.citationEnd, b.start - 1)) == '"') {
					continue;
				}
				String gap = s.sentence.folded.substring(a.citationEnd, b.start);
				boolean opened = gap.indexOf('(') >= 0
						|| (a.citationEnd > 0 && s.sentence.text.charAt(a.citationEnd - 1) == '(');
				boolean glossed = opened && ReusableMatchers.of(PLENUM_GLOSS, gap).matches();
				if (!glossed && a == plenum) {
					glossed = ReusableMatchers.of(PLENUM_SUBJECT_GLOSS, gap).matches();
				}
				if (!glossed || !withinTerm(code, plenum.term)) {
					continue;
				}
				if (merged == null) {
					merged = new HashMap<>();
				}
				merged.putIfAbsent(plenum.key, code);
			}
		}
		merged = plenumByItsIssuedCode(sentences, all, merged);
		if (merged == null) {
			return;
		}
		for (DocHit d : all) {
			DocHit code = d.kind == DocKind.PLENUM ? merged.get(d.key) : null;
			if (code != null) {
				d.resolvedTo = code;
				code.plenumIssued = true;
			}
		}
	}

	/** A plenum named as the subject of an issuing verb right before a citation. */
	private static final Pattern PLENUM_ISSUING_BEFORE = Pattern.compile(DocumentRecognizer.PLENUM_ISSUER.pattern()
			+ "(?:\\s+khoa\\s+[ivxlc]{1,6})?\\s+(?:da\\s+|vua\\s+)?(?:ban hanh|thong qua)\\s+");

	private static final String CENTRAL_COMMITTEE = "TW/ban-chap-hanh-trung-uong";

	/**
	 * A plenum resolution the article names without glossing it ("Nghị quyết Trung ương 7
	 * khóa X") is the one central code of its type the article cites as issued by that
	 * plenum ("Nghị quyết số 26-NQ/TW ngày 5-8-2008 của Hội nghị Trung ương 7 khóa X",
	 * "Hội nghị Trung ương 4 khóa XII ban hành Nghị quyết số 04-NQ/TW"); when the article
	 * names no plenum for any code, the one code of the type issued by the Central
	 * Committee within the plenum's term, provided the article's plenum resolutions of
	 * that term are of one plenum (for a plenum named without its term: the one code of
	 * the type issued by the Central Committee, provided all the article's plenum
	 * resolutions are of one plenum). Two candidates, or none: the two stay apart.
	 */
	private static Map<String, DocHit> plenumByItsIssuedCode(List<ArticleFindings.SentenceFindings> sentences,
			List<DocHit> all, Map<String, DocHit> merged) {
		List<DocHit> plenums = null;
		for (DocHit d : all) {
			if (d.kind == DocKind.PLENUM && d.key != null && (merged == null || !merged.containsKey(d.key))) {
				if (plenums == null) {
					plenums = new ArrayList<>(2);
				}
				plenums.add(d);
			}
		}
		if (plenums == null) {
			return merged;
		}
		Map<DocHit, String> plenumOfCode = new LinkedHashMap<>();
		boolean anyStated = false;
		for (ArticleFindings.SentenceFindings s : sentences) {
			for (DocHit d : s.docs) {
				if (d.kind != DocKind.CODE || d.suffixRule == null || !d.suffixRule.central()) {
					continue;
				}
				String number = issuingPlenum(s.sentence, d);
				anyStated |= number != null;
				boolean central = d.issuer != null && CENTRAL_COMMITTEE.equals(d.issuer.centralKey);
				if (number != null || central) {
					plenumOfCode.put(d, number);
				}
			}
		}
		for (DocHit p : plenums) {
			DocHit found = null;
			boolean ambiguous = false;
			for (Map.Entry<DocHit, String> e : plenumOfCode.entrySet()) {
				DocHit code = e.getKey();
				boolean fits = code.typeCode.equals(p.typeCode) && withinTerm(code, p.term)
						&& (anyStated ? p.plenumNumber.equals(e.getValue())
								: p.term != null ? onePlenumOfTerm(plenums, p) : onePlenum(plenums, p));
				if (!fits) {
					continue;
				}
				if (found != null && !sameCode(found, code)) {
					ambiguous = true;
				}
				found = (found == null) ? code : found;
			}
			if (found != null && !ambiguous) {
				if (merged == null) {
					merged = new HashMap<>();
				}
				merged.putIfAbsent(p.key, found);
			}
		}
		return merged;
	}

	/**
	 * Whether the article's plenum resolutions are all of one plenum, for one named
	 * without its term ("Nghị quyết Trung ương 4" beside the one code of the Central
	 * Committee the article cites).
	 */
	private static boolean onePlenum(List<DocHit> plenums, DocHit p) {
		for (DocHit other : plenums) {
			if (!p.plenumNumber.equals(other.plenumNumber)) {
				return false;
			}
		}
		return true;
	}

	private static boolean onePlenumOfTerm(List<DocHit> plenums, DocHit p) {
		for (DocHit other : plenums) {
			if (p.term.equals(other.term) && !p.plenumNumber.equals(other.plenumNumber)) {
				return false;
			}
		}
		return true;
	}

	private static boolean sameCode(DocHit a, DocHit b) {
		return a.number.equals(b.number) && Objects.equals(a.suffix, b.suffix) && Objects.equals(a.date, b.date);
	}

	/**
	 * The number of the plenum that issued a code, when the sentence says it: in the
	 * citation's tail ("… của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XI")
	 * or as the subject of the issuing verb right before it.
	 */
	private static String issuingPlenum(SentenceText s, DocHit d) {
		Matcher tail = ReusableMatchers.of(DocumentRecognizer.PLENUM_ISSUER, s.folded)
			.region(d.coreEnd, Math.max(d.coreEnd, d.citationEnd));
		if (tail.find()) {
			return plenumNumber(tail);
		}
		if (DocumentRecognizer.centralResolution(d)) {
			Matcher ofTerm = ReusableMatchers.of(DocumentRecognizer.PLENUM_OF_TERM, s.folded)
				.region(d.coreEnd, Math.max(d.coreEnd, d.citationEnd));
			if (ofTerm.find()) {
				return plenumNumber(ofTerm);
			}
		}
		Matcher before = ReusableMatchers.of(PLENUM_ISSUING_BEFORE, s.folded)
			.region(Math.max(0, d.start - 90), d.start);
		while (before.find()) {
			if (before.end() == d.start) {
				return plenumNumber(before);
			}
		}
		return null;
	}

	private static String plenumNumber(Matcher m) {
		Integer n = DocumentRecognizer.ordinal(m.group(1) != null ? m.group(1) : m.group(2));
		return n == null ? null : String.valueOf(n);
	}

	private static boolean withinTerm(DocHit code, String term) {
		if (term == null || code.date == null && code.year == null) {
			return term == null || code.term == null || term.equals(code.term);
		}
		int[] years = TERM_YEARS.get(term);
		int y = code.date != null ? code.date.getYear() : code.year;
		return years == null || (y >= years[0] && y <= years[1]);
	}

	/**
	 * "Ngày 5-5-2021, Ban Thường vụ Tỉnh ủy … ban hành Kế hoạch số 12-KH/TU …": the date
	 * of a clause, at the start of the sentence (also after a short opener: "Cụ thể, ngày
	 * 7-3-2022, …", "Cũng trong ngày 7-3-2022, …") or after a comma or "và" ("Thực hiện
	 * Nghị quyết …, ngày 2-4-2021, Ban Thường vụ Quận ủy ban hành Kế hoạch số 05-KH/QU");
	 * "Tháng 9-2025, …" and a year alone ("Năm 2021, …", "Đầu năm 2019, …", "Cũng trong
	 * năm 2002, …") give the year; a list bullet may come first ("- Ngày 20-12-2021, …").
	 */
	private static final Pattern CLAUSE_DATE = Pattern
		.compile("(?:^(?:[-+*]\\s*)?(?:[a-z ]{1,20}[,:]\\s*)?|(?:[,;:]|\\s-)\\s*|(?<![a-z])va\\s+)"
				+ "(?:(?:cung|vao|trong|den|sang|chieu|toi|trua|hom|dau|cuoi|giua)\\s+){0,3}(?:(?:ngay\\s+|(?<=(?:sang|chieu|toi|trua)\\s))(?:(\\d{1,2})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})"
				+ "|(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4}))|(?:thang\\s+\\d{1,2}\\s*(?:[-/]|\\s+nam\\s+)\\s*|nam\\s+)(\\d{4})(?![\\d-]))\\s*(,)?");

	/**
	 * A clause that opens with a date and states that a body issues a document gives that
	 * date to the undated code issued right after the verb; a date that is the tail of a
	 * citation does not.
	 */
	private static LocalDate lastDate(List<DocHit> all) {
		for (int i = all.size() - 1; i >= 0; i--) {
			if (all.get(i).date != null) {
				return all.get(i).date;
			}
		}
		return null;
	}

	private static void dateIssuedFromLead(ArticleFindings.SentenceFindings s, LocalDate before) {
		if (s.sentence.title || s.docs.isEmpty()) {
			return;
		}
		boolean issuance = false;
		for (ArticleFindings.Cue c : s.cues) {
			issuance |= c.kind() == ExtractionRules.CueKind.ISSUANCE
					|| c.kind() == ExtractionRules.CueKind.ISSUANCE_BY_BODY;
		}
		String folded = s.sentence.folded;
		if (!issuance || (folded.indexOf("ngay ") < 0 && folded.indexOf("thang ") < 0 && folded.indexOf("sang ") < 0
				&& folded.indexOf("chieu ") < 0 && folded.indexOf("toi ") < 0 && folded.indexOf("trua ") < 0
				&& folded.indexOf("nam ") < 0)) {
			return;
		}
		Matcher m = ReusableMatchers.of(CLAUSE_DATE, folded);
		boolean dated = false;
		while (m.find()) {
			if (insideCitation(s, m.start() + 1) && (m.group(9) == null || !afterShortName(s, m.start() + 1))) {
				continue;
			}
			dated |= dateIssuedAfter(s, m);
		}
		if (!dated) {
			dated = dateIssuedBetweenBodyAndVerb(s);
		}
		if (!dated) {
			dated = dateRightBeforeVerb(s);
		}
		if (!dated && before != null) {
			dated = dateWithoutYear(s, before);
		}
		if (!dated) {
			yearOfMonthWithoutYear(s, before);
		}
	}

	/**
	 * "Thực hiện Chỉ thị số 45-CT/TW ngày 14-4-2025 …, trong tháng 4, Ban Thường vụ Tỉnh
	 * ủy … đã ban hành Kế hoạch số 260-KH/TU": a month without year opening a clause with
	 * a body and an issuing verb after it gives the year of the last full date given
	 * before (in the sentence, else in the article), when the month is not earlier than
	 * that date's.
	 */
	private static final Pattern MONTH_CLAUSE = Pattern.compile(
			"(?:^(?:[-+*]\\s*)?(?:[a-z ]{1,40}[,:]\\s*)?|[,;:]\\s*)(?:(?:ngay|cung|vao|trong|dau|cuoi|giua)\\s+){0,3}"
					+ "thang\\s+(\\d{1,2})(?!\\s*[-/.]?\\s*\\d)\\s*,");

	private static void yearOfMonthWithoutYear(ArticleFindings.SentenceFindings s, LocalDate before) {
		if (s.sentence.folded.indexOf("thang ") < 0) {
			return;
		}
		Matcher m = ReusableMatchers.of(MONTH_CLAUSE, s.sentence.folded);
		while (m.find()) {
			if (insideCitation(s, m.start() + 1)) {
				continue;
			}
			LocalDate last = before;
			for (DocHit d : s.docs) {
				if (d.start < m.start() && d.date != null) {
					last = d.date;
				}
			}
			int month = Integer.parseInt(m.group(1));
			if (last == null || month < last.getMonthValue() || month > 12) {
				continue;
			}
			dateFirstIssuanceAfter(s, m.end(), LocalDate.of(last.getYear(), month, 1), true);
		}
	}

	/**
	 * "Huyện ủy Mỏ Cày ban hành Kế hoạch số 09-KH/HU vào tháng 2-2007", "Tỉnh ủy … đã có
	 * Kế hoạch số 280-KH/TU trong tháng 6-2025": a month or year after the code an
	 * issuing verb issues is when it was issued, and gives the code its year.
	 */
	private static final Pattern TIME_AFTER_ISSUED_CODE = Pattern
		.compile("\\s*,?\\s*(?:vao|trong)\\s+(?:thang\\s+\\d{1,2}\\s*[-/]\\s*|nam\\s+)(\\d{4})(?![\\d-])");

	private static void yearAfterIssuedCode(ArticleFindings.SentenceFindings s) {
		if (s.sentence.title || s.docs.isEmpty()
				|| (s.sentence.folded.indexOf("vao ") < 0 && s.sentence.folded.indexOf("trong ") < 0)) {
			return;
		}
		for (ArticleFindings.Cue c : s.cues) {
			if (c.kind() != ExtractionRules.CueKind.ISSUANCE && c.kind() != ExtractionRules.CueKind.ISSUANCE_BY_BODY) {
				continue;
			}
			for (DocHit d : s.docs) {
				if (d.kind != DocKind.CODE || d.start < c.end() || d.date != null || d.year != null
						|| !issuedRightAfter(s.sentence.folded, c, d)) {
					continue;
				}
				Matcher m = ReusableMatchers.of(TIME_AFTER_ISSUED_CODE, s.sentence.folded)
					.region(d.citationEnd, s.sentence.folded.length());
				if (m.lookingAt()) {
					d.year = Integer.valueOf(m.group(1));
				}
			}
		}
	}

	/**
	 * "…, đồng thời ngày 9-10-2023 ban hành Kế hoạch số 150-KH/TU": a full date right
	 * before the issuing verb (adverbs aside) in the middle of a sentence dates the
	 * undated code the verb issues.
	 */
	private static final Pattern DATE_RIGHT_BEFORE_VERB = Pattern
		.compile("(?<![a-z0-9/.-])(?:vao\\s+)?ngay\\s+(\\d{1,2})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})\\s*,?\\s*"
				+ "(?:(?:da|vua|moi|chinh thuc)\\s+)*$");

	private static boolean dateRightBeforeVerb(ArticleFindings.SentenceFindings s) {
		boolean dated = false;
		for (ArticleFindings.Cue c : s.cues) {
			if (c.kind() != ExtractionRules.CueKind.ISSUANCE && c.kind() != ExtractionRules.CueKind.ISSUANCE_BY_BODY) {
				continue;
			}
			int from = Math.max(0, c.start() - 40);
			Matcher m = ReusableMatchers.of(DATE_RIGHT_BEFORE_VERB, s.sentence.folded)
				.region(from, c.start())
				.useTransparentBounds(true);
			if (!m.find() || insideCitation(s, m.start())) {
				continue;
			}
			LocalDate date;
			try {
				date = LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
						Integer.parseInt(m.group(1)));
			}
			catch (java.time.DateTimeException ex) {
				continue;
			}
			dated |= dateIssuedRightAfter(s, c, date);
		}
		return dated;
	}

	/**
	 * "Ngày 5-3-2026, Tỉnh ủy … ban hành …. Trên cơ sở chương trình của tỉnh, ngày 20-3,
	 * Đảng ủy xã ban hành Kế hoạch số 10-KH/ĐU": a day and month opening a clause with a
	 * body and an issuing verb after it take the year of the last full date the article
	 * gave before, when that makes it no earlier than that date.
	 */
	private static final Pattern DAY_MONTH_CLAUSE = Pattern.compile(
			"(?:^(?:[-+*]\\s*)?(?:[a-z ]{1,40}[,:]\\s*)?|[,;:]\\s*)(?:vao\\s+)?ngay\\s+(\\d{1,2})\\s*[-/]\\s*(\\d{1,2})"
					+ "(?!\\s*[-/.]?\\s*\\d)\\s*,");

	private static boolean dateWithoutYear(ArticleFindings.SentenceFindings s, LocalDate before) {
		Matcher m = ReusableMatchers.of(DAY_MONTH_CLAUSE, s.sentence.folded);
		boolean dated = false;
		while (m.find()) {
			if (insideCitation(s, m.start() + 1)) {
				continue;
			}
			LocalDate date;
			try {
				date = LocalDate.of(before.getYear(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
			}
			catch (java.time.DateTimeException ex) {
				continue;
			}
			if (date.isBefore(before)) {
				continue;
			}
			dated |= dateFirstIssuanceAfter(s, m.end(), date, false);
		}
		return dated;
	}

	/**
	 * The first issuing verb after {@code from}, when a body stands between them as its
	 * subject and no citation does, dates the undated code issued right after it.
	 */
	private static boolean dateFirstIssuanceAfter(ArticleFindings.SentenceFindings s, int from, LocalDate date,
			boolean yearOnly) {
		for (ArticleFindings.Cue c : s.cues) {
			if ((c.kind() != ExtractionRules.CueKind.ISSUANCE && c.kind() != ExtractionRules.CueKind.ISSUANCE_BY_BODY)
					|| c.start() < from) {
				continue;
			}
			boolean subject = false;
			for (BodyHit b : s.bodies) {
				if (b.start >= from && b.end <= c.start()) {
					subject = true;
				}
			}
			boolean between = false;
			for (DocHit d : s.docs) {
				if (d.start >= from && d.start < c.start()) {
					between = true;
				}
			}
			return subject && !between && dateIssuedRightAfter(s, c, date, yearOnly);
		}
		return false;
	}

	/** The full date opening a sentence ("Ngày 7-3-2022, …"), else null. */
	private static LocalDate openingDate(ArticleFindings.SentenceFindings s) {
		if (s.sentence.title) {
			return null;
		}
		Matcher m = ReusableMatchers.of(CLAUSE_DATE, s.sentence.folded);
		if (!m.lookingAt() || m.group(1) == null && m.group(5) == null) {
			return null;
		}
		try {
			return (m.group(1) != null)
					? LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
							Integer.parseInt(m.group(1)))
					: LocalDate.of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(6)),
							Integer.parseInt(m.group(5)));
		}
		catch (java.time.DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * "Ngày 5-11-2025, Thành ủy … ban hành …. Cùng ngày, Ban Thường vụ Thành ủy ban hành
	 * Kế hoạch số 12-KH/TU …": a sentence opening with "cùng ngày" (also "cũng trong
	 * ngày", "trong cùng ngày", "cùng ngày này") and a body issuing an undated code takes
	 * the full date that last opened a sentence of the article.
	 */
	private static final Pattern SAME_DAY = Pattern
		.compile("^(?:[-+*]\\s*)?(?:cung trong ngay|trong cung ngay|cung ngay)(?:\\s+(?:nay|do|ay))?\\s*,");

	private static void dateIssuedSameDay(ArticleFindings.SentenceFindings s, LocalDate date) {
		if (s.sentence.title || s.docs.isEmpty()) {
			return;
		}
		Matcher m = ReusableMatchers.of(SAME_DAY, s.sentence.folded);
		if (!m.lookingAt()) {
			return;
		}
		dateFirstIssuanceAfter(s, m.end(), date, false);
	}

	/** Dates the undated code a verb issues right after it. */
	private static boolean dateIssuedRightAfter(ArticleFindings.SentenceFindings s, ArticleFindings.Cue c,
			LocalDate date) {
		return dateIssuedRightAfter(s, c, date, false);
	}

	/** Dates the undated code a verb issues right after it, or gives it the year only. */
	private static boolean dateIssuedRightAfter(ArticleFindings.SentenceFindings s, ArticleFindings.Cue c,
			LocalDate date, boolean yearOnly) {
		boolean dated = false;
		for (DocHit d : s.docs) {
			if (d.kind == DocKind.CODE && d.start >= c.end() && issuedRightAfter(s.sentence.folded, c, d)
					&& d.date == null && d.year == null) {
				d.date = yearOnly ? null : date;
				d.year = date.getYear();
				dated = true;
			}
		}
		return dated;
	}

	/** The last national congress by the date of these rules (the XIVth, 2026). */
	private static final int LAST_NATIONAL_CONGRESS = 14;

	/**
	 * A congress resolution named by its number alone is the province's when the article
	 * names the province's congress of that number ("Nghị quyết Đại hội Đảng bộ tỉnh lần
	 * thứ XVI …. … mà Nghị quyết Đại hội XVI đã xác định"), or when the number is past
	 * the last national congress ("Nghị quyết Đại hội XXIII" in an article on Đà Nẵng).
	 */
	private static void bareCongressesOfTheProvince(List<DocHit> all, ProvinceUnit article) {
		for (DocHit d : all) {
			if (d.kind != DocKind.CONGRESS || !d.bareCongress || d.provincialCongress || d.term == null) {
				continue;
			}
			ProvinceUnit unit = null;
			for (DocHit p : all) {
				if (p.kind == DocKind.CONGRESS && p.provincialCongress && d.term.equals(p.term) && p.scopeKey != null) {
					unit = p.congressProvince != null ? p.congressProvince : article;
					break;
				}
			}
			if (unit == null && romanValue(d.term) > LAST_NATIONAL_CONGRESS) {
				unit = article;
			}
			if (unit == null) {
				continue;
			}
			d.provincialCongress = true;
			d.congressProvince = unit;
			d.suffixRule = null;
			d.scopeKey = unit.key();
			d.subject = "Nghị quyết Đại hội Đảng bộ " + (unit.isCity() ? "thành phố " : "tỉnh ") + unit.name()
					+ " lần thứ " + d.term;
			d.key = "NQ-DH-" + d.term + "|" + d.scopeKey + "|k" + d.term;
		}
	}

	private static int romanValue(String roman) {
		int total = 0;
		int previous = 0;
		for (int i = roman.length() - 1; i >= 0; i--) {
			int v = switch (roman.charAt(i)) {
				case 'I', 'i' -> 1;
				case 'V', 'v' -> 5;
				case 'X', 'x' -> 10;
				case 'L', 'l' -> 50;
				case 'C', 'c' -> 100;
				default -> -1;
			};
			if (v < 0) {
				return -1;
			}
			total += v < previous ? -v : v;
			previous = Math.max(previous, v);
		}
		return total;
	}

	/**
	 * Whether a date set off by commas is the tail of a short name or a plenum resolution
	 * only ("Để cụ thể hóa Quy định 105, ngày 8-5-2018, Ban Thường vụ Tỉnh ủy ban hành
	 * …", "Thực hiện Nghị quyết Trung ương 4 khóa XII, ngày 9-1-2017, Huyện ủy ban hành
	 * …"): a short name takes its date from its full citation and a plenum resolution is
	 * keyed by its term, so the date is the clause's when a body and an issuing verb
	 * follow it.
	 */
	private static boolean afterShortName(ArticleFindings.SentenceFindings s, int offset) {
		for (DocHit d : s.docs) {
			if (offset >= d.start && offset < d.citationEnd && d.kind != DocKind.SHORT && d.kind != DocKind.PLENUM) {
				return false;
			}
		}
		return true;
	}

	private static boolean insideCitation(ArticleFindings.SentenceFindings s, int offset) {
		for (DocHit d : s.docs) {
			if (offset >= d.start && offset < d.citationEnd) {
				return true;
			}
		}
		return false;
	}

	private static boolean dateIssuedAfter(ArticleFindings.SentenceFindings s, Matcher m) {
		for (ArticleFindings.Cue c : s.cues) {
			if ((c.kind() != ExtractionRules.CueKind.ISSUANCE && c.kind() != ExtractionRules.CueKind.ISSUANCE_BY_BODY)
					|| c.start() < m.end()) {
				continue;
			}
			boolean subject = false;
			for (BodyHit b : s.bodies) {
				// without a comma after the date the body follows it at once ("…, ngày
				// 27-12-2021 Huyện ủy Đăk Hà ban hành …")
				if (b.start >= m.end() && b.end <= c.start() && (m.group(9) != null || b.start - m.end() <= 1)) {
					subject = true;
				}
			}
			if (!subject) {
				// a plenum of the Central Committee as the subject ("Ngày 30-10-2016, Hội
				// nghị Trung ương 4 khóa XII đã thông qua …")
				Matcher plenum = ReusableMatchers.of(DocumentRecognizer.PLENUM_ISSUER, s.sentence.folded)
					.region(m.end(), c.start());
				subject = plenum.find() && plenum.start() - m.end() <= 1;
			}
			boolean secondPredicate = secondPredicate(s, c);
			for (DocHit d : s.docs) {
				if (d.start >= m.end() && d.start < c.start() && !secondPredicate) {
					return false; // another citation between the date and the verb: not
									// this clause's
				}
			}
			if (!subject) {
				continue;
			}
			DocHit last = null;
			for (DocHit d : s.docs) {
				boolean first = d.kind == DocKind.CODE && d.start >= c.end()
						&& issuedRightAfter(s.sentence.folded, c, d);
				if (!first && !joinedTo(s.sentence.folded, last, d) && !joinedAfterItsOwnCue(s, last, d)) {
					continue;
				}
				last = d;
				if (d.date == null && d.year == null) {
					if (m.group(8) != null) {
						d.year = Integer.valueOf(m.group(8));
						continue;
					}
					int day = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(5));
					int month = Integer.parseInt(m.group(1) != null ? m.group(3) : m.group(6));
					int year = Integer.parseInt(m.group(1) != null ? m.group(4) : m.group(7));
					try {
						d.date = LocalDate.of(year, month, day);
						d.year = year;
					}
					catch (java.time.DateTimeException ex) {
						// an impossible date stays unknown
					}
				}
			}
			return true;
		}
		return false;
	}

	/**
	 * "Ngày 13-11-2015, Tỉnh ủy … tổ chức hội nghị quán triệt Nghị quyết … và ban hành
	 * Chương trình hành động số 01-CTr/TU": an issuing verb joined by "và" or "đồng thời"
	 * as a second predicate of the clause's subject (no body between the last citation
	 * before it and the verb) is dated by the clause's date, though the first predicate
	 * cites documents of its own.
	 */
	private static final Pattern SECOND_PREDICATE = Pattern
		.compile("(?:,\\s*|\\s)(?:va|dong thoi|va dong thoi)\\s+(?:(?:da|vua|cung|tiep tuc)\\s+)*$");

	private static boolean secondPredicate(ArticleFindings.SentenceFindings s, ArticleFindings.Cue c) {
		Matcher m = ReusableMatchers.of(SECOND_PREDICATE, s.sentence.folded)
			.region(Math.max(0, c.start() - 30), c.start())
			.useTransparentBounds(true);
		if (!m.find()) {
			return false;
		}
		int lastCitation = -1;
		for (DocHit d : s.docs) {
			if (d.start < c.start()) {
				lastCitation = Math.max(lastCitation, Math.max(d.start, d.citationEnd));
			}
		}
		for (BodyHit b : s.bodies) {
			if (b.start >= lastCitation && b.end <= c.start()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A type name of a few words ending in "số" between the verb and the code: the code
	 * is the document the verb issues ("ban hành Chương trình làm việc toàn khóa số
	 * 01-CTr/TU").
	 */
	private static final Pattern NAMED_BEFORE_CODE = Pattern.compile("\\s*(?:[a-z]+\\s+){1,6}so\\s*");

	/**
	 * Between two codes the verb issues together: "ban hành Kế hoạch số 14-KH/TU và Kế
	 * hoạch số 15-KH/TU".
	 */
	private static final Pattern JOINED_CODE = Pattern
		.compile("\\s*(?:,\\s*(?:va\\s+)?|va\\s+)(?:[a-z]+\\s+){0,3}(?:so\\s*)?");

	/**
	 * Whether a code follows the one the clause's verb issued, joined by a comma or "và",
	 * with the same type and issuer suffix and nothing of its own: the verb issues it
	 * too.
	 */
	private static boolean joinedTo(String folded, DocHit previous, DocHit d) {
		return previous != null && d.kind == DocKind.CODE && previous.citationEnd == previous.coreEnd
				&& d.start > previous.citationEnd && Objects.equals(previous.typeCode, d.typeCode)
				&& Objects.equals(previous.suffix, d.suffix) && d.date == null && d.year == null
				&& ReusableMatchers.of(JOINED_CODE, folded).region(previous.citationEnd, d.start).matches();
	}

	private static final Pattern JOINED_AFTER_CUE = Pattern.compile("[^;.]*\\sva\\s+(?:[a-z]+\\s+){0,4}(?:so\\s*)?");

	/**
	 * "ban hành Kế hoạch số 70-KH/TU thực hiện Chỉ thị số 28-CT/TW và Kế hoạch số
	 * 71-KH/TU thực hiện Chỉ thị số 29-CT/TW": a code of the same type and issuer suffix
	 * after the issued one's cue clause and "và", with a cue of its own and nothing of
	 * its own before it, is issued by the verb too.
	 */
	private static boolean joinedAfterItsOwnCue(ArticleFindings.SentenceFindings s, DocHit previous, DocHit d) {
		if (previous == null || previous.kind != DocKind.CODE || d.kind != DocKind.CODE || d.date != null
				|| d.year != null || !Objects.equals(previous.typeCode, d.typeCode)
				|| !Objects.equals(previous.suffix, d.suffix) || d.start <= previous.citationEnd
				|| !cueAt(s, previous.citationEnd) || !cueAt(s, d.citationEnd)) {
			return false;
		}
		for (DocHit x : s.docs) {
			if (x != previous && x != d && x.start > previous.start && x.start < d.start
					&& Objects.equals(x.typeCode, d.typeCode) && Objects.equals(x.suffix, d.suffix)) {
				return false;
			}
		}
		return ReusableMatchers.of(JOINED_AFTER_CUE, s.sentence.folded).region(previous.citationEnd, d.start).matches();
	}

	/** Whether an implementing cue starts at the first word from this offset. */
	private static boolean cueAt(ArticleFindings.SentenceFindings s, int from) {
		int at = from;
		while (at < s.sentence.text.length() && s.sentence.text.charAt(at) == ' ') {
			at++;
		}
		for (ArticleFindings.Cue c : s.cues) {
			if (c.kind() == ExtractionRules.CueKind.IMPLEMENTS && c.start() == at) {
				return true;
			}
		}
		return false;
	}

	/** Whether the code is the first thing the verb issues. */
	private static boolean issuedRightAfter(String folded, ArticleFindings.Cue c, DocHit d) {
		return d.start <= c.end() + 1
				|| ReusableMatchers.of(NAMED_BEFORE_CODE, folded).region(c.end(), d.start).matches()
				|| ReusableMatchers.of(ADVERB_BEFORE_CODE, folded).region(c.end(), d.start).matches();
	}

	/**
	 * An adverb between the verb and the code it issues: "ban hành tiếp Đề án số
	 * 02-ĐA/TU", "ban hành thêm Quy định số …".
	 */
	private static final Pattern ADVERB_BEFORE_CODE = Pattern.compile("\\s*(?:tiep|them)\\s+");

	/**
	 * "Ban Thường vụ Tỉnh ủy, ngày 7-3-2022, đã ban hành Quyết định số 07-QĐ/TU": a date
	 * between the body and its verb.
	 */
	private static final Pattern DATE_BEFORE_VERB = Pattern
		.compile("\\s*,?\\s*(?:vao\\s+)?ngay\\s+(?:(\\d{1,2})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})"
				+ "|(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4}))\\s*,?\\s*(?:(?:da|vua|chinh thuc)\\s+)*");

	private static boolean dateIssuedBetweenBodyAndVerb(ArticleFindings.SentenceFindings s) {
		boolean dated = false;
		if (s.sentence.folded.indexOf("ngay ") < 0) {
			return false;
		}
		for (ArticleFindings.Cue c : s.cues) {
			if (c.kind() != ExtractionRules.CueKind.ISSUANCE) {
				continue;
			}
			BodyHit subject = null;
			for (BodyHit b : s.bodies) {
				if (b.end <= c.start()) {
					subject = b;
				}
			}
			if (subject == null) {
				continue;
			}
			Matcher m = ReusableMatchers.of(DATE_BEFORE_VERB, s.sentence.folded).region(subject.end, c.start());
			if (!m.matches()) {
				continue;
			}
			for (DocHit d : s.docs) {
				if (d.kind == DocKind.CODE && d.start >= c.end() && d.start <= c.end() + 1 && d.date == null
						&& d.year == null) {
					int day = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(5));
					int month = Integer.parseInt(m.group(1) != null ? m.group(3) : m.group(6));
					int year = Integer.parseInt(m.group(1) != null ? m.group(4) : m.group(7));
					try {
						d.date = LocalDate.of(year, month, day);
						d.year = year;
						dated = true;
					}
					catch (java.time.DateTimeException ex) {
						// an impossible date stays unknown
					}
				}
			}
		}
		return dated;
	}

	private static boolean matchesShort(DocHit shortName, DocHit candidate) {
		if (candidate.kind != DocKind.CODE || candidate.number == null) {
			return false;
		}
		if (!sameNumber(shortName.number, candidate.number)) {
			return false;
		}
		return candidate.type == shortName.type || candidate.typeCode.equals(shortName.typeCode);
	}

	private static boolean sameNumber(String a, String b) {
		try {
			return Integer.parseInt(a) == Integer.parseInt(b);
		}
		catch (NumberFormatException ex) {
			return a.equals(b);
		}
	}

	private static boolean compatible(DocHit undated, DocHit dated) {
		if (undated.year != null && !undated.year.equals(dated.date.getYear())) {
			return false;
		}
		if (undated.term != null && dated.term != null && !undated.term.equals(dated.term)) {
			return false;
		}
		if (undated.term != null && dated.scopeKey.equals(PartyBodyCatalog.CENTRAL_SCOPE)) {
			int[] years = TERM_YEARS.get(undated.term);
			if (years != null) {
				int y = dated.date.getYear();
				return y >= years[0] && y <= years[1];
			}
		}
		return true;
	}

	private static final Map<String, int[]> TERM_YEARS = Map.of("VIII", new int[] { 1996, 2001 }, "IX",
			new int[] { 2001, 2006 }, "X", new int[] { 2006, 2011 }, "XI", new int[] { 2011, 2016 }, "XII",
			new int[] { 2016, 2021 }, "XIII", new int[] { 2021, 2026 }, "XIV", new int[] { 2026, 2031 });

	static String codeOf(DocHit d) {
		return d.number + "-" + d.typeCode + "/" + d.suffix;
	}

	private boolean keyFullCitation(DocHit d, ArticleFindings.SentenceFindings s, ProvinceUnit article) {
		switch (d.kind) {
			case CODE -> {
				boolean central = d.suffixRule.central();
				// a local body does not issue a central code; a central body may issue a
				// code of any suffix (below)
				if (d.issuer != null && (d.issuer.key == null || (central && !d.issuer.central()))) {
					d.issuer = null;
				}
				// a document issued by a central body is central whatever its suffix
				// ("Kế hoạch số 12-KH/ĐUK của Đảng ủy Khối các cơ quan Trung ương")
				if (!central && (d.issuer != null ? d.issuer.central() : centralIssuingBodyBefore(s, d) != null)) {
					central = true;
				}
				if (central) {
					d.scopeKey = PartyBodyCatalog.CENTRAL_SCOPE;
				}
				else {
					ProvinceUnit unit = null;
					BodyHit issuing = d.issuer != null ? d.issuer : issuingBodyBefore(s, d);
					if (issuing == null) {
						issuing = issuingBodyAfter(s, d);
					}
					ProvinceHit subject = issuing == null ? issuingProvinceBefore(s, d) : null;
					if (issuing != null && issuing.provinceUnit != null) {
						unit = issuing.provinceUnit;
					}
					else if (subject != null) {
						unit = subject.unit;
					}
					else {
						for (ProvinceHit p : s.provinces) {
							if (p.start >= d.start && p.end <= d.citationEnd) {
								unit = p.unit;
							}
						}
						if (unit == null) {
							unit = s.localContext != null ? s.localContext : article;
						}
					}
					if (unit != null && d.date != null) {
						unit = this.gazetteer.atDate(unit, d.date);
					}
					d.scopeKey = unit == null ? "?" : unit.key();
					if (unit != null && d.suffixRule.district()) {
						String place = districtPlace(d, s);
						if (place != null) {
							d.scopeKey = d.scopeKey + ":" + TextNormalizer.slug(keyName(place));
						}
					}
				}
				d.key = codeOf(d) + "|" + d.scopeKey + "|" + when(d);
				return true;
			}
			case PLENUM -> {
				d.scopeKey = PartyBodyCatalog.CENTRAL_SCOPE;
				d.key = d.typeCode + "-TW" + d.plenumNumber + "|TW|" + (d.term != null ? "k" + d.term : "?");
				d.subject = (d.type == DocumentType.CONCLUSION ? "Kết luận" : "Nghị quyết") + " Hội nghị Trung ương "
						+ d.plenumNumber + (d.term != null ? " khóa " + d.term : "");
				return true;
			}
			case CONGRESS -> {
				if (d.provincialCongress) {
					ProvinceUnit unit = d.congressProvince != null ? d.congressProvince
							: congressProvinceBefore(s, d, article);
					if (unit == null) {
						return false;
					}
					d.congressProvince = unit;
					d.scopeKey = unit.key();
					d.subject = "Nghị quyết Đại hội Đảng bộ " + (unit.isCity() ? "thành phố " : "tỉnh ") + unit.name()
							+ " lần thứ " + d.term;
				}
				else {
					d.scopeKey = PartyBodyCatalog.CENTRAL_SCOPE;
					d.subject = "Nghị quyết Đại hội " + d.term + " của Đảng";
				}
				d.key = "NQ-DH-" + d.term + "|" + d.scopeKey + "|k" + d.term;
				return true;
			}
			default -> {
				return true;
			}
		}
	}

	/**
	 * A former unit's mark in brackets right after a body ("Tỉnh ủy Gia Lai (cũ) có …",
	 * "Ban Thường vụ Tỉnh ủy Phú Yên (trước hợp nhất) đã ban hành …"): where the text
	 * between the body and its verb starts once the mark is skipped.
	 */
	private static int afterFormerMark(SentenceText s, int bodyEnd, int verbStart) {
		Matcher m = ReusableMatchers.of(FORMER_MARK, s.folded).region(bodyEnd, verbStart);
		return m.lookingAt() ? m.end() : bodyEnd;
	}

	private static final Pattern FORMER_MARK = Pattern
		.compile("\\s*\\(\\s*(?:cu|truoc (?:hop nhat|sap nhap|sap xep|day))\\s*\\)");

	/**
	 * The province named as the subject of the verb issuing the citation, right before it
	 * ("Sơn La ban hành Chương trình hành động số 32-CTr/TU …; Điện Biên có Chương trình
	 * hành động số 17-CTr/TU …"): the province stands for its committee.
	 */
	private static ProvinceHit issuingProvinceBefore(ArticleFindings.SentenceFindings s, DocHit d) {
		ArticleFindings.Cue c = issuingCueBefore(s, d);
		if (c == null) {
			return null;
		}
		ProvinceHit best = null;
		for (ProvinceHit p : s.provinces) {
			if (p.end <= c.start()) {
				best = p;
			}
		}
		if (best == null || !subjectOfVerb(s.sentence, best.end, c.start())) {
			return null;
		}
		for (BodyHit b : s.bodies) {
			if (b.end <= c.start() && b.end >= best.end) {
				return null;
			}
		}
		// the province opens its clause: a subject, not a place after a noun
		int open = best.start;
		while (open > 0 && s.sentence.text.charAt(open - 1) == ' ') {
			open--;
		}
		if (open > 0 && ";:,".indexOf(s.sentence.text.charAt(open - 1)) < 0) {
			return null;
		}
		return best;
	}

	/** The issuing verb right before the citation, if any. */
	private static ArticleFindings.Cue issuingCueBefore(ArticleFindings.SentenceFindings s, DocHit d) {
		for (ArticleFindings.Cue c : s.cues) {
			if ((c.kind() == ExtractionRules.CueKind.ISSUANCE || c.kind() == ExtractionRules.CueKind.ISSUANCE_BY_BODY)
					&& c.end() <= d.start && d.start - c.end() <= 1) {
				return c;
			}
		}
		return null;
	}

	/** Between a citation and the body of a relative or passive clause issuing it. */
	private static final Pattern ISSUED_AFTER = Pattern.compile("\\s*,?\\s*(?:ma|(?:da\\s+|vua\\s+)?duoc)\\s+");

	/**
	 * The local body of "<d> mà <body> đã ban hành" or "<d> được <body> ban hành": the
	 * body issuing the citation in a clause right after it.
	 */
	private static BodyHit issuingBodyAfter(ArticleFindings.SentenceFindings s, DocHit d) {
		Matcher m = ReusableMatchers.of(ISSUED_AFTER, s.sentence.folded)
			.region(d.citationEnd, s.sentence.folded.length());
		if (!m.lookingAt()) {
			return null;
		}
		BodyHit body = null;
		for (BodyHit b : s.bodies) {
			if (b.start == m.end()) {
				body = b;
			}
		}
		if (body == null || body.central()) {
			return null;
		}
		for (ArticleFindings.Cue c : s.cues) {
			if ((c.kind() == ExtractionRules.CueKind.ISSUANCE || c.kind() == ExtractionRules.CueKind.ISSUANCE_BY_BODY)
					&& c.start() >= body.end) {
				return subjectOfVerb(s.sentence, body.end, c.start()) ? body : null;
			}
		}
		return null;
	}

	/**
	 * Whether what ends at subjectEnd is the subject of the verb at verbStart: at most a
	 * former unit's mark and a few words ("đã", "vừa") between them, no punctuation.
	 */
	private static boolean subjectOfVerb(SentenceText s, int subjectEnd, int verbStart) {
		int from = afterFormerMark(s, subjectEnd, verbStart);
		if (verbStart - from > 16) {
			return false;
		}
		for (int i = from; i < verbStart; i++) {
			if (",;:.\"(".indexOf(s.text.charAt(i)) >= 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The local body of "<body> [đã] ban hành <d>", when the verb is right before the
	 * citation.
	 */
	private static BodyHit issuingBodyBefore(ArticleFindings.SentenceFindings s, DocHit d) {
		ArticleFindings.Cue c = issuingCueBefore(s, d);
		if (c == null) {
			return null;
		}
		BodyHit best = null;
		for (BodyHit b : s.bodies) {
			if (b.end <= c.start()) {
				best = b;
			}
		}
		if (best == null || best.central() || !subjectOfVerb(s.sentence, best.end, c.start())) {
			return null;
		}
		return best;
	}

	/**
	 * The province of a provincial congress named without its province ("Nghị quyết Đại
	 * hội Đảng bộ tỉnh lần thứ XX"): the province of the last local body before it in the
	 * sentence ("Ban Chấp hành Đảng bộ tỉnh Nghệ An có Chương trình hành động … thực hiện
	 * Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX"), else the last province named before
	 * it in the sentence, else the province of the passage, else the article's.
	 */
	private static ProvinceUnit congressProvinceBefore(ArticleFindings.SentenceFindings s, DocHit d,
			ProvinceUnit article) {
		ProvinceUnit unit = null;
		int at = -1;
		for (BodyHit b : s.bodies) {
			if (!b.central() && b.provinceUnit != null && b.end <= d.start && b.start > at) {
				unit = b.provinceUnit;
				at = b.start;
			}
		}
		for (ProvinceHit p : s.provinces) {
			if (p.end <= d.start && p.start > at) {
				unit = p.unit;
				at = p.start;
			}
		}
		if (unit != null) {
			return unit;
		}
		return s.localContext != null ? s.localContext : article;
	}

	/**
	 * The central body of "<body> [đã] ban hành <d>", when the verb is right before the
	 * citation ("Đảng ủy Công an Trung ương đã ban hành Nghị quyết số 09-NQ/ĐUCA").
	 */
	private static BodyHit centralIssuingBodyBefore(ArticleFindings.SentenceFindings s, DocHit d) {
		ArticleFindings.Cue c = issuingCueBefore(s, d);
		if (c == null) {
			return null;
		}
		BodyHit best = null;
		for (BodyHit b : s.bodies) {
			if (b.end <= c.start()) {
				best = b;
			}
		}
		if (best == null || !best.central() || best.key == null || !subjectOfVerb(s.sentence, best.end, c.start())) {
			return null;
		}
		for (DocHit other : s.docs) {
			// the issuer of another citation ("Chỉ thị số 05-CT/TW … của Bộ Chính trị
			// thông qua Kế hoạch …") is no subject
			if (other != d && other.start < best.start && best.end <= other.citationEnd) {
				return null;
			}
		}
		return best;
	}

	private static String districtPlace(DocHit d, ArticleFindings.SentenceFindings s) {
		if (d.issuer != null && d.issuer.level == BodyLevel.DISTRICT && d.issuer.placeName != null) {
			return d.issuer.placeName;
		}
		// the district body that is the subject of the verb issuing it
		// ("Huyện ủy Ba Bể ra Kế hoạch số 62-KH/HU …; Thành ủy Bắc Kạn ra …")
		BodyHit issuing = issuingBodyBefore(s, d);
		if (issuing != null && issuing.level == BodyLevel.DISTRICT && issuing.placeName != null) {
			return issuing.placeName;
		}
		String place = null;
		for (BodyHit b : s.bodies) {
			if (b.level == BodyLevel.DISTRICT && b.placeName != null) {
				if (place != null && !place.equals(b.placeName)) {
					return null;
				}
				place = b.placeName;
			}
		}
		return place;
	}

	private static String when(DocHit d) {
		if (d.date != null) {
			return d.date.toString();
		}
		if (d.year != null) {
			return d.year.toString();
		}
		if (d.term != null) {
			return "k" + d.term;
		}
		return "?";
	}

	/**
	 * The date a body name should be read at: the date of the document it issued, else
	 * the article's.
	 */
	static LocalDate asOf(BodyHit b, LocalDate article) {
		return b.asOf != null ? b.asOf : article;
	}

}
