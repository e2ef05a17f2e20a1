package org.policygraph.extraction;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policygraph.extraction.ArticleFindings.Cue;
import org.policygraph.extraction.ArticleFindings.SentenceFindings;
import org.policygraph.extraction.ExtractionRules.CueKind;
import org.policygraph.extraction.Hits.BodyHit;
import org.policygraph.extraction.Hits.DocHit;
import org.policygraph.extraction.Hits.DocKind;
import org.policygraph.extraction.Hits.ProvinceHit;
import org.policygraph.reference.PartyBodyCatalog;
import org.policygraph.reference.ProvinceUnit;

/**
 * Finds the relations stated inside one sentence.
 *
 * <ol>
 * <li><b>Attachments.</b> The text after a citation that belongs to it: an unquoted
 * {@code về …} subject or a cue right after it
 * ({@code Kế hoạch 15 thực hiện Nghị quyết 22}), up to a semicolon or a comma that does
 * not continue a list of citations. A document inside another document's subject or
 * attachment, after an IMPLEMENTS cue there, is implemented by that document
 * ({@code Kết luận 18 về tiếp tục đẩy mạnh thực hiện Chỉ thị 10}).</li>
 * <li><b>Issuance.</b> {@code <body> [đã] ban hành / cụ thể hóa thành <documents>}: the
 * documents are issued by the body.</li>
 * <li><b>Governed documents.</b> A top-level document after an IMPLEMENTS cue (same
 * clause, no negative cue such as {@code thay thế} in between) is carried out: by the
 * documents issued in the sentence after it, and by a province: the province of the
 * issuing body, else of the last body before the cue (none when that body is central),
 * else the province named in the sentence, else the province of the article.</li>
 * </ol>
 */
final class RelationFinder {

	/**
	 * An apposition saying what the citation is, before its cue: "Kế hoạch số 90-KH/TU …,
	 * văn bản cụ thể hóa Chỉ thị số 35-CT/TW", "…, vốn là văn bản triển khai Nghị quyết
	 * số 18-NQ/TW" — the citation carries out the apposition's document.
	 */
	private static final String APPOSITION = ",\\s*(?:(?:vốn|cũng|chính)\\s+)?(?:là\\s+)?(?:văn bản|kế hoạch"
			+ "|chương trình(?: hành động)?)\\s+(?:(?:được\\s+)?ban hành\\s+)?";

	private static final Pattern ATTACHED_CUE_LEAD = Pattern.compile("\\s*(?:(" + APPOSITION
			+ ")|(?:(?:cũng|đã|đồng thời|còn)\\s+)+|,?\\s*)" + "(?:(?:để|nhằm|về việc|về|nhằm tiếp tục)\\s+)?");

	private static final Pattern UNQUOTED_SUBJECT = Pattern.compile("\\s*,?\\s*về\\s+(?!\")");

	private static final int MAX_CUE_DISTANCE = 220;

	/**
	 * Words allowed between a weak cue and its document: "theo (đúng) (tinh thần / nội
	 * dung) (của)".
	 */
	private static final Pattern WEAK_CUE_FILLER = Pattern
		.compile("\\s*(?:dung\\s+)?(?:(?:tinh than|noi dung|yeu cau|muc tieu)\\s+(?:cua\\s+)?)?");

	/** Between a document and the body of a passive issuance clause. */
	private static final Pattern PASSIVE = Pattern.compile("\\s*,?\\s*(?:(?:da\\s+|vua\\s+)?duoc|ma)\\s*");

	/**
	 * The province written after a body, between it and its verb: "Huyện ủy Krông Búk,
	 * tỉnh Đắk Lắk đã ban hành".
	 */
	private static final Pattern PLACE_APPOSITION = Pattern
		.compile("\\s*,\\s*(?:tinh|thanh pho)\\s+[a-z]+(?:[ -]+[a-z]+){0,3}\\s*,?\\s+(?:(?:da|vua|moi)\\s+)?$");

	private static final int MAX_SUBJECT_GAP = 32;

	/**
	 * A description of the subject between it and its verb, set off by commas or
	 * brackets, with a short time phrase or adverbs after it: "Huyện ủy Đức Hòa, địa
	 * phương có nhiều khu công nghiệp, ban hành", "Đảng ủy xã Chợ Đồn (trên địa bàn Bắc
	 * Kạn trước đây) ban hành", "Tỉnh ủy Nghệ An, tỉnh không sáp nhập, ngay từ tháng
	 * 8-2025 đã ban hành".
	 */
	private static final Pattern SUBJECT_APPOSITION = Pattern
		.compile("\\s*(?:,(?:[^,;:.\"()]|(?<=\\d)\\.(?=\\d)|\\([^()]{1,60}\\)){2,90},"
				+ "|\\([^()]{2,90}\\)\\s*,?)\\s*(?:(?:ngay\\s+)?(?:tu|trong|vao|sau do|tiep do)\\s+[^,;:.\"]{0,20}?\\s*)?"
				+ "(?:(?:da|vua|moi|cung|sau do|som|kip thoi)\\s+)*");

	/** A date between a body and its verb: ", ngày 7-3-2022, đã". */
	private static final Pattern DATE_APPOSITION = Pattern
		.compile("\\s*,?\\s*(?:vao\\s+)?ngay\\s+(?:\\d{1,2}\\s*([-/.])\\s*\\d{1,2}\\s*\\1\\s*\\d{4}"
				+ "|\\d{1,2}\\s+thang\\s+\\d{1,2}\\s+nam\\s+\\d{4})\\s*,?\\s*(?:(?:da|vua|chinh thuc)\\s+)*");

	/** What the sentence says; filled by {@link #find}. */
	static final class SentenceRelations {

		/** Issuer stated by an issuance clause, per document hit. */
		final Map<DocHit, BodyHit> clauseIssuer = new IdentityHashMap<>();

		/**
		 * Central bodies joined to the clause issuer as one subject ("Bộ Chính trị, Ban
		 * Bí thư ban hành"), per document hit.
		 */
		final Map<DocHit, List<BodyHit>> clauseCoIssuers = new IdentityHashMap<>();

		/** province key → document hits it implements. */
		final List<Object[]> provinceImplements = new ArrayList<>();

		/** [implementing document hit, implemented document hit]. */
		final List<DocHit[]> documentImplements = new ArrayList<>();

		/**
		 * Documents carried out by the provinces of the article together ("các tỉnh đã
		 * quán triệt Nghị quyết", "cả ba tỉnh đã triển khai Kết luận …"): every province
		 * the article names as an actor implements them.
		 */
		List<DocHit> collectiveImplements = List.of();

		/**
		 * Documents issued "để triển khai thực hiện" with nothing named in the sentence
		 * to carry out.
		 */
		List<DocHit> objectless = List.of();

		/** The documents of the sentence that are not inside another one's subject. */
		List<DocHit> topLevel = List.of();

	}

