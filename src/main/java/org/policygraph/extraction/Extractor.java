package org.policygraph.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.Map;
import java.util.Set;

import org.policygraph.extraction.ArticleFindings.Cue;
import org.policygraph.extraction.ArticleFindings.SentenceFindings;
import org.policygraph.extraction.ExtractionRules.CueKind;
import org.policygraph.extraction.Hits.BodyHit;
import org.policygraph.extraction.Hits.DocHit;
import org.policygraph.extraction.Hits.DocKind;
import org.policygraph.extraction.Hits.ProvinceHit;
import org.policygraph.extraction.PhraseIndex.CaseRule;
import org.policygraph.extraction.PhraseIndex.Match;
import org.policygraph.reference.CentralBody;
import org.policygraph.reference.PartyBodyCatalog;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.ProvinceUnit;
import org.policygraph.reference.TextNormalizer;

/**
 * Rule-based extraction of provinces, party bodies, party documents and their relations
 * from one article. Thread-safe: construct once, call {@link #extract(ArticleInput)} from
 * any thread.
 *
 * <p>
 * Pipeline:
 * <ol>
 * <li><b>normalize</b> ({@link TextNormalizer}) and <b>split</b> into sentences
 * ({@link SentenceSplitter}); the title is sentence 0;</li>
 * <li><b>recognize</b> in each sentence: provinces ({@link ProvinceRecognizer}), bodies
 * ({@link BodyRecognizer}), documents and their tails ({@link DocumentRecognizer}), cue
 * phrases;</li>
 * <li><b>resolve</b> within the article ({@link ArticleResolver}): the province of the
 * article, bodies written without a province, identity keys, short names and undated
 * re-citations;</li>
 * <li><b>relate</b> ({@link RelationFinder}): ISSUED_BY, IMPLEMENTS, PART_OF,
 * OF_PROVINCE.</li>
 * </ol>
 * Rules are data under {@code extraction/*.tsv}; reference data under
 * {@code reference/*.tsv}.
 */
public final class Extractor {

	private static final Set<String> PAGE_FURNITURE = Set.of("moi nhat", "xem nhieu nhat", "tin lien quan",
			"doc nhieu nhat", "tin moi nhat");

	private final ProvinceGazetteer gazetteer;

	private final PartyBodyCatalog catalog;

	private final SentenceSplitter splitter;

	private final ProvinceRecognizer provinces;

	private final BodyRecognizer bodies;

	private final DocumentRecognizer documents;

	private final Vocabulary vocabulary = new Vocabulary();

	private final PhraseIndex<CueKind> cues = new PhraseIndex<>(this.vocabulary, CaseRule.ANY);

	private final ArticleResolver resolver;

	private final RelationFinder relations;

	private final ExtractionRules rules;

	public Extractor(ProvinceGazetteer gazetteer, PartyBodyCatalog catalog) {
		this.gazetteer = gazetteer;
		this.catalog = catalog;
		this.rules = ExtractionRules.load();
		this.splitter = SentenceSplitter.createDefault();
		this.provinces = new ProvinceRecognizer(gazetteer, this.rules, this.vocabulary);
		this.bodies = new BodyRecognizer(catalog, gazetteer, this.rules, this.vocabulary);
		this.documents = new DocumentRecognizer(this.rules);
		for (Map.Entry<String, CueKind> cue : this.rules.cues.entrySet()) {
			this.cues.add(cue.getKey(), cue.getValue());
		}
		this.resolver = new ArticleResolver(gazetteer, catalog);
		this.relations = new RelationFinder(this.rules);
		this.vocabulary.freeze();
	}

	/** An extractor over the default gazetteer and catalog. */
	public static Extractor createDefault() {
		return new Extractor(ProvinceGazetteer.load(), PartyBodyCatalog.load());
	}

	/** Extracts the entities and relations of one article. */
	public Extraction extract(ArticleInput article) {
		return extract(article, () -> false);
	}

	/**
	 * Extracts the entities and relations of one article, unless told to stop first.
	 * @param article the article
	 * @param stop asked between sentences: once it answers {@code true} the extraction
	 * stops
	 * @return what the article says
	 * @throws ExtractionCancelledException if it stopped
	 */
	public Extraction extract(ArticleInput article, BooleanSupplier stop) {
		LocalDate asOf = article.publishedAt();
		List<SentenceFindings> findings = new ArrayList<>();
		findings.add(recognize(new SentenceText(0, TextNormalizer.nfc(article.title()), true, this.vocabulary, false),
				asOf));
		int paragraphIndex = 0;
		for (List<String> paragraph : this.splitter.paragraphs(article.text())) {
			paragraphIndex++;
			for (String sentence : paragraph) {
				if (stop.getAsBoolean()) {
					throw new ExtractionCancelledException(findings.size());
				}
				if (sentence.length() < 24 && PAGE_FURNITURE.contains(ProvinceGazetteer.searchKey(sentence))) {
					continue;
				}
				SentenceFindings f = recognize(
						new SentenceText(findings.size(), sentence, false, this.vocabulary, false), asOf);
				f.paragraph = paragraphIndex;
				f.paragraphSentences = paragraph.size();
				findings.add(f);
			}
		}
		if (stop.getAsBoolean()) {
			throw new ExtractionCancelledException(findings.size());
		}
		ProvinceUnit articleUnit = this.resolver.articleProvince(findings);
		this.resolver.resolveBodies(findings, articleUnit, asOf);
		this.resolver.resolveDocuments(findings, articleUnit);
		return assemble(findings, articleUnit, asOf);
	}

	private SentenceFindings recognize(SentenceText s, LocalDate asOf) {
		List<ProvinceHit> p = this.provinces.recognize(s, asOf);
		List<BodyHit> b = this.bodies.recognize(s, p, this.gazetteer);
		List<DocHit> d = this.documents.recognize(s, b, p);
		if (!d.isEmpty()) {
			b = withoutBodiesInsideCitations(b, d);
		}
		List<Cue> c = new ArrayList<>();
		for (Match<CueKind> m : this.cues.findAll(s)) {
			Cue cue = new Cue(m.value(), s.tokenStart[m.startToken()], s.tokenEnd[m.endToken() - 1]);
			if (cue.kind() != CueKind.ISSUANCE_BY_BODY || !onlyBeforeCitation(s, cue) || citationRightAfter(d, cue)) {
				c.add(cue);
			}
		}
		return new SentenceFindings(s, p, b, d, c);
	}

	/**
	 * Verbs that issue only a citation written right after them: "có", "ra" ("Tỉnh ủy
	 * Nghệ An có Chương trình hành động số 21-CTr/TU", not "Tỉnh ủy có 45 ủy viên").
	 */
	private static boolean onlyBeforeCitation(SentenceText s, Cue cue) {
		String verb = s.folded.substring(cue.start(), cue.end());
		return verb.equals("co") || verb.equals("da co") || verb.equals("ra") || verb.equals("da ra");
	}

	private static boolean citationRightAfter(List<DocHit> docs, Cue cue) {
		for (DocHit d : docs) {
			if (d.start >= cue.end() && d.start - cue.end() <= 1) {
				return true;
			}
		}
		return false;
	}

	private static final java.util.regex.Pattern LIST_JOIN = java.util.regex.Pattern
		.compile("\\s*(?:,|,?\\s*và)\\s*(?:số\\s*)?");

