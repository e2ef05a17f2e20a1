package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.bodyKeys;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionAssertions.provinceKeys;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * The 2025 merger convention: a province is the unit that existed at the publication
 * date. After 1-7-2025 a former province's name denotes the unit it became part of,
 * except in a committee named with it, which is the former unit's own.
 */
class MergerConventionTests {

	private static final LocalDate AFTER = LocalDate.of(2025, 11, 3);

	@Test
	void shouldReadAFormerProvinceNamedAfterTheMergerAsTheUnitItBecamePartOf() {
		Extraction e = extract("Tin địa phương", "Đắk Lắk và Phú Yên trước đây, nay là tỉnh Đắk Lắk.", AFTER);
		assertThat(provinceKeys(e)).containsExactly("66-2025");
		e = extract("Bắc Ninh: sơ kết chuyển đổi số",
				"Hai tỉnh Bắc Ninh và Bắc Giang (trước hợp nhất) đều đã ban hành chương trình chuyển đổi số.", AFTER);
		assertThat(provinceKeys(e)).containsExactly("27-2025");
	}

	@Test
	void shouldLetAFormerProvinceNamedAfterTheMergerImplementAsTheNewUnit() {
		Extraction e = extract("Triển khai Nghị quyết 57",
				"Các đảng bộ cơ sở thuộc tỉnh Bình Định cũ đã quán triệt Nghị quyết số 57-NQ/TW ngày 22-12-2024 "
						+ "của Bộ Chính trị.",
				AFTER);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("64-2025 -> 57-NQ/TW|TW|2024-12-22");
	}

	@Test
	void shouldKeepTheFormerUnitBeforeTheMerger() {
		Extraction e = extract("Tin địa phương", "Tỉnh ủy Phú Yên quán triệt Nghị quyết của Bộ Chính trị.",
				LocalDate.of(2024, 5, 2));
		assertThat(provinceKeys(e)).containsExactly("54");
	}

	@Test
	void shouldGiveACommitteeNamedWithTheFormerNameAndItsDocumentToTheFormerUnit() {
		Extraction e = extract("Quảng Trị: chuyển đổi số sau hợp nhất",
				"Ban Thường vụ Tỉnh ủy Quảng Trị tổ chức sơ kết Nghị quyết số 57-NQ/TW ngày 22-12-2024 của Bộ Chính trị. "
						+ "Trước đó, Tỉnh ủy Quảng Bình (cũ) đã ban hành Nghị quyết số 09-NQ/TU ngày 15-3-2021 "
						+ "để thực hiện Nghị quyết số 52-NQ/TW ngày 27-9-2019 của Bộ Chính trị.",
				AFTER);
		assertThat(bodyKeys(e)).contains("44/tinh-uy", "45-2025/ban-thuong-vu-tinh-uy");
		assertThat(documentKeys(e)).contains("09-NQ/TU|44|2021-03-15");
		assertThat(provinceKeys(e)).containsExactlyInAnyOrder("45-2025", "44");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("09-NQ/TU|44|2021-03-15 -> 44/tinh-uy");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("09-NQ/TU|44|2021-03-15 -> 52-NQ/TW|TW|2019-09-27",
				"44 -> 52-NQ/TW|TW|2019-09-27");
	}

	@Test
	void shouldGiveACommitteeMarkedAsFormerUnderTheNameTheNewUnitKeptToTheFormerUnit() {
		Extraction e = extract("Quảng Trị: chuyển đổi số sau hợp nhất",
				"Tỉnh ủy Quảng Trị (cũ) đã ban hành Nghị quyết số 14-NQ/TU ngày 30-11-2021 về chuyển đổi số. "
						+ "Nay tỉnh Quảng Trị xây dựng một nền tảng chung.",
				AFTER);
		assertThat(bodyKeys(e)).containsExactly("45/tinh-uy");
		assertThat(provinceKeys(e)).containsExactlyInAnyOrder("45", "45-2025");
	}

	@Test
	void shouldScopeTheDocumentOfACommitteeMarkedAsFormerBeforeItsVerbToTheFormerUnit() {
		Extraction e = extract("Quảng Trị: phát triển du lịch",
				"Còn Tỉnh ủy Quảng Bình (cũ) có Chương trình hành động số 12-CTr/TU ngày 5-3-2024 thực hiện Nghị "
						+ "quyết số 23-NQ/TW ngày 6-10-2022 của Bộ Chính trị.",
				AFTER);
		assertThat(documentKeys(e)).contains("12-CTr/TU|44|2024-03-05");
	}

}
