package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Phú Yên (cũ) lần thứ XVII": a former unit's
 * congress resolution marked as former is that unit's, issued by its Tỉnh ủy; the unit it
 * merged into does not carry it out (it was the former unit's own term's).
 */
class FormerUnitCongressTests {

	@Test
	void shouldReadAFormerUnitsCongressResolutionMarkedAsFormer() {
		Extraction e = extract("Đắk Lắk: đại hội đầu tiên của tỉnh mới",
				"Nghị quyết Đại hội lần này kế thừa kết quả thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Phú Yên "
						+ "(cũ) lần thứ XVII, nhiệm kỳ 2020 - 2025.",
				LocalDate.of(2025, 10, 1));
		assertThat(documentKeys(e)).contains("NQ-DH-XVII|54|kXVII");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("NQ-DH-XVII|54|kXVII -> 54/tinh-uy");
	}

	@Test
	void shouldNotLetTheNewUnitCarryOutAFormerUnitsCongressResolution() {
		Extraction e = extract("Đắk Lắk: đại hội đầu tiên của tỉnh mới",
				"Đại hội đại biểu Đảng bộ tỉnh Đắk Lắk lần thứ I thành công tốt đẹp. Nghị quyết Đại hội kế thừa kết quả "
						+ "thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Phú Yên (cũ) lần thứ XVII, nhiệm kỳ 2020 - "
						+ "2025.",
				LocalDate.of(2025, 10, 1));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).noneMatch(p -> p.endsWith("NQ-DH-XVII|54|kXVII"));
	}

	@Test
	void shouldNotCarryAFormerUnitsCongressResolutionThroughItsPlan() {
		Extraction e = extract("Tuyên Quang: du lịch cao nguyên đá",
				"Ngày 20-3-2026, Ban Thường vụ Tỉnh ủy Tuyên Quang ban hành Kết luận số 15-KL/TU về tiếp tục thực hiện "
						+ "Nghị quyết số 07-NQ/TU ngày 14-4-2021 của Tỉnh ủy Hà Giang (cũ). Nghị quyết 07 được Tỉnh ủy Hà "
						+ "Giang ban hành để thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Hà Giang lần thứ XVII.",
				LocalDate.of(2026, 4, 1));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("07-NQ/TU|02|2021-04-14 -> NQ-DH-XVII|02|kXVII")
			.noneMatch(p -> p.startsWith("15-KL/TU") && p.endsWith("NQ-DH-XVII|02|kXVII"))
			.noneMatch(p -> p.startsWith("08-2025 ") && p.endsWith("NQ-DH-XVII|02|kXVII"));
	}

	@Test
	void shouldReadTheFormerCongressOfANameTheNewUnitKeptWhenMarkedAsFormer() {
		Extraction e = extract("Đắk Lắk: đại hội đầu tiên của tỉnh mới",
				"Nghị quyết Đại hội lần này kế thừa kết quả thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Đắk Lắk "
						+ "(cũ) lần thứ XVII, nhiệm kỳ 2020 - 2025.",
				LocalDate.of(2025, 10, 1));
		assertThat(documentKeys(e)).contains("NQ-DH-XVII|66|kXVII");
	}

}