	/**
	 * For each document, the citation whose issuer it has: itself, or — when it names
	 * none — the next citation of the same type and issuer suffix in a list ending with
	 * the issuer ("Nghị quyết số 05-NQ/TW ngày … và Nghị quyết số 06-NQ/TW ngày … của Ban
	 * Chấp hành Trung ương").
	 */
	private static DocHit[] listIssuerSources(SentenceFindings f) {
		List<DocHit> docs = f.docs;
		DocHit[] out = new DocHit[docs.size()];
		for (int i = docs.size() - 1; i >= 0; i--) {
			DocHit d = docs.get(i);
			out[i] = d;
			if (d.issuer != null || d.kind != DocKind.CODE || i + 1 >= docs.size()) {
				continue;
			}
			DocHit next = docs.get(i + 1);
			DocHit source = out[i + 1];
			if (next.kind == DocKind.CODE && source.issuer != null && next.start >= d.citationEnd
					&& (d.typeCode.equals(next.typeCode) || (d.sameDateForList && next.sameDateForList))
					&& d.suffix.equals(next.suffix)
					&& LIST_JOIN.matcher(f.sentence.text.substring(d.citationEnd, next.start)).matches()) {
				out[i] = source;
			}
		}
		return out;
	}

	/**
	 * Between two citations of a list: the first one's unquoted subject ("về …", with
	 * commas of its own), then ",", ";" or "và".
	 */
	private static final java.util.regex.Pattern SUBJECT_THEN_JOIN = java.util.regex.Pattern
		.compile("(?:\\s*,?\\s*ve\\s[^;():\"]{0,250}?)?\\s*(?:[,;]|[,;]?\\s*va)\\s*(?:so\\s*)?");

	/** The last citation's unquoted subject up to the "của" of its issuer. */
	private static final java.util.regex.Pattern SUBJECT_THEN_OF = java.util.regex.Pattern
		.compile("\\s*,?\\s*ve\\s[^;():\"]{0,250}?\\scua\\s");

	/**
	 * For each document of a list of citations of one type and issuer suffix, each with
	 * its unquoted subject and none with an issuer of its own, the central body named
	 * with "của" at the end of the last one's subject: "Nghị quyết số 66-NQ/TW ngày … về
	 * … và Nghị quyết số 68-NQ/TW ngày … về … của Bộ Chính trị" — both issued by the
	 * Politburo.
	 */
	private static BodyHit[] listTrailingIssuers(SentenceFindings f) {
		List<DocHit> docs = f.docs;
		BodyHit[] out = new BodyHit[docs.size()];
		String folded = f.sentence.folded;
		int first = 0;
		while (first < docs.size()) {
			int last = first;
			while (last + 1 < docs.size() && listed(docs.get(last), docs.get(last + 1), folded)) {
				last++;
			}
			DocHit end = docs.get(last);
			if (last > first && end.issuer == null) {
				for (BodyHit b : f.bodies) {
					if (b.central() && b.key != null && b.start > end.citationEnd
							&& (last + 1 >= docs.size() || b.end <= docs.get(last + 1).start)
							&& ReusableMatchers.of(SUBJECT_THEN_OF, folded)
								.region(end.citationEnd, b.start)
								.matches()) {
						for (int i = first; i <= last; i++) {
							out[i] = b;
						}
						break;
					}
				}
			}
			first = last + 1;
		}
		return out;
	}

	private static boolean listed(DocHit d, DocHit next, String folded) {
		return d.kind == DocKind.CODE && d.issuer == null && sameKind(d, next) && d.citationEnd <= next.start
				&& ReusableMatchers.of(SUBJECT_THEN_JOIN, folded).region(d.citationEnd, next.start).matches();
	}

	/**
	 * "… của Bộ Chính trị như", "… của Ban Bí thư gồm": the issuer introducing a list of
	 * citations.
	 */
	private static final java.util.regex.Pattern LIST_INTRO = java.util.regex.Pattern.compile(
			"\\s*(?:,?\\s*khoa\\s+[ivxlc]{1,6}\\s*)?(?:,\\s*)?(?:nhu|gom|bao gom|nhu la|trong do co|trong do)\\s*:?\\s*|\\s*:\\s*");

	/**
	 * For each document without an issuer of its own, the body that introduces the list
	 * it belongs to: "các quy định khác của Bộ Chính trị như Quy định số 50-QĐ/TW … và
	 * Quy định số 41-QĐ/TW …" — both issued by the Politburo. The body follows "của" and
	 * comes right before the list; the list goes on through "," / "và" / ";" between
	 * citations (each with its date and subject).
	 */
	private static BodyHit[] listIntroIssuers(SentenceFindings f) {
		List<DocHit> docs = f.docs;
		BodyHit[] out = new BodyHit[docs.size()];
		if (docs.isEmpty() || f.bodies.isEmpty()) {
			return out;
		}
		String folded = f.sentence.folded;
		BodyHit current = null;
		int previousEnd = -1;
		DocHit previous = null;
		for (int i = 0; i < docs.size(); i++) {
			DocHit d = docs.get(i);
			if (d.kind != DocKind.CODE) {
				current = pluralPlenumIntro(f, d, (i + 1 < docs.size()) ? docs.get(i + 1) : null);
				previousEnd = -1;
				continue;
			}
			BodyHit intro = null;
			for (BodyHit b : f.bodies) {
				if (b.end <= d.start && b.start >= 4 && folded.startsWith("cua ", b.start - 4)
						&& ReusableMatchers.of(LIST_INTRO, folded).region(b.end, d.start).matches()) {
					intro = b;
				}
			}
			if (intro != null) {
				current = intro;
			}
			else if (current != null && previousEnd >= 0 && previousEnd <= d.start
					&& !ReusableMatchers.of(LIST_CONTINUES, folded).region(previousEnd, d.start).matches()
					&& !(sameKind(previous, d)
							&& ReusableMatchers.of(SUBJECT_THEN_AND, folded).region(previousEnd, d.start).matches())
					&& !(sameKind(previous, d) && previous.citationEnd <= d.start
							&& ReusableMatchers.of(SUBJECT_THEN_JOIN, folded)
								.region(previous.citationEnd, d.start)
								.matches())) {
				current = null;
			}
			out[i] = d.issuer == null ? current : null;
			previousEnd = Math.max(d.citationEnd, d.attachEnd);
			previous = d;
		}
		return out;
	}

	/**
	 * "… các nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII,
	 * gồm: Nghị quyết số 42-NQ/TW …; Nghị quyết số 43-NQ/TW …": a plenum's resolutions in
	 * the plural introducing a list — the Central Committee named in it issues the list's
	 * central resolutions. Else null.
	 */
	private static BodyHit pluralPlenumIntro(SentenceFindings f, DocHit plenum, DocHit next) {
		String folded = f.sentence.folded;
		if (plenum.kind != DocKind.PLENUM || next == null || !DocumentRecognizer.centralResolution(next)
				|| plenum.start < 4 || !folded.startsWith("cac ", plenum.start - 4)) {
			return null;
		}
		int end = Math.max(plenum.citationEnd, plenum.attachEnd);
		if (end > next.start || !ReusableMatchers.of(LIST_INTRO, folded).region(end, next.start).matches()) {
			return null;
		}
		for (BodyHit b : f.bodies) {
			if (b.start >= plenum.start && b.end <= end && PartyBodyCatalog.CENTRAL_COMMITTEE.equals(b.centralKey)) {
				return b;
			}
		}
		return null;
	}

