package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A month written after a code gives its year: in brackets ("Nghị quyết số 57-NQ/TW
 * (tháng 12-2024)"), and after the code an issuing verb issues ("ban hành Kế hoạch số
 * 09-KH/HU vào tháng 2-2007").
 */
class MonthAfterCodeTests {

	@Test
	void shouldGiveTheYearOfAMonthInBracketsAfterTheCode() {
		Extraction e = extract("Lâm Đồng: kinh tế tư nhân",
				"Nghị quyết số 68-NQ/TW (tháng 5-2025) của Bộ Chính trị về phát triển kinh tế tư nhân được Tỉnh ủy Lâm "
						+ "Đồng quán triệt đến từng chi bộ.",
				LocalDate.of(2025, 8, 1));
		assertThat(documentKeys(e)).contains("68-NQ/TW|TW|2025");
	}

	@Test
	void shouldGiveTheYearOfTheMonthWhenTheIssuedCodeWasIssued() {
		Extraction e = extract("Lâm Đồng: tin cơ sở",
				"Huyện ủy Đức Trọng ban hành Kế hoạch số 27-KH/HU vào tháng 3-2019 để cụ thể hóa chương trình của tỉnh.",
				LocalDate.of(2019, 8, 1));
		assertThat(documentKeys(e)).contains("27-KH/HU|68:duc-trong|2019");
	}

	@Test
	void shouldNotGiveTheYearOfTheMonthWhenACitedCodeWasStudied() {
		Extraction e = extract("Lâm Đồng: tin cơ sở",
				"Huyện ủy Đức Trọng quán triệt Chỉ thị số 35-CT/TW trong tháng 6-2019 cho cán bộ chủ chốt.",
				LocalDate.of(2019, 8, 1));
		assertThat(documentKeys(e)).contains("35-CT/TW|TW|?");
	}

}
