package org.policygraph.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

class RelationTests {

	private static final String NQ = "Nghị quyết số 22-NQ/TW ngày 2-2-2008 của Ban Chấp hành Trung ương Đảng";

	private static final String NQ_KEY = "22-NQ/TW|TW|2008-02-02";

	@ParameterizedTest
	@ValueSource(strings = { "Tỉnh ủy Nghệ An tổ chức thực hiện " + NQ + ".",
			"Tỉnh ủy Nghệ An triển khai thực hiện " + NQ + ".", "Tỉnh ủy Nghệ An quán triệt " + NQ + ".",
			"Tỉnh ủy Nghệ An cụ thể hóa " + NQ + ".", "Tỉnh ủy Nghệ An tiếp tục đẩy mạnh thực hiện " + NQ + ".",
			"Tỉnh ủy Nghệ An sơ kết 5 năm thực hiện " + NQ + ".", "Tỉnh ủy Nghệ An tổng kết " + NQ + ".",
			"Căn cứ " + NQ + ", Tỉnh ủy Nghệ An chỉ đạo các huyện.",
			"Sau 10 năm thực hiện " + NQ + " Nghệ An đã có nhiều kết quả." })
	void shouldLetProvinceImplementAfterPositiveCue(String sentence) {
		Extraction e = extract("Tin hoạt động", sentence);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("40 -> " + NQ_KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Quy định số 05-QĐ/TU ngày 1-6-2019 của Tỉnh ủy Nghệ An thay thế Quy định số 02-QĐ/TU ngày 1-1-2015.",
			"Tỉnh ủy Nghệ An ban hành Quy định số 05-QĐ/TU ngày 1-6-2019 sửa đổi, bổ sung Quy định số 02-QĐ/TU ngày 1-1-2015.",
			"Tài liệu gồm Quy định số 05-QĐ/TU ngày 1-6-2019 và Quy định số 02-QĐ/TU ngày 1-1-2015 của Tỉnh ủy Nghệ An." })
	void shouldNotImplementReplacedAmendedOrListedDocuments(String sentence) {
		Extraction e = extract("Tin hoạt động", sentence);
		assertThat(e.relations(RelationType.IMPLEMENTS)).isEmpty();
	}

