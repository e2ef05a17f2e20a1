package org.policygraph.corpus;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import org.policygraph.corpus.CentralDocument.CentralKind;
import org.policygraph.reference.PartyBodyCatalog;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.ProvinceUnit;
import org.policygraph.reference.TextNormalizer;

import org.jspecify.annotations.Nullable;

/**
 * Writes one article of the synthetic corpus and records what it states. Sentences follow
 * the style of the seed listing: a citation with a cue phrase ({@code thực hiện},
 * {@code triển khai}, {@code quán triệt}, {@code cụ thể hóa},
 * {@code ban hành … để thực hiện}, {@code sơ kết … năm
 * thực hiện}), local documents issued to carry out a central one, and distractors that
 * state no implementation (lists of documents, {@code thay thế}, {@code Thái Bình Dương},
 * {@code tư tưởng
 * Hồ Chí Minh}, {@code hòa bình}, a visiting delegation of another province).
 */
final class ArticleComposer {

	private static final Set<String> UNUSED_ALIASES = Set.of("Hồ Chí Minh", "Sài Gòn", "HCMC", "Thủ đô Hà Nội", "Hanoi",
			"Ha Noi", "Da Nang", "Đắc Lắc", "Đắc Nông", "Đắklắk", "Đaklak", "Daklak", "Daknong", "Bắc Cạn", "TT-Huế",
			"TT Huế");

	private static final String[] FILLERS = {
			"Công tác giáo dục chính trị, tư tưởng được quan tâm thường xuyên; chất lượng sinh hoạt chi bộ từng bước được nâng lên.",
			"Việc đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên hằng năm được thực hiện thực chất hơn.",
			"Nhiều mô hình, cách làm hay được nhân rộng, tạo sức lan tỏa trong toàn Đảng bộ.",
			"Đội ngũ cán bộ các cấp được kiện toàn, sắp xếp hợp lý, đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
			"Công tác kiểm tra, giám sát được tăng cường, kịp thời chấn chỉnh những thiếu sót, khuyết điểm.",
			"Bên cạnh kết quả đạt được, vẫn còn một số hạn chế như: nội dung sinh hoạt ở một số chi bộ còn đơn điệu, chưa thu hút đảng viên tham gia.",
			"Vai trò nêu gương của người đứng đầu cấp ủy, chính quyền được phát huy, tạo sự đồng thuận trong cán bộ, đảng viên và nhân dân.",
			"Công tác cải cách hành chính trong Đảng được đẩy mạnh, việc ứng dụng công nghệ thông tin trong quản lý đảng viên có nhiều tiến bộ.",
			"Các cấp ủy đã chú trọng lãnh đạo, chỉ đạo xây dựng chi bộ trong sạch, vững mạnh, gắn với xây dựng cơ quan, đơn vị vững mạnh toàn diện." };

	private static final String[] RESULTS = { "đã đạt được nhiều kết quả quan trọng",
			"đã có những chuyển biến tích cực", "đã đạt được những kết quả đáng ghi nhận" };

	private final CorpusWorld world;

	private final ProvinceGazetteer gazetteer;

	ArticleComposer(CorpusWorld world, ProvinceGazetteer gazetteer) {
		this.world = world;
		this.gazetteer = gazetteer;
	}