	SentenceRelations find(SentenceFindings f, ProvinceUnit article) {
		SentenceRelations out = new SentenceRelations();
		SentenceText s = f.sentence;
		List<DocHit> docs = f.docs;
		if (docs.isEmpty()) {
			return out;
		}
		computeAttachments(s, docs, f.cues);
		DocHit[] owner = new DocHit[docs.size()];
		for (int i = 0; i < docs.size(); i++) {
			DocHit x = docs.get(i);
			for (DocHit d : docs) {
				if (d != x && x.start >= d.coreEnd && x.start < d.attachEnd && d.start < x.start) {
					if (owner[i] == null || d.coreEnd > owner[i].coreEnd) {
						owner[i] = d;
					}
				}
			}
		}
		// Nested: D implements X when an IMPLEMENTS cue inside D's subject/attachment
		// precedes X.
		for (int i = 0; i < docs.size(); i++) {
			DocHit x = docs.get(i);
			DocHit d = owner[i];
			if (d != null && governingCue(s, docs, f.cues, d.coreEnd, x.start, Integer.MAX_VALUE) != null) {
				out.documentImplements.add(new DocHit[] { d, x });
			}
		}
		List<Cue> topCues = new ArrayList<>();
		for (Cue c : f.cues) {
			if (!insideAnyDoc(docs, c.start())) {
				topCues.add(c);
			}
		}
		List<BodyHit> topBodies = new ArrayList<>();
		for (BodyHit b : f.bodies) {
			if (!insideAnyDoc(docs, b.start)) {
				topBodies.add(b);
			}
		}
		// Issuance clauses.
		List<DocHit> issued = new ArrayList<>();
		List<Cue> issuanceVerbs = new ArrayList<>();
		Map<DocHit, Cue> issuedBy = new IdentityHashMap<>();
		BodyHit issuingLocalBody = null;
		for (Cue v : topCues) {
			if (v.kind() != CueKind.ISSUANCE && v.kind() != CueKind.ISSUANCE_BY_BODY) {
				continue;
			}
			BodyHit subject = subjectOf(s, topBodies, v);
			if (subject == null && v.kind() == CueKind.ISSUANCE) {
				subject = plenumBefore(s, v);
			}
			else if (subject == null) {
				subject = centralCommitteeBefore(s, v);
			}
			if (subject == null && v.kind() == CueKind.ISSUANCE_BY_BODY) {
				continue;
			}
			issuanceVerbs.add(v);
			if (subject != null && !subject.central()) {
				issuingLocalBody = subject;
			}
			List<BodyHit> joint = subject != null && subject.central() ? jointCentralSubjects(s, topBodies, subject)
					: List.of();
			if (subject != null) {
				// passive: "Kế hoạch số 145-KH/TU … được Ban Thường vụ Tỉnh ủy ban hành"
				for (int i = 0; i < docs.size(); i++) {
					DocHit d = docs.get(i);
					if (owner[i] == null && d.citationEnd <= subject.start
							&& (!subject.bareConference || centralResolution(d))
							&& PASSIVE.matcher(s.folded.substring(d.citationEnd, subject.start)).matches()) {
						out.clauseIssuer.put(d, subject);
					}
				}
			}
			int stop = clauseStop(s, topCues, v.end());
			for (int i = 0; i < docs.size(); i++) {
				DocHit d = docs.get(i);
				if (owner[i] == null && d.start >= v.end() && d.start < stop) {
					issued.add(d);
					issuedBy.put(d, v);
					if (subject != null && (!subject.bareConference || centralResolution(d))) {
						out.clauseIssuer.put(d, subject);
						if (!joint.isEmpty()) {
							out.clauseCoIssuers.put(d, joint);
						}
					}
				}
			}
		}
		// Governed top-level documents.
		boolean collectiveHint = collectiveHint(s.folded);
		List<DocHit> instruments = instruments(s, docs, owner, topCues);
		for (DocHit y : instruments) {
			BodyHit subject = instrumentIssuer(s, docs, owner, topCues, topBodies, y);
			if (subject != null && !out.clauseIssuer.containsKey(y)) {
				out.clauseIssuer.put(y, subject);
			}
		}
		for (int i = 0; i < docs.size(); i++) {
			DocHit g = docs.get(i);
			if (owner[i] != null || issuedBy.containsKey(g) || instruments.contains(g)) {
				continue;
			}
			Cue cue = governingTopCue(s, docs, topCues, g.start);
			if (cue == null) {
				continue;
			}
			for (DocHit y : instruments) {
				if (y.start > g.start && sameClause(s, g.start, y.start)) {
					out.documentImplements.add(new DocHit[] { y, g });
				}
			}
			for (DocHit y : issued) {
				Cue verb = issuedBy.get(y);
				if (y != g
						&& (verb.start() > g.start || (y.start < cue.start() && sameClause(s, y.start, cue.start())))) {
					out.documentImplements.add(new DocHit[] { y, g });
				}
			}
			DocHit subjectDoc = docs.get(0);
			// the national congress resolution sets the line; it does not carry out the
			// resolutions it names
			// (a provincial congress resolution may: "Nghị quyết Đại hội Đảng bộ tỉnh …
			// đã cụ thể hóa Nghị quyết Đại hội XII")
			if (subjectDoc != g && subjectDoc.start <= 1 && owner[0] == null && !issuedBy.containsKey(subjectDoc)
					&& subjectDoc.attachEnd <= cue.start() && !nationalCongress(subjectDoc.target())) {
				out.documentImplements.add(new DocHit[] { subjectDoc, g });
			}
			if (collectiveHint && collectiveActor(s, docs, f.cues, cue)) {
				if (out.collectiveImplements.isEmpty()) {
					out.collectiveImplements = new ArrayList<>(2);
				}
				out.collectiveImplements.add(g);
			}
			ProvinceHit[] named = new ProvinceHit[1];
			String province = implementingProvince(f, topBodies, issuingLocalBody, issuanceVerbs, g, cue, article,
					named);
			if (province != null) {
				out.provinceImplements.add(new Object[] { province, g });
				if (named[0] != null) {
					for (ProvinceHit joined : joinedProvinces(f, named[0])) {
						out.provinceImplements.add(new Object[] { joined.unit.key(), g });
					}
				}
			}
		}
		// "Một năm sau khi Bộ Chính trị ban hành Nghị quyết số 68-NQ/TW …, cả bốn tỉnh
		// đều
		// đã cụ thể hóa bằng văn bản riêng": provinces together carrying out, with no
		// document after the cue, what the sentence named before them
		if (collectiveHint) {
			collectiveWithoutObject(s, docs, owner, topCues, out);
		}
		// "Ngay sau khi Nghị quyết 22 được ban hành, Ban Thường vụ Tỉnh ủy đã ban hành Kế
		// hoạch số 48-KH/TU … để
		// triển khai thực hiện": a cue without a document after an issued document points
		// back to the documents
		// named before the verb, else (see Extractor) to those of the previous sentence
		for (DocHit y : issued) {
			if (!objectlessCue(docs, f.cues, y)) {
				continue;
			}
			Cue verb = issuedBy.get(y);
			boolean found = false;
			for (int i = 0; i < docs.size(); i++) {
				DocHit x = docs.get(i);
				// a central document issued by another verb before ("Ngay sau khi Bộ
				// Chính trị
				// ban hành Chỉ thị số 05-CT/TW …, Ban Thường vụ Tỉnh ủy đã ban hành Kế
				// hoạch số
				// 08-KH/TU … để thực hiện") is what the plan carries out, as when it is
				// "được
				// ban hành"
				boolean issuedBefore = issuedBy.containsKey(x)
						&& (issuedBy.get(x) == verb || !"TW".equals(x.target().scopeKey));
				if (x != y && owner[i] == null && !issuedBefore && x.attachEnd <= verb.start()
						&& !negatedBefore(f.cues, x)) {
					out.documentImplements.add(new DocHit[] { y, x });
					found = true;
				}
			}
			if (!found) {
				if (out.objectless.isEmpty()) {
					out.objectless = new ArrayList<>(1);
				}
				out.objectless.add(y);
			}
		}
		// "Trên cơ sở đó, Thành ủy … ban hành Kế hoạch số 40-KH/ThU", "Thành ủy … cụ thể
		// hóa bằng Kế hoạch số 14-KH/ThU": a document issued on the basis of what came
		// before, or spelling out an object the verb leaves out, carries out what the
		// sentence named before the verb, else (see Extractor) the previous sentence
		for (DocHit y : issued) {
			if (!anaphoricBasis(s, docs, issuedBy.get(y), y, out.documentImplements)) {
				continue;
			}
			Cue verb = issuedBy.get(y);
			boolean found = false;
			for (int i = 0; i < docs.size(); i++) {
				DocHit x = docs.get(i);
				if (x != y && owner[i] == null && x.attachEnd <= verb.start() && !negatedBefore(f.cues, x)) {
					out.documentImplements.add(new DocHit[] { y, x });
					found = true;
				}
			}
			if (!found) {
				if (out.objectless.isEmpty()) {
					out.objectless = new ArrayList<>(1);
				}
				out.objectless.add(y);
			}
		}
		respectively(s, issued, out.documentImplements);
		out.topLevel = new ArrayList<>(docs.size());
		for (int i = 0; i < docs.size(); i++) {
			if (owner[i] == null) {
				out.topLevel.add(docs.get(i));
			}
		}
		return out;
	}

