package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "… triển khai các nghị quyết …, gồm: Nghị quyết số 42-NQ/TW về …; Nghị quyết số
 * 43-NQ/TW về …": the items of a list after a colon, separated by semicolons and each
 * opening with a citation, are all objects of the cue before the colon.
 */
class ColonListObjectsTests {

	@Test
	void shouldLetTheProvinceImplementEveryCitationOfAListAfterAColon() {
		Extraction e = extract("Thái Nguyên học tập nghị quyết",
				"Ngày 10-3-2025, Tỉnh ủy Thái Nguyên tổ chức hội nghị quán triệt, triển khai các nghị quyết của Bộ Chính "
						+ "trị, gồm: Nghị quyết số 57-NQ/TW ngày 22-12-2024 về đột phá phát triển khoa học, công nghệ, đổi "
						+ "mới sáng tạo và chuyển đổi số quốc gia; Nghị quyết số 59-NQ/TW ngày 24-1-2025 về hội nhập quốc "
						+ "tế trong tình hình mới; Nghị quyết số 66-NQ/TW ngày 30-4-2025 về đổi mới công tác xây dựng và "
						+ "thi hành pháp luật.",
				LocalDate.of(2025, 5, 10));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("19 -> 57-NQ/TW|TW|2024-12-22",
				"19 -> 59-NQ/TW|TW|2025-01-24", "19 -> 66-NQ/TW|TW|2025-04-30");
	}

	@Test
	void shouldNotCarryTheCueOverSemicolonsWithoutAListAfterAColon() {
		Extraction e = extract("Thái Nguyên học tập nghị quyết",
				"Ngày 10-3-2025, Tỉnh ủy Thái Nguyên tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW ngày 22-12-2024 "
						+ "về đột phá phát triển khoa học, công nghệ; các đại biểu cũng nhắc lại Nghị quyết số 59-NQ/TW "
						+ "ngày 24-1-2025 về hội nhập quốc tế.",
				LocalDate.of(2025, 5, 10));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("19 -> 57-NQ/TW|TW|2024-12-22")
			.doesNotContain("19 -> 59-NQ/TW|TW|2025-01-24");
	}

}