	/** The article number {@code index} of a corpus, drawn from {@code random}. */
	GeneratedArticle compose(long seed, long index, RandomGenerator random) {
		CentralDocument about = this.world.pickCentral(random);
		LocalDate earliest = about.issuedOn().plusDays(30);
		if (earliest.isBefore(CorpusWorld.FIRST_PUBLISHED)) {
			earliest = CorpusWorld.FIRST_PUBLISHED;
		}
		long span = Math.max(1, ChronoUnit.DAYS.between(earliest, CorpusWorld.LAST_PUBLISHED));
		LocalDate published = earliest.plusDays(random.nextLong(span));
		Draft d = new Draft(random, published);
		boolean central = random.nextInt(100) < 5;
		if (central) {
			centralArticle(d, about);
		}
		else {
			List<ProvinceUnit> units = this.world.provincesOn(published);
			provincialArticle(d, about, units.get(random.nextInt(units.size())));
		}
		String text = d.text();
		if (random.nextInt(100) < 5) {
			text = Normalizer.normalize(text, Normalizer.Form.NFD);
		}
		String url = "https://corpus.policygraph.example/" + seed + "/" + published.getYear() + "/" + slug(d.title)
				+ "-" + index + ".html";
		String category = CorpusWorld.pick(random, "Xây dựng Đảng", "Tổ chức - Cán bộ", "Thời sự", "Địa phương");
		String source = CorpusWorld.pick(random, "Tạp chí Xây dựng Đảng", "Báo Nhân Dân",
				"Báo điện tử Đảng Cộng sản Việt Nam");
		ArticleTruth truth = new ArticleTruth(url, about.datedKey(), List.copyOf(d.provinces), List.copyOf(d.documents),
				pairs(d.implementsPairs), pairs(d.issuedBy));
		return new GeneratedArticle(url, d.title, text, published, source, category, truth);
	}

	private void centralArticle(Draft d, CentralDocument c) {
		d.reserve(c);
		CentralDocument c2 = distractor(d, c);
		boolean shortInTitle = d.random.nextBoolean();
		d.title = shortInTitle
				? CorpusWorld.pick(d.random, "Bộ Chính trị yêu cầu tiếp tục thực hiện ",
						"Tiếp tục quán triệt, thực hiện ") + shortName(c)
				: "Nâng cao hiệu quả công tác xây dựng Đảng theo tinh thần " + c.kind().word().toLowerCase() + " mới";
		d.sentence("Để " + lowerFirst(c.subject())
				+ " đáp ứng yêu cầu tình hình mới, Bộ Chính trị yêu cầu các cấp ủy, tổ chức đảng"
				+ " nghiêm túc rút kinh nghiệm, tiếp tục quán triệt, triển khai thực hiện có hiệu quả "
				+ cite(d, c, true) + ".");
		d.sentence(filler(d));
		if (c2 != null) {
			d.sentence("Trước đó, " + c2.issuer().names().get(0) + " đã ban hành "
					+ citeWithoutIssuer(d, c2, c2.issuer()) + ".");
		}
		d.sentence(filler(d));
		d.sentence(
				"Việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị.");
		d.paragraph();
		d.sentence(filler(d));
		d.sentence(
				"Các cấp ủy, tổ chức đảng cần giữ gìn môi trường hòa bình, ổn định, phát huy sức mạnh khối đại đoàn kết toàn dân tộc.");
	}

