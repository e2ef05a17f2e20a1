package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/** The date opening the clause that issues an undated code dates that code. */
class ClauseDateTests {

	@Test
	void shouldDateTheCodeFromADateRightBeforeTheIssuingBodyWithoutAComma() {
		Extraction e = extract("Hà Tĩnh: công tác cán bộ",
				"Tiếp thu ý kiến của đoàn kiểm tra, ngày 14-3-2024 Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 77-KH/TU về công tác cán bộ.");
		assertThat(documentKeys(e)).containsExactly("77-KH/TU|42|2024-03-14");
	}

	@Test
	void shouldNotDateTheCodeFromADateWithoutACommaThatIsNotFollowedByTheBody() {
		Extraction e = extract("Hà Tĩnh: công tác cán bộ",
				"Tiếp thu ý kiến của đoàn kiểm tra, ngày 14-3-2024 và những ngày sau đó Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 77-KH/TU về công tác cán bộ.");
		assertThat(documentKeys(e)).containsExactly("77-KH/TU|42|?");
	}

	@Test
	void shouldDateTheCodeAfterAnAnswerLead() {
		Extraction e = extract("Trao đổi về công tác dân vận",
				"Hỏi: Vì sao tỉnh chú trọng việc này? Đáp: Ngày 5-1-2024, Ban Bí thư ban hành Chỉ thị số 30-CT/TW về công tác dân vận.");
		assertThat(documentKeys(e)).containsExactly("30-CT/TW|TW|2024-01-05");
	}

	@Test
	void shouldDateTheCodeAfterAnAppositionBetweenDashes() {
		Extraction e = extract("Quảng Trị: phát triển du lịch",
				"Quảng Trị - nơi có nhiều di tích lịch sử - ngày 9-9-2025, Tỉnh ủy ban hành Kế hoạch số 15-KH/TU về phát triển du lịch.",
				LocalDate.of(2025, 10, 1));
		assertThat(documentKeys(e)).containsExactly("15-KH/TU|45-2025|2025-09-09");
	}

	@Test
	void shouldDateTheCodeFromAPartOfDayWithoutTheWordNgay() {
		Extraction e = extract("Bắc Ninh: công tác kiểm tra",
				"Sáng 18-8-2025, Ủy ban Kiểm tra Tỉnh ủy Bắc Ninh ban hành Hướng dẫn số 04-HD/UBKTTU về kiểm tra tài chính đảng.",
				LocalDate.of(2025, 9, 1));
		assertThat(documentKeys(e)).containsExactly("04-HD/UBKTTU|27-2025|2025-08-18");
	}

	@Test
	void shouldNotDateTheCodeFromAPartOfDayWithoutAYear() {
		Extraction e = extract("Bắc Ninh: công tác kiểm tra",
				"Sáng 18-8, Ủy ban Kiểm tra Tỉnh ủy Bắc Ninh ban hành Hướng dẫn số 04-HD/UBKTTU về kiểm tra tài chính đảng.",
				LocalDate.of(2025, 9, 1));
		assertThat(documentKeys(e)).containsExactly("04-HD/UBKTTU|27-2025|?");
	}

	@Test
	void shouldDateTheCodeAfterATypeNameOfSeveralWordsBeforeSo() {
		Extraction e = extract("Quảng Ngãi: chương trình toàn khóa",
				"Sau đại hội, ngày 12-10-2025, Ban Chấp hành Đảng bộ tỉnh Quảng Ngãi ban hành Chương trình công tác toàn khóa số 02-CTr/TU về các nhiệm vụ trọng tâm.",
				LocalDate.of(2025, 11, 1));
		assertThat(documentKeys(e)).containsExactly("02-CTr/TU|51-2025|2025-10-12");
	}

	@Test
	void shouldNotDateACodeImplementedByTheIssuedDocument() {
		Extraction e = extract("Quảng Ngãi: kế hoạch",
				"Ngày 12-10-2025, Ban Thường vụ Tỉnh ủy Quảng Ngãi ban hành kế hoạch thực hiện Nghị quyết số 20-NQ/TU về du lịch.",
				LocalDate.of(2025, 11, 1));
		assertThat(documentKeys(e)).containsExactly("20-NQ/TU|51-2025|?");
	}

