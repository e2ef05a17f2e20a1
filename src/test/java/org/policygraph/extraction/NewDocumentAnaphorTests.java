package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "quy chế mới nhằm cụ thể hóa Kết luận …": a type word with "mới" before what it carries
 * out is the latest document of that type, like "Quy chế này".
 */
class NewDocumentAnaphorTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2024, 6, 1);

	@Test
	void shouldReadTheNewDocumentOfATypeAsTheLatestOneCarryingOutWhatFollows() {
		Extraction e = extract("Nghệ An: quy chế mới về đánh giá cán bộ",
				"Ngày 5-3-2024, Ban Thường vụ Tỉnh ủy Nghệ An ban hành Quy chế số 09-QC/TU về đánh giá cán bộ. Theo Ban "
						+ "Tổ chức Tỉnh ủy, quy chế mới nhằm cụ thể hóa Kết luận số 21-KL/TW ngày 25-10-2021 của Hội "
						+ "nghị Trung ương 4 khóa XIII.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("09-QC/TU|40|2024-03-05 -> 21-KL/TW|TW|2021-10-25");
	}

	@Test
	void shouldNotReadANewDocumentYetToComeAsAnEarlierOne() {
		Extraction e = extract("Nghệ An: tổ chức cơ sở đảng",
				"Ngày 5-3-2024, Ban Thường vụ Tỉnh ủy Nghệ An ban hành Nghị quyết số 09-NQ/TU về tổ chức cơ sở đảng. "
						+ "Tỉnh ủy sẽ ban hành nghị quyết mới về chi bộ thôn khi tổng kết Nghị quyết số 21-NQ/TW ngày "
						+ "16-6-2022 của Ban Chấp hành Trung ương.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).noneMatch(p -> p.startsWith("09-NQ/TU"));
	}

}