	/**
	 * A sentence announcing a list of documents of one type issued by a central body,
	 * written in the sentences after it: "Bộ Chính trị đã ban hành bốn nghị quyết …:",
	 * "Ban hành ba nghị quyết của Hội nghị lần thứ sáu Ban Chấp hành Trung ương khóa X".
	 */
	record ListIntroducer(BodyHit issuer, String typeCode, boolean plenum) {
	}

	private static final java.util.regex.Pattern PLURAL_OF_TYPE = java.util.regex.Pattern
		.compile("(?<![a-z0-9])(?:cac|hai|ba|bon|nam|sau|bay|tam|chin|muoi|nhieu|nhung|\\d{1,2})\\s+"
				+ "(?:van kien\\s+(?:quan trong\\s+)?(?:la|gom)\\s+)?(nghi quyet|ket luan|chi thi|quy dinh)(?![a-z0-9])");

	private static final Map<String, String> PLURAL_TYPE_CODES = Map.of("nghi quyet", "NQ", "ket luan", "KL", "chi thi",
			"CT", "quy dinh", "QĐ");

	/** What may stand before the first citation of a sentence that goes on a list. */
	private static final java.util.regex.Pattern LIST_ITEM_START = java.util.regex.Pattern
		.compile("\\s*(?:(?:do la|gom|bao gom|thu (?:nhat|hai|ba|tu|nam))\\s*[,:]?|[-+*\\u2022])?\\s*");

	/**
	 * The introducer of a list this sentence makes: no code of its own, a plural of a
	 * document type and a central body (the issuer).
	 */
	private static ListIntroducer listIntroducer(SentenceFindings f) {
		for (DocHit d : f.docs) {
			if (d.kind == DocKind.CODE) {
				return null;
			}
		}
		BodyHit central = null;
		for (BodyHit b : f.bodies) {
			if (b.central() && b.key != null) {
				central = b;
				break;
			}
		}
		if (central == null) {
			return null;
		}
		Matcher plural = ReusableMatchers.of(PLURAL_OF_TYPE, f.sentence.folded);
		if (!plural.find()) {
			return null;
		}
		String typeCode = PLURAL_TYPE_CODES.get(plural.group(1));
		return new ListIntroducer(central, typeCode,
				plenumsPlural(f, plural.start(1), plural.end(), central) && "NQ".equals(typeCode));
	}

	/**
	 * "các nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII": the
	 * plural is a plenum's resolutions, written right before the plenum, which the
	 * Central Committee (the central body found) issued.
	 */
	private static boolean plenumsPlural(SentenceFindings f, int typeStart, int pluralEnd, BodyHit central) {
		if (!PartyBodyCatalog.CENTRAL_COMMITTEE.equals(central.centralKey)) {
			return false;
		}
		String folded = f.sentence.folded;
		for (DocHit d : f.docs) {
			if (d.kind == DocKind.PLENUM && central.start >= d.start && (d.start == typeStart || d.start >= pluralEnd
					&& ReusableMatchers.of(PLURAL_TO_PLENUM, folded).region(pluralEnd, d.start).matches())) {
				return true;
			}
		}
		return false;
	}

	/** Between a plural and the plenum it belongs to: nothing, "của" or "tại". */
	private static final java.util.regex.Pattern PLURAL_TO_PLENUM = java.util.regex.Pattern
		.compile("\\s*(?:(?:cua|tai)\\s+)?");

	/**
	 * For a sentence that opens with a citation right after a list introducer (or goes on
	 * with such a list), the introducer's body for each central code of its type;
	 * {@code null} when the sentence does not go on the list.
	 */
	private static BodyHit[] listIntroducedBefore(SentenceFindings f, ListIntroducer intro) {
		if (intro == null || f.docs.isEmpty()) {
			return null;
		}
		DocHit first = f.docs.get(0);
		if (first.kind != DocKind.CODE) {
			return null;
		}
		boolean opens = ReusableMatchers.of(LIST_ITEM_START, f.sentence.folded).region(0, first.start).matches();
		if (!opens && !(intro.plenum() && noBodyBefore(f, first))) {
			return null;
		}
		BodyHit[] out = new BodyHit[f.docs.size()];
		for (int i = 0; i < out.length; i++) {
			DocHit d = f.docs.get(i);
			if (d.kind == DocKind.CODE && d.issuer == null && d.suffixRule != null && d.suffixRule.central()
					&& intro.typeCode().equals(d.typeCode)) {
				out[i] = intro.issuer();
			}
		}
		return out;
	}

	/**
	 * Whether the sentence names no body before its first citation: after a plenum's
	 * resolutions in the plural ("… quán triệt các nghị quyết Hội nghị lần thứ sáu Ban
	 * Chấp hành Trung ương Đảng khóa XII."), the central resolutions the next sentence
	 * cites without an issuer are that plenum's ("Tại hội nghị, các đại biểu được truyền
	 * đạt Nghị quyết số 18-NQ/TW … và Nghị quyết số 19-NQ/TW …", "Trọng tâm là …")
	 * wherever the sentence cites them, unless a body of its own stands before them.
	 */
	private static boolean noBodyBefore(SentenceFindings f, DocHit first) {
		for (BodyHit b : f.bodies) {
			if (b.start < first.start) {
				return false;
			}
		}
		return true;
	}

	/**
	 * For each central code of the type a plural announces right before a colon ("… đã
	 * ban hành ba nghị quyết quan trọng: Nghị quyết số 26-NQ/TW …; Nghị quyết số 27-NQ/TW
	 * …; và Nghị quyết số 28-NQ/TW …"), the issuer the first such code after the colon is
	 * stated to have, for the codes after it without an issuer of their own.
	 */
	private static BodyHit[] colonListIssuers(SentenceFindings f, RelationFinder.SentenceRelations sr) {
		BodyHit[] out = new BodyHit[f.docs.size()];
		String folded = f.sentence.folded;
		Matcher plural = ReusableMatchers.of(PLURAL_OF_TYPE, folded);
		if (!plural.find()) {
			return out;
		}
		int colon = folded.indexOf(':', plural.end());
		if (colon < 0 || colon - plural.end() > COLON_AFTER_PLURAL) {
			return out;
		}
		String typeCode = PLURAL_TYPE_CODES.get(plural.group(1));
		BodyHit issuer = null;
		for (int i = 0; i < f.docs.size(); i++) {
			DocHit d = f.docs.get(i);
			if (d.start < plural.end()) {
				continue;
			}
			if (d.start < colon) {
				return out;
			}
			if (d.kind != DocKind.CODE || !typeCode.equals(d.typeCode) || d.suffixRule == null
					|| !d.suffixRule.central()) {
				continue;
			}
			if (issuer == null) {
				issuer = d.issuer != null ? d.issuer : sr.clauseIssuer.get(d);
				if (issuer == null || !issuer.central() || issuer.key == null) {
					return out;
				}
			}
			else if (d.issuer == null) {
				out[i] = issuer;
			}
		}
		return out;
	}

	/**
	 * How far a colon may stand after the plural it closes ("ba nghị quyết quan trọng:").
	 */
	private static final int COLON_AFTER_PLURAL = 40;