	private void provincialArticle(Draft d, CentralDocument c, ProvinceUnit p) {
		RandomGenerator r = d.random;
		d.reserve(c);
		if (c.continues() != null) {
			d.reserve(c.continues());
		}
		List<LocalDocument> locals = new ArrayList<>();
		for (LocalDocument l : this.world.localDocuments(p, c)) {
			if (l.issuedOn().isBefore(d.published)) {
				locals.add(l);
			}
		}
		boolean shortNames = true;
		for (LocalDocument l : locals) {
			if (!d.reserve(l.kind().word(), l.number())) {
				shortNames = false;
			}
		}
		CentralDocument c2 = r.nextInt(100) < 45 ? distractor(d, c) : null;
		d.provinces.add(p.key());
		String committee = LocalDocument.committee(p);
		String place = p.isCity() ? "thành phố" : "tỉnh";
		int years = d.published.getYear() - c.issuedOn().getYear();

		boolean titleShort = shortNames && r.nextInt(100) < 45;
		boolean titleNamesProvince = r.nextInt(100) < 85;
		String pn = name(r, p);
		if (titleShort) {
			d.title = years >= 2 && r.nextBoolean()
					? CorpusWorld.pick(r, "Kết quả " + years + " năm thực hiện " + shortName(c) + " ở " + pn,
							pn + " sơ kết " + years + " năm thực hiện " + shortName(c))
					: CorpusWorld.pick(r, pn + " thực hiện " + shortName(c),
							"Kết quả và kinh nghiệm thực hiện " + shortName(c) + " ở " + pn);
			if (!titleNamesProvince) {
				d.title = "Kết quả và kinh nghiệm thực hiện " + shortName(c);
			}
		}
		else if (c.subject().contains("Hồ Chí Minh") && titleNamesProvince) {
			d.title = pn + " đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";
		}
		else if (titleNamesProvince) {
			d.title = CorpusWorld.pick(r, "\"Ba điểm nhấn\" trong công tác tổ chức xây dựng đảng của " + pn,
					"Một số kết quả trong công tác xây dựng Đảng của Đảng bộ " + placeName(r, p),
					pn + ": Nâng cao chất lượng sinh hoạt chi bộ",
					"Ban Tổ chức " + committee + " " + pn + " nâng cao chất lượng tham mưu");
		}
		else {
			d.title = CorpusWorld.pick(r, "Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng",
					"Đổi mới công tác tổ chức xây dựng đảng ở cơ sở");
		}

		// Introduction: names the province (twice when the title does not).
		d.sentence("Đảng bộ " + placeName(r, p) + " hiện có " + (12 + r.nextInt(30)) + " đảng bộ trực thuộc với "
				+ (300 + r.nextInt(900)) + " tổ chức cơ sở đảng và hơn " + (20 + r.nextInt(200)) + "."
				+ (100 + r.nextInt(900)) + " đảng viên.");
		if (!titleNamesProvince) {
			d.sentence("Những năm qua, công tác xây dựng Đảng ở " + name(r, p) + " có nhiều chuyển biến tích cực.");
		}
		if (r.nextInt(100) < 25) {
			String national = CorpusWorld.congressOn(d.published);
			String provincial = this.world.provincialCongressOn(p, d.published);
			d.sentence("Thực hiện Nghị quyết Đại hội " + national + " của Đảng và Nghị quyết Đại hội Đảng bộ " + place
					+ " lần thứ " + provincial + ", công tác tổ chức, xây dựng đảng của Đảng bộ " + place
					+ " đã đạt được một số kết quả tích cực.");
			d.document("NQ-DH-" + national + "|TW|k" + national);
			d.document("NQ-DH-" + provincial + "|" + p.key() + "|k" + provincial);
			d.implementsPair(p.key(), "NQ-DH-" + national + "|TW|k" + national);
			// not the provincial congress resolution: a province does not implement a
			// document of its own party organisation (it issued it)
			// the congress of the provincial party organisation: its resolution is issued
			// by the Tỉnh ủy (Thành ủy)
			d.issuedBy("NQ-DH-" + provincial + "|" + p.key() + "|k" + provincial,
					PartyBodyCatalog.localKey(p.key(), committee));
		}

		// The central document and what the province did with it.
		if (c.continues() != null && r.nextBoolean()) {
			CentralDocument older = c.continues();
			String cCite = cite(d, c, r.nextBoolean(), false, false);
			d.sentence("Thực hiện " + cCite + " về tiếp tục đẩy mạnh thực hiện " + cite(d, older, r.nextBoolean())
					+ ", Ban Thường vụ " + committee + " " + name(r, p)
					+ " đã chỉ đạo các cấp ủy, tổ chức đảng xây dựng kế hoạch, tổ chức thực hiện nghiêm túc.");
			d.implementsPair(keyOf(d, c), keyOf(d, older));
			d.implementsPair(p.key(), keyOf(d, c));
		}
		else if (!locals.isEmpty()) {
			LocalDocument l = locals.get(0);
			String body = issuerName(r, l, p, r.nextInt(100) < 40);
			String opener = CorpusWorld.pick(r, "Thực hiện", "Triển khai thực hiện", "Căn cứ",
					"Quán triệt và triển khai", "Để cụ thể hóa");
			if (r.nextInt(100) < 60) {
				String verb = CorpusWorld.pick(r, "đã ban hành", "ban hành", "đã kịp thời ban hành",
						"đã cụ thể hóa thành");
				d.sentence(opener + " " + cite(d, c, true) + ", " + body + " " + verb + " "
						+ citeLocal(d, l, false, true) + " nhằm sớm đưa chủ trương của Đảng vào cuộc sống.");
			}
			else {
				d.sentence(
						body + " " + CorpusWorld.pick(r, "đã ban hành", "ban hành") + " " + citeLocal(d, l, false, true)
								+ " để " + CorpusWorld.pick(r, "triển khai thực hiện", "thực hiện", "cụ thể hóa") + " "
								+ cite(d, c, true) + ".");
			}
			d.issuedBy(l.key(), l.issuerKey());
			d.implementsPair(l.key(), keyOf(d, c));
			d.implementsPair(p.key(), keyOf(d, c));
		}
		else {
			d.sentence(CorpusWorld.pick(r, "Ban Thường vụ " + committee, committee) + " " + name(r, p)
					+ " đã tổ chức hội nghị "
					+ CorpusWorld.pick(r, "quán triệt, triển khai", "học tập, quán triệt",
							"quán triệt và triển khai thực hiện")
					+ " " + cite(d, c, true) + " đến cán bộ chủ chốt các cấp.");
			d.implementsPair(p.key(), keyOf(d, c));
		}
		if (locals.size() > 1) {
			LocalDocument l2 = locals.get(1);
			d.sentence(citeLocal(d, l2, true, r.nextBoolean()) + " "
					+ CorpusWorld.pick(r, "triển khai", "thực hiện", "cụ thể hóa") + " " + recite(d, c, shortNames)
					+ ", tập trung vào những nhiệm vụ, giải pháp trọng tâm.");
			d.issuedBy(l2.key(), l2.issuerKey());
			d.implementsPair(l2.key(), keyOf(d, c));
		}
		d.sentence(filler(d));
		d.paragraph();

		// Results.
		if (years >= 2) {
			d.sentence("Sau " + years + " năm thực hiện " + recite(d, c, shortNames) + ", "
					+ CorpusWorld.pick(r, "Đảng bộ " + place, name(r, p)) + " " + CorpusWorld.pick(r, RESULTS) + ": "
					+ (70 + r.nextInt(30)) + "% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên.");
		}
		else {
			d.sentence("Các cấp ủy, tổ chức đảng trong " + place + " tiếp tục đẩy mạnh thực hiện "
					+ recite(d, c, shortNames) + ", gắn với nhiệm vụ chính trị của từng địa phương, đơn vị.");
		}
		d.sentence(filler(d));

		// Distractors.
		if (c2 != null) {
			if (r.nextBoolean()) {
				d.sentence(
						"Hội nghị cũng thông tin về " + cite(d, c2, true) + " và một số văn bản mới của Trung ương.");
			}
			else {
				d.sentence("Trước đó, " + c2.issuer().names().get(0) + " đã ban hành "
						+ citeWithoutIssuer(d, c2, c2.issuer()) + ".");
			}
		}
		if (r.nextInt(100) < 30) {
			replacement(d, p, committee);
		}
		switch (r.nextInt(4)) {
			case 0 -> d.sentence(name(r, p)
					+ " tích cực mở rộng quan hệ hợp tác với các địa phương trong khu vực châu Á - Thái Bình Dương.");
			case 1 -> d.sentence(
					"Việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị.");
			case 2 -> d.sentence(
					"Cán bộ, đảng viên luôn ý thức giữ gìn môi trường hòa bình, ổn định để phát triển kinh tế - xã hội.");
			default -> {
				List<ProvinceUnit> units = this.world.provincesOn(d.published);
				ProvinceUnit q = units.get(r.nextInt(units.size()));
				if (!q.key().equals(p.key()) && titleNamesProvince) {
					d.provinces.add(q.key());
					d.sentence("Dịp này, đoàn công tác của " + LocalDocument.committee(q) + " " + name(r, q)
							+ " đã đến thăm, trao đổi kinh nghiệm về công tác tổ chức cán bộ.");
				}
			}
		}
		d.sentence("Thời gian tới, Ban Thường vụ " + committee
				+ " tiếp tục lãnh đạo, chỉ đạo nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ đảng viên.");
	}

