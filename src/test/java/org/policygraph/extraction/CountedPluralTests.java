package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "thực hiện cả ba nghị quyết", "để thực hiện đồng thời hai nghị quyết": a counted plural
 * of a type as a cue's object is the latest documents of that type, as many as counted.
 */
class CountedPluralTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2023, 6, 1);

	@Test
	void shouldCarryOutAsManyOfTheLatestDocumentsOfTheTypeAsCounted() {
		Extraction e = extract("Ba nghị quyết Trung ương 6 khóa XIII",
				"Hội nghị Trung ương 6 khóa XIII ban hành Nghị quyết số 27-NQ/TW ngày 9-11-2022, Nghị quyết số 28-NQ/TW "
						+ "ngày 17-11-2022 và Nghị quyết số 29-NQ/TW ngày 17-11-2022. Các nghị quyết có tầm nhìn đến năm "
						+ "2045. Tỉnh ủy Nghệ An ban hành Kế hoạch số 140-KH/TU ngày 10-2-2023 thực hiện cả ba nghị quyết.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("140-KH/TU|40|2023-02-10 -> 27-NQ/TW|TW|2022-11-09",
				"140-KH/TU|40|2023-02-10 -> 28-NQ/TW|TW|2022-11-17",
				"140-KH/TU|40|2023-02-10 -> 29-NQ/TW|TW|2022-11-17");
	}

	@Test
	void shouldReadACountedPluralWithTrenAsTheLatestDocumentsOfTheType() {
		Extraction e = extract("Nghệ An: hai nghị quyết vùng",
				"Tỉnh ủy Nghệ An quán triệt Nghị quyết số 23-NQ/TW ngày 6-10-2022 và Nghị quyết số 26-NQ/TW ngày "
						+ "3-11-2022 của Bộ Chính trị. Ngày 20-1-2023, Tỉnh ủy ban hành Kế hoạch số 22-KH/TU thực hiện "
						+ "đồng thời hai nghị quyết trên.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("22-KH/TU|40|2023-01-20 -> 23-NQ/TW|TW|2022-10-06",
				"22-KH/TU|40|2023-01-20 -> 26-NQ/TW|TW|2022-11-03");
	}

	@Test
	void shouldCarryOutOnlyTheCountedLatestOnes() {
		Extraction e = extract("Hai nghị quyết Trung ương 6 khóa XII",
				"Năm 2008, tỉnh thực hiện Nghị quyết số 22-NQ/TW ngày 2-2-2008 của Ban Chấp hành Trung ương. Năm 2017, "
						+ "Trung ương ban hành Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW cùng ngày 25-10-2017. Việc sắp "
						+ "xếp bộ máy được đặt lên hàng đầu. Tỉnh ủy Nghệ An ban hành Chương trình hành động số 20-CTr/TU "
						+ "ngày 12-1-2018 để thực hiện đồng thời hai nghị quyết.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.contains("20-CTr/TU|40|2018-01-12 -> 18-NQ/TW|TW|2017-10-25",
					"20-CTr/TU|40|2018-01-12 -> 19-NQ/TW|TW|2017-10-25")
			.doesNotContain("20-CTr/TU|40|2018-01-12 -> 22-NQ/TW|TW|2008-02-02");
	}

}