	/**
	 * "Cả bốn nghị quyết đều do Ban Chấp hành Trung ương ban hành": a sentence without a
	 * code saying that all the documents of a type, counted, were issued by a central
	 * body; they are the central codes of that type the sentence before cites, when there
	 * are as many.
	 */
	record AllIssued(BodyHit issuer, String typeCode, int count) {
	}

	private static final java.util.regex.Pattern ALL_ISSUED_BY = java.util.regex.Pattern
		.compile("(?<![a-z0-9])ca\\s+(hai|ba|bon|nam|sau)\\s+(nghi quyet|ket luan|chi thi|quy dinh)\\s+"
				+ "(?:nay\\s+|tren\\s+)?(?:deu\\s+)?(?:duoc\\s+)?(?:do|cua)\\s+"
				+ "(?:hoi nghi\\s+(?:lan thu\\s+[a-z0-9]+(?:\\s+(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin))?"
				+ "|trung uong\\s+\\d{1,2})\\s+(?:cua\\s+)?)?$");

	private static final Map<String, Integer> COUNT_WORDS = Map.of("hai", 2, "ba", 3, "bon", 4, "nam", 5, "sau", 6);

	private static AllIssued allIssuedBy(SentenceFindings f) {
		if (f.bodies.isEmpty()) {
			return null;
		}
		for (DocHit d : f.docs) {
			if (d.kind == DocKind.CODE) {
				return null;
			}
		}
		for (BodyHit b : f.bodies) {
			if (!b.central() || b.key == null) {
				continue;
			}
			Matcher m = ReusableMatchers.of(ALL_ISSUED_BY, f.sentence.folded).region(0, b.start);
			if (m.find()) {
				return new AllIssued(b, PLURAL_TYPE_CODES.get(m.group(2)), COUNT_WORDS.get(m.group(1)));
			}
		}
		return null;
	}

	/**
	 * The rest of a subject with commas of its own, then "và" before the next citation of
	 * the list: "Nghị quyết số 57-NQ/TW … về khoa học, công nghệ, đổi mới sáng tạo và
	 * Nghị quyết số 68-NQ/TW".
	 */
	private static final java.util.regex.Pattern SUBJECT_THEN_AND = java.util.regex.Pattern
		.compile("[^;():\"]{0,200}?\\s(?:,\\s*)?va\\s+(?:so\\s*)?");

	private static boolean sameKind(DocHit previous, DocHit d) {
		return previous != null && previous.kind == DocKind.CODE && previous.typeCode.equals(d.typeCode)
				&& previous.suffix.equals(d.suffix);
	}

	/** Between two citations of one list: a comma, "và" or a semicolon. */
	private static final java.util.regex.Pattern LIST_CONTINUES = java.util.regex.Pattern
		.compile("\\s*(?:[,;]|[,;]?\\s*va)\\s*(?:so\\s*)?");

	/**
	 * Drops abbreviations read inside a code (BTCTW in 12-HD/BTCTW) and bodies inside a
	 * quoted subject.
	 */
	private static List<BodyHit> withoutBodiesInsideCitations(List<BodyHit> bodies, List<DocHit> docs) {
		List<BodyHit> kept = new ArrayList<>(bodies.size());
		for (BodyHit b : bodies) {
			boolean inside = false;
			for (DocHit d : docs) {
				boolean inCode = d.kind == DocKind.CODE && b.start >= d.start && b.end <= d.coreEnd;
				boolean inSubject = d.subjectEnd > 0 && b.start >= d.subjectStart && b.end <= d.subjectEnd;
				if ((inCode || inSubject) && d.issuer != b) {
					inside = true;
				}
			}
			if (!inside) {
				kept.add(b);
			}
		}
		return kept;
	}

