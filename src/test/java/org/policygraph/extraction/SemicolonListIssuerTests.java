package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A list introduced by its issuer goes on past each citation's unquoted subject to a
 * semicolon ("… các nghị quyết của Bộ Chính trị: Nghị quyết số 57-NQ/TW … về …; Nghị
 * quyết số 59-NQ/TW … về …"), and a plenum's resolutions in the plural introduce a list
 * the Central Committee issues ("các nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung
 * ương Đảng khóa XIII, gồm: …").
 */
class SemicolonListIssuerTests {

	@Test
	void shouldLetTheBodyIntroducingAListIssueEveryCitationPastTheirSubjects() {
		Extraction e = extract("Nam Định sơ kết các nghị quyết",
				"Ngày 5-6-2025, Tỉnh ủy Nam Định sơ kết việc thực hiện các nghị quyết của Bộ Chính trị: Nghị quyết số "
						+ "57-NQ/TW ngày 22-12-2024 về khoa học, công nghệ, đổi mới sáng tạo; Nghị quyết số 66-NQ/TW ngày "
						+ "30-4-2025 về xây dựng và thi hành pháp luật; Nghị quyết số 68-NQ/TW ngày 4-5-2025 về kinh tế tư "
						+ "nhân.",
				LocalDate.of(2025, 6, 6));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("57-NQ/TW|TW|2024-12-22 -> TW/bo-chinh-tri",
				"66-NQ/TW|TW|2025-04-30 -> TW/bo-chinh-tri", "68-NQ/TW|TW|2025-05-04 -> TW/bo-chinh-tri");
	}

	@Test
	void shouldLetTheCentralCommitteeIssueTheListOfAPlenumsResolutions() {
		Extraction e = extract("Nam Định học tập nghị quyết Trung ương",
				"Tỉnh ủy Nam Định quán triệt các nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa "
						+ "XIII, gồm: Nghị quyết số 26-NQ/TW ngày 3-11-2022 về phát triển vùng Bắc Trung Bộ; Nghị quyết số "
						+ "27-NQ/TW ngày 9-11-2022 về xây dựng Nhà nước pháp quyền.",
				LocalDate.of(2022, 12, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("26-NQ/TW|TW|2022-11-03 -> TW/ban-chap-hanh-trung-uong",
				"27-NQ/TW|TW|2022-11-09 -> TW/ban-chap-hanh-trung-uong");
	}

}