	/**
	 * "ban hành Kế hoạch số 14-KH/TU và Kế hoạch số 15-KH/TU, lần lượt thực hiện Nghị
	 * quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW": with "lần lượt" (respectively)
	 * between them, as many issued documents as documents they carry out pair in order —
	 * the first carries out the first, the second the second — not each every one.
	 */
	private static void respectively(SentenceText s, List<DocHit> issued, List<DocHit[]> pairs) {
		int word = s.folded.indexOf("lan luot");
		if (word < 0 || issued.size() < 2) {
			return;
		}
		List<DocHit> from = new ArrayList<>(issued.size());
		List<DocHit> to = new ArrayList<>(issued.size());
		for (DocHit[] pair : pairs) {
			if (issued.contains(pair[0]) && pair[0].start < word && pair[1].start > word) {
				if (!from.contains(pair[0])) {
					from.add(pair[0]);
				}
				if (!to.contains(pair[1])) {
					to.add(pair[1]);
				}
			}
		}
		if (from.size() < 2 || from.size() != to.size()) {
			return;
		}
		from.sort(java.util.Comparator.comparingInt(d -> d.start));
		to.sort(java.util.Comparator.comparingInt(d -> d.start));
		pairs.removeIf(
				pair -> from.contains(pair[0]) && to.contains(pair[1]) && from.indexOf(pair[0]) != to.indexOf(pair[1]));
	}

	/**
	 * The documents a cue's object is carried out by, written after it with {@code bằng}
	 * or {@code (thông) qua}: "Ban Thường vụ Tỉnh ủy đã cụ thể hóa Chỉ thị bằng Kế hoạch
	 * số 85-KH/TU", "Tỉnh ủy triển khai Chỉ thị 06 qua Kế hoạch số 40-KH/TU" — the plan
	 * carries out the directive, it is not carried out.
	 */
	private static List<DocHit> instruments(SentenceText s, List<DocHit> docs, DocHit[] owner, List<Cue> topCues) {
		List<DocHit> out = List.of();
		for (int i = 1; i < docs.size(); i++) {
			DocHit y = docs.get(i);
			if (owner[i] != null || !afterBang(s.folded, y.start)) {
				continue;
			}
			for (int j = 0; j < i; j++) {
				DocHit x = docs.get(j);
				if (owner[j] == null && sameClause(s, x.start, y.start)
						&& governingTopCue(s, docs, topCues, x.start) != null) {
					if (out.isEmpty()) {
						out = new ArrayList<>(1);
					}
					out.add(y);
					break;
				}
			}
		}
		return out;
	}

	/**
	 * The body that carries a cue's object out by a document written after {@code bằng}
	 * issues that document: the subject of the cue ("Thành ủy đã cụ thể hóa Kế hoạch 40
	 * bằng Kế hoạch số 17-KH/ThU" — the city committee issued plan 17).
	 */
	private static BodyHit instrumentIssuer(SentenceText s, List<DocHit> docs, DocHit[] owner, List<Cue> topCues,
			List<BodyHit> topBodies, DocHit y) {
		for (int j = 0; j < docs.size() && docs.get(j) != y; j++) {
			DocHit x = docs.get(j);
			if (owner[j] != null || !sameClause(s, x.start, y.start)) {
				continue;
			}
			Cue cue = governingTopCue(s, docs, topCues, x.start);
			if (cue != null) {
				return subjectOf(s, topBodies, cue);
			}
		}
		return null;
	}

	private static boolean afterBang(String folded, int start) {
		int i = start;
		while (i > 0 && folded.charAt(i - 1) == ' ') {
			i--;
		}
		return wordBefore(folded, i, "bang") || wordBefore(folded, i, "qua");
	}

	/** Whether {@code word} ends right at {@code i} as a whole word. */
	private static boolean wordBefore(String folded, int i, String word) {
		int n = word.length();
		return i >= n && folded.startsWith(word, i - n) && (i == n || folded.charAt(i - n - 1) == ' ');
	}

	private static boolean nationalCongress(DocHit d) {
		return d.kind == DocKind.CONGRESS && !d.provincialCongress;
	}

	/**
	 * An IMPLEMENTS cue attached to {@code d} with no document after it in the attachment
	 * ("… để triển khai thực hiện.").
	 */
	private static boolean objectlessCue(List<DocHit> docs, List<Cue> cues, DocHit d) {
		if (d.attachEnd <= d.citationEnd) {
			return false;
		}
		boolean cue = false;
		for (Cue c : cues) {
			if (c.kind() == CueKind.IMPLEMENTS && d.inAttachment(c.start())) {
				cue = true;
			}
		}
		if (!cue) {
			return false;
		}
		for (DocHit x : docs) {
			if (x != d && x.start >= d.citationEnd && x.start < d.attachEnd) {
				return false;
			}
		}
		return true;
	}

	/** "Trên cơ sở đó," / "Trên cơ sở này," opening the sentence. */
	private static final Pattern BASIS_OPENER = Pattern.compile("^(?:[-+*]\\s*)?tren co so (?:do|nay)\\s*,");