	private Extraction assemble(List<SentenceFindings> findings, ProvinceUnit articleUnit, LocalDate asOf) {
		Map<String, ProvinceMention> provinceOut = new LinkedHashMap<>();
		Map<String, BodyMention> bodyOut = new LinkedHashMap<>();
		Map<String, DocumentMention> docOut = new LinkedHashMap<>();
		Map<String, List<String>> issuerOf = new LinkedHashMap<>();
		Map<String, String> issuerSentence = new LinkedHashMap<>();
		List<Relation> relationOut = new ArrayList<>();
		Set<RelationKey> relationKeys = new HashSet<>();

		ProvinceUnit implementer = articleUnit != null && onlyAsLocation(findings, articleUnit) ? null : articleUnit;
		List<DocHit> previousTop = List.of();
		List<String[]> collective = List.of();
		ListIntroducer pendingList = null;
		SentenceFindings previousFindings = null;
		for (SentenceFindings f : findings) {
			String sentence = f.sentence.text;
			AllIssued allIssued = allIssuedBy(f);
			if (allIssued != null && previousFindings != null) {
				String typeCode = allIssued.typeCode();
				List<DocHit> listed = new ArrayList<>();
				for (DocHit d : previousFindings.docs) {
					DocHit t = d.target();
					if (t.kind == DocKind.CODE && t.key != null && typeCode.equals(t.typeCode) && t.suffixRule != null
							&& t.suffixRule.central() && !listed.contains(t)) {
						listed.add(t);
					}
				}
				if (listed.size() == allIssued.count() && compatibleIssuer(listed.get(0), allIssued.issuer())) {
					for (DocHit t : listed) {
						issuerOf.putIfAbsent(t.key, List.of(allIssued.issuer().key));
						issuerSentence.putIfAbsent(t.key, sentence);
					}
				}
			}
			previousFindings = f;
			for (ProvinceHit p : f.provinces) {
				provinceOut.putIfAbsent(p.unit.key(),
						new ProvinceMention(p.unit.key(), this.gazetteer.nameAt(p.unit, asOf), p.surface, sentence));
			}
			for (BodyHit b : f.bodies) {
				if (!bodyOut.containsKey(b.key)) {
					bodyOut.put(b.key, new BodyMention(b.key, b.displayName, b.level, b.provinceKey, b.parentKey,
							b.surface, sentence));
				}
				if (b.provinceUnit != null) {
					provinceOut.putIfAbsent(b.provinceUnit.key(), new ProvinceMention(b.provinceUnit.key(),
							this.gazetteer.nameAt(b.provinceUnit, asOf), b.surface, sentence));
				}
			}
			RelationFinder.SentenceRelations sr = this.relations.find(f, implementer);
			for (DocHit y : sr.objectless) {
				for (DocHit x : previousTop) {
					sr.documentImplements.add(new DocHit[] { y, x });
				}
			}
			previousTop = sr.topLevel;
			DocHit[] issuerSource = listIssuerSources(f);
			BodyHit[] listIntroIssuer = listIntroIssuers(f);
			BodyHit[] listTrailingIssuer = listTrailingIssuers(f);
			BodyHit[] colonListIssuer = colonListIssuers(f, sr);
			BodyHit[] listBefore = listIntroducedBefore(f, pendingList);
			// a plenum's plural stays the subject through sentences citing nothing
			boolean keep = listBefore != null
					|| (pendingList != null && pendingList.plenum() && f.docs.isEmpty() && f.bodies.isEmpty());
			pendingList = keep ? pendingList : listIntroducer(f);
			for (int di = 0; di < f.docs.size(); di++) {
				DocHit d = f.docs.get(di);
				DocHit t = d.target();
				if (t.key == null) {
					continue;
				}
				if (!docOut.containsKey(t.key)) {
					docOut.put(t.key, toMention(t));
				}
				DocHit source = issuerSource[di];
				BodyHit explicit = source.issuer != null && source.issuer.key != null ? source.issuer : null;
				BodyHit clause = sr.clauseIssuer.get(d);
				if (clause == null && explicit == null) {
					clause = listIntroIssuer[di];
				}
				if (clause == null && explicit == null && listBefore != null) {
					clause = listBefore[di];
				}
				if (clause == null && explicit == null) {
					clause = listTrailingIssuer[di];
				}
				if (clause == null && explicit == null) {
					clause = colonListIssuer[di];
				}
				BodyHit stated = explicit != null ? explicit : clause;
				if (stated != null && t.kind != DocKind.PLENUM && t.kind != DocKind.CONGRESS
						&& compatibleIssuer(t, stated)) {
					if (!issuerOf.containsKey(t.key)) {
						List<String> issuers = new ArrayList<>(2);
						issuers.add(stated.key);
						List<BodyHit> coIssuers = stated == explicit ? source.coIssuers
								: sr.clauseCoIssuers.getOrDefault(d, List.of());
						for (BodyHit co : coIssuers) {
							if (co.key != null && !issuers.contains(co.key)) {
								issuers.add(co.key);
							}
						}
						issuerOf.put(t.key, issuers);
						issuerSentence.put(t.key, sentence);
					}
				}
			}
			for (DocHit[] pair : sr.documentImplements) {
				String from = pair[0].target().key;
				String to = pair[1].target().key;
				if (from != null && to != null && !from.equals(to)) {
					addRelation(relationOut, relationKeys, RelationType.IMPLEMENTS, NodeRef.document(from),
							NodeRef.document(to), sentence);
					String province = localProvince(pair[0].target());
					if (province != null) {
						if (addRelation(relationOut, relationKeys, RelationType.IMPLEMENTS, NodeRef.province(province),
								NodeRef.document(to), sentence)) {
							ensureProvince(provinceOut, province, sentence, asOf);
						}
					}
				}
			}
			for (DocHit g : sr.collectiveImplements) {
				if (g.target().key != null) {
					if (collective.isEmpty()) {
						collective = new ArrayList<>(2);
					}
					collective.add(new String[] { g.target().key, sentence });
				}
			}
			for (Object[] pair : sr.provinceImplements) {
				String province = (String) pair[0];
				String to = ((DocHit) pair[1]).target().key;
				if (province != null && to != null) {
					if (addRelation(relationOut, relationKeys, RelationType.IMPLEMENTS, NodeRef.province(province),
							NodeRef.document(to), sentence)) {
						ensureProvince(provinceOut, province, sentence, asOf);
					}
				}
			}
		}
		if (!collective.isEmpty()) {
			Set<String> actors = actorProvinces(findings, asOf);
			if (actors.size() >= 2) {
				for (String[] c : collective) {
					for (String province : actors) {
						addRelation(relationOut, relationKeys, RelationType.IMPLEMENTS, NodeRef.province(province),
								NodeRef.document(c[0]), c[1]);
					}
				}
			}
		}
		dropOtherProvincesDocuments(relationOut, relationKeys);
		carryOutTheOpeningDocument(findings, issuerOf, relationOut, relationKeys, provinceOut, asOf);
		carryThroughLocalDocuments(relationOut, relationKeys, docOut, provinceOut, asOf);
		// the chains may reach another unit's document again (a former unit's plan
		// carrying
		// out its own congress's resolution)
		dropOtherProvincesDocuments(relationOut, relationKeys);
		// Issuers implied by the code or the citation form when none is stated.
		for (SentenceFindings f : findings) {
			for (DocHit d : f.docs) {
				DocHit t = d.target();
				if (t.key == null || issuerOf.containsKey(t.key)) {
					continue;
				}
				String implied = impliedIssuer(t);
				if (implied != null) {
					issuerOf.put(t.key, List.of(implied));
					issuerSentence.put(t.key, f.sentence.text);
					ensureBody(bodyOut, implied, t.surface, f.sentence.text);
				}
			}
		}
		for (Map.Entry<String, List<String>> e : issuerOf.entrySet()) {
			for (String issuer : e.getValue()) {
				// a stated issuer not recognized as a body mention (a plenum as the
				// subject of the verb)
				if (!bodyOut.containsKey(issuer)) {
					ensureBody(bodyOut, issuer, this.catalog.byKey(issuer).map(CentralBody::name).orElse(issuer),
							issuerSentence.get(e.getKey()));
				}
				addRelation(relationOut, relationKeys, RelationType.ISSUED_BY, NodeRef.document(e.getKey()),
						NodeRef.body(issuer), issuerSentence.get(e.getKey()));
			}
			DocumentMention m = docOut.get(e.getKey());
			if (m != null) {
				docOut.put(e.getKey(), withIssuer(m, e.getValue().get(0)));
			}
		}
		for (BodyMention b : bodyOut.values()) {
			if (b.provinceKey() != null) {
				addRelation(relationOut, relationKeys, RelationType.OF_PROVINCE, NodeRef.body(b.key()),
						NodeRef.province(b.provinceKey()), b.sentence());
			}
			if (b.parentKey() != null && bodyOut.containsKey(b.parentKey())) {
				addRelation(relationOut, relationKeys, RelationType.PART_OF, NodeRef.body(b.key()),
						NodeRef.body(b.parentKey()), b.sentence());
			}
		}
		return new Extraction(articleUnit == null ? null : articleUnit.key(), new ArrayList<>(provinceOut.values()),
				new ArrayList<>(bodyOut.values()), new ArrayList<>(docOut.values()), relationOut);
	}

	/**
	 * A province, or a document of a province, does not carry out a local document of
	 * another province: the local documents a province carries out are its own party
	 * organisation's (its plans carry out its Tỉnh ủy's resolutions), or, after the 2025
	 * merger, those of a former unit that merged into it ({@code 66-2025} and
	 * {@code …|54|…}) — but not a former unit's congress resolution, which was its own
	 * term's (the unit carries out its own congress's). Such a pair comes from a round-up
	 * of several provinces' plans read as one chain ("Tỉnh ủy Kon Tum có Chương trình …
	 * 27-CTr/TU …. Ban Thường vụ Tỉnh ủy Gia Lai ban hành Kế hoạch số 112-KH/TU …"); it
	 * is dropped.
	 */
	private void dropOtherProvincesDocuments(List<Relation> relations, Set<RelationKey> keys) {
		relations.removeIf(r -> {
			if (r.type() != RelationType.IMPLEMENTS || r.to().kind() != NodeKind.DOCUMENT) {
				return false;
			}
			String of = documentProvince(r.to().key());
			String by = r.from().kind() == NodeKind.PROVINCE ? r.from().key()
					: r.from().kind() == NodeKind.DOCUMENT ? documentProvince(r.from().key()) : null;
			if (of == null || by == null || of.equals(by)) {
				return false;
			}
			ProvinceUnit unit = this.gazetteer.byKey(of).orElse(null);
			if (unit == null || (by.equals(unit.mergedIntoKey()) && !r.to().key().startsWith("NQ-DH-"))) {
				// a former unit's congress resolution was its own term's: the unit it
				// merged into carries out its own congress's
				return false;
			}
			keys.remove(new RelationKey(r.type(), r.from(), r.to()));
			return true;
		});
	}