	@Test
	void shouldDateTheCodeAPlenumOfTheCentralCommitteeIssuesAfterTheDate() {
		Extraction e = extract("Nghị quyết Trung ương 5",
				"Ngày 3-6-2017, Hội nghị Trung ương 5 khóa XII đã thông qua Nghị quyết số 10-NQ/TW về phát triển kinh tế tư nhân.",
				LocalDate.of(2017, 7, 1));
		assertThat(documentKeys(e)).containsExactly("10-NQ/TW|TW|2017-06-03");
	}

	@Test
	void shouldDateTheIssuedCodeByADateSetOffByCommasAfterAShortName() {
		Extraction e = extract("Kon Tum chuẩn bị đại hội",
				"Ngày 30-5-2019, Bộ Chính trị ban hành Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp. Để cụ thể hóa "
						+ "Chỉ thị 35, ngày 12-7-2019, Ban Thường vụ Tỉnh ủy Kon Tum ban hành Kế hoạch số 90-KH/TU.");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("35-CT/TW|TW|2019-05-30", "90-KH/TU|62|2019-07-12");
	}

	@Test
	void shouldKeepADateSetOffByCommasAfterACodeAsTheCodesDate() {
		Extraction e = extract("Kon Tum chuẩn bị đại hội",
				"Để cụ thể hóa Chỉ thị số 35-CT/TW, ngày 30-5-2019, Ban Thường vụ Tỉnh ủy Kon Tum ban hành Kế hoạch số "
						+ "90-KH/TU.");
		assertThat(documentKeys(e)).contains("35-CT/TW|TW|2019-05-30");
	}

	@Test
	void shouldDateEveryCodeTheClausesVerbIssuesTogether() {
		Extraction e = extract("Kon Tum chuẩn bị đại hội",
				"Ngày 12-7-2019, Ban Thường vụ Tỉnh ủy Kon Tum ban hành Kế hoạch số 90-KH/TU và Kế hoạch số 91-KH/TU về "
						+ "đại hội đảng bộ các cấp.");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("90-KH/TU|62|2019-07-12", "91-KH/TU|62|2019-07-12");
	}

	@Test
	void shouldNotDateACodeOfAnotherTypeAfterTheIssuedOne() {
		Extraction e = extract("Kon Tum chuẩn bị đại hội",
				"Ngày 12-7-2019, Ban Thường vụ Tỉnh ủy Kon Tum ban hành Kế hoạch số 90-KH/TU và Chỉ thị số 35-CT/TW về "
						+ "đại hội đảng bộ các cấp.");
		assertThat(documentKeys(e)).contains("90-KH/TU|62|2019-07-12").noneMatch(k -> k.startsWith("35-CT/TW|TW|2019"));
	}

	@Test
	void shouldDateTheIssuedCodeByADateSetOffByCommasAfterAPlenumResolution() {
		Extraction e = extract("Bình Thuận: tin cơ sở",
				"Quán triệt Nghị quyết Trung ương 6 khóa XII, ngày 20-1-2018, Ban Thường vụ Tỉnh ủy Bình Thuận ban hành "
						+ "Kế hoạch số 44-KH/TU về sắp xếp bộ máy.");
		assertThat(documentKeys(e)).contains("44-KH/TU|60|2018-01-20");
	}

	@Test
	void shouldDateACodeWrittenWithAQualifierOfItsTypeBeforeSo() {
		Extraction e = extract("Quảng Nam: tin cơ sở",
				"Ngày 12-4-2019, Đảng ủy xã Tam Xuân ra Nghị quyết chuyên đề số 05-NQ/ĐU về phát triển đảng viên trẻ.");
		assertThat(documentKeys(e)).containsExactly("05-NQ/ĐU|49|2019-04-12");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("05-NQ/ĐU|49|2019-04-12 -> 49/dang-uy-xa-tam-xuan");
	}

