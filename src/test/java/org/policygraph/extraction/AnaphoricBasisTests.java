package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A document issued "on that basis" ({@code Trên cơ sở đó, …}) or by a verb whose object
 * is left out ({@code … cụ thể hóa bằng Kế hoạch …}) carries out what the sentence before
 * it issued or named, as a document issued "để triển khai thực hiện" with no document
 * after the cue does.
 */
class AnaphoricBasisTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2024, 12, 1);

	@Test
	void shouldLetAPlanIssuedOnThatBasisCarryOutThePreviousSentencesPlan() {
		Extraction e = extract("Nghệ An: xây dựng tổ chức cơ sở đảng",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 71-KH/TU ngày 3-8-2022 thực hiện Nghị quyết số "
						+ "21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương Đảng khóa XIII. Trên cơ sở đó, Thành "
						+ "ủy Vinh ban hành Kế hoạch số 40-KH/ThU ngày 25-8-2022, giao chỉ tiêu cho từng đảng ủy phường.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("40-KH/ThU|40:vinh|2022-08-25 -> 71-KH/TU|40|2022-08-03",
				"40-KH/ThU|40:vinh|2022-08-25 -> 21-NQ/TW|TW|2022-06-16");
	}

	@Test
	void shouldLetAPlanThatSpellsOutAnElidedObjectCarryOutThePreviousSentencesPlan() {
		Extraction e = extract("Nghệ An: học tập và làm theo Bác",
				"Thực hiện Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị, Tỉnh ủy Nghệ An ban hành Kế hoạch số "
						+ "22-KH/TU ngày 1-7-2016. Ít lâu sau, Thành ủy Vinh cụ thể hóa bằng Kế hoạch số 14-KH/ThU "
						+ "ngày 2-8-2016, chọn cải cách hành chính làm khâu đột phá.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("14-KH/ThU|40:vinh|2016-08-02 -> 22-KH/TU|40|2016-07-01",
				"14-KH/ThU|40:vinh|2016-08-02 -> 05-CT/TW|TW|2016-05-15");
	}

	@Test
	void shouldLetAPlanIssuedOnThatBasisCarryOutThePlanTheSentenceBeforeSpeaksOf() {
		Extraction e = extract("Nghệ An: xây dựng tổ chức cơ sở đảng",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 71-KH/TU ngày 3-8-2022 thực hiện Nghị quyết số "
						+ "21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương Đảng khóa XIII. Kế hoạch giao các huyện "
						+ "ủy, thành ủy rà soát từng chi bộ thôn, khối. Trên cơ sở đó, Thành ủy Vinh ban hành Kế hoạch "
						+ "số 40-KH/ThU ngày 25-8-2022.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("40-KH/ThU|40:vinh|2022-08-25 -> 71-KH/TU|40|2022-08-03",
				"40-KH/ThU|40:vinh|2022-08-25 -> 21-NQ/TW|TW|2022-06-16");
	}

	@Test
	void shouldKeepTheOwnObjectOfAPlanIssuedOnThatBasis() {
		Extraction e = extract("Nghệ An: xây dựng tổ chức cơ sở đảng",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 71-KH/TU ngày 3-8-2022 thực hiện Nghị quyết số "
						+ "21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương Đảng khóa XIII. Trên cơ sở đó, Thành "
						+ "ủy Vinh ban hành Kế hoạch số 40-KH/ThU ngày 25-8-2022 thực hiện Chỉ thị số 35-CT/TW ngày "
						+ "14-6-2024 của Bộ Chính trị.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("40-KH/ThU|40:vinh|2022-08-25 -> 35-CT/TW|TW|2024-06-14")
			.doesNotContain("40-KH/ThU|40:vinh|2022-08-25 -> 71-KH/TU|40|2022-08-03");
	}

	@Test
	void shouldNotLetABasisWithoutADocumentBeforeItCarryAnythingOut() {
		Extraction e = extract("Nghệ An: chuyển đổi số",
				"Tỉnh ủy Nghệ An tổ chức hội nghị chuyên đề về chuyển đổi số. Trên cơ sở đó, Thành ủy Vinh ban hành "
						+ "Kế hoạch số 40-KH/ThU ngày 25-8-2022 về chuyển đổi số trong các cơ quan đảng.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).isEmpty();
	}

}