	/**
	 * {@code <body> đã ban hành Quy định số A-QĐ/TU … thay thế Quy định số B-QĐ/TU …}: no
	 * implementation.
	 */
	private void replacement(Draft d, ProvinceUnit p, String committee) {
		RandomGenerator r = d.random;
		String a = CorpusWorld.number(1 + r.nextInt(40));
		String b = CorpusWorld.number(1 + r.nextInt(40));
		if (a.equals(b) || !d.reserve("Quy định", a) || !d.reserve("Quy định", b)) {
			return;
		}
		LocalDate newer = d.published.minusDays(20 + r.nextInt(600));
		LocalDate older = newer.minusDays(200 + r.nextInt(1500));
		ProvinceUnit newerUnit = this.gazetteer.atDate(p, newer);
		ProvinceUnit olderUnit = this.gazetteer.atDate(p, older);
		if (!newerUnit.key().equals(p.key()) || !olderUnit.key().equals(p.key())) {
			return;
		}
		String newerKey = a + "-QĐ/TU|" + p.key() + "|" + newer;
		d.sentence("Ban Thường vụ " + committee + " đã ban hành Quy định số " + a + "-QĐ/TU " + date(r, newer)
				+ " về “Tiêu chí đánh giá chất lượng đảng bộ cấp huyện và tương đương” thay thế Quy định số " + b
				+ "-QĐ/TU " + date(r, older) + ".");
		d.document(newerKey);
		d.document(b + "-QĐ/TU|" + p.key() + "|" + older);
		d.issuedBy(newerKey, PartyBodyCatalog.localKey(p.key(), "Ban Thường vụ " + committee));
	}