	@Test
	void shouldGiveTheYearOpeningTheClauseToTheCodeItsBodyIssues() {
		Extraction e = extract("Phú Yên: công tác dân vận",
				"Đầu năm 2020, Ban Thường vụ Tỉnh ủy Phú Yên ban hành Kế hoạch số 140-KH/TU về công tác dân vận ở vùng "
						+ "biển. Cũng trong năm 2021, Ban Thường vụ Tỉnh ủy ban hành Quy định số 33-QĐ/TU về tiếp xúc, đối "
						+ "thoại với nhân dân.",
				LocalDate.of(2022, 3, 1));
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("140-KH/TU|54|2020", "33-QĐ/TU|54|2021");
	}

	@Test
	void shouldNotTakeAYearOfAPeriodOpeningTheClauseForTheCode() {
		Extraction e = extract("Phú Yên: công tác dân vận",
				"Năm 2020-2025, Ban Thường vụ Tỉnh ủy Phú Yên ban hành Kế hoạch số 140-KH/TU về công tác dân vận ở vùng "
						+ "biển.",
				LocalDate.of(2022, 3, 1));
		assertThat(documentKeys(e)).containsExactly("140-KH/TU|54|?");
	}

	@Test
	void shouldGiveTheYearOfTheLastFullDateToACodeIssuedInAMonthWithoutYear() {
		Extraction e = extract("Sóc Trăng: chuẩn bị đại hội chi bộ",
				"Thực hiện Chỉ thị số 45-CT/TW ngày 14-4-2025 của Bộ Chính trị, cuối tháng 5, Ban Thường vụ Tỉnh ủy Sóc "
						+ "Trăng đã ban hành Kế hoạch số 301-KH/TU về đại hội chi bộ.",
				LocalDate.of(2025, 6, 10));
		assertThat(documentKeys(e)).contains("301-KH/TU|94|2025");
	}

	@Test
	void shouldNotGiveTheYearToACodeIssuedInAMonthBeforeTheLastFullDate() {
		Extraction e = extract("Sóc Trăng: chuẩn bị đại hội chi bộ",
				"Thực hiện Chỉ thị số 45-CT/TW ngày 14-4-2025 của Bộ Chính trị, trong tháng 2, Ban Thường vụ Tỉnh ủy Sóc "
						+ "Trăng đã ban hành Kế hoạch số 301-KH/TU về đại hội chi bộ.",
				LocalDate.of(2025, 6, 10));
		assertThat(documentKeys(e)).contains("301-KH/TU|94|?");
	}

	@Test
	void shouldDateTheCodeIssuedByASecondPredicateOfTheClausesSubject() {
		Extraction e = extract("Kiên Giang: học tập chỉ thị",
				"Ngày 6-6-2019, Ban Thường vụ Tỉnh ủy Kiên Giang tổ chức hội nghị quán triệt Chỉ thị số 35-CT/TW của Bộ "
						+ "Chính trị về đại hội đảng bộ các cấp, đồng thời ban hành Kế hoạch số 166-KH/TU để thực hiện.",
				LocalDate.of(2019, 6, 10));
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("35-CT/TW|TW|?", "166-KH/TU|91|2019-06-06");
	}

	@Test
	void shouldNotDateTheCodeIssuedByAnotherSubjectAfterTheCitation() {
		Extraction e = extract("Kiên Giang: học tập chỉ thị",
				"Ngày 6-6-2019, Ban Thường vụ Tỉnh ủy Kiên Giang tổ chức hội nghị quán triệt Chỉ thị số 35-CT/TW mà Bộ "
						+ "Chính trị đã ban hành Kế hoạch số 166-KH/TU để thực hiện.",
				LocalDate.of(2019, 6, 10));
		assertThat(documentKeys(e)).doesNotContain("166-KH/TU|91|2019-06-06");
	}

	@Test
	void shouldDateTheCodeIssuedAfterAnAdverbOfTheVerb() {
		Extraction e = extract("Điện Biên: tinh giản biên chế",
				"Tháng 9-2016, Ban Thường vụ Tỉnh ủy Điện Biên ban hành thêm Đề án số 05-ĐA/TU về sắp xếp đơn vị sự "
						+ "nghiệp công lập.",
				LocalDate.of(2016, 10, 1));
		assertThat(documentKeys(e)).containsExactly("05-ĐA/TU|11|2016");
	}

}