	/** A verb of spelling out whose object is left out: "cụ thể hóa bằng / thành". */
	private static final Pattern ELIDED_OBJECT_VERB = Pattern.compile("cu the hoa (?:bang|thanh)");

	/**
	 * Whether an issued document carries out what came before it: the sentence opens on
	 * "Trên cơ sở đó" or the verb issuing it has its object left out ("cụ thể hóa bằng Kế
	 * hoạch …"), and the document has no object of its own in the sentence.
	 */
	private static boolean anaphoricBasis(SentenceText s, List<DocHit> docs, Cue verb, DocHit y, List<DocHit[]> pairs) {
		if (verb == null || y.start < verb.end()) {
			return false;
		}
		boolean basis = ReusableMatchers.of(BASIS_OPENER, s.folded).lookingAt() && verb.start() > 0;
		// the document spelling the object out comes right after the verb ("cụ thể hóa
		// bằng Kế hoạch số …"), not after a list's introduction ("cụ thể hóa bằng nhiều
		// văn bản: …", where the left-out object is the previous sentence's own object)
		boolean elided = ReusableMatchers.of(ELIDED_OBJECT_VERB, s.folded).region(verb.start(), verb.end()).matches()
				&& y.start - verb.end() <= 30 && s.folded.substring(verb.end(), y.start).indexOf(':') < 0;
		if (!basis && !elided) {
			return false;
		}
		for (DocHit[] pair : pairs) {
			if (pair[0] == y) {
				return false;
			}
		}
		for (DocHit x : docs) {
			if (x != y && x.start >= y.citationEnd && x.start < y.attachEnd) {
				return false;
			}
		}
		return true;
	}

