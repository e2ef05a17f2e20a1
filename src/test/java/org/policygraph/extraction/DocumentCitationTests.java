package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.document;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

class DocumentCitationTests {

	private static final String TITLE = "Tỉnh ủy Nghệ An triển khai nhiệm vụ";

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "Nghị quyết số 22-NQ/TW ngày 2-2-2008;22-NQ/TW|TW|2008-02-02",
			"Nghị quyết số 22 – NQ/TW ngày 2-2-2008;22-NQ/TW|TW|2008-02-02",
			"Nghị quyết số 22 - NQ / TW ngày 2/2/2008;22-NQ/TW|TW|2008-02-02",
			"Nghị quyết 22-NQ/TW ngày 2.2.2008;22-NQ/TW|TW|2008-02-02",
			"Nghị quyết số 22-NQ/TW, ngày 22 tháng 9 năm 2017;22-NQ/TW|TW|2017-09-22",
			"Nghị quyết số 22-NQ/TW năm 2018;22-NQ/TW|TW|2018", "Nghị quyết số 22-NQ/TW (2018);22-NQ/TW|TW|2018",
			"Nghị quyết số 22-NQ/TW;22-NQ/TW|TW|?", "Nghị quyết số 22/NQ-TW ngày 2-2-2008;22-NQ/TW|TW|2008-02-02",
			"Quy định số 08-QĐi/TW ngày 25/10/2018;08-QĐi/TW|TW|2018-10-25",
			"Hướng dẫn số 08-HD/BTCTU, ngày 7-8-2018;08-HD/BTCTU|40|2018-08-07",
			"Chương trình hành động số 15-CTr/TU ngày 1-3-2021;15-CTr/TU|40|2021-03-01",
			"Kế hoạch số 15-KH/TU ngày 31-2-2018;15-KH/TU|40|?" })
	void shouldKeyCitationByCodeScopeAndWhen(String citation, String key) {
		Extraction e = extract(TITLE, "Tỉnh ủy đã quán triệt " + citation + " trong toàn Đảng bộ.");
		assertThat(documentKeys(e)).containsExactly(key);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "Nghị quyết số 05-NQ/TU;RESOLUTION", "Chỉ thị số 05-CT/TU;DIRECTIVE",
					"Kết luận số 05-KL/TU;CONCLUSION", "Quy định số 05-QĐ/TU;REGULATION",
					"Quyết định số 05-QĐ/TU;DECISION", "Quy định số 05-QĐi/TW;REGULATION",
					"Hướng dẫn số 05-HD/TU;GUIDANCE", "Kế hoạch số 05-KH/TU;PLAN", "Thông báo số 05-TB/TU;NOTICE",
					"Chương trình số 05-CTr/TU;PROGRAMME", "Báo cáo số 05-BC/TU;REPORT", "Đề án số 05-ĐA/TU;PROJECT",
					"Quy chế số 05-QC/TU;OTHER", "văn bản 05-QĐ/TU;DECISION", "văn bản 05-KH/TU;PLAN" })
	void shouldTypeDocumentFromWordThenCode(String citation, DocumentType type) {
		Extraction e = extract(TITLE, "Ban Thường vụ Tỉnh ủy ban hành " + citation + " ngày 1-6-2019.");
		assertThat(e.documents()).singleElement().satisfies(d -> assertThat(d.type()).isEqualTo(type));
	}

	@Test
	void shouldReadIssuerTermAndQuotedSubject() {
		Extraction e = extract(TITLE,
				"Thực hiện Chỉ thị số 10-CT/TW của Ban Bí thư khóa X “Về nâng cao chất lượng sinh hoạt chi bộ”.");
		DocumentMention d = document(e, "10-CT/TW|TW|kX").orElseThrow();
		assertThat(d.term()).isEqualTo("X");
		assertThat(d.subject()).isEqualTo("Nâng cao chất lượng sinh hoạt chi bộ");
		assertThat(d.issuerBodyKey()).isEqualTo("TW/ban-bi-thu");
		assertThat(d.level()).isEqualTo(IssuingLevel.CENTRAL);
		assertThat(d.issuerSuffix()).isEqualTo("TW");
		assertThat(d.number()).isEqualTo("10");
	}

	@Test
	void shouldTakeScopeFromTheIssuerNamedInTheCitation() {
		Extraction e = extract(TITLE, "Tỉnh ủy học tập Kế hoạch số 15-KH/TU ngày 1-3-2019 của Tỉnh ủy Lâm Đồng.");
		assertThat(documentKeys(e)).containsExactly("15-KH/TU|68|2019-03-01");
	}

	@Test
	void shouldDistinguishSameCodeOfDifferentProvinces() {
		Extraction e = extract("Hai tỉnh trao đổi kinh nghiệm",
				"Kế hoạch số 15-KH/TU ngày 1-3-2019 của Tỉnh ủy Nghệ An và Kế hoạch số 15-KH/TU ngày 5-4-2019 của Tỉnh ủy Lâm Đồng đều được đánh giá cao.");
		assertThat(documentKeys(e)).containsExactly("15-KH/TU|40|2019-03-01", "15-KH/TU|68|2019-04-05");
	}

	@Test
	void shouldAddDistrictToScopeOfDistrictSuffix() {
		Extraction e = extract("Huyện ủy Krông Pắc (Đắk Lắk) thực hiện chuyên đề",
				"Huyện ủy Krông Pắc ban hành Kế hoạch số 12-KH/HU ngày 3-3-2019.");
		assertThat(documentKeys(e)).containsExactly("12-KH/HU|66:krong-pac|2019-03-03");
		assertThat(e.documents().get(0).level()).isEqualTo(IssuingLevel.DISTRICT);
	}

	@Test
	void shouldResolveShortNamesToTheFullCitation() {
		Extraction e = extract(TITLE,
				"Tỉnh ủy quán triệt Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị. Sau 3 năm thực hiện Chỉ thị 05, "
						+ "Chỉ thị số 05 đã đi vào cuộc sống. Chỉ thị này được các chi bộ hưởng ứng.");
		assertThat(documentKeys(e)).containsExactly("05-CT/TW|TW|2016-05-15");
	}

	@Test
	void shouldResolveShortNameInTitleToCitationInText() {
		Extraction e = extract("Nghệ An: 10 năm thực hiện Nghị quyết 22",
				"Tỉnh ủy đã thực hiện Nghị quyết số 22-NQ/TW ngày 2-2-2008 của Ban Chấp hành Trung ương Đảng khóa X.");
		assertThat(documentKeys(e)).containsExactly("22-NQ/TW|TW|2008-02-02");
	}

	@Test
	void shouldKeepUnresolvedShortNameMarked() {
		Extraction e = extract(TITLE, "Tỉnh ủy tổng kết 10 năm thực hiện Nghị quyết 22.");
		DocumentMention d = e.documents().get(0);
		assertThat(d.unresolved()).isTrue();
		assertThat(d.key()).isEqualTo("NQ-22|?|?");
		assertThat(d.code()).isNull();
		assertThat(d.scopeKey()).isEqualTo("?");
		assertThat(d.type()).isEqualTo(DocumentType.RESOLUTION);
		assertThat(d.number()).isEqualTo("22");
	}

	@Test
	void shouldGiveUndatedRecitationTheDateOfTheFullCitation() {
		Extraction e = extract(TITLE,
				"Tỉnh ủy ban hành Kế hoạch số 48-KH/TU ngày 28-4-2008. Kế hoạch số 48-KH/TU của Tỉnh ủy được sơ kết.");
		assertThat(documentKeys(e)).containsExactly("48-KH/TU|40|2008-04-28");
	}

	@Test
	void shouldKeyPlenumResolutionsInBothSpellings() {
		assertThat(documentKeys(extract(TITLE, "Tỉnh ủy thực hiện Nghị quyết Trung ương 4 khóa XII.")))
			.containsExactly("NQ-TW4|TW|kXII");
		assertThat(documentKeys(extract(TITLE,
				"Tỉnh ủy thực hiện Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (khoá XII).")))
			.containsExactly("NQ-TW4|TW|kXII");
		assertThat(documentKeys(
				extract(TITLE, "Tỉnh ủy thực hiện các Nghị quyết Hội nghị lần thứ 6 BCH Trung ương khoá X.")))
			.containsExactly("NQ-TW6|TW|kX");
	}

	@Test
	void shouldKeyCongressResolutionsCentralAndProvincial() {
		Extraction e = extract(TITLE,
				"Thực hiện Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, Tỉnh ủy ban hành chương trình.");
		assertThat(documentKeys(e)).containsExactly("NQ-DH-XIII|TW|kXIII", "NQ-DH-XIX|40|kXIX");
		assertThat(document(e, "NQ-DH-XIX|40|kXIX").orElseThrow().subject())
			.isEqualTo("Nghị quyết Đại hội Đảng bộ tỉnh Nghệ An lần thứ XIX");
	}

	@Test
	void shouldNotTakeStateLegalDocumentsForPartyDocuments() {
		Extraction e = extract(TITLE, "Theo Nghị quyết số 202/2025/QH15 và Nghị định số 55/NĐ-CP, tỉnh được sắp xếp.");
		assertThat(e.documents()).isEmpty();
	}

	@Test
	void shouldNotFailOnInvalidDates() {
		Extraction e = extract(TITLE, "Quyết định số 12-QĐ/TU ngày 31/2/2018 và ngày 45-13-2019.");
		DocumentMention d = e.documents().get(0);
		assertThat(d.issuedOn()).isNull();
		assertThat(d.key()).isEqualTo("12-QĐ/TU|40|?");
	}

	@Test
	void shouldUseMergedUnitAsScopeAfterTheMerger() {
		Extraction e = extract("Đắk Lắk triển khai nhiệm vụ", "Tỉnh ủy ban hành Kế hoạch số 05-KH/TU ngày 2-1-2026.",
				LocalDate.of(2026, 1, 5));
		assertThat(documentKeys(e)).containsExactly("05-KH/TU|66-2025|2026-01-02");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW và Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương",
			"Nghị quyết số 18-NQ/TW, 19-NQ/TW và 21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương",
			"các Nghị quyết số 18-NQ/TW, số 19-NQ/TW, số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương" })
	void shouldGiveTheDateAndIssuerOfAListToEveryCoordinatedCode(String list) {
		Extraction e = extract("Quảng Ninh quán triệt các nghị quyết", "Tỉnh ủy Quảng Ninh đã tổ chức quán triệt "
				+ list
				+ ". Trước đó, Tỉnh ủy tổng kết Nghị quyết số 18-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung ương khóa XII.");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("18-NQ/TW|TW|2022-06-16", "19-NQ/TW|TW|2022-06-16",
				"21-NQ/TW|TW|2022-06-16", "18-NQ/TW|TW|2017-10-25");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"18-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong",
				"19-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong",
				"21-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong",
				"18-NQ/TW|TW|2017-10-25 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldNotShareTheDateOfTheLastCodeWithADifferentTypeOrACodeThatHasItsOwnTail() {
		Extraction e = extract(TITLE,
				"Tỉnh ủy quán triệt Chỉ thị số 05-CT/TW, Nghị quyết số 19-NQ/TW ngày 1-1-2018 của Bộ Chính trị "
						+ "và Nghị quyết số 20-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương.");
		assertThat(documentKeys(e)).containsExactly("05-CT/TW|TW|?", "19-NQ/TW|TW|2018-01-01",
				"20-NQ/TW|TW|2022-06-16");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Cụ thể, ngày 7-3-2022, Ban Thường vụ Tỉnh ủy Bắc Giang đã ban hành Quyết định số 07-QĐ/TU về kiện toàn Ban Chỉ đạo.",
			"Cũng trong ngày 7-3-2022, Ban Thường vụ Tỉnh ủy Bắc Giang (khóa XIX) đã ban hành Quyết định số 07-QĐ/TU về kiện toàn Ban Chỉ đạo.",
			"Vào ngày 7/3/2022, Ban Thường vụ Tỉnh ủy Bắc Giang đã ban hành Quyết định số 07-QĐ/TU." })
	void shouldDateACodeIssuedInAnEventClauseByTheDateOfTheClause(String sentence) {
		Extraction e = extract("Bắc Giang kiện toàn Ban Chỉ đạo", sentence);
		assertThat(documentKeys(e)).containsExactly("07-QĐ/TU|24|2022-03-07");
	}

	@Test
	void shouldNotDateACodeByAMeetingDateOpeningAnotherClause() {
		Extraction e = extract("Bắc Giang kiện toàn Ban Chỉ đạo",
				"Cụ thể, ngày 7-3-2022, Ban Thường vụ Tỉnh ủy Bắc Giang họp và thống nhất thực hiện Quyết định số 07-QĐ/TU.");
		assertThat(documentKeys(e)).containsExactly("07-QĐ/TU|24|?");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI;NQ-DH-XVI|42|kXVI",
					"Nghị quyết Đại hội lần thứ XVI Đảng bộ tỉnh;NQ-DH-XVI|42|kXVI",
					"Nghị quyết Đại hội lần thứ XIX Đảng bộ tỉnh Hà Tĩnh;NQ-DH-XIX|42|kXIX",
					"Nghị quyết Đại hội XIX của Đảng bộ tỉnh;NQ-DH-XIX|42|kXIX",
					"Nghị quyết Đại hội XIII của Đảng;NQ-DH-XIII|TW|kXIII" })
	void shouldKeyProvincialCongressResolutionsInTheProvinceWhateverTheWordOrder(String citation, String key) {
		Extraction e = extract("Hà Tĩnh: học tập nghị quyết", "Ban Thường vụ Tỉnh ủy quán triệt " + citation + ".");
		assertThat(documentKeys(e)).containsExactly(key);
	}

	@Test
	void shouldGiveTheTermOfAListToEveryCoordinatedCode() {
		Extraction e = extract("Quảng Ninh quán triệt các nghị quyết",
				"Tỉnh ủy quán triệt các Nghị quyết số 18-NQ/TW, 19-NQ/TW, 21-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII.");
		assertThat(documentKeys(e)).containsExactly("18-NQ/TW|TW|kXIII", "19-NQ/TW|TW|kXIII", "21-NQ/TW|TW|kXIII");
	}

	@Test
	void shouldDateACodeByADateBetweenTheIssuingBodyAndItsVerb() {
		Extraction e = extract("Bắc Giang kiện toàn Ban Chỉ đạo",
				"Ban Thường vụ Tỉnh ủy Bắc Giang, ngày 7-3-2022, đã ban hành Quyết định số 07-QĐ/TU về kiện toàn Ban Chỉ đạo.");
		assertThat(documentKeys(e)).containsExactly("07-QĐ/TU|24|2022-03-07");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("07-QĐ/TU|24|2022-03-07 -> 24/ban-thuong-vu-tinh-uy");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {
			"Thực hiện Nghị quyết số 21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương, ngày 2-4-2023, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 05-KH/TU, đề ra 6 nhóm nhiệm vụ.;05-KH/TU|40|2023-04-02",
			"Ban Tổ chức Tỉnh ủy đã tham mưu và ngày 10-3-2023, Ban Thường vụ Tỉnh ủy ban hành Quy định số 12-QĐ/TU về khuyến khích cán bộ.;12-QĐ/TU|40|2023-03-10",
			"Tháng 9-2023, Ban Thường vụ Tỉnh ủy ban hành Quy định số 12-QĐ/TU về khuyến khích cán bộ.;12-QĐ/TU|40|2023",
			"Thực hiện Kế hoạch số 15-KH/TU, ngày 1-2-2020, Ban Thường vụ Tỉnh ủy ban hành Quy định số 12-QĐ/TU về khuyến khích cán bộ.;12-QĐ/TU|40|?" })
	void shouldDateACodeIssuedInAClauseOpeningWithADateInsideTheSentence(String sentence, String key) {
		Extraction e = extract(TITLE, sentence);
		assertThat(documentKeys(e)).contains(key);
	}

	@Test
	void shouldScopeADocumentToTheProvinceThatIsTheSubjectOfItsIssuingVerb() {
		Extraction e = extract("Tây Bắc: sắp xếp bộ máy",
				"Lai Châu ban hành Kế hoạch số 40-KH/TU ngày 2-3-2018 thực hiện Nghị quyết số 18-NQ/TW ngày 25-10-2017 "
						+ "của Ban Chấp hành Trung ương; Lào Cai có Kế hoạch số 52-KH/TU ngày 9-3-2018 thực hiện nghị "
						+ "quyết này.");
		assertThat(documentKeys(e)).contains("40-KH/TU|12|2018-03-02", "52-KH/TU|10|2018-03-09");
	}

	@Test
	void shouldNotScopeADocumentToAProvinceNamedAfterANounBeforeTheVerb() {
		Extraction e = extract("Lai Châu: tin cơ sở",
				"Hội nông dân tỉnh Lào Cai ban hành Kế hoạch số 52-KH/TU ngày 9-3-2018 về sản xuất.");
		assertThat(documentKeys(e)).containsExactly("52-KH/TU|12|2018-03-09");
	}

}