	/**
	 * Another central document, older than the article, whose short name cannot be
	 * confused with one cited.
	 */
	private @Nullable CentralDocument distractor(Draft d, CentralDocument c) {
		for (int i = 0; i < 5; i++) {
			CentralDocument other = this.world.pickCentral(d.random);
			if (other != c && other != c.continues() && other.continues() == null
					&& other.issuedOn().isBefore(d.published) && d.reserve(other)) {
				return other;
			}
		}
		return null;
	}

	/**
	 * The first, full citation of a central document (dated or with the term), recording
	 * its key and stated issuer.
	 */
	private String cite(Draft d, CentralDocument c, boolean quotedSubject) {
		return cite(d, c, d.random.nextInt(100) < 80, quotedSubject, true);
	}

	private String cite(Draft d, CentralDocument c, boolean dated, boolean quotedSubject, boolean issuerAllowed) {
		RandomGenerator r = d.random;
		StringBuilder sb = new StringBuilder();
		sb.append(c.kind().word())
			.append(r.nextInt(100) < 85 ? " số " : " ")
			.append(code(r, c.number(), c.kind().typeCode(), c.kind().suffix()));
		boolean issuer = !dated || (issuerAllowed && r.nextInt(100) < 75);
		if (dated) {
			sb.append(r.nextInt(100) < 20 ? ", " : " ").append(date(r, c.issuedOn()));
		}
		if (issuer) {
			sb.append(" của ").append(CorpusWorld.pick(r, c.issuer().names().toArray(String[]::new)));
			d.issuedBy(dated ? c.datedKey() : c.termKey(), c.issuer().key());
		}
		else if (c.kind() == CentralKind.REGULATION || c.kind() == CentralKind.ORGANISATION_GUIDANCE) {
			d.issuedBy(dated ? c.datedKey() : c.termKey(), c.issuer().key());
		}
		if (!dated || r.nextInt(100) < 30) {
			String word = r.nextInt(100) < 15 ? "khoá " : "khóa ";
			sb.append(r.nextBoolean() ? " (" + word + c.term() + ")" : " " + word + c.term());
		}
		if (quotedSubject && r.nextInt(100) < 50) {
			sb.append(" về “").append(c.subject()).append('”');
		}
		String key = dated ? c.datedKey() : c.termKey();
		d.cited.put(c, key);
		d.document(key);
		return sb.toString();
	}

