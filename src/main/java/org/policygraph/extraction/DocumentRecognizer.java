package org.policygraph.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policygraph.extraction.ExtractionRules.CodeType;
import org.policygraph.extraction.ExtractionRules.TypeWord;
import org.policygraph.extraction.Hits.BodyHit;
import org.policygraph.extraction.Hits.DocHit;
import org.policygraph.extraction.Hits.DocKind;
import org.policygraph.extraction.Hits.ProvinceHit;
import org.policygraph.reference.TextNormalizer;

/**
 * Finds document citations in a sentence and reads their tails.
 *
 * <ul>
 * <li>full codes {@code NUMBER-TYPE/ISSUER} (spaces around the dash allowed,
 * {@code 22/NQ-TW} accepted), with the type word before them ({@code Quy định số})
 * deciding the type;</li>
 * <li>the tail: date ({@code ngày 2-2-2008}, {@code 10/5/2016},
 * {@code ngày 22 tháng 9 năm 2017}, {@code năm 2018}), issuer ({@code của}/{@code do} +
 * body), term ({@code (khóa X)}), subject ({@code về "…"});</li>
 * <li>short names ({@code Nghị quyết số 22}), anaphors ({@code Kết luận này}), plenum
 * resolutions ({@code Nghị quyết Trung ương 4 khóa XII}) and congress resolutions
 * ({@code Nghị quyết Đại hội
 * XII của Đảng}, {@code Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII}).</li>
 * </ul>
 */
final class DocumentRecognizer {

	private static final Pattern CODE = Pattern.compile(
			"(?<![\\p{L}\\p{N}/.,-])(\\d{1,4})\\s{0,2}-\\s{0,2}(\\p{L}{2,4})\\s{0,2}/\\s{0,2}(\\p{L}{1,10})(?![\\p{L}\\p{N}])");

	private static final Pattern CODE_SWAPPED = Pattern.compile(
			"(?<![\\p{L}\\p{N}/.,-])(\\d{1,4})\\s{0,2}/\\s{0,2}(\\p{L}{2,4})\\s{0,2}-\\s{0,2}(\\p{L}{1,10})(?![\\p{L}\\p{N}/])");

	// Tail patterns run on the folded sentence (same offsets, no diacritics, lower case).
	private static final Pattern DATE_NUMERIC = Pattern.compile(
			"\\s*,?\\s*\\(?\\s*(?:ban hanh\\s+|duoc ban hanh\\s+)?(?:cung\\s+(?=ngay))?(?:ngay\\s*)?(\\d{1,2})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)\\s*\\)?");

	private static final Pattern DATE_WORDS = Pattern.compile(
			"\\s*,?\\s*\\(?\\s*(?:ban hanh\\s+)?(?:cung\\s+)?ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})(?!\\d)\\s*\\)?");

	/**
	 * "(2018)", "năm 2018", and a month in brackets: "Nghị quyết số 57-NQ/TW (tháng
	 * 12-2024)" gives the year.
	 */
	private static final Pattern YEAR = Pattern.compile(
			"\\s*,?\\s*(?:\\(\\s*(?:nam\\s+|(?:ban hanh\\s+)?(?:vao\\s+)?thang\\s+\\d{1,2}\\s*[-/]\\s*)?(\\d{4})\\s*\\)"
					+ "|(?:ban hanh\\s+)?nam\\s+(\\d{4}))(?!\\d)");

	/**
	 * "Kết luận số 21-KL/TW ngày 25-10-2021 … và Quy định số 37-QĐ/TW cùng ngày của Ban
	 * Chấp hành Trung ương": "cùng ngày" with no date after it is the date of the last
	 * dated citation before in the sentence.
	 */
	private static final Pattern SAME_DAY_AS_BEFORE = Pattern
		.compile("\\s*,?\\s*cung ngay(?!\\s*(?:\\d|thang|nay|do|ay))");

	/** On the normalized text: "do" must not be confused with folded "đó". */
	private static final Pattern ISSUER_PREP = Pattern.compile("\\s*,?\\s*(?:của|Của|do|Do)\\s+");

	/**
	 * A unit named by its level alone after "của", not followed by its name: "của huyện
	 * về …", "của phường.".
	 */
	private static final Pattern OWN_UNIT = Pattern
		.compile("(huyen|quan|phuong|xa)(?=\\s*[,.;:)]|\\s+(?:ve|nham|de|va|thuc hien|trien khai)\\b|\\s*$)");

	/**
	 * The committee of a unit of that level ("Huyện ủy Lý Sơn", "Đảng ủy phường Đồng
	 * Xoài") named last before {@code before} in the sentence, else null.
	 */
	private static BodyHit committeeOfUnitBefore(SentenceText s, List<BodyHit> bodies, int before, String unit) {
		String committee = switch (unit) {
			case "huyen" -> "huyen uy ";
			case "quan" -> "quan uy ";
			default -> "dang uy " + unit + " ";
		};
		BodyHit found = null;
		for (BodyHit b : bodies) {
			if (b.end <= before && b.level != BodyLevel.CENTRAL
					&& s.folded.substring(b.start, b.end).toLowerCase(java.util.Locale.ROOT).contains(committee)) {
				found = b;
			}
		}
		return found;
	}

	/** A plenum written right after a citation's date: the issuer without "của". */
	private static final Pattern PLENUM_LEAD = Pattern.compile("\\s*,?\\s*(?=Hội nghị )");

	/** "Trung ương Đoàn", "Trung ương Hội …": central bodies that are not the Party's. */
	private static final Pattern CENTRAL_OTHER_THAN_COMMITTEE = Pattern
		.compile("\\s*(?:doan|hoi|mat tran|cuc|ban|uy ban|dang bo)(?![a-z0-9])");