	/**
	 * The province of a local document's identity key ({@code 48-KH/TU|66|…} and
	 * {@code 25-KH/ThU|66:vinh|…} → {@code 66}); {@code null} for a central or unknown
	 * scope.
	 */
	private static String documentProvince(String documentKey) {
		int first = documentKey.indexOf('|');
		int second = first < 0 ? -1 : documentKey.indexOf('|', first + 1);
		if (second < 0) {
			return null;
		}
		String scope = documentKey.substring(first + 1, second);
		int colon = scope.indexOf(':');
		String province = colon >= 0 ? scope.substring(0, colon) : scope;
		return province.equals(PartyBodyCatalog.CENTRAL_SCOPE) || province.equals("?") ? null : province;
	}

	/** How far into the text the central document an article opens on may be cited. */
	private static final int OPENING_SENTENCES = 2;

	/**
	 * An article that opens on one central document and reports it carried out, then
	 * reports the local committees' plans one by one without naming that document again
	 * ("Thực hiện Chỉ thị số 35-CT/TW …, các tỉnh đã sớm ban hành kế hoạch. Ban Thường vụ
	 * Tỉnh ủy Hà Giang ban hành Kế hoạch số 140-KH/TU ngày 2-7-2019, …; Tỉnh ủy Tuyên
	 * Quang có Kế hoạch số 135-KH/TU …"): each plan or programme (or document of the
	 * opening document's type: the provinces' guidance after a central guidance) a local
	 * body issues there, with no subject and no document it carries out of its own,
	 * carries out the opening document, and so does its province, when the plans and the
	 * local documents carrying it out are of two provinces or more (a round-up; a single
	 * province's plan in a review of the document is not said to carry it out). The
	 * opening document is the one central document of the first sentence citing one (the
	 * title or the first {@value #OPENING_SENTENCES} sentences of the text), which
	 * something in the article is stated to carry out; the rule ends at the first other
	 * central document that does not carry it out, and no plan in a sentence that
	 * replaces or amends, nor one dated before the opening document, is taken. Besides
	 * plans and programmes, a document of the opening document's own type is taken (the
	 * provinces' guidance in a round-up opening on a central guidance).
	 */
	private void carryOutTheOpeningDocument(List<SentenceFindings> findings, Map<String, List<String>> issuerOf,
			List<Relation> relations, Set<RelationKey> keys, Map<String, ProvinceMention> provinceOut, LocalDate asOf) {
		String opening = null;
		String openingType = null;
		LocalDate openingDate = null;
		int openingAt = -1;
		for (int i = 0; i < findings.size() && i <= OPENING_SENTENCES && opening == null; i++) {
			for (DocHit d : findings.get(i).docs) {
				DocHit t = d.target();
				if (t.key == null || !PartyBodyCatalog.CENTRAL_SCOPE.equals(t.scopeKey)) {
					continue;
				}
				if (opening != null && !opening.equals(t.key)) {
					return;
				}
				opening = t.key;
				openingType = t.typeCode;
				openingDate = t.date;
				openingAt = i;
			}
		}
		if (opening == null) {
			return;
		}
		Set<String> implementing = new HashSet<>();
		boolean carriedOut = false;
		for (Relation r : relations) {
			if (r.type() == RelationType.IMPLEMENTS) {
				if (r.from().kind() == NodeKind.DOCUMENT) {
					implementing.add(r.from().key());
				}
				carriedOut |= r.to().key().equals(opening);
			}
		}
		if (!carriedOut) {
			return;
		}
		// the plans, with the sentence each is in, and the provinces of the local
		// documents
		// carrying out the opening document: a round-up names several
		Map<String, String> plans = new LinkedHashMap<>();
		Set<String> provinces = new HashSet<>();
		for (Relation r : relations) {
			if (r.type() == RelationType.IMPLEMENTS && r.to().key().equals(opening)
					&& r.from().kind() == NodeKind.DOCUMENT && documentProvince(r.from().key()) != null) {
				provinces.add(documentProvince(r.from().key()));
			}
		}
		scan: for (int i = openingAt + 1; i < findings.size(); i++) {
			SentenceFindings f = findings.get(i);
			boolean negative = false;
			for (Cue c : f.cues) {
				negative |= c.kind() == CueKind.NEGATIVE;
			}
			for (DocHit d : f.docs) {
				DocHit t = d.target();
				if (t.key == null || t.key.equals(opening)) {
					continue;
				}
				if (PartyBodyCatalog.CENTRAL_SCOPE.equals(t.scopeKey)) {
					if (!implementsDocument(relations, t.key, opening)) {
						break scan;
					}
					continue;
				}
				if (negative || t.kind != DocKind.CODE || t.subject != null || ownSubject(f, d)
						|| !issuerOf.containsKey(t.key) || implementing.contains(t.key)
						|| !("KH".equals(t.typeCode) || "CTr".equals(t.typeCode) || t.typeCode.equals(openingType))
						|| (t.date != null && openingDate != null && t.date.isBefore(openingDate))) {
					continue;
				}
				String province = localProvince(t);
				if (province == null) {
					continue;
				}
				plans.putIfAbsent(t.key, f.sentence.text);
				implementing.add(t.key);
				provinces.add(province);
			}
		}
		// one province's story ("Tỉnh ủy đã ban hành Kế hoạch 15-KH/TU …" in a review of
		// a directive) is no round-up: its plan is not said to carry the document out
		if (provinces.size() < 2) {
			return;
		}
		for (Map.Entry<String, String> plan : plans.entrySet()) {
			addRelation(relations, keys, RelationType.IMPLEMENTS, NodeRef.document(plan.getKey()),
					NodeRef.document(opening), plan.getValue());
			String province = documentProvince(plan.getKey());
			if (addRelation(relations, keys, RelationType.IMPLEMENTS, NodeRef.province(province),
					NodeRef.document(opening), plan.getValue())) {
				ensureProvince(provinceOut, province, plan.getValue(), asOf);
			}
		}
	}

	/** Whether a citation is followed by a subject of its own ("… về phát triển …"). */
	private static boolean ownSubject(SentenceFindings f, DocHit d) {
		String after = f.sentence.folded.substring(Math.min(d.citationEnd, f.sentence.folded.length())).stripLeading();
		return after.startsWith("ve ");
	}

