package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A province, or a document of a province, does not carry out a local document of another
 * province; after the 2025 merger, a former unit's document is carried out by the unit it
 * merged into.
 */
class OtherProvinceDocumentTests {

	private static final String NQ_KEY = "26-NQ/TW|TW|2022-11-03";

	@Test
	void shouldNotLetAProvinceCarryOutThePlanOfTheProvinceBeforeIt() {
		Extraction e = extract("Bắc Trung Bộ triển khai nghị quyết phát triển vùng",
				"Ban Thường vụ Tỉnh ủy Thanh Hóa ban hành Kế hoạch số 210-KH/TU ngày 1-2-2023 thực hiện Nghị quyết "
						+ "số 26-NQ/TW ngày 3-11-2022 của Bộ Chính trị. Tỉnh ủy Nghệ An cũng ban hành Kế hoạch số "
						+ "190-KH/TU ngày 31-1-2023 để triển khai thực hiện.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("210-KH/TU|38|2023-02-01 -> " + NQ_KEY,
				"38 -> " + NQ_KEY, "190-KH/TU|40|2023-01-31 -> " + NQ_KEY, "40 -> " + NQ_KEY);
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.doesNotContain("190-KH/TU|40|2023-01-31 -> 210-KH/TU|38|2023-02-01", "40 -> 210-KH/TU|38|2023-02-01");
	}

	@Test
	void shouldLetTheMergedUnitCarryOutAFormerUnitsDocument() {
		Extraction e = extract("Đắk Lắk: tiếp nối nghị quyết của Phú Yên",
				"Ban Thường vụ Tỉnh ủy Đắk Lắk ban hành Kế hoạch số 12-KH/TU ngày 5-9-2025 tiếp tục thực hiện Nghị "
						+ "quyết số 09-NQ/TU ngày 15-3-2021 của Tỉnh ủy Phú Yên (cũ) về phát triển kinh tế biển.",
				LocalDate.of(2025, 10, 1));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("12-KH/TU|66-2025|2025-09-05 -> 09-NQ/TU|54|2021-03-15",
				"66-2025 -> 09-NQ/TU|54|2021-03-15");
	}

}