	private String citeWithoutIssuer(Draft d, CentralDocument c, CentralIssuer clauseIssuer) {
		RandomGenerator r = d.random;
		String text = c.kind().word() + " số " + code(r, c.number(), c.kind().typeCode(), c.kind().suffix()) + " "
				+ date(r, c.issuedOn()) + (r.nextBoolean() ? " về “" + c.subject() + "”" : "");
		d.cited.put(c, c.datedKey());
		d.document(c.datedKey());
		d.issuedBy(c.datedKey(), clauseIssuer.key());
		return text;
	}

	/**
	 * A later mention of a central document already cited: its short name, or its code
	 * without a date.
	 */
	private String recite(Draft d, CentralDocument c, boolean shortNames) {
		String key = d.cited.get(c);
		boolean dated = key != null && key.equals(c.datedKey());
		if (shortNames && (!dated || d.random.nextBoolean())) {
			return shortName(c);
		}
		if (!dated) {
			return shortNames ? shortName(c) : cite(d, c, false, false, true);
		}
		return c.kind().word() + " số " + c.code();
	}

	private String keyOf(Draft d, CentralDocument c) {
		String key = d.cited.get(c);
		return key != null ? key : c.datedKey();
	}

	private String citeLocal(Draft d, LocalDocument l, boolean withIssuer, boolean subject) {
		RandomGenerator r = d.random;
		StringBuilder sb = new StringBuilder();
		sb.append(l.kind().word())
			.append(r.nextInt(100) < 90 ? " số " : " ")
			.append(code(r, l.number(), l.kind().typeCode(), l.kind().suffix()))
			.append(r.nextInt(100) < 15 ? ", " : " ")
			.append(date(r, l.issuedOn()));
		if (withIssuer) {
			sb.append(" của ").append(issuerName(r, l, l.province(), false));
		}
		if (subject) {
			sb.append(" về “").append(l.subject()).append('”');
		}
		d.document(l.key());
		if (l.issuerImpliedByCode()) {
			d.issuedBy(l.key(), l.issuerKey());
		}
		return sb.toString();
	}

	private String issuerName(RandomGenerator r, LocalDocument l, ProvinceUnit p, boolean named) {
		String committee = LocalDocument.committee(p);
		if (r.nextInt(100) < 15) {
			committee = committee.replace("ủy", "uỷ");
		}
		String head = l.kind().head();
		if (head.startsWith("Ban Thường vụ") && r.nextInt(100) < 20) {
			head = CorpusWorld.pick(r, "Ban Thường vụ (BTV) ", "BTV ");
		}
		return head + committee + (named ? " " + name(r, p) : "");
	}

	private String shortName(CentralDocument c) {
		String n = c.number();
		return c.kind().word() + (n.length() > 1 && n.charAt(0) == '0' ? " " + n : " số " + n);
	}