	private static final Pattern TERM = Pattern
		.compile("\\s*,?\\s*\\(?\\s*khoa\\s+([ivxlc]{1,6}|\\d{1,2})(?![a-z0-9])\\s*\\)?");

	private static final Pattern QUOTED_SUBJECT = Pattern.compile("\\s*,?\\s*(?:[vV]ề\\s*)?\"([^\"]{2,400})\"");

	private static final Pattern UNQUOTED_SUBJECT = Pattern.compile("\\s*,?\\s*về\\s+(?!\")");

	private static final Pattern SUBJECT_PREFIX = Pattern.compile("^(?:[Vv]ề|V/v|về việc)\\s+");

	private static final String ORDINAL = "(\\d{1,2}|muoi (?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin)|muoi|nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin)";

	private static final Pattern SHORT_NUMBER = Pattern
		.compile("\\s+(?:so\\s+)?(\\d{1,4})(?![a-z0-9]|\\s*[-/]\\s*[a-z0-9]|[.,]\\d)");

	/**
	 * A count before a type word that is a cue's object: "thực hiện cả ba nghị quyết",
	 * "để thực hiện đồng thời hai nghị quyết", "quán triệt ba nghị quyết" — the latest
	 * documents of that type, as many as counted.
	 */
	private static final Pattern COUNTED_AFTER_CUE = Pattern
		.compile("(?:thuc hien|trien khai|quan triet|cu the hoa|thi hanh)\\s+(?:(?:ca|dong thoi|dong bo|chung)\\s+)?"
				+ "(hai|ba|bon|nam|sau)\\s+$");

	private static final Map<String, Integer> COUNT_WORDS = Map.of("hai", 2, "ba", 3, "bon", 4, "nam", 5, "sau", 6);

	/** "kế hoạch đó", "nghị quyết đó": that document (written "đó", not "do" = by). */
	private static final Pattern DEMONSTRATIVE = Pattern.compile("\\s+đó(?![\\p{L}0-9])");

	private static final Pattern ANAPHOR = Pattern.compile("\\s+(?:nay|tren|noi tren)(?![a-z0-9])"
			// "quy chế mới nhằm cụ thể hóa Kết luận …": the new document of that type as
			// the subject of what it carries out, not one yet to come ("sẽ ban hành nghị
			// quyết mới về …")
			+ "|\\s+moi(?=\\s+(?:(?:cung|da|duoc ban hanh|duoc xay dung)\\s+)*(?:(?:nham|de)\\s+(?:tiep tuc\\s+)?)?"
			+ "(?:cu the hoa|thuc hien|trien khai|quan triet|hien thuc hoa)(?![a-z0-9]))");

	private static final Pattern QUALIFIER = Pattern.compile("\\s+(dai hoi|trung uong)(?![a-z0-9])");

	/**
	 * A type word owned by a local unit named by its level alone: "kế hoạch của tỉnh",
	 * "chương trình hành động của Tỉnh ủy", "kế hoạch của Ban Thường vụ Huyện ủy" — the
	 * document of that type the unit issued, cited earlier in the article. Group 1 is the
	 * unit.
	 */
	private static final Pattern UNIT_OWNER = Pattern.compile(
			"\\s+cua\\s+(?:ban thuong vu\\s+|thuong truc\\s+)?(tinh uy|tinh|huyen uy|huyen|quan uy|thi uy|thi xa|thanh uy|thanh pho)(?![a-z0-9])");