	private static boolean negatedBefore(List<Cue> cues, DocHit d) {
		for (Cue c : cues) {
			if (c.kind() == CueKind.NEGATIVE && c.end() <= d.start && d.start - c.end() <= 1) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A plural of provinces in the sentence, outside the documents and not the object of
	 * a request ("các tỉnh vùng Tây Bắc … thực hiện", "cả ba tỉnh đã triển khai", "lãnh
	 * đạo nhiều tỉnh, thành … thực hiện", "Báo cáo của các địa phương cho thấy, … quán
	 * triệt Nghị quyết"), with no negative cue between it and the cue.
	 */
	static boolean collectiveActor(SentenceText s, List<DocHit> docs, List<Cue> cues, Cue cue) {
		Matcher m = ReusableMatchers.of(COLLECTIVE_PROVINCES, s.folded);
		while (m.find()) {
			int at = m.start(1);
			if (insideAnyDoc(docs, at)) {
				continue;
			}
			if (m.group(2) != null && m.group(1).startsWith("cac dia phuong")) {
				continue;
			}
			int from = Math.max(0, at - 24);
			if (REQUEST_BEFORE.matcher(s.folded.substring(from, at)).find()) {
				continue;
			}
			boolean negated = false;
			for (Cue c : cues) {
				if (c.kind() == CueKind.NEGATIVE && c.start() > Math.min(at, cue.start())
						&& c.start() < Math.max(at, cue.start())) {
					negated = true;
				}
			}
			if (!negated) {
				return true;
			}
		}
		return false;
	}

	private static final String[] COLLECTIVE_WORDS = { "cac tinh", "nhieu tinh", "nhung tinh", "dia phuong", "hai tinh",
			"ba tinh", "bon tinh", "nam tinh", "sau tinh", "bay tinh", "tam tinh", "chin tinh", "muoi tinh" };

	/**
	 * Whether the sentence can hold a plural of provinces at all: a few substring scans
	 * that spare the regular expression in most sentences.
	 */
	static boolean collectiveHint(String folded) {
		for (String word : COLLECTIVE_WORDS) {
			if (folded.indexOf(word) >= 0) {
				return true;
			}
		}
		for (int at = folded.indexOf(" tinh"); at > 0; at = folded.indexOf(" tinh", at + 5)) {
			if (Character.isDigit(folded.charAt(at - 1))) {
				return true;
			}
		}
		return false;
	}

	private static void collectiveWithoutObject(SentenceText s, List<DocHit> docs, DocHit[] owner, List<Cue> topCues,
			SentenceRelations out) {
		for (Cue c : topCues) {
			if (c.kind() != CueKind.IMPLEMENTS) {
				continue;
			}
			DocHit last = null;
			boolean after = false;
			for (int i = 0; i < docs.size(); i++) {
				DocHit d = docs.get(i);
				if (d.start >= c.end()) {
					after = true;
				}
				else if (owner[i] == null && d.attachEnd <= c.start()) {
					last = d;
				}
			}
			if (after || last == null) {
				continue;
			}
			Matcher m = ReusableMatchers.of(COLLECTIVE_PROVINCES, s.folded).region(last.attachEnd, c.start());
			boolean collective = false;
			while (m.find()) {
				collective |= m.group(2) == null || !m.group(1).startsWith("cac dia phuong");
			}
			if (!collective) {
				continue;
			}
			for (int i = 0; i < docs.size(); i++) {
				DocHit d = docs.get(i);
				if (owner[i] == null && d.attachEnd <= c.start()) {
					if (out.collectiveImplements.isEmpty()) {
						out.collectiveImplements = new ArrayList<>(2);
					}
					if (!out.collectiveImplements.contains(d)) {
						out.collectiveImplements.add(d);
					}
				}
			}
		}
	}

	/**
	 * Plurals of provinces: "các tỉnh", "các tỉnh, thành (phố)", "nhiều tỉnh", "cả ba
	 * tỉnh", "hai tỉnh" after a committee ("Tỉnh ủy ba tỉnh"), "các địa phương" (group 2:
	 * followed by words that make it the localities of one province — "các địa phương,
	 * đơn vị", "các địa phương trong tỉnh").
	 */
	private static final Pattern COLLECTIVE_PROVINCES = Pattern
		.compile("(?<![\\p{L}\\d])((?:cac|nhieu|nhung) tinh(?:, thanh(?: pho)?)?"
				+ "|(?:ca|tinh uy|ban thuong vu tinh uy|lanh dao) (?:hai|ba|bon|nam|sau|bay|tam|chin|muoi|\\d+) tinh"
				+ "|(?:cac|nhung|nhieu) dia phuong)(?![\\p{L}\\d])"
				+ "( ?, don vi| trong (?:tinh|thanh pho|huyen)| co lien quan)?");

	private static final Pattern REQUEST_BEFORE = Pattern
		.compile("(?:yeu cau|de nghi|kien nghi|chi dao|luu y|nhac nho|don doc|giao|huong dan|giup|cho|voi|doi voi|tai)"
				+ "\\s*$");

	private static final Pattern PROVINCE_JOIN = Pattern
		.compile("\\s*(?:,|,?\\s*va)\\s*(?:(?:tinh|thanh pho|tp\\.?)\\s*)?");

	/**
	 * The provinces coordinated with a province named as the actor: "Thanh Hóa và Nghệ
	 * An, hai tỉnh …, là những địa phương triển khai …", "Ban Thường vụ Tỉnh ủy ba tỉnh
	 * Hà Nam, Nam Định và Ninh Bình".
	 */
	private static List<ProvinceHit> joinedProvinces(SentenceFindings f, ProvinceHit first) {
		List<ProvinceHit> joined = List.of();
		ProvinceHit last = first;
		boolean more = true;
		while (more) {
			more = false;
			for (ProvinceHit p : f.provinces) {
				if (p.start > last.end && p.start - last.end <= 16 && !p.unit.key().equals(first.unit.key())
						&& PROVINCE_JOIN.matcher(f.sentence.folded.substring(last.end, p.start)).matches()) {
					if (joined.isEmpty()) {
						joined = new ArrayList<>(3);
					}
					joined.add(p);
					last = p;
					more = true;
					break;
				}
			}
		}
		return joined;
	}

	private String implementingProvince(SentenceFindings f, List<BodyHit> topBodies, BodyHit issuingLocalBody,
			List<Cue> issuanceVerbs, DocHit g, Cue cue, ProvinceUnit article, ProvinceHit[] named) {
		if (issuingLocalBody != null) {
			for (Cue v : issuanceVerbs) {
				if (v.start() > g.start) {
					return issuingLocalBody.provinceKey;
				}
			}
		}
		BodyHit before = null;
		for (BodyHit b : topBodies) {
			if (b.end <= cue.start()) {
				before = b;
			}
		}
		if (before != null) {
			return before.central() ? null : before.provinceKey;
		}
		if (centralMainClause(f, topBodies, g, cue)) {
			return null;
		}
		boolean location = false;
		for (ProvinceHit p : f.provinces) {
			if (insideAnyDoc(f.docs, p.start)) {
				continue;
			}
			if (locationOfOther(f, p)) {
				location = true;
				continue;
			}
			named[0] = p;
			return p.unit.key();
		}
		boolean central = false;
		for (BodyHit b : topBodies) {
			if (!b.central()) {
				return b.provinceKey;
			}
			central = true;
		}
		// the province only as the place of a non-party subject, or a central actor and
		// no local one: no province
		if (location || central) {
			return null;
		}
		return article == null ? null : article.key();
	}

	/**
	 * Whether the sentence opens with the cue ("Căn cứ Quy định số 69-QĐ/TW …, Ủy ban
	 * Kiểm tra Trung ương đề nghị Ban Thường vụ Tỉnh ủy …") and the clause after its
	 * object opens with a central body: the central body acts on the document, and the
	 * local body after it is only the object of its verb.
	 */
	private static boolean centralMainClause(SentenceFindings f, List<BodyHit> topBodies, DocHit g, Cue cue) {
		String text = f.sentence.text;
		int i = cue.start() - 1;
		while (i >= 0 && text.charAt(i) == ' ') {
			i--;
		}
		if (i >= 0) {
			return false;
		}
		for (BodyHit b : f.bodies) {
			if (b.start <= g.start) {
				continue;
			}
			int j = b.start - 1;
			while (j >= 0 && text.charAt(j) == ' ') {
				j--;
			}
			if (j >= 0 && text.charAt(j) == ',') {
				return b.central() && topBodies.contains(b);
			}
		}
		return false;
	}

	/**
	 * Whether a province is named only as the location of something that is not a party
	 * body: "Nhà máy Nhiệt điện Sông Hậu 1 ở Hậu Giang", "… Sông Hậu 1 (tỉnh Hậu Giang)"
	 * — a name or number, then {@code ở}/{@code tại}/a bracket, then the province.
	 */
	boolean locationOfOther(SentenceFindings f, ProvinceHit p) {
		SentenceText s = f.sentence;
		String folded = s.folded;
		int i = p.start;
		while (i > 0 && folded.charAt(i - 1) == ' ') {
			i--;
		}
		for (String prefix : LOCATION_UNIT_WORDS) {
			if (i >= prefix.length() && folded.startsWith(prefix, i - prefix.length())) {
				i -= prefix.length();
				break;
			}
		}
		while (i > 0 && folded.charAt(i - 1) == ' ') {
			i--;
		}
		int before;
		int open = openBracketBefore(s.text, i);
		if (open >= 0) {
			before = open;
		}
		else if (i >= 3 && folded.startsWith("tai", i - 3) && (i == 3 || folded.charAt(i - 4) == ' ')) {
			before = i - 3;
		}
		else if (i >= 1 && folded.charAt(i - 1) == 'o' && (i == 1 || folded.charAt(i - 2) == ' ')) {
			before = i - 1;
		}
		else {
			return false;
		}
		while (before > 0 && s.text.charAt(before - 1) == ' ') {
			before--;
		}
		if (before == 0) {
			return false;
		}
		int wordStart = before;
		while (wordStart > 0 && s.text.charAt(wordStart - 1) != ' ') {
			wordStart--;
		}
		char first = s.text.charAt(wordStart);
		if (!Character.isUpperCase(first) && !Character.isDigit(first) && !afterLocationSubject(folded, before)) {
			return false;
		}
		for (BodyHit b : f.bodies) {
			if (wordStart >= b.start && wordStart < b.end) {
				return false;
			}
		}
		for (DocHit d : f.docs) {
			if (wordStart >= d.start && wordStart < d.citationEnd) {
				return false;
			}
		}
		for (ProvinceHit other : f.provinces) {
			if (wordStart >= other.start && wordStart < other.end) {
				return false;
			}
		}
		return true;
	}

	private static final String[] LOCATION_UNIT_WORDS = { "tinh", "thanh pho", "tp." };

	private static final int MAX_LOCATION_SUBJECT_GAP = 40;

	/**
	 * "(đóng trên địa bàn tỉnh Hậu Giang)": an open bracket a few words before the
	 * province, not closed in between.
	 */
	private static int openBracketBefore(String text, int at) {
		for (int j = at - 1; j >= 0 && at - j <= 32; j--) {
			char c = text.charAt(j);
			if (c == ')' || c == ',' || c == ';') {
				return -1;
			}
			if (c == '(') {
				return j;
			}
		}
		return -1;
	}

	/**
	 * A noun of a non-party subject (nhà máy, công ty …, from province-traps.tsv) shortly
	 * before, in the same clause.
	 */
	private boolean afterLocationSubject(String folded, int at) {
		int from = Math.max(0, at - MAX_LOCATION_SUBJECT_GAP);
		for (int j = at - 1; j >= from; j--) {
			char c = folded.charAt(j);
			if (c == ',' || c == ';' || c == ':') {
				from = j + 1;
				break;
			}
		}
		String window = folded.substring(from, at);
		for (String noun : this.locationSubjects) {
			int k = window.indexOf(noun);
			if (k >= 0 && (k == 0 || window.charAt(k - 1) == ' ')
					&& (k + noun.length() == window.length() || window.charAt(k + noun.length()) == ' ')) {
				return true;
			}
		}
		return false;
	}

	private final List<String> locationSubjects;

	RelationFinder(ExtractionRules rules) {
		this.locationSubjects = rules.locationSubjects;
	}

	/**
	 * The IMPLEMENTS cue governing a position inside [from, to), with no negative cue
	 * after it.
	 */
	private static Cue governingCue(SentenceText s, List<DocHit> docs, List<Cue> cues, int from, int to,
			int maxDistance) {
		Cue strong = null;
		Cue adjacent = null;
		for (Cue c : cues) {
			if (c.start() < from || c.end() > to) {
				continue;
			}
			if (c.kind() == CueKind.IMPLEMENTS_ADJACENT_INNER && clauseInitial(s, c.start())) {
				continue;
			}
			if (c.kind() == CueKind.IMPLEMENTS) {
				strong = c;
				adjacent = null;
			}
			else if (c.kind().adjacent()) {
				adjacent = c;
			}
			else if (c.kind() == CueKind.NEGATIVE || c.kind() == CueKind.ISSUANCE
					|| c.kind() == CueKind.ISSUANCE_BY_BODY) {
				strong = null;
				adjacent = null;
			}
		}
		// a weak cue counts only for the documents right after it; otherwise the strong
		// cue before it holds
		if (adjacent != null && reaches(s, docs, adjacent.end(), to)) {
			return adjacent;
		}
		if (strong != null && to - strong.end() > maxDistance) {
			return null;
		}
		return strong;
	}

	/**
	 * At the start of the sentence or right after a comma, colon, bracket or opening
	 * quote ("Năm 2023, theo Báo cáo số …"); not after a closing quote, which ends a name
	 * (cuộc vận động "…" theo Chỉ thị số 06-CT/TW …).
	 */
	private static boolean clauseInitial(SentenceText s, int offset) {
		int i = offset - 1;
		while (i >= 0 && s.text.charAt(i) == ' ') {
			i--;
		}
		if (i >= 0 && s.text.charAt(i) == '"') {
			int quotes = 0;
			for (int j = 0; j <= i; j++) {
				if (s.text.charAt(j) == '"') {
					quotes++;
				}
			}
			return quotes % 2 == 1;
		}
		return i < 0 || ",;:(".indexOf(s.text.charAt(i)) >= 0;
	}

	/**
	 * Whether the document starting at {@code target} is the first after {@code from}, or
	 * follows it in a list of citations
	 * ({@code theo Quy định số 24 … và Hướng dẫn số 06 …}).
	 */
	private static boolean reaches(SentenceText s, List<DocHit> docs, int from, int target) {
		int n = s.text.length();
		Matcher filler = ReusableMatchers.of(WEAK_CUE_FILLER, s.folded).region(from, n);
		int pos = filler.lookingAt() ? filler.end() : from;
		while (pos < n) {
			while (pos < n && s.text.charAt(pos) == ' ') {
				pos++;
			}
			if (pos == target) {
				return true;
			}
			DocHit at = null;
			for (DocHit d : docs) {
				if (d.start == pos) {
					at = d;
				}
			}
			if (at == null) {
				return false;
			}
			pos = Math.max(at.citationEnd, at.attachEnd);
			while (pos < n && (s.text.charAt(pos) == ' ' || s.text.charAt(pos) == ',')) {
				pos++;
			}
			if (s.text.startsWith("và ", pos)) {
				pos += 3;
			}
		}
		return false;
	}

	private static Cue governingTopCue(SentenceText s, List<DocHit> docs, List<Cue> topCues, int docStart) {
		int clauseStart = s.text.lastIndexOf(';', docStart) + 1;
		int list = listIntroducedBefore(s, docs, docStart);
		if (list >= 0) {
			Cue c = governingCue(s, docs, topCues, s.text.lastIndexOf(';', list) + 1, list, MAX_CUE_DISTANCE);
			if (c != null) {
				return c;
			}
		}
		return governingCue(s, docs, topCues, clauseStart, docStart, MAX_CUE_DISTANCE);
	}

	/**
	 * "… quán triệt các nghị quyết …, gồm: Nghị quyết số 42-NQ/TW về …; Nghị quyết số
	 * 43-NQ/TW về …; … và Nghị quyết số 45-NQ/TW …": the colon introducing a list whose
	 * items, separated by semicolons, each open with a citation — the items are the
	 * objects of the cue before the colon, however long the list. The colon's offset,
	 * else -1.
	 */
	private static int listIntroducedBefore(SentenceText s, List<DocHit> docs, int docStart) {
		int colon = s.text.lastIndexOf(':', docStart);
		if (colon < 0 || !citationAt(s, docs, colon + 1)) {
			return -1;
		}
		for (int semicolon = s.text.indexOf(';', colon); semicolon >= 0
				&& semicolon < docStart; semicolon = s.text.indexOf(';', semicolon + 1)) {
			if (!citationAt(s, docs, semicolon + 1)) {
				return -1;
			}
		}
		return colon;
	}

	/** Whether a citation starts at the first word from this offset. */
	private static boolean citationAt(SentenceText s, List<DocHit> docs, int from) {
		int at = from;
		while (at < s.text.length() && s.text.charAt(at) == ' ') {
			at++;
		}
		for (DocHit d : docs) {
			if (d.start == at) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameClause(SentenceText s, int a, int b) {
		return s.text.indexOf(';', a) < 0 || s.text.indexOf(';', a) >= b;
	}

	/**
	 * Between two central bodies that are one subject: "Bộ Chính trị, Ban Bí thư", "Bộ
	 * Chính trị và Ban Bí thư".
	 */
	private static final Pattern SUBJECT_JOIN = Pattern.compile("\\s*(?:,|,?\\s*va)\\s*");

	/**
	 * The central bodies written before a central subject and joined to it by a comma or
	 * "và", first first: in "Bộ Chính trị, Ban Bí thư ban hành Kết luận số …" both issue.
	 */
	private static List<BodyHit> jointCentralSubjects(SentenceText s, List<BodyHit> bodies, BodyHit subject) {
		List<BodyHit> joint = new ArrayList<>(2);
		BodyHit current = subject;
		for (int i = bodies.indexOf(subject) - 1; i >= 0; i--) {
			BodyHit b = bodies.get(i);
			if (!b.central() || b.end > current.start
					|| !ReusableMatchers.of(SUBJECT_JOIN, s.folded).region(b.end, current.start).matches()) {
				break;
			}
			joint.add(0, b);
			current = b;
		}
		if (!joint.isEmpty()) {
			// "Theo đề nghị của Ban Tổ chức Trung ương, Ban Bí thư ban hành …": the first
			// body is not a subject
			String before = s.folded.substring(0, joint.get(0).start).stripTrailing();
			String word = before.substring(before.lastIndexOf(' ') + 1);
			if (PREPOSITIONS_BEFORE_BODY.contains(word)) {
				return List.of();
			}
		}
		return joint;
	}

	/**
	 * Words that make the body after them an object, not a subject: "của", "do", "với",
	 * "theo", "tại", "cho".
	 */
	private static final java.util.Set<String> PREPOSITIONS_BEFORE_BODY = java.util.Set.of("cua", "do", "voi", "theo",
			"tai", "cho");

	/** The body right before an issuance verb (only adverbs or nothing between them). */
	private static BodyHit subjectOf(SentenceText s, List<BodyHit> bodies, Cue verb) {
		BodyHit best = null;
		for (BodyHit b : bodies) {
			if (b.end <= verb.start()) {
				best = b;
			}
		}
		if (best == null) {
			return null;
		}
		if (representing(s, best, verb)) {
			return best; // "Thay mặt Bộ Chính trị, Tổng Bí thư … đã ký ban hành Chỉ thị
							// số 05-CT/TW"
		}
		if (best.central()) {
			List<BodyHit> joint = jointCentralSubjects(s, bodies, best);
			if (!joint.isEmpty() && representing(s, joint.get(0), verb)) {
				return best; // "Thay mặt Bộ Chính trị, Ban Bí thư, đồng chí … ký ban
								// hành"
			}
		}
		if (ReusableMatchers.of(DATE_APPOSITION, s.folded).region(best.end, verb.start()).matches()) {
			return best; // "Ban Thường vụ Tỉnh ủy, ngày 7-3-2022, đã ban hành"
		}
		if (clauseInitial(s, best.start)
				&& ReusableMatchers.of(SUBJECT_APPOSITION, s.folded).region(best.end, verb.start()).matches()) {
			return best; // "Huyện ủy Đức Hòa, địa phương có nhiều khu công nghiệp, ban
							// hành"
		}
		if (verb.start() - best.end > MAX_SUBJECT_GAP) {
			return coordinatedPredicate(s, best, verb) ? best : null;
		}
		if (PLACE_APPOSITION.matcher(s.folded.substring(best.end, verb.start())).lookingAt()) {
			return best;
		}
		for (int i = best.end; i < verb.start(); i++) {
			char c = s.text.charAt(i);
			if (c == ',' || c == ';' || c == ':' || c == '.' || c == '"') {
				return coordinatedPredicate(s, best, verb) ? best : null;
			}
		}
		return best;
	}

	/**
	 * A second predicate of the sentence's subject: "…, đồng thời ngày 12-7-2025 ban
	 * hành".
	 */
	private static final Pattern SECOND_PREDICATE = Pattern
		.compile(",\\s*(?:va\\s+)?dong thoi\\s+(?:(?:vao\\s+)?ngay\\s+[\\d/.-]+\\s*,?\\s*)?(?:(?:da|vua)\\s+)?$");

	/** What may stand before the subject of a sentence: nothing, or a short opener. */
	private static final Pattern SUBJECT_OPENER = Pattern.compile("(?:[^,;:.]{1,40},\\s*)?");

	/**
	 * "Sau hợp nhất, Tỉnh ủy Quảng Trị tiếp tục thực hiện Kế hoạch số 312-KH/TU …, đồng
	 * thời ngày 12-7-2025 ban hành Kế hoạch số 05-KH/TU": the body opening the sentence
	 * as its subject is the subject of a verb that "đồng thời" joins to its first
	 * predicate.
	 */
	private static boolean coordinatedPredicate(SentenceText s, BodyHit subject, Cue verb) {
		if (!ReusableMatchers.of(SUBJECT_OPENER, s.folded).region(0, subject.start).matches()) {
			return false;
		}
		Matcher m = ReusableMatchers.of(SECOND_PREDICATE, s.folded).region(subject.end, verb.start());
		if (!m.find()) {
			return false;
		}
		for (int i = subject.end; i < m.start(); i++) {
			char c = s.text.charAt(i);
			if (c == ';' || c == ':' || c == '.' || c == '"') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Between a plenum named as the subject and its verb: "Hội nghị Trung ương 5 khóa
	 * XIII đã ban hành".
	 */
	private static final Pattern PLENUM_TO_VERB = Pattern.compile(
			"(?:\\s*,?\\s*\\(?\\s*khoa\\s+[ivxlc]{1,6}\\s*\\)?)?\\s*,?\\s*(?:(?:da|vua|con|cung|lai|tiep tuc|dong thoi)\\s+){0,2}(?:chinh thuc\\s+)?");

	/**
	 * "Hội nghị Trung ương 5 khóa XIII đã ban hành Nghị quyết số 21-NQ/TW": a plenum as
	 * the subject of the verb is the Central Committee.
	 */
	private static BodyHit plenumBefore(SentenceText s, Cue verb) {
		int from = Math.max(0, verb.start() - 100);
		int at = s.folded.lastIndexOf("hoi nghi", verb.start());
		if (at < from) {
			return centralCommitteeBefore(s, verb);
		}
		Matcher m = ReusableMatchers.of(DocumentRecognizer.PLENUM_ISSUER, s.folded).region(at, verb.start());
		int end;
		boolean bare = false;
		if (m.lookingAt() && ReusableMatchers.of(PLENUM_TO_VERB, s.folded).region(m.end(), verb.start()).matches()) {
			end = m.end();
		}
		else if (s.text.startsWith("Hội nghị", at) && (at == 0 || s.text.startsWith(", ", at - 2))
				&& ReusableMatchers.of(PLENUM_TO_VERB, s.folded).region(at + 8, verb.start()).matches()) {
			// "Hội nghị đã ban hành Nghị quyết số 60-NQ/TW": only a central resolution
			// makes the bare conference a plenum
			end = at + 8;
			bare = true;
		}
		else {
			return centralCommitteeBefore(s, verb);
		}
		BodyHit b = new BodyHit(at, end, s.surface(at, end));
		b.bareConference = bare;
		b.level = BodyLevel.CENTRAL;
		b.centralKey = PartyBodyCatalog.CENTRAL_COMMITTEE;
		b.key = PartyBodyCatalog.CENTRAL_COMMITTEE;
		return b;
	}

	/**
	 * "Trung ương đã ban hành Nghị quyết số 21-NQ/TW", "Tại Hội nghị, Trung ương đã thông
	 * qua Kết luận số 21-KL/TW": "Trung ương" alone, capitalized and not the end of a
	 * longer name (Ban Tổ chức Trung ương, Hội nghị Trung ương are bodies and plenums of
	 * their own), as the subject of the verb is the Central Committee — for central
	 * resolutions only, like a bare "Hội nghị".
	 */
	private static BodyHit centralCommitteeBefore(SentenceText s, Cue verb) {
		int at = s.folded.lastIndexOf("trung uong", verb.start());
		if (at < 0 || verb.start() - at > 40 || !s.text.startsWith("Trung ương", at)) {
			return null;
		}
		int end = at + "trung uong".length();
		if (!ReusableMatchers.of(PLENUM_TO_VERB, s.folded).region(end, verb.start()).matches()) {
			return null;
		}
		int word = at - 1;
		while (word > 0 && s.text.charAt(word - 1) != ' ') {
			word--;
		}
		if (at > 0 && word >= 0 && word < at - 1 && Character.isUpperCase(s.text.charAt(word))) {
			// "… Tổ chức Trung ương": the end of a longer name
			return null;
		}
		BodyHit b = new BodyHit(at, end, s.surface(at, end));
		b.bareConference = true;
		b.level = BodyLevel.CENTRAL;
		b.centralKey = PartyBodyCatalog.CENTRAL_COMMITTEE;
		b.key = PartyBodyCatalog.CENTRAL_COMMITTEE;
		return b;
	}

	/**
	 * A resolution with a central suffix (22-NQ/TW): what a bare "Hội nghị" can have
	 * issued as a plenum.
	 */
	private static boolean centralResolution(DocHit d) {
		return d.kind == DocKind.CODE && "NQ".equals(d.typeCode) && d.suffixRule != null && d.suffixRule.central();
	}

	/**
	 * "Thay mặt <body>, <person> (đã) ký ban hành": the body signed for issues, within
	 * the clause.
	 */
	private static boolean representing(SentenceText s, BodyHit body, Cue verb) {
		int i = body.start;
		while (i > 0 && s.folded.charAt(i - 1) == ' ') {
			i--;
		}
		if (i < 8 || !s.folded.startsWith("thay mat", i - 8) || verb.start() - body.end > 120) {
			return false;
		}
		for (int k = body.end; k < verb.start(); k++) {
			char c = s.text.charAt(k);
			if (c == ';' || c == '.' || c == '"') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Where the documents of an issuance clause end: a semicolon or the next top-level
	 * cue.
	 */
	private static int clauseStop(SentenceText s, List<Cue> topCues, int from) {
		int stop = s.text.indexOf(';', from);
		if (stop < 0) {
			stop = s.text.length();
		}
		for (Cue c : topCues) {
			if (c.start() >= from && c.start() < stop && c.kind() != CueKind.ISSUER
					&& !ReusableMatchers.of(LIST_OF_ISSUED, s.folded)
						.region(from, c.start())
						.useTransparentBounds(true)
						.find()) {
				return c.start();
			}
		}
		return stop;
	}

	/**
	 * "… đã ban hành 14 văn bản chỉ đạo, trong đó có Kế hoạch số …": the verb's counted
	 * plural goes on as a list of what it issued; its "có" opens no clause of its own.
	 */
	private static final Pattern LIST_OF_ISSUED = Pattern.compile(
			"^\\s*(?:(?:da|vua|cung)\\s+)?(?:\\d+|hai|ba|bon|nam|sau|bay|tam|chin|muoi|nhieu)\\s+[a-z ]{2,40},\\s*trong do(?:\\s+co)?\\s*$");

	private static boolean insideAnyDoc(List<DocHit> docs, int offset) {
		for (DocHit d : docs) {
			if (offset >= d.start && offset < d.attachEnd) {
				return true;
			}
		}
		return false;
	}

	/** Extends each document over its unquoted subject or attached cue clause. */
	private static void computeAttachments(SentenceText s, List<DocHit> docs, List<Cue> cues) {
		for (DocHit d : docs) {
			int pos = d.citationEnd;
			boolean attached = false;
			if (d.subject == null) {
				Matcher m = ReusableMatchers.of(UNQUOTED_SUBJECT, s.text).region(pos, s.text.length());
				if (m.lookingAt()) {
					attached = true;
					pos = m.end();
				}
			}
			if (!attached) {
				Matcher m = ReusableMatchers.of(ATTACHED_CUE_LEAD, s.text).region(pos, s.text.length());
				if (m.lookingAt()) {
					for (Cue c : cues) {
						if (c.kind() == CueKind.IMPLEMENTS && c.start() == m.end()) {
							attached = true;
							if (m.group(1) != null) {
								pos = m.end(); // past the apposition's comma
							}
							break;
						}
					}
				}
			}
			if (attached) {
				d.attachEnd = clauseEnd(s, docs, cues, d, pos, d.subject == null && !cueAttached(cues, pos));
			}
		}
	}

	/**
	 * Whether a citation has the owner's type and issuer suffix and an implementing cue
	 * right after it.
	 */
	static boolean sameKindWithItsOwnCue(SentenceText s, List<Cue> cues, DocHit owner, DocHit d) {
		if (owner.kind != DocKind.CODE || d.kind != DocKind.CODE || !owner.typeCode.equals(d.typeCode)
				|| !owner.suffix.equals(d.suffix)) {
			return false;
		}
		int at = d.citationEnd;
		while (at < s.text.length() && s.text.charAt(at) == ' ') {
			at++;
		}
		for (Cue c : cues) {
			if (c.kind() == CueKind.IMPLEMENTS && c.start() == at) {
				return true;
			}
		}
		return false;
	}

	private static boolean cueAttached(List<Cue> cues, int pos) {
		for (Cue c : cues) {
			if (c.kind() == CueKind.IMPLEMENTS && c.start() >= pos && c.start() <= pos + 1) {
				return true;
			}
		}
		return false;
	}

	private static int clauseEnd(SentenceText s, List<DocHit> docs, List<Cue> cues, DocHit owner, int from,
			boolean plainSubject) {
		int n = s.text.length();
		int i = from;
		boolean cueSeen = false;
		boolean docAfterCue = false;
		while (i < n) {
			if (cueSeen && docAfterCue && s.text.startsWith(" và ", i)) {
				// "ban hành Kế hoạch số 70-KH/TU thực hiện Chỉ thị số 28-CT/TW và Kế
				// hoạch số
				// 71-KH/TU thực hiện Chỉ thị số 29-CT/TW": a document like the owner with
				// a cue
				// of its own is a second document issued, not one more object
				for (DocHit d : docs) {
					if (d.start == i + 4 && sameKindWithItsOwnCue(s, cues, owner, d)) {
						return i;
					}
				}
			}
			if (cueSeen && !docAfterCue && s.text.startsWith(" và ", i)) {
				// "về thi hành Điều lệ Đảng và Hướng dẫn số 06": the cue's object is not
				// a document,
				// so the document after "và" is a second citation, not part of the
				// subject
				for (DocHit d : docs) {
					if (d.start == i + 4) {
						return i;
					}
				}
			}
			if (!cueSeen) {
				for (Cue c : cues) {
					if (c.start() == i && (c.kind() == CueKind.IMPLEMENTS || c.kind() == CueKind.NEGATIVE)) {
						cueSeen = true;
					}
				}
			}
			if (plainSubject && !cueSeen) {
				if (s.text.startsWith(" và ", i)) {
					for (DocHit d : docs) {
						if (d.start == i + 4) {
							return i;
						}
					}
				}
			}
			DocHit inside = null;
			for (DocHit d : docs) {
				if (d.start == i || (d.start < i && i < d.citationEnd && d.start >= from)) {
					inside = d;
				}
			}
			if (inside != null && inside.citationEnd > i) {
				docAfterCue |= cueSeen;
				i = inside.citationEnd;
				continue;
			}
			int cueEnd = -1;
			for (Cue c : cues) {
				if (c.start() == i && (c.kind() == CueKind.ISSUANCE || c.kind() == CueKind.ISSUANCE_BY_BODY)) {
					return i;
				}
				if (c.start() == i) {
					cueEnd = Math.max(cueEnd, c.end());
				}
			}
			if (cueEnd > i) {
				i = cueEnd; // a cue phrase with a comma inside ("học tập, quán triệt")
							// does not end the clause
				continue;
			}
			char ch = s.text.charAt(i);
			if (ch == ';') {
				return i;
			}
			if (ch == ',') {
				int next = i + 1;
				while (next < n && s.text.charAt(next) == ' ') {
					next++;
				}
				boolean continuesList = false;
				for (DocHit d : docs) {
					if (d.start == next) {
						continuesList = true;
					}
				}
				if (!continuesList) {
					return i;
				}
			}
			i++;
		}
		return n;
	}

}