	private static boolean implementsDocument(List<Relation> relations, String from, String to) {
		for (Relation r : relations) {
			if (r.type() == RelationType.IMPLEMENTS && r.from().key().equals(from) && r.to().key().equals(to)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A document carrying out a local document that carries out X carries out X too ("Kế
	 * hoạch của Thành ủy Vinh thực hiện Kế hoạch số 48-KH/TU của Tỉnh ủy về thực hiện
	 * Nghị quyết 22": the city plan implements Resolution 22). Only through local
	 * documents: a central conclusion on a directive does not make a plan implement the
	 * directive.
	 */
	private void carryThroughLocalDocuments(List<Relation> relations, Set<RelationKey> keys,
			Map<String, DocumentMention> docs, Map<String, ProvinceMention> provinceOut, LocalDate asOf) {
		Map<String, List<String>> implemented = new LinkedHashMap<>();
		for (Relation r : relations) {
			if (r.type() == RelationType.IMPLEMENTS && r.from().kind() == NodeKind.DOCUMENT) {
				implemented.computeIfAbsent(r.from().key(), k -> new ArrayList<>(2)).add(r.to().key());
			}
		}
		if (implemented.size() < 2) {
			return;
		}
		List<Relation> direct = new ArrayList<>(relations);
		for (Relation r : direct) {
			if (r.type() != RelationType.IMPLEMENTS || r.from().kind() != NodeKind.DOCUMENT) {
				continue;
			}
			DocumentMention middle = docs.get(r.to().key());
			List<String> further = implemented.get(r.to().key());
			if (middle == null || further == null || middle.scopeKey() == null || middle.scopeKey().equals("?")
					|| middle.scopeKey().equals(PartyBodyCatalog.CENTRAL_SCOPE)) {
				continue;
			}
			DocumentMention from = docs.get(r.from().key());
			for (String x : further) {
				if (x.equals(r.from().key())) {
					continue;
				}
				addRelation(relations, keys, RelationType.IMPLEMENTS, r.from(), NodeRef.document(x), r.sentence());
				String province = from == null ? null : localScopeProvince(from.scopeKey());
				if (province != null) {
					if (addRelation(relations, keys, RelationType.IMPLEMENTS, NodeRef.province(province),
							NodeRef.document(x), r.sentence())) {
						ensureProvince(provinceOut, province, r.sentence(), asOf);
					}
				}
			}
		}
	}

	private static String localScopeProvince(String scope) {
		if (scope == null || scope.equals("?") || scope.equals(PartyBodyCatalog.CENTRAL_SCOPE)) {
			return null;
		}
		int colon = scope.indexOf(':');
		return colon >= 0 ? scope.substring(0, colon) : scope;
	}

	/**
	 * The provinces an article names as actors, for a plural subject ("các tỉnh", "cả ba
	 * tỉnh"): the provinces of its local bodies and the provinces it names outside the
	 * documents' citations, except those named only as the place of something that is not
	 * a party body, and a unit merged away before the article (a former province is no
	 * actor any more: "Quảng Trị sau hợp nhất với Quảng Bình").
	 */
	private Set<String> actorProvinces(List<SentenceFindings> findings, LocalDate asOf) {
		Set<String> actors = new LinkedHashSet<>();
		for (SentenceFindings f : findings) {
			for (BodyHit b : f.bodies) {
				if (!b.central() && b.provinceUnit != null) {
					actors.add(b.provinceUnit.key());
				}
			}
			for (ProvinceHit p : f.provinces) {
				boolean inDoc = false;
				for (DocHit d : f.docs) {
					if (p.start >= d.start && p.start < d.attachEnd) {
						inDoc = true;
					}
				}
				if (!inDoc && !this.relations.locationOfOther(f, p) && !mergedAwayBy(p.unit, asOf)
						&& !boundOfARange(f, p) && !possessorOfAPlace(f, p)) {
					actors.add(p.unit.key());
				}
			}
		}
		return actors;
	}

	/**
	 * Whether a province is named as a bound of a range of provinces ("từ Quảng Bình đến
	 * Bình Thuận"): the range is a region, its bounds are not actors by themselves.
	 */
	private static boolean boundOfARange(SentenceFindings f, ProvinceHit p) {
		String folded = f.sentence.folded;
		int before = p.start;
		for (String unitWord : RANGE_UNIT_WORDS) {
			if (folded.startsWith(unitWord, before - unitWord.length())) {
				before -= unitWord.length();
				break;
			}
		}
		if (folded.startsWith("tu ", before - 3) && (before == 3 || folded.charAt(before - 4) == ' ')) {
			return folded.startsWith(" den ", p.end);
		}
		if (folded.startsWith(" den ", before - 5)) {
			for (ProvinceHit q : f.provinces) {
				if (q.end <= before - 5 && q.end >= before - 5 - 1 && boundOfARange(f, q)) {
					return true;
				}
			}
		}
		return false;
	}

	private static final String[] RANGE_UNIT_WORDS = { "tinh ", "thanh pho ", "tp " };

	/**
	 * Whether a province is named as the owner of a place or a work ("liên kết với các
	 * khu kinh tế ven biển của Quảng Bình, Nghệ An"): a noun of place before {@code của}
	 * and the province after it, or in a list going on from it; it is no actor.
	 */
	private static boolean possessorOfAPlace(SentenceFindings f, ProvinceHit p) {
		String folded = f.sentence.folded;
		int before = p.start;
		while (true) {
			Matcher m = ReusableMatchers.of(PLACE_OF, folded).region(0, before);
			if (m.find()) {
				return true;
			}
			ProvinceHit previous = null;
			for (ProvinceHit q : f.provinces) {
				if (q.end <= before && before - q.end <= 6
						&& ReusableMatchers.of(PROVINCE_LIST_JOIN, folded).region(q.end, before).matches()) {
					previous = q;
				}
			}
			if (previous == null) {
				return false;
			}
			before = previous.start;
		}
	}

	private static final java.util.regex.Pattern PLACE_OF = java.util.regex.Pattern
		.compile("(?<![a-z0-9])(?:khu kinh te|khu cong nghiep|cang|cang bien|san bay|vung|bo bien|ven bien|bien gioi|"
				+ "dia ban|dia gioi|vung bien|cua khau)(?:\\s+[a-z0-9]+){0,2}\\s+cua\\s+(?:(?:tinh|thanh pho|tp)\\s+)?$");

	private static final java.util.regex.Pattern PROVINCE_LIST_JOIN = java.util.regex.Pattern
		.compile("\\s*(?:,|va)\\s*(?:(?:tinh|thanh pho|tp)\\s+)?");

	/**
	 * Whether the article names its province only as the place of something that is not a
	 * party body (a power plant in Hậu Giang checked by a central bloc committee): then
	 * it is no implementer by default.
	 */
	private boolean onlyAsLocation(List<SentenceFindings> findings, ProvinceUnit unit) {
		boolean seen = false;
		for (SentenceFindings f : findings) {
			for (BodyHit b : f.bodies) {
				if (!b.central() && b.provinceUnit != null && unit.key().equals(b.provinceUnit.key())) {
					return false;
				}
			}
			for (ProvinceHit p : f.provinces) {
				if (p.unit.key().equals(unit.key())) {
					if (!this.relations.locationOfOther(f, p)) {
						return false;
					}
					seen = true;
				}
			}
		}
		return seen;
	}

	private static boolean mergedAwayBy(ProvinceUnit unit, LocalDate asOf) {
		return asOf != null && !unit.existsAfterMerger() && !asOf.isBefore(ProvinceGazetteer.MERGER_DATE);
	}

	private void ensureProvince(Map<String, ProvinceMention> out, String key, String sentence, LocalDate asOf) {
		if (!out.containsKey(key)) {
			ProvinceUnit unit = this.gazetteer.byKey(key).orElse(null);
			if (unit != null) {
				String name = this.gazetteer.nameAt(unit, asOf);
				out.put(key, new ProvinceMention(key, name, name, sentence));
			}
		}
	}

	private void ensureBody(Map<String, BodyMention> out, String key, String surface, String sentence) {
		if (out.containsKey(key)) {
			return;
		}
		CentralBody central = this.catalog.byKey(key).orElse(null);
		if (central != null) {
			out.put(key, new BodyMention(key, central.name(), BodyLevel.CENTRAL, null,
					this.catalog.parentKey(key).orElse(null), surface, sentence));
			return;
		}
		int slash = key.indexOf('/');
		String provinceKey = key.substring(0, slash);
		ProvinceUnit unit = this.gazetteer.byKey(provinceKey).orElse(null);
		String committee = unit != null && unit.isCity() ? "thanh-uy" : "tinh-uy";
		String slug = key.substring(slash + 1);
		String name = LOCAL_NAMES.getOrDefault(slug, slug) + (unit != null ? " " + unit.name() : "");
		String parent = slug.equals(committee) ? null : provinceKey + "/" + committee;
		out.put(key, new BodyMention(key, name, BodyLevel.PROVINCIAL, provinceKey, parent, surface, sentence));
	}

	private static final Map<String, String> LOCAL_NAMES = Map.ofEntries(
			Map.entry("ban-to-chuc-tinh-uy", "Ban Tổ chức Tỉnh ủy"),
			Map.entry("ban-tuyen-giao-tinh-uy", "Ban Tuyên giáo Tỉnh ủy"),
			Map.entry("ban-dan-van-tinh-uy", "Ban Dân vận Tỉnh ủy"),
			Map.entry("ban-noi-chinh-tinh-uy", "Ban Nội chính Tỉnh ủy"),
			Map.entry("uy-ban-kiem-tra-tinh-uy", "Ủy ban Kiểm tra Tỉnh ủy"),
			Map.entry("van-phong-tinh-uy", "Văn phòng Tỉnh ủy"),
			Map.entry("ban-to-chuc-thanh-uy", "Ban Tổ chức Thành ủy"),
			Map.entry("uy-ban-kiem-tra-thanh-uy", "Ủy ban Kiểm tra Thành ủy"), Map.entry("tinh-uy", "Tỉnh ủy"),
			Map.entry("thanh-uy", "Thành ủy"));

	private String impliedIssuer(DocHit t) {
		if (t.kind == DocKind.PLENUM) {
			return PartyBodyCatalog.CENTRAL_COMMITTEE;
		}
		if (t.kind == DocKind.CONGRESS && t.provincialCongress) {
			// the congress of the provincial party organisation: its resolution is the
			// Tỉnh ủy's (Thành ủy's)
			ProvinceUnit unit = this.gazetteer.byKey(t.scopeKey).orElse(null);
			return unit == null ? null : PartyBodyCatalog.localKey(unit.key(), unit.isCity() ? "Thành ủy" : "Tỉnh ủy");
		}
		if (t.kind != DocKind.CODE || t.suffixRule == null) {
			return null;
		}
		if (t.plenumIssued) {
			return PartyBodyCatalog.CENTRAL_COMMITTEE;
		}
		String issuer = t.suffixRule.issuer();
		if (issuer != null) {
			if (issuer.startsWith("{P}")) {
				String scope = t.scopeKey;
				if (scope == null || scope.equals("?")) {
					return null;
				}
				int colon = scope.indexOf(':');
				String province = colon >= 0 ? scope.substring(0, colon) : scope;
				ProvinceUnit unit = this.gazetteer.byKey(province).orElse(null);
				String resolved = issuer.replace("{P}", province);
				if (unit != null && unit.isCity()) {
					resolved = resolved.replace("-tinh-uy", "-thanh-uy");
				}
				return resolved;
			}
			return issuer;
		}
		if (t.suffixRule.central()) {
			ExtractionRules.CodeType codeType = this.rules.codeTypes.get(TextNormalizer.fold(t.typeCode));
			if (codeType != null && codeType.centralIssuer() != null && "TW".equals(t.suffix)) {
				return codeType.centralIssuer();
			}
		}
		return null;
	}

	private static boolean compatibleIssuer(DocHit t, BodyHit body) {
		if (t.kind != DocKind.CODE) {
			return true;
		}
		// a code of a local suffix issued by a central body is central (its scope says
		// so)
		boolean central = t.suffixRule.central() || PartyBodyCatalog.CENTRAL_SCOPE.equals(t.scopeKey);
		return central == body.central();
	}

	private static String localProvince(DocHit d) {
		String scope = d.scopeKey;
		if (scope == null || scope.equals("?") || scope.equals(PartyBodyCatalog.CENTRAL_SCOPE)) {
			return null;
		}
		int colon = scope.indexOf(':');
		return colon >= 0 ? scope.substring(0, colon) : scope;
	}

	private static DocumentMention toMention(DocHit t) {
		IssuingLevel level;
		if (t.suffixRule != null) {
			level = t.suffixRule.level();
		}
		else if (t.kind == DocKind.CONGRESS) {
			level = t.provincialCongress ? IssuingLevel.PROVINCIAL : IssuingLevel.CENTRAL;
		}
		else {
			level = IssuingLevel.OTHER;
		}
		String code = t.kind == DocKind.CODE ? ArticleResolver.codeOf(t) : null;
		Integer year = t.year != null ? t.year : (t.date != null ? t.date.getYear() : null);
		String number = (t.kind == DocKind.CODE || t.kind == DocKind.SHORT) ? t.number : null;
		return new DocumentMention(t.key, code, t.type, number, t.suffix, level, t.scopeKey, t.date, year, t.term, null,
				t.subject, t.surface, t.sentence.text, t.unresolved);
	}

	private static DocumentMention withIssuer(DocumentMention m, String issuer) {
		return new DocumentMention(m.key(), m.code(), m.type(), m.number(), m.issuerSuffix(), m.level(), m.scopeKey(),
				m.issuedOn(), m.year(), m.term(), issuer, m.subject(), m.surface(), m.sentence(), m.unresolved());
	}

	private record RelationKey(RelationType type, NodeRef from, NodeRef to) {
	}

	/**
	 * Adds a relation once. A province never implements a document of its own party
	 * organisation ({@link #ownDocument}): such a pair is not added.
	 * @return whether the relation is in the output (added now or before)
	 */
	private static boolean addRelation(List<Relation> out, Set<RelationKey> seen, RelationType type, NodeRef from,
			NodeRef to, String sentence) {
		if (type == RelationType.IMPLEMENTS && from.kind() == NodeKind.PROVINCE && to.kind() == NodeKind.DOCUMENT
				&& ownDocument(from.key(), to.key())) {
			return false;
		}
		if (seen.add(new RelationKey(type, from, to))) {
			out.add(new Relation(type, from, to, sentence));
		}
		return true;
	}

	/**
	 * Whether a document is one of a province's own party organisation: the scope of its
	 * identity key ({@code code|scope|when}), before any {@code :district} part, is the
	 * province's key ({@code 48-KH/TU|66|2008-04-28} and {@code 25-KH/ThU|66:xyz|…} for
	 * {@code 66}; not {@code …|66|…} for {@code 66-2025}, a former unit's document
	 * carried out by the unit it merged into). The province issued such a document; it
	 * does not implement it (the labelling convention in docs/extraction.md).
	 * @param provinceKey a province's key
	 * @param documentKey a document's identity key
	 * @return whether the document's scope is that province
	 */
	static boolean ownDocument(String provinceKey, String documentKey) {
		int first = documentKey.indexOf('|');
		int second = first < 0 ? -1 : documentKey.indexOf('|', first + 1);
		if (second < 0) {
			return false;
		}
		int end = documentKey.indexOf(':', first + 1);
		if (end < 0 || end > second) {
			end = second;
		}
		return documentKey.regionMatches(first + 1, provinceKey, 0, provinceKey.length())
				&& end - first - 1 == provinceKey.length();
	}

}