	/**
	 * A count right before a plenum resolution: "hai nghị quyết Trung ương 6" names
	 * several resolutions of that plenum (the codes the article cites), not one document.
	 * Read with its diacritics, on the text: "sau Nghị quyết" is "after".
	 */
	private static final Pattern COUNTED = Pattern.compile(
			"(?<![\\p{L}\\d])(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\\d{1,2})\\s+$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern PLENUM = Pattern.compile("(?<![a-z0-9])(nghi quyet|ket luan)\\s+(?:hoi nghi\\s+)?(?:"
			+ "lan thu\\s+" + ORDINAL + "\\s+(?:cua\\s+)?(?:ban chap hanh|bch)\\s+(?:trung uong|tw)"
			+ "|(?:(?:ban chap hanh|bch)\\s+)?(?:trung uong|tw)\\s+(?:dang\\s+)?(?:lan thu\\s+)?" + ORDINAL + ")"
			+ "(?![a-z0-9])(?:\\s*(?:dang\\s*)?[,(]?\\s*(?:dang\\s*)?\\(?\\s*khoa\\s+([ivxlc]{1,6}|\\d{1,2})(?![a-z0-9])\\s*\\)?)?");

	private static final Pattern CONGRESS = Pattern.compile("(?<![a-z0-9])nghi quyet\\s+dai hoi\\s+(?:dai bieu\\s+)?(?:"
			+ "(dang bo\\s+(?:tinh|thanh pho))((?:\\s+[a-z]+){0,4}?)"
			// a former unit's congress: "Đảng bộ tỉnh Phú Yên (cũ) lần thứ XVII"
			+ "(?:\\s*\\(\\s*(?:cu|truoc (?:hop nhat|sap nhap))\\s*\\))?\\s+(?:lan thu\\s+)?"
			+ "|(?:dang\\s+)?(?:toan quoc\\s+)?(?:lan thu\\s+)?)"
			+ "([ivxlc]{1,6}|\\d{1,2})(?![a-z0-9])(?:(\\s+cua\\s+dang(?!\\s+bo))|\\s+(?:cua\\s+)?(dang bo\\s+(?:tinh|thanh pho))(?![a-z0-9]))?");

	/**
	 * "Hội nghị lần thứ tư Ban Chấp hành Trung ương", "Hội nghị Trung ương 6": a plenum
	 * named as the issuer.
	 */
	static final Pattern PLENUM_ISSUER = Pattern.compile("hoi nghi\\s+(?:lan thu\\s+" + ORDINAL
			+ "\\s+(?:cua\\s+)?(?:ban chap hanh|bch)\\s+(?:trung uong|tw)(?:\\s+dang)?|(?:(?:ban chap hanh|bch)\\s+)?(?:trung uong|tw)(?:\\s+dang)?\\s+(?:lan thu\\s+)?"
			+ ORDINAL + ")(?![a-z0-9])");

	/**
	 * "Hội nghị lần thứ mười một khóa XIII": a plenum named by its number and term alone,
	 * without the Central Committee; the plenum of a central resolution only.
	 */
	static final Pattern PLENUM_OF_TERM = Pattern
		.compile("hoi nghi\\s+lan thu\\s+" + ORDINAL + "(?=\\s*,?\\s+khoa\\s+[ivxlc]{1,6}(?![a-z0-9]))");

	private static final Pattern CO_ISSUER = Pattern.compile("\\s*(?:,|và)\\s*");

	/**
	 * Words after which a bare, capitalized type word refers back ("để thực hiện Chỉ
	 * thị.").
	 */
	private static final Pattern CUE_BEFORE = Pattern
		.compile("(?:thuc hien|trien khai|quan triet|cu the hoa|thi hanh)\\s+$");

	/**
	 * Verbs after a sentence-initial bare type word ("Chỉ thị yêu cầu …", "Kế hoạch giao
	 * các đảng ủy …", "Kế hoạch đặt mục tiêu …"), also after adverbs ("Kế hoạch cũng nêu
	 * …", "Chương trình đồng thời xác định …", "Kế hoạch tiếp tục …").
	 */
	private static final Pattern SUBJECT_VERB = Pattern.compile(
			"\\s+(?:(?:moi|cung|con|dong thoi|se)\\s+)*(?:duoc|nham|yeu cau|neu|chi ro|de ra|xac dinh|nhan manh|khang dinh|da|co hieu luc|cu the hoa|hien thuc hoa|tiep tuc|quy dinh|giao|dat|phan cong)(?![a-z0-9])");

	private static final Map<String, Integer> ORDINAL_WORDS = Map.ofEntries(Map.entry("nhat", 1), Map.entry("hai", 2),
			Map.entry("ba", 3), Map.entry("tu", 4), Map.entry("bon", 4), Map.entry("nam", 5), Map.entry("sau", 6),
			Map.entry("bay", 7), Map.entry("tam", 8), Map.entry("chin", 9), Map.entry("muoi", 10));

	private final ExtractionRules rules;

	private final List<String> foldedTypeWords;

	DocumentRecognizer(ExtractionRules rules) {
		this.rules = rules;
		this.foldedTypeWords = rules.typeWords.stream().map(w -> TextNormalizer.fold(w.word())).distinct().toList();
	}

	List<DocHit> recognize(SentenceText s, List<BodyHit> bodies, List<ProvinceHit> provinces) {
		List<DocHit> docs = new ArrayList<>(2);
		boolean typeWord = containsTypeWord(s.folded);
		if (s.text.indexOf('/') >= 0) {
			findCodes(s, CODE, false, docs);
			findCodes(s, CODE_SWAPPED, true, docs);
		}
		if (!typeWord) {
			return finish(s, docs, bodies);
		}
		List<Occurrence> occurrences = occurrences(s.folded);
		if (s.folded.contains("trung uong") || s.folded.contains("tw")) {
			findPlenums(s, docs, occurrences);
		}
		if (s.folded.contains("dai hoi")) {
			findCongresses(s, docs, provinces, occurrences);
		}
		findShortNamesAndAnaphors(s, docs, occurrences);
		return finish(s, docs, bodies);
	}

	private boolean containsTypeWord(String folded) {
		for (String word : this.foldedTypeWords) {
			if (folded.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private List<DocHit> finish(SentenceText s, List<DocHit> docs, List<BodyHit> bodies) {
		docs.sort(Comparator.comparingInt(d -> d.start));
		LocalDate lastDate = null;
		for (DocHit d : docs) {
			d.sentence = s;
			readTail(s, d, bodies, lastDate);
			if (d.date != null) {
				lastDate = d.date;
			}
		}
		shareDateOverCoordinatedCodes(s, docs);
		shareDateAfterList(s, docs);
		for (DocHit d : docs) {
			d.surface = s.surface(d.start, d.citationEnd).strip();
		}
		return docs;
	}

	private static final Pattern LIST_JOIN = Pattern.compile("\\s*(?:,|,?\\s*và)\\s*(?:số\\s*)?");

	/**
	 * "Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW và Nghị quyết số 21-NQ/TW ngày
	 * 16/6/2022 …": codes of the same type and issuer suffix listed with nothing after
	 * them take the date (or term) of the last one of the list; with "cùng ngày" the list
	 * says so of every code, whatever its type ("Kết luận số 21-KL/TW và Quy định số
	 * 37-QĐ/TW cùng ngày 25-10-2021").
	 */
	private static void shareDateOverCoordinatedCodes(SentenceText s, List<DocHit> docs) {
		for (int i = docs.size() - 2; i >= 0; i--) {
			DocHit d = docs.get(i);
			DocHit next = docs.get(i + 1);
			if (d.kind != DocKind.CODE || next.kind != DocKind.CODE || d.citationEnd != d.coreEnd || d.date != null
					|| d.year != null || d.issuer != null || d.term != null || d.subject != null
					|| next.start < d.citationEnd || (next.date == null && next.year == null && next.term == null)
					|| (!next.sameDateForList && !d.typeCode.equals(next.typeCode)) || !d.suffix.equals(next.suffix)
					|| !ReusableMatchers.of(LIST_JOIN, s.text).region(d.citationEnd, next.start).matches()) {
				continue;
			}
			d.date = next.date;
			d.year = next.year;
			d.term = next.term;
			d.sameDateForList = next.sameDateForList;
		}
	}

	/**
	 * "Kế hoạch số 85-KH/TU về … và Kế hoạch số 86-KH/TU về …, cùng ký ngày 15-12-2017",
	 * "gồm: Nghị quyết số 42-NQ/TW về …; … và Nghị quyết số 45-NQ/TW về …, cùng ban hành
	 * ngày 24-11-2023": a date said of all of them after a list gives it to the undated
	 * codes of the type and issuer suffix of the last one, back to the first code of
	 * another type or suffix or with a date of its own.
	 */
	private static final Pattern LIST_SHARED_DATE = Pattern
		.compile("\\s*,?\\s*(?:cung|deu)\\s+(?:duoc\\s+)?(?:ky|ban hanh|thong qua)\\s+(?:vao\\s+)?ngay\\s+"
				+ "(\\d{1,2})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)");

	private static void shareDateAfterList(SentenceText s, List<DocHit> docs) {
		if (s.folded.indexOf("cung ") < 0 && s.folded.indexOf("deu ") < 0) {
			return;
		}
		Matcher m = ReusableMatchers.of(LIST_SHARED_DATE, s.folded);
		while (m.find()) {
			int last = -1;
			for (int i = 0; i < docs.size(); i++) {
				if (docs.get(i).citationEnd <= m.start() + 1) {
					last = i;
				}
			}
			if (last < 0) {
				continue;
			}
			DocHit tail = docs.get(last);
			List<DocHit> list = new ArrayList<>();
			for (int i = last; i >= 0; i--) {
				DocHit d = docs.get(i);
				if (d.kind != DocKind.CODE || d.date != null || d.year != null || !d.typeCode.equals(tail.typeCode)
						|| !d.suffix.equals(tail.suffix)) {
					break;
				}
				list.add(d);
			}
			if (list.size() < 2) {
				continue;
			}
			LocalDate date;
			try {
				date = LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
						Integer.parseInt(m.group(1)));
			}
			catch (DateTimeException ex) {
				continue;
			}
			for (DocHit d : list) {
				d.date = date;
				d.year = date.getYear();
			}
		}
	}

	private void findCodes(SentenceText s, Pattern pattern, boolean swapped, List<DocHit> docs) {
		// a code contains a slash: only look around slashes
		Matcher m = ReusableMatchers.of(pattern, s.text).useTransparentBounds(true);
		int n = s.text.length();
		int searched = 0;
		for (int slash = s.text.indexOf('/'); slash >= 0; slash = s.text.indexOf('/', slash + 1)) {
			int from = Math.max(searched, slash - 16);
			int to = Math.min(n, slash + 16);
			if (from >= to) {
				continue;
			}
			m.region(from, to);
			while (m.find()) {
				searched = m.end();
				readCode(s, m, swapped, docs);
			}
		}
	}

	private void readCode(SentenceText s, Matcher m, boolean swapped, List<DocHit> docs) {
		CodeType codeType = this.rules.codeTypes.get(TextNormalizer.foldSameLength(m.group(2)));
		if (codeType == null || overlaps(docs, m.start(), m.end())) {
			return;
		}
		String suffixWritten = m.group(3);
		if (swapped && !this.rules.suffixes.containsKey(TextNormalizer.foldSameLength(suffixWritten))) {
			return;
		}
		if (!this.rules.suffixes.containsKey(TextNormalizer.foldSameLength(suffixWritten))
				&& !isUpperCode(suffixWritten)) {
			return;
		}
		DocHit d = new DocHit(DocKind.CODE, m.start());
		d.coreEnd = m.end();
		d.number = m.group(1);
		d.typeCode = codeType.code();
		d.suffixRule = this.rules.suffix(suffixWritten);
		d.suffix = d.suffixRule.suffix();
		d.type = codeType.type();
		TypeWordAt before = typeWordBefore(s, m.start());
		if (before != null) {
			TypeWord word = before.word();
			d.start = before.start();
			if (word.code().equals(codeType.code()) || "QĐ".equals(codeType.code()) || word.type() == codeType.type()) {
				d.type = word.type();
			}
		}
		docs.add(d);
	}

	private record TypeWordAt(TypeWord word, int start) {
	}

	/** Words that qualify a type word before "số": thematic, joint. */
	private static final List<String> TYPE_QUALIFIERS = List.of("chuyen de", "lien tich");

	/**
	 * The type word right before a code, allowing "số" and a colon in between ("Quy định
	 * số 07-QĐ/TU").
	 */
	private TypeWordAt typeWordBefore(SentenceText s, int codeStart) {
		String f = s.folded;
		int end = skipBack(f, codeStart);
		if (end >= 1 && f.charAt(end - 1) == ':') {
			end = skipBack(f, end - 1);
		}
		if (end >= 2 && f.startsWith("so", end - 2) && (end == 2 || !isWordChar(f.charAt(end - 3)))) {
			end = skipBack(f, end - 2);
		}
		// a qualifier of the type: "Nghị quyết chuyên đề số 07-NQ/ĐU", "Hướng dẫn liên
		// tịch số …"
		for (String qualifier : TYPE_QUALIFIERS) {
			int start = end - qualifier.length();
			if (start >= 1 && f.startsWith(qualifier, start) && f.charAt(start - 1) == ' ') {
				end = skipBack(f, start);
				break;
			}
		}
		TypeWordAt best = null;
		for (String word : this.foldedTypeWords) {
			int start = end - word.length();
			if (start >= 0 && f.startsWith(word, start) && (start == 0 || !isWordChar(f.charAt(start - 1)))
					&& (best == null || start < best.start())) {
				best = new TypeWordAt(this.rules.typeWordByFolded.get(word), start);
			}
		}
		return best;
	}

	private static int skipBack(String f, int end) {
		while (end > 0 && f.charAt(end - 1) == ' ') {
			end--;
		}
		return end;
	}

	/** A type word found in the folded sentence: [start, end) and the word. */
	private record Occurrence(int start, int end, TypeWord word) {
	}

	/**
	 * Every type word on word boundaries, longest first at each position, left to right.
	 */
	private List<Occurrence> occurrences(String folded) {
		List<Occurrence> found = new ArrayList<>(4);
		for (String word : this.foldedTypeWords) {
			int from = 0;
			int at;
			while ((at = folded.indexOf(word, from)) >= 0) {
				int end = at + word.length();
				from = at + 1;
				if ((at > 0 && isWordChar(folded.charAt(at - 1)))
						|| (end < folded.length() && isWordChar(folded.charAt(end)))) {
					continue;
				}
				found.add(new Occurrence(at, end, this.rules.typeWordByFolded.get(word)));
			}
		}
		found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
				: Integer.compare(b.end(), a.end()));
		List<Occurrence> result = new ArrayList<>(found.size());
		int covered = -1;
		for (Occurrence o : found) {
			if (o.start() >= covered) {
				result.add(o);
				covered = o.end();
			}
		}
		return result;
	}

	private static boolean isWordChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	private void findPlenums(SentenceText s, List<DocHit> docs, List<Occurrence> occurrences) {
		for (Occurrence o : occurrences) {
			Matcher m = ReusableMatchers.of(PLENUM, s.folded).region(o.start(), s.folded.length());
			if (!m.lookingAt() || overlaps(docs, m.start(), m.end())
					|| ReusableMatchers.of(COUNTED, s.text).region(0, m.start()).find()) {
				continue;
			}
			String ordinal = m.group(2) != null ? m.group(2) : m.group(3);
			Integer number = ordinal(ordinal);
			if (number == null) {
				continue;
			}
			DocHit d = new DocHit(DocKind.PLENUM, m.start());
			d.coreEnd = m.end();
			TypeWord word = this.rules.typeWordByFolded.get(m.group(1));
			d.type = word.type();
			d.typeCode = word.code();
			d.plenumNumber = String.valueOf(number);
			if (m.group(4) != null) {
				d.term = roman(m.group(4));
			}
			d.suffixRule = this.rules.suffix("TW");
			docs.add(d);
		}
	}

	private void findCongresses(SentenceText s, List<DocHit> docs, List<ProvinceHit> provinces,
			List<Occurrence> occurrences) {
		for (Occurrence o : occurrences) {
			Matcher m = ReusableMatchers.of(CONGRESS, s.folded).region(o.start(), s.folded.length());
			if (!m.lookingAt() || overlaps(docs, m.start(), m.end())) {
				continue;
			}
			DocHit d = new DocHit(DocKind.CONGRESS, m.start());
			d.coreEnd = m.end();
			d.type = DocumentType.RESOLUTION;
			d.typeCode = "NQ";
			d.term = roman(m.group(3));
			// "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI" or "Nghị quyết Đại hội lần
			// thứ XVI Đảng bộ tỉnh (Hà Tĩnh)"
			d.provincialCongress = m.group(1) != null || m.group(5) != null;
			if (d.provincialCongress) {
				for (ProvinceHit p : provinces) {
					if (p.start >= m.start() && p.end <= m.end()) {
						// a merged-away unit's congress is that unit's own ("Đảng bộ tỉnh
						// Phú
						// Yên (cũ) lần thứ XVII")
						d.congressProvince = p.former != null ? p.former : p.unit;
					}
					else if (m.group(5) != null && p.start >= m.end() && p.start <= m.end() + 1) {
						d.congressProvince = p.unit;
						d.coreEnd = p.end;
					}
				}
			}
			else {
				d.suffixRule = this.rules.suffix("TW");
				String lead = s.folded.substring(m.start(), m.start(3));
				d.bareCongress = m.group(4) == null && !lead.contains("dang") && !lead.contains("toan quoc");
			}
			docs.add(d);
		}
	}

	/**
	 * Short names (Nghị quyết số 22), anaphors (Kết luận này) and bare type words that
	 * refer back.
	 */
	private void findShortNamesAndAnaphors(SentenceText s, List<DocHit> docs, List<Occurrence> occurrences) {
		for (Occurrence o : occurrences) {
			if (overlaps(docs, o.start(), o.end())) {
				continue;
			}
			TypeWord word = o.word();
			Matcher m = ReusableMatchers.of(SHORT_NUMBER, s.folded).region(o.end(), s.folded.length());
			if (m.lookingAt()) {
				DocHit d = new DocHit(DocKind.SHORT, o.start());
				d.coreEnd = m.end();
				d.type = word.type();
				d.typeCode = word.code();
				d.number = m.group(1);
				docs.add(d);
				continue;
			}
			m = ReusableMatchers.of(COUNTED_AFTER_CUE, s.folded)
				.region(Math.max(0, o.start() - 40), o.start())
				.useTransparentBounds(true);
			if (m.find()) {
				int count = COUNT_WORDS.get(m.group(1));
				for (int rank = 0; rank < count; rank++) {
					DocHit d = new DocHit(DocKind.ANAPHOR, o.start());
					// "hai nghị quyết trên": the demonstrative belongs to the plural
					Matcher after = ReusableMatchers.of(ANAPHOR, s.folded).region(o.end(), s.folded.length());
					d.coreEnd = after.lookingAt() ? after.end() : o.end();
					d.type = word.type();
					d.typeCode = word.code();
					d.rank = rank;
					docs.add(d);
				}
				continue;
			}
			m = ReusableMatchers.of(ANAPHOR, s.folded).region(o.end(), s.folded.length());
			if (m.lookingAt()) {
				DocHit d = new DocHit(DocKind.ANAPHOR, o.start());
				d.coreEnd = m.end();
				d.type = word.type();
				d.typeCode = word.code();
				docs.add(d);
				continue;
			}
			m = ReusableMatchers.of(DEMONSTRATIVE, s.text).region(o.end(), s.text.length());
			if (m.lookingAt()) {
				DocHit d = new DocHit(DocKind.ANAPHOR, o.start());
				d.coreEnd = m.end();
				d.type = word.type();
				d.typeCode = word.code();
				docs.add(d);
				continue;
			}
			m = ReusableMatchers.of(UNIT_OWNER, s.folded).region(o.end(), s.folded.length());
			if (m.lookingAt() && !namedAfter(s.text, m.end())) {
				DocHit d = new DocHit(DocKind.ANAPHOR, o.start());
				d.coreEnd = m.end();
				d.type = word.type();
				d.typeCode = word.code();
				d.antecedentLevels = unitLevels(m.group(1));
				docs.add(d);
				continue;
			}
			if (!Character.isUpperCase(s.text.charAt(o.start()))) {
				// "Thực hiện nghị quyết, Tỉnh ủy đã ban hành …": a lower-case type word
				// that is all the cue's object, the clause ending on it, refers back too
				if (o.start() > 0
						&& ReusableMatchers.of(CUE_BEFORE, s.folded)
							.region(Math.max(0, o.start() - 20), o.start())
							.useTransparentBounds(true)
							.find()
						&& (endsClause(s.text, o.end()) || ReusableMatchers.of(INSTRUMENT_AFTER, s.folded)
							.region(o.end(), s.folded.length())
							.lookingAt())
						&& !genericList(s.folded, o.end())) {
					DocHit d = new DocHit(DocKind.ANAPHOR, o.start());
					d.coreEnd = o.end();
					d.type = word.type();
					d.typeCode = word.code();
					docs.add(d);
				}
				else if (ReusableMatchers.of(LOWER_SUBJECT_BEFORE, s.folded)
					.region(Math.max(0, o.start() - 12), o.start())
					.useTransparentBounds(true)
					.find()
						&& ReusableMatchers.of(LOWER_SUBJECT_PREDICATE, s.folded)
							.region(o.end(), s.folded.length())
							.lookingAt()) {
					// "Điểm đáng chú ý là chương trình đồng thời cụ thể hóa …", "Ngay sau
					// khi
					// chương trình được ban hành, …": the document of that type the
					// article
					// speaks of, as the subject of what it carries out or of its issuing
					DocHit d = new DocHit(DocKind.ANAPHOR, o.start());
					d.coreEnd = o.end();
					d.type = word.type();
					d.typeCode = word.code();
					docs.add(d);
				}
				continue;
			}
			m = ReusableMatchers.of(QUALIFIER, s.folded).region(o.end(), s.folded.length());
			String qualifier = m.lookingAt() ? m.group(1) : null;
			int end = qualifier != null ? m.end() : o.end();
			boolean afterCue = ReusableMatchers.of(CUE_BEFORE, s.folded)
				.region(Math.max(0, o.start() - 20), o.start())
				.useTransparentBounds(true)
				.find()
					&& (endsClause(s.text, end) || ReusableMatchers.of(INSTRUMENT_AFTER, s.folded)
						.region(end, s.folded.length())
						.lookingAt());
			boolean subject = o.start() == 0 && qualifier == null
					&& ReusableMatchers.of(SUBJECT_VERB, s.folded).region(end, s.text.length()).lookingAt();
			if (!afterCue && !subject) {
				continue;
			}
			DocHit d = new DocHit(DocKind.ANAPHOR, o.start());
			d.coreEnd = end;
			d.type = word.type();
			d.typeCode = word.code();
			if ("dai hoi".equals(qualifier)) {
				d.antecedentKind = DocKind.CONGRESS;
			}
			else if ("trung uong".equals(qualifier)) {
				d.antecedentKind = DocKind.PLENUM;
			}
			docs.add(d);
		}
	}

	/**
	 * Whether a capitalized name follows (after spaces or a comma): "của tỉnh Bến Tre",
	 * "của Thành ủy Vinh" name the unit, they are no level alone.
	 */
	private static boolean namedAfter(String text, int end) {
		int i = end;
		while (i < text.length() && text.charAt(i) == ' ') {
			i++;
		}
		return i < text.length() && Character.isUpperCase(text.charAt(i));
	}

	/**
	 * The levels of the documents a unit named by its level alone issues: a province's
	 * committee its provincial ones, a district's its district ones; a city may be either
	 * (a centrally-run city or a provincial one).
	 */
	private static Set<IssuingLevel> unitLevels(String unit) {
		return switch (unit) {
			case "tinh uy", "tinh" -> EnumSet.of(IssuingLevel.PROVINCIAL);
			case "thanh uy", "thanh pho" -> EnumSet.of(IssuingLevel.PROVINCIAL, IssuingLevel.DISTRICT);
			default -> EnumSet.of(IssuingLevel.DISTRICT);
		};
	}

	/** A resolution with a central suffix (22-NQ/TW). */
	static boolean centralResolution(DocHit d) {
		return d.kind == DocKind.CODE && "NQ".equals(d.typeCode) && d.suffixRule != null && d.suffixRule.central();
	}

	/**
	 * The means after a cue's object: "cụ thể hóa nghị quyết bằng Kế hoạch số …", "…
	 * (thông) qua Kế hoạch …".
	 */
	private static final Pattern INSTRUMENT_AFTER = Pattern.compile("\\s+(?:bang|(?:thong\\s+)?qua)\\s+\\p{L}");

	/**
	 * Where a lower-case subject may stand: after "là", "khi", a comma or at the start.
	 */
	private static final Pattern LOWER_SUBJECT_BEFORE = Pattern.compile("(?:^|,\\s*|(?<![a-z])(?:la|khi)\\s+)$");

	/**
	 * A predicate that makes a lower-case type word a subject: an adverb and an
	 * implementing verb ("đồng thời cụ thể hóa", "cũng thực hiện"), or "được ban hành".
	 */
	private static final Pattern LOWER_SUBJECT_PREDICATE = Pattern.compile(
			"\\s+(?:(?:(?:cung|da|dong thoi|con)\\s+)+(?:cu the hoa|thuc hien|trien khai|hien thuc hoa)|duoc ban hanh)"
					+ "(?![a-z0-9])");

	/** Another kind of document after a comma: "nghị quyết, chỉ thị, quy định". */
	private static final Pattern KIND_AFTER_COMMA = Pattern.compile(
			"\\s*,\\s*(?:nghi quyet|chi thi|quy dinh|ket luan|quyet dinh|huong dan|ke hoach|chuong trinh|quy che)(?![a-z0-9])");

	/**
	 * Whether a comma after a lower-case type word goes on with another kind of document
	 * ("không thực hiện nghị quyết, chỉ thị, quy định của Đảng"): a list of kinds of
	 * documents, not one document.
	 */
	private static boolean genericList(String folded, int end) {
		return ReusableMatchers.of(KIND_AFTER_COMMA, folded).region(end, folded.length()).lookingAt();
	}

	private static boolean endsClause(String text, int end) {
		int i = end;
		while (i < text.length() && text.charAt(i) == ' ') {
			i++;
		}
		return i >= text.length() || ".,;)".indexOf(text.charAt(i)) >= 0;
	}

	/**
	 * Reads date, issuer, term and subject after the citation, in any order for the first
	 * three.
	 */
	private void readTail(SentenceText s, DocHit d, List<BodyHit> bodies, LocalDate lastDate) {
		String text = s.text;
		int pos = d.coreEnd;
		int limit = s.text.length();
		boolean progress = true;
		while (progress && pos < limit) {
			progress = false;
			// an anaphor ("nghị quyết này, ngày 10-10-2008, Tỉnh ủy ban hành …") has no
			// date of its own
			if (d.date == null && d.year == null && d.kind != DocKind.CONGRESS && d.kind != DocKind.ANAPHOR) {
				Matcher m = ReusableMatchers.of(DATE_WORDS, s.folded).region(pos, limit);
				if (m.lookingAt()) {
					setDate(d, m.group(1), m.group(2), m.group(3));
					d.sameDateForList = s.folded.indexOf("cung ngay", m.start()) >= 0
							&& s.folded.indexOf("cung ngay", m.start()) < m.end();
					pos = m.end();
					progress = true;
					continue;
				}
				m = ReusableMatchers.of(DATE_NUMERIC, s.folded).region(pos, limit);
				if (m.lookingAt()) {
					setDate(d, m.group(1), m.group(3), m.group(4));
					d.sameDateForList = s.folded.indexOf("cung ngay", m.start()) >= 0
							&& s.folded.indexOf("cung ngay", m.start()) < m.end();
					pos = m.end();
					progress = true;
					continue;
				}
				m = ReusableMatchers.of(YEAR, s.folded).region(pos, limit);
				if (m.lookingAt()) {
					d.year = Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
					pos = m.end();
					progress = true;
					continue;
				}
				m = ReusableMatchers.of(SAME_DAY_AS_BEFORE, s.folded).region(pos, limit);
				if (lastDate != null && m.lookingAt()) {
					d.date = lastDate;
					d.year = lastDate.getYear();
					pos = m.end();
					progress = true;
					continue;
				}
			}
			if (d.issuer == null) {
				Matcher m = ReusableMatchers.of(ISSUER_PREP, text).region(pos, limit);
				boolean prep = m.lookingAt();
				if (!prep && (d.date != null || d.year != null)) {
					// "Nghị quyết số 60-NQ/TW ngày 12-4-2025 Hội nghị lần thứ 11 Ban Chấp
					// hành
					// Trung ương": the plenum right after the date, without "của"
					m = ReusableMatchers.of(PLENUM_LEAD, text).region(pos, limit);
					prep = m.lookingAt();
				}
				if (prep) {
					BodyHit body = bodyStartingAt(bodies, m.end());
					int end = body != null ? body.end : -1;
					if (body == null && m.end() + 10 <= limit && text.startsWith("Trung ương", m.end())
							&& !CENTRAL_OTHER_THAN_COMMITTEE.matcher(s.folded)
								.region(m.end() + 10, limit)
								.lookingAt()) {
						// "của Trung ương khóa X": the Central Committee
						end = m.end() + 10;
						body = new BodyHit(m.end(), end, s.surface(m.end(), end));
						body.level = BodyLevel.CENTRAL;
						body.centralKey = org.policygraph.reference.PartyBodyCatalog.CENTRAL_COMMITTEE;
						bodies.add(body);
					}
					if (body == null) {
						Matcher plenum = ReusableMatchers.of(PLENUM_ISSUER, s.folded).region(m.end(), limit);
						if (!plenum.lookingAt() && centralResolution(d)) {
							plenum = ReusableMatchers.of(PLENUM_OF_TERM, s.folded).region(m.end(), limit);
						}
						if (plenum.lookingAt()) {
							end = plenum.end();
							body = centralCommitteeWithin(bodies, m.end(), end);
							if (body == null) {
								body = new BodyHit(m.end(), end, s.surface(m.end(), end));
								body.level = BodyLevel.CENTRAL;
								body.centralKey = org.policygraph.reference.PartyBodyCatalog.CENTRAL_COMMITTEE;
								bodies.add(body);
							}
						}
					}
					if (body == null) {
						// "Kế hoạch số 14-KH/HU … của huyện": the committee of that level
						// named before it in the sentence
						Matcher unit = ReusableMatchers.of(OWN_UNIT, s.folded).region(m.end(), limit);
						if (unit.lookingAt()) {
							body = committeeOfUnitBefore(s, bodies, d.start, unit.group(1));
							end = unit.end();
						}
					}
					if (body != null) {
						d.issuer = body;
						pos = Math.max(end, body.end);
						pos = readCoIssuers(s, d, bodies, pos, limit);
						progress = true;
						continue;
					}
				}
			}
			if (d.term == null) {
				Matcher m = ReusableMatchers.of(TERM, s.folded).region(pos, limit);
				if (m.lookingAt()) {
					d.term = roman(m.group(1));
					pos = m.end();
					progress = true;
				}
			}
		}
		Matcher q = ReusableMatchers.of(QUOTED_SUBJECT, text).region(pos, limit);
		if (q.lookingAt()) {
			d.subjectStart = q.start(1);
			d.subjectEnd = q.end(1);
			d.subject = SUBJECT_PREFIX.matcher(q.group(1).strip()).replaceFirst("");
			if (!d.subject.isEmpty()) {
				d.subject = Character.toUpperCase(d.subject.charAt(0)) + d.subject.substring(1);
			}
			pos = q.end();
		}
		d.citationEnd = Math.max(pos, d.coreEnd);
		while (d.citationEnd > d.coreEnd && Character.isWhitespace(text.charAt(d.citationEnd - 1))) {
			d.citationEnd--;
		}
		d.attachEnd = d.citationEnd;
	}

	private static int readCoIssuers(SentenceText s, DocHit d, List<BodyHit> bodies, int pos, int limit) {
		// "Căn cứ Quy định số … của Ban Chấp hành Trung ương, Ủy ban Kiểm tra Trung ương
		// yêu
		// cầu …": after a citation opening the sentence as a cue's object, the body after
		// the
		// comma is the main clause's subject, not a joint issuer
		if (ReusableMatchers.of(OPENING_CUE, s.folded).region(0, d.start).matches()) {
			return pos;
		}
		while (pos < limit) {
			Matcher m = ReusableMatchers.of(CO_ISSUER, s.text).region(pos, limit);
			if (!m.lookingAt()) {
				return pos;
			}
			BodyHit next = bodyStartingAt(bodies, m.end());
			// joint issuance is a central practice (Bộ Chính trị, Ban Bí thư); a local
			// "X, Y" is a new clause
			if (next == null || !next.central() || !d.issuer.central() || next == d.issuer) {
				return pos;
			}
			d.coIssuers.add(next);
			pos = next.end;
		}
		return pos;
	}

	/** A cue opening the sentence before its first citation. */
	private static final Pattern OPENING_CUE = Pattern.compile("\\s*(?:can cu(?: vao)?)\\s+(?:(?:cac|cua)\\s+)?");

	private static BodyHit centralCommitteeWithin(List<BodyHit> bodies, int start, int end) {
		for (BodyHit b : bodies) {
			if (b.start >= start && b.end <= end + 8
					&& org.policygraph.reference.PartyBodyCatalog.CENTRAL_COMMITTEE.equals(b.centralKey)) {
				return b;
			}
		}
		return null;
	}

	private static BodyHit bodyStartingAt(List<BodyHit> bodies, int offset) {
		for (BodyHit b : bodies) {
			if (b.start >= offset && b.start <= offset + 1) {
				return b;
			}
		}
		return null;
	}

	private static void setDate(DocHit d, String day, String month, String year) {
		int y = Integer.parseInt(year);
		d.year = (y >= 1930 && y <= 2100) ? y : null;
		try {
			d.date = LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
			if (d.year == null) {
				d.date = null;
			}
		}
		catch (DateTimeException ex) {
			d.date = null;
			d.year = null;
		}
	}

	private static boolean overlaps(List<DocHit> docs, int start, int end) {
		for (DocHit d : docs) {
			if (start < d.coreEnd && end > d.start) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUpperCode(String suffix) {
		for (int i = 0; i < suffix.length(); i++) {
			char c = suffix.charAt(i);
			if (!Character.isUpperCase(c) && c != 'h' && c != 'đ') {
				return false;
			}
		}
		return Character.isUpperCase(suffix.charAt(0));
	}

	static Integer ordinal(String folded) {
		if (folded == null) {
			return null;
		}
		if (Character.isDigit(folded.charAt(0))) {
			return Integer.valueOf(folded);
		}
		if (folded.startsWith("muoi ")) {
			Integer unit = ORDINAL_WORDS.get(folded.substring(5));
			if ("lam".equals(folded.substring(5))) {
				unit = 5;
			}
			if ("mot".equals(folded.substring(5))) {
				unit = 1;
			}
			return unit == null ? null : 10 + unit;
		}
		return ORDINAL_WORDS.get(folded);
	}

	/**
	 * A term or congress number in upper-case Roman numerals ("xii" → "XII", "13" →
	 * "XIII").
	 */
	static String roman(String written) {
		if (written == null) {
			return null;
		}
		if (Character.isDigit(written.charAt(0))) {
			int n = Integer.parseInt(written);
			String[] tens = { "", "X", "XX", "XXX", "XL", "L" };
			String[] units = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
			return (n / 10 < tens.length) ? tens[n / 10] + units[n % 10] : written;
		}
		return written.toUpperCase(Locale.ROOT);
	}

}
