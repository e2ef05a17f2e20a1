package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A sentence that states the issuer of the central codes the sentence before cites ("Cả
 * hai nghị quyết đều do Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XII ban
 * hành") gives them that issuer also when a plenum names the Central Committee.
 */
class PluralIssuerTests {

	@Test
	void shouldLetTheBodyThatGaveRiseToAListOfResolutionsIssueEachOfThem() {
		Extraction e = extract("Ba nghị quyết của Hội nghị Trung ương 5 khóa XIII",
				"Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII đã cho ra đời ba nghị quyết quan trọng: "
						+ "Nghị quyết số 19-NQ/TW ngày 16-6-2022 về nông nghiệp, nông dân, nông thôn; Nghị quyết số "
						+ "20-NQ/TW ngày 16-6-2022 về kinh tế tập thể; và Nghị quyết số 21-NQ/TW ngày 16-6-2022 về tổ "
						+ "chức cơ sở đảng.",
				LocalDate.of(2022, 8, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("19-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong",
				"20-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong",
				"21-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldGiveThePlenumsCentralCommitteeToThePreviousSentencesResolutions() {
		Extraction e = extract("Hà Nội cụ thể hóa hai nghị quyết Trung ương 7",
				"Thành ủy Hà Nội ban hành Chương trình hành động số 11-CTr/TU ngày 1-8-2018 thực hiện Nghị quyết số "
						+ "26-NQ/TW ngày 19-5-2018 và Nghị quyết số 27-NQ/TW ngày 21-5-2018. Cả hai nghị quyết đều do "
						+ "Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XII ban hành.",
				LocalDate.of(2018, 9, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("26-NQ/TW|TW|2018-05-19 -> TW/ban-chap-hanh-trung-uong",
				"27-NQ/TW|TW|2018-05-21 -> TW/ban-chap-hanh-trung-uong");
	}

}