	@Test
	void shouldLetIssuedLocalDocumentImplementTheGovernedDocument() {
		Extraction e = extract("Đắk Lắk thực hiện Nghị quyết 22", "Thực hiện " + NQ
				+ " (khóa X), Ban Thường vụ (BTV) Tỉnh uỷ ban hành Kế hoạch số 48-KH/TU ngày 28-4-2008.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("48-KH/TU|66|2008-04-28 -> " + NQ_KEY,
				"66 -> " + NQ_KEY);
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"48-KH/TU|66|2008-04-28 -> 66/ban-thuong-vu-tinh-uy", NQ_KEY + " -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldLetDocumentImplementDocumentCitedInItsSubject() {
		Extraction e = extract("Tin hoạt động",
				"Ban Bí thư ban hành Kết luận số 18-KL/TW, ngày 22-9-2017 về tiếp tục đẩy mạnh thực hiện Chỉ thị số 10-CT/TW của Ban Bí thư khóa X.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("18-KL/TW|TW|2017-09-22 -> 10-CT/TW|TW|kX");
	}

	@Test
	void shouldLetPlanImplementDocumentNamedRightAfterIt() {
		Extraction e = extract("Lâm Đồng: công tác xây dựng Đảng",
				"Kế hoạch số 15-KH/TU ngày 1-3-2019 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị được ban hành.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder(
				"15-KH/TU|68|2019-03-01 -> 35-CT/TW|TW|2019-05-30", "68 -> 35-CT/TW|TW|2019-05-30");
	}

	@Test
	void shouldNotLetCentralBodiesMakeAProvinceImplement() {
		Extraction e = extract("Sóc Trăng: sinh hoạt chi bộ",
				"Bộ Chính trị yêu cầu các cấp ủy, tổ chức đảng tiếp tục quán triệt, triển khai thực hiện " + NQ + ".");
		assertThat(e.articleProvinceKey()).isEqualTo("94");
		assertThat(e.relations(RelationType.IMPLEMENTS)).isEmpty();
	}

	@Test
	void shouldStateIssuerFromCuaAndFromIssuanceClause() {
		Extraction e = extract("Long An: đánh giá chất lượng",
				"Năm 2017, Tỉnh ủy thống nhất đánh giá theo Quy định số 07-QĐ/TU ngày 19-10-2017 của Ban Thường vụ Tỉnh ủy. "
						+ "Ban Tổ chức Tỉnh ủy đã cụ thể hóa thành Hướng dẫn số 08-HD/BTCTU, ngày 7-8-2018.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"07-QĐ/TU|80|2017-10-19 -> 80/ban-thuong-vu-tinh-uy",
				"08-HD/BTCTU|80|2018-08-07 -> 80/ban-to-chuc-tinh-uy");
	}

	@Test
	void shouldNotGuessIssuerOfCentralResolutionWithoutStatedBody() {
		Extraction e = extract("Tin hoạt động", "Các chi bộ học tập Nghị quyết số 35-NQ/TW ngày 22-10-2018.");
		assertThat(e.relations(RelationType.ISSUED_BY)).isEmpty();
	}

	@Test
	void shouldDeriveIssuerFromSuffixAndPlenum() {
		Extraction e = extract("Tin hoạt động",
				"Các chi bộ học tập Hướng dẫn số 02-HD/UBKTTW ngày 12-3-2018, Quy định số 08-QĐi/TW "
						+ "và Nghị quyết Trung ương 4 khóa XII.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"02-HD/UBKTTW|TW|2018-03-12 -> TW/uy-ban-kiem-tra-trung-uong",
				"08-QĐi/TW|TW|? -> TW/ban-chap-hanh-trung-uong", "NQ-TW4|TW|kXII -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldNameJointCentralIssuers() {
		Extraction e = extract("Tin hoạt động",
				"Các cấp ủy học tập Kết luận số 137-KL/TW ngày 28-3-2025 của Bộ Chính trị, Ban Bí thư.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactly("137-KL/TW|TW|2025-03-28 -> TW/bo-chinh-tri",
				"137-KL/TW|TW|2025-03-28 -> TW/ban-bi-thu");
	}

	@Test
	void shouldRelateLocalBodiesToProvinceAndParent() {
		Extraction e = extract("Tin hoạt động", "Ban Thường vụ Tỉnh ủy Bắc Giang và Tỉnh ủy Bắc Giang họp.");
		assertThat(pairs(e, RelationType.OF_PROVINCE)).containsExactly("24/ban-thuong-vu-tinh-uy -> 24",
				"24/tinh-uy -> 24");
		assertThat(pairs(e, RelationType.PART_OF)).containsExactly("24/ban-thuong-vu-tinh-uy -> 24/tinh-uy");
	}

	@Test
	void shouldReferEveryRelationEndpointToAListedEntity() {
		Extraction e = extract("Sóc Trăng cụ thể hóa hướng dẫn",
				"Thực hiện Kết luận số 18-KL/TW, ngày 22-9-2017 của Ban Bí thư khóa XII; "
						+ "căn cứ Hướng dẫn số 12-HD/BTCTW, ngày 6-7-2018, Ban Tổ chức Tỉnh ủy Sóc Trăng đã cụ thể hóa thành Hướng dẫn số 08-HD/BTCTU, ngày 7-8-2018.");
		for (Relation r : e.relations()) {
			for (NodeRef ref : new NodeRef[] { r.from(), r.to() }) {
				switch (ref.kind()) {
					case PROVINCE -> assertThat(ExtractionAssertions.provinceKeys(e)).contains(ref.key());
					case BODY -> assertThat(ExtractionAssertions.bodyKeys(e)).contains(ref.key());
					case DOCUMENT -> assertThat(ExtractionAssertions.documentKeys(e)).contains(ref.key());
				}
			}
		}
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("94 -> 12-HD/BTCTW|TW|2018-07-06");
	}

	@Test
	void shouldNotCarryACitationAcrossASentenceEndingInATerm() {
		Extraction e = extract("Thành ủy Vinh thực hiện Nghị quyết 25",
				"Ban Thường vụ Thành ủy Vinh ban hành Kế hoạch số 15-KH/ThU ngày 20-4-2009 để triển khai thực hiện Nghị quyết số 25-NQ/TW"
						+ " ngày 6 tháng 3 năm 2009 của Bộ Chính trị khóa X. Hướng dẫn số 06-HD/BTCTU ngày 25/07/2009 của Ban Tổ chức"
						+ " Tỉnh ủy Nghệ An thực hiện Nghị quyết số 42-NQ/TW, về quy hoạch cán bộ.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("15-KH/ThU|40:vinh|2009-04-20 -> 25-NQ/TW|TW|2009-03-06",
				"06-HD/BTCTU|40|2009-07-25 -> 42-NQ/TW|TW|?");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).noneMatch(p -> p.startsWith("15-KH/ThU") && p.contains("42-NQ"));
	}

	@Test
	void shouldGiveTheStandingCommitteeItsPlanAfterAnIntroductoryClause() {
		Extraction e = extract("Bình Thuận thực hiện Chỉ thị 03",
				"Để thực hiện Chỉ thị số 03-CT/TW ngày 14-5-2011 của Bộ Chính trị khóa XI, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch"
						+ " số 251-KH/TU ngày 28 tháng 5 năm 2011 về \"Tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh\".");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("251-KH/TU|60|2011-05-28 -> 60/ban-thuong-vu-tinh-uy");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("251-KH/TU|60|2011-05-28 -> 03-CT/TW|TW|2011-05-14");
	}

	@Test
	void shouldDateTheIssuedDocumentFromTheSentenceDate() {
		Extraction e = extract("Hà Tĩnh ban hành kế hoạch",
				"Ngày 5-5-2021, Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 12-KH/TU triển khai thực hiện Nghị quyết số 22-NQ/TW.");
		assertThat(ExtractionAssertions.documentKeys(e)).contains("12-KH/TU|42|2021-05-05", "22-NQ/TW|TW|?");
		Extraction meeting = extract("Hà Tĩnh sơ kết",
				"Ngày 5-5-2021, Tỉnh ủy Hà Tĩnh sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.");
		assertThat(ExtractionAssertions.documentKeys(meeting)).containsExactly("05-CT/TW|TW|?");
	}

	@Test
	void shouldReadThePassiveIssuance() {
		Extraction e = extract("Quảng Trị ban hành kế hoạch",
				"Kế hoạch số 145-KH/TU ngày 15-8-2019 được Ban Thường vụ Tỉnh ủy Quảng Trị ban hành nhằm cụ thể hóa "
						+ NQ + ".");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("145-KH/TU|45|2019-08-15 -> 45/ban-thuong-vu-tinh-uy");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("145-KH/TU|45|2019-08-15 -> " + NQ_KEY,
				"45 -> " + NQ_KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bám sát " + NQ + ", Tỉnh ủy Nghệ An đề ra 5 nhiệm vụ.",
			"Để đưa " + NQ + " vào cuộc sống, Tỉnh ủy Nghệ An đề ra 5 nhiệm vụ.",
			"Tỉnh ủy Nghệ An kết nạp 500 đảng viên theo " + NQ + ".",
			"Tỉnh ủy Nghệ An kiện toàn tổ chức theo đúng tinh thần " + NQ + "." })
	void shouldReadWeakCuesRightBeforeTheDocument(String sentence) {
		Extraction e = extract("Tin hoạt động", sentence);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("40 -> " + NQ_KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Theo " + NQ + ", đến năm 2020 có 90% tổ chức cơ sở đảng trong sạch, vững mạnh ở Nghệ An.",
			"Năm 2019, theo " + NQ + ", Nghệ An có 90% tổ chức cơ sở đảng trong sạch, vững mạnh.",
			"Tỉnh ủy Nghệ An bám sát thực tiễn, chỉ đạo sát sao; " + NQ + " được giới thiệu tại hội nghị.",
			"Tỉnh ủy Nghệ An chỉ đạo đưa nội dung học tập vào sinh hoạt chi bộ; " + NQ + " được giới thiệu." })
	void shouldIgnoreWeakCuesNotRightBeforeTheDocument(String sentence) {
		Extraction e = extract("Tin hoạt động", sentence);
		assertThat(e.relations(RelationType.IMPLEMENTS)).isEmpty();
	}

	@Test
	void shouldNotNestADocumentCoordinatedAfterANonDocumentObject() {
		Extraction e = extract("Thành phố Hồ Chí Minh kết nạp đảng viên",
				"Năm 2023, Đảng bộ Thành phố Hồ Chí Minh kết nạp 8.215 đảng viên mới theo Quy định số 24-QĐ/TW ngày 30-7-2021 của"
						+ " Ban Chấp hành Trung ương về thi hành Điều lệ Đảng và Hướng dẫn số 06-HD/TW ngày 9-12-2021 của Ban Bí thư.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder("79 -> 24-QĐ/TW|TW|2021-07-30",
				"79 -> 06-HD/TW|TW|2021-12-09");
	}

	@Test
	void shouldMergePlenumResolutionWithTheCodeTheArticleGivesIt() {
		Extraction e = extract("Cao Bằng: 2 năm thực hiện Nghị quyết Trung ương 4 khóa XII",
				"Sau 2 năm thực hiện Nghị quyết Trung ương 4 khóa XII (Nghị quyết số 04-NQ/TW ngày 30-10-2016) về xây dựng Đảng,"
						+ " Đảng bộ tỉnh Cao Bằng đã xử lý kỷ luật 120 đảng viên.");
		assertThat(ExtractionAssertions.documentKeys(e)).containsExactly("04-NQ/TW|TW|2016-10-30");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("04-NQ/TW|TW|2016-10-30 -> TW/ban-chap-hanh-trung-uong");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("04 -> 04-NQ/TW|TW|2016-10-30");
	}

	@Test
	void shouldKeepPlenumResolutionApartWhenTheArticleDoesNotIdentifyIt() {
		Extraction e = extract("Cao Bằng học tập Nghị quyết Trung ương 4 khóa XII",
				"Tỉnh ủy Cao Bằng quán triệt Nghị quyết số 12-NQ/TW ngày 16-1-2012 của Ban Chấp hành Trung ương.");
		assertThat(ExtractionAssertions.documentKeys(e)).containsExactlyInAnyOrder("NQ-TW4|TW|kXII",
				"12-NQ/TW|TW|2012-01-16");
	}

	@Test
	void shouldShareTheIssuerOfAListOfCitationsOfOneType() {
		Extraction e = extract("Tin hoạt động",
				"Tỉnh ủy Bắc Giang quán triệt Nghị quyết số 05-NQ/TW ngày 1-11-2016 và Nghị quyết"
						+ " số 06-NQ/TW ngày 5-11-2016 của Ban Chấp hành Trung ương khóa XII.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"05-NQ/TW|TW|2016-11-01 -> TW/ban-chap-hanh-trung-uong",
				"06-NQ/TW|TW|2016-11-05 -> TW/ban-chap-hanh-trung-uong");
		Extraction mixed = extract("Tin hoạt động",
				"Các tham luận đề cập đến Nghị quyết số 26-NQ/TW ngày 19-5-2018 và Kết luận"
						+ " số 01-KL/TW ngày 18-5-2021 của Bộ Chính trị.");
		assertThat(pairs(mixed, RelationType.ISSUED_BY)).containsExactly("01-KL/TW|TW|2021-05-18 -> TW/bo-chinh-tri");
	}

	@Test
	void shouldPlaceABareBlocCommitteeAtTheOneNamedInTheArticle() {
		Extraction e = extract("Tin hoạt động",
				"Đảng ủy Khối các cơ quan tỉnh Bình Phước sơ kết 1 năm thực hiện Kết luận số 01-KL/TW"
						+ " ngày 18-5-2021 của Bộ Chính trị. Ban Thường vụ Đảng ủy Khối đã ban hành Kế hoạch số 35-KH/ĐUK ngày 15-6-2021.");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.contains("35-KH/ĐUK|70|2021-06-15 -> 70/ban-thuong-vu-dang-uy-khoi-cac-co-quan-tinh");
	}

	@Test
	void shouldNotTakeAReplacedDocumentAsTheAntecedent() {
		Extraction e = extract("Thái Bình ban hành quy định",
				"Ngày 8-12-2020, Ban Thường vụ Tỉnh ủy Thái Bình ban hành Quy định số"
						+ " 15-QĐ/TU về phân cấp quản lý cán bộ, thay thế Quy định số 08-QĐ/TU ngày 20-3-2017. Quy định mới được xây dựng"
						+ " trên cơ sở Quy định số 105-QĐ/TW ngày 19-12-2017 của Bộ Chính trị.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder(
				"15-QĐ/TU|34|2020-12-08 -> 105-QĐ/TW|TW|2017-12-19", "34 -> 105-QĐ/TW|TW|2017-12-19");
	}

	@Test
	void shouldScopeAPlanByTheBodyThatIssuesIt() {
		Extraction e = extract("An Giang triển khai Nghị quyết 66",
				"Trước đó, Ban Thường vụ Tỉnh ủy Kiên Giang đã ban hành Kế hoạch"
						+ " số 290-KH/TU ngày 12-6-2025 thực hiện Nghị quyết số 66-NQ/TW ngày 30-4-2025 của Bộ Chính trị.",
				java.time.LocalDate.of(2025, 12, 10));
		assertThat(ExtractionAssertions.documentKeys(e)).contains("290-KH/TU|91|2025-06-12");
	}

	@Test
	void shouldNotReadACommitteeMemberAsTheCommittee() {
		Extraction e = extract("Tin hoạt động",
				"Quy định áp dụng với Ủy viên Ban Thường vụ, Tỉnh ủy viên tỉnh Quảng Ngãi.");
		assertThat(ExtractionAssertions.bodyKeys(e)).isEmpty();
	}

	@Test
	void shouldKeepACueWithACommaInsideTheSubject() {
		Extraction e = extract("Tin hoạt động",
				"Thực hiện Kế hoạch số 01-KH/TW ngày 10-3-2026 của Bộ Chính trị về học tập, quán triệt Nghị"
						+ " quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, Ban Thường vụ Tỉnh ủy Nghệ An đã ban hành Kế hoạch số 15-KH/TU"
						+ " ngày 20-3-2026.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("01-KH/TW|TW|2026-03-10 -> NQ-DH-XIV|TW|kXIV",
				"15-KH/TU|40|2026-03-20 -> 01-KH/TW|TW|2026-03-10");
	}

	@Test
	void shouldGiveAPlenumResolutionWithoutTermTheTermWrittenElsewhere() {
		Extraction e = extract("Huyện ủy Mỹ Đức thực hiện Nghị quyết Trung ương 4",
				"Huyện ủy Mỹ Đức (Hà Nội) ban hành Chương trình"
						+ " số 08-CTr/HU ngày 18-7-2017 về thực hiện Nghị quyết Trung ương 4 khóa XII.");
		assertThat(ExtractionAssertions.documentKeys(e)).containsExactlyInAnyOrder("NQ-TW4|TW|kXII",
				"08-CTr/HU|01:my-duc|2017-07-18");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Nghị quyết Đại hội XII của Đảng tiếp tục khẳng định phải thực hiện Nghị quyết số 18-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung ương.",
			"Nghị quyết Đại hội XII của Đảng đã nêu rõ yêu cầu tiếp tục thực hiện Nghị quyết số 18-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung ương." })
	void shouldNotLetACongressResolutionImplementTheResolutionItNames(String sentence) {
		Extraction e = extract("Gia Lai: học tập nghị quyết", sentence);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).noneMatch(p -> p.startsWith("NQ-DH-"));
	}

	@Test
	void shouldIssueAProvincialCongressResolutionByTheProvincialCommittee() {
		Extraction e = extract("Hà Tĩnh: học tập nghị quyết",
				"Ban Thường vụ Tỉnh ủy quán triệt Nghị quyết Đại hội lần thứ XIX Đảng bộ tỉnh và Nghị quyết Đại hội XIII của Đảng.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactly("NQ-DH-XIX|42|kXIX -> 42/tinh-uy");
		// the province does not implement its own congress resolution: its Tỉnh ủy issued
		// it
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("42 -> NQ-DH-XIII|TW|kXIII");
		Extraction city = extract("Hà Nội: học tập nghị quyết",
				"Thành ủy Hà Nội quán triệt Nghị quyết Đại hội Đảng bộ thành phố lần thứ XVII.");
		assertThat(pairs(city, RelationType.ISSUED_BY)).containsExactly("NQ-DH-XVII|01|kXVII -> 01/thanh-uy");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Ngay sau khi Nghị quyết số 22-NQ/TW ngày 2-2-2008 của Ban Chấp hành Trung ương được ban hành, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 48-KH/TU ngày 28-4-2008 để triển khai thực hiện.",
			"Nghị quyết số 22-NQ/TW ngày 2-2-2008 của Ban Chấp hành Trung ương ra đời. Ngay sau đó, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 48-KH/TU ngày 28-4-2008 để triển khai thực hiện trong toàn Đảng bộ.",
			"Ngày 2-2-2008, Ban Chấp hành Trung ương ban hành Nghị quyết số 22-NQ/TW. Ngay sau khi Nghị quyết 22 được ban hành, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 48-KH/TU ngày 28-4-2008 để triển khai thực hiện." })
	void shouldLetADocumentIssuedToCarryOutWithoutObjectImplementTheDocumentNamedBefore(String text) {
		Extraction e = extract("Đắk Lắk: Nghị quyết 22", text);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder("48-KH/TU|66|2008-04-28 -> " + NQ_KEY,
				"66 -> " + NQ_KEY);
	}

	@Test
	void shouldNotLetAnObjectlessCueReachADocumentReplacedOrTwoSentencesBack() {
		Extraction e = extract("Đắk Lắk: công tác cán bộ",
				"Quy định số 05-QĐ/TU ngày 1-6-2019 của Tỉnh ủy. Hội nghị đã thảo luận nhiều vấn đề. "
						+ "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 48-KH/TU ngày 28-4-2020 để triển khai thực hiện.");
		assertThat(e.relations(RelationType.IMPLEMENTS)).isEmpty();
		Extraction replaced = extract("Đắk Lắk: công tác cán bộ",
				"Thay thế Quy định số 05-QĐ/TU ngày 1-6-2019, Ban Thường vụ Tỉnh ủy đã ban hành Quy định số 09-QĐ/TU ngày 28-4-2020 để triển khai thực hiện.");
		assertThat(replaced.relations(RelationType.IMPLEMENTS)).isEmpty();
	}

	@Test
	void shouldReadHienThucHoaAsCarryingOut() {
		Extraction e = extract("Gia Lai: chương trình hành động",
				"Các chương trình của Tỉnh ủy Gia Lai góp phần hiện thực hóa Nghị quyết Đại hội XII của Đảng.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("64 -> NQ-DH-XII|TW|kXII");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Thông báo kết luận số 120-TB/TU ngày 5-5-2021 của Ban Thường vụ Tỉnh ủy cụ thể hóa các tiêu chuẩn tại Quy định số 214-QĐ/TW ngày 2-1-2020 của Bộ Chính trị.",
			"Ngày 5-5-2021, Ban Thường vụ Tỉnh ủy ban hành Thông báo kết luận số 120-TB/TU về tiêu chuẩn chức danh. Thông báo kết luận cụ thể hóa các tiêu chuẩn tại Quy định số 214-QĐ/TW ngày 2-1-2020 của Bộ Chính trị." })
	void shouldLetANoticeImplementTheRegulationItMakesConcrete(String text) {
		Extraction e = extract("Cà Mau: tiêu chuẩn cán bộ", text);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder(
				"120-TB/TU|96|2021-05-05 -> 214-QĐ/TW|TW|2020-01-02", "96 -> 214-QĐ/TW|TW|2020-01-02");
	}

	@Test
	void shouldLetACityPlanCarryingOutTheProvincePlanImplementItsResolution() {
		Extraction e = extract("Nghệ An: Thành ủy Vinh",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 48-KH/TU ngày 28-4-2008 thực hiện " + NQ
						+ ". Thực hiện Kế hoạch số 48-KH/TU của Tỉnh ủy, Ban Thường vụ Thành ủy Vinh đã ban hành Kế hoạch số 25-KH/ThU ngày 20-7-2008.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("25-KH/ThU|40:vinh|2008-07-20 -> 48-KH/TU|40|2008-04-28",
				"25-KH/ThU|40:vinh|2008-07-20 -> " + NQ_KEY, "40 -> " + NQ_KEY);
	}

	@Test
	void shouldNotCarryThroughACentralDocument() {
		Extraction e = extract("Lâm Đồng: sinh hoạt chi bộ",
				"Ban Bí thư ban hành Kết luận số 18-KL/TW ngày 22-9-2017 về tiếp tục thực hiện Chỉ thị số 10-CT/TW ngày 30-3-2007. "
						+ "Thực hiện Kết luận số 18-KL/TW, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 15-KH/TU ngày 1-3-2018.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("15-KH/TU|68|2018-03-01 -> 18-KL/TW|TW|2017-09-22")
			.doesNotContain("15-KH/TU|68|2018-03-01 -> 10-CT/TW|TW|2007-03-30");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Đảng ủy Khối Doanh nghiệp Trung ương kiểm tra việc thực hiện Nghị quyết số 55-NQ/TW ngày 11-2-2020 của Bộ Chính trị tại Nhà máy Nhiệt điện Sông Hậu 1 ở Hậu Giang.",
			"Kiểm tra việc thực hiện Nghị quyết số 55-NQ/TW ngày 11-2-2020 của Bộ Chính trị tại Nhà máy Nhiệt điện Sông Hậu 1 (tỉnh Hậu Giang), Đảng ủy Khối Doanh nghiệp Trung ương đánh giá cao kết quả.",
			"Đoàn kiểm tra làm việc tại Nhà máy Nhiệt điện Sông Hậu 1 (Hậu Giang). Đoàn đề nghị tiếp tục quán triệt Nghị quyết số 55-NQ/TW ngày 11-2-2020 của Bộ Chính trị." })
	void shouldNotLetAProvinceNamedOnlyAsTheLocationOfANonPartySubjectImplement(String text) {
		Extraction e = extract("Khối Doanh nghiệp Trung ương kiểm tra Nghị quyết 55", text);
		assertThat(e.relations(RelationType.IMPLEMENTS)).isEmpty();
	}

	@Test
	void shouldStillLetAProvinceCheckedInPlaceImplement() {
		Extraction e = extract("Tin hoạt động",
				"Đoàn công tác kiểm tra việc thực hiện Nghị quyết số 55-NQ/TW ngày 11-2-2020 của Bộ Chính trị tại tỉnh Hậu Giang.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("93 -> 55-NQ/TW|TW|2020-02-11");
	}

	@Test
	void shouldLetAProvincialCongressResolutionCarryOutTheNationalOneWhenTheTextSaysSo() {
		Extraction e = extract("Hà Tĩnh: học tập nghị quyết",
				"Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI đã cụ thể hóa Nghị quyết Đại hội XII của Đảng.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("NQ-DH-XVI|42|kXVI -> NQ-DH-XII|TW|kXII");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Đoàn kiểm tra làm việc với Đảng ủy Công ty Điện lực Dầu khí (đóng trên địa bàn tỉnh Hậu Giang) về việc thực hiện Nghị quyết số 55-NQ/TW ngày 11-2-2020 của Bộ Chính trị. Đoàn đề nghị tiếp tục quán triệt Nghị quyết số 55-NQ/TW.",
			"Kiểm tra việc thực hiện Nghị quyết số 55-NQ/TW ngày 11-2-2020 của Bộ Chính trị tại nhà máy nhiệt điện ở Hậu Giang." })
	void shouldNotLetAProvinceNamedAsTheSeatOfACompanyImplement(String text) {
		Extraction e = extract("Khối Doanh nghiệp Trung ương kiểm tra", text);
		assertThat(e.relations(RelationType.IMPLEMENTS)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Thay mặt Bộ Chính trị, Tổng Bí thư Nguyễn Phú Trọng đã ký ban hành Chỉ thị số 05-CT/TW ngày 15-5-2016 về đẩy mạnh học tập và làm theo Bác.",
			"Ngày 15-5-2016, thay mặt Bộ Chính trị, đồng chí Tổng Bí thư ký ban hành Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo Bác." })
	void shouldLetTheBodySignedForIssueTheDocument(String sentence) {
		Extraction e = extract("Tin hoạt động", sentence);
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactly("05-CT/TW|TW|2016-05-15 -> TW/bo-chinh-tri");
	}

	@Test
	void shouldReadAPlenumResolutionGlossedByItsCodeAfterItsSubjectAsThatCode() {
		Extraction e = extract("Bạc Liêu: nông nghiệp, nông dân, nông thôn",
				"Tỉnh ủy quán triệt Nghị quyết Hội nghị Trung ương 7 khóa X về nông nghiệp, nông dân, nông thôn (Nghị quyết số 26-NQ/TW ngày 5-8-2008). "
						+ "Để thực hiện nghị quyết này, ngày 10-10-2008, Tỉnh ủy đã ban hành Chương trình hành động số 12-CTr/TU.");
		assertThat(ExtractionAssertions.documentKeys(e)).containsExactly("26-NQ/TW|TW|2008-08-05",
				"12-CTr/TU|95|2008-10-10");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("26-NQ/TW|TW|2008-08-05 -> TW/ban-chap-hanh-trung-uong");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("12-CTr/TU|95|2008-10-10 -> 26-NQ/TW|TW|2008-08-05",
				"95 -> 26-NQ/TW|TW|2008-08-05");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Tổng kết 14 năm thực hiện Nghị quyết 22, Hội nghị Trung ương 5 khóa XIII đã ban hành Nghị quyết số 21-NQ/TW ngày 16-6-2022.",
			"Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII ban hành Nghị quyết số 21-NQ/TW ngày 16-6-2022." })
	void shouldLetAPlenumAsTheSubjectOfTheVerbBeTheCentralCommittee(String sentence) {
		Extraction e = extract("Tin hoạt động", sentence);
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("21-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong");
		assertThat(ExtractionAssertions.bodyKeys(e)).contains("TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldPairIssuedAndCarriedOutDocumentsInOrderWhenTheSentenceSaysRespectively() {
		Extraction e = extract("Kon Tum: hai kế hoạch",
				"Ngày 3-3-2019, Ban Thường vụ Tỉnh ủy Kon Tum ban hành Kế hoạch số 70-KH/TU và Kế hoạch số 71-KH/TU, lần "
						+ "lượt thực hiện Chỉ thị số 28-CT/TW và Chỉ thị số 29-CT/TW của Ban Bí thư.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).filteredOn(p -> p.startsWith("70-KH/TU"))
			.singleElement()
			.asString()
			.contains("-> 28-CT/TW");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).filteredOn(p -> p.startsWith("71-KH/TU"))
			.singleElement()
			.asString()
			.contains("-> 29-CT/TW");
	}

	@Test
	void shouldLetEveryIssuedDocumentCarryOutEveryCitedOneWithoutRespectively() {
		Extraction e = extract("Kon Tum: hai kế hoạch",
				"Ngày 3-3-2019, Ban Thường vụ Tỉnh ủy Kon Tum ban hành Kế hoạch số 70-KH/TU và Kế hoạch số 71-KH/TU, "
						+ "cùng thực hiện Chỉ thị số 28-CT/TW và Chỉ thị số 29-CT/TW của Ban Bí thư.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).filteredOn(p -> p.startsWith("70-KH/TU")).hasSize(2);
	}

	@Test
	void shouldReadASecondDocumentOfTheSameKindWithItsOwnCueAsIssuedNotAsAnObject() {
		Extraction e = extract("Phú Thọ: tin xây dựng Đảng",
				"Ngày 14-6-2019, Ban Thường vụ Tỉnh ủy Phú Thọ ban hành Kế hoạch số 70-KH/TU thực hiện Chỉ thị số "
						+ "28-CT/TW ngày 21-9-2018 của Ban Bí thư và Kế hoạch số 71-KH/TU thực hiện Chỉ thị số 29-CT/TW "
						+ "ngày 5-1-2019 của Ban Bí thư.");
		assertThat(documentKeys(e)).contains("70-KH/TU|25|2019-06-14", "71-KH/TU|25|2019-06-14");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("71-KH/TU|25|2019-06-14 -> 25/ban-thuong-vu-tinh-uy");
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.contains("70-KH/TU|25|2019-06-14 -> 28-CT/TW|TW|2018-09-21",
					"71-KH/TU|25|2019-06-14 -> 29-CT/TW|TW|2019-01-05")
			.doesNotContain("70-KH/TU|25|2019-06-14 -> 29-CT/TW|TW|2019-01-05",
					"70-KH/TU|25|2019-06-14 -> 71-KH/TU|25|2019-06-14");
	}

}