	/**
	 * {@code tỉnh Đắk Lắk}, {@code thành phố Hà Nội}, or a name that carries its own
	 * prefix ({@code TP.HCM}).
	 */
	private static String placeName(RandomGenerator r, ProvinceUnit unit) {
		String name = name(r, unit);
		if (name.startsWith("Thành phố") || name.startsWith("TP")) {
			return name;
		}
		return (unit.isCity() ? "thành phố " : "tỉnh ") + name;
	}

	/** A spelling of the unit's name as articles write it. */
	private static String name(RandomGenerator r, ProvinceUnit unit) {
		int roll = r.nextInt(100);
		if (roll < 15) {
			List<String> aliases = new ArrayList<>();
			for (String alias : unit.aliases()) {
				if (!UNUSED_ALIASES.contains(alias)) {
					aliases.add(alias);
				}
			}
			if (!aliases.isEmpty()) {
				return aliases.get(r.nextInt(aliases.size()));
			}
		}
		if (roll < 25) {
			return unit.name().replace("òa", "oà").replace("óa", "oá").replace("ỏa", "oả");
		}
		return unit.name();
	}

	private static String code(RandomGenerator r, String number, String type, String suffix) {
		int roll = r.nextInt(100);
		String dash = roll < 5 ? " - " : roll < 9 ? " – " : "-";
		return number + dash + type + "/" + suffix;
	}

	private static String date(RandomGenerator r, LocalDate date) {
		return switch (r.nextInt(10)) {
			case 0, 1 -> "ngày " + date.getDayOfMonth() + " tháng " + date.getMonthValue() + " năm " + date.getYear();
			case 2, 3 -> String.format("ngày %02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
			default -> "ngày " + date.getDayOfMonth() + "-" + date.getMonthValue() + "-" + date.getYear();
		};
	}

	private static String filler(Draft d) {
		return FILLERS[d.random.nextInt(FILLERS.length)];
	}

	private static String lowerFirst(String s) {
		return Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}

	private static String slug(String title) {
		String slug = TextNormalizer.slug(title);
		return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
	}

	private static List<List<String>> pairs(Set<List<String>> pairs) {
		return List.copyOf(pairs);
	}

	/** The article being written and what it states so far. */
	private static final class Draft {

		final RandomGenerator random;

		final LocalDate published;

		String title = "";

		final StringBuilder text = new StringBuilder(2048);

		final Set<String> provinces = new TreeSet<>();

		final Set<String> documents = new TreeSet<>();

		final Set<List<String>> implementsPairs = new TreeSet<>(PAIR_ORDER);

		final Set<List<String>> issuedBy = new TreeSet<>(PAIR_ORDER);

		final java.util.Map<CentralDocument, String> cited = new java.util.IdentityHashMap<>();

		/**
		 * Type word and number of every document named, so that short names stay
		 * unambiguous.
		 */
		private final Set<String> typeNumbers = new HashSet<>();

		Draft(RandomGenerator random, LocalDate published) {
			this.random = random;
			this.published = published;
		}

		boolean reserve(CentralDocument c) {
			return reserve(c.kind().word(), c.number());
		}

		boolean reserve(String word, String number) {
			return this.typeNumbers.add(word + ":" + Integer.parseInt(number));
		}

		void sentence(String s) {
			if (!this.text.isEmpty() && this.text.charAt(this.text.length() - 1) != '\n') {
				this.text.append(' ');
			}
			this.text.append(s);
		}

		void paragraph() {
			this.text.append("\n\n");
		}

		void document(String key) {
			this.documents.add(key);
		}

		void implementsPair(String from, String to) {
			this.implementsPairs.add(List.of(from, to));
		}

		void issuedBy(String document, String body) {
			this.issuedBy.add(List.of(document, body));
		}

		String text() {
			return this.text.toString().strip();
		}

	}

	private static final Comparator<List<String>> PAIR_ORDER = Comparator.<List<String>, String>comparing(p -> p.get(0))
		.thenComparing(p -> p.get(1));

}
