package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A citation followed by an apposition that says what it is ("…, văn bản cụ thể hóa Chỉ
 * thị số 35-CT/TW", "…, vốn là văn bản triển khai Nghị quyết số 18-NQ/TW") carries out
 * the document named in the apposition, as with a cue right after it.
 */
class AppositiveDocumentTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2024, 12, 1);

	@Test
	void shouldLetACitationCarryOutTheDocumentOfItsApposition() {
		Extraction e = extract("Thanh Hóa chuẩn bị đại hội cơ sở",
				"Công tác chuẩn bị được tiến hành theo Kế hoạch số 90-KH/TU ngày 4-7-2024 của Ban Thường vụ Tỉnh ủy "
						+ "Thanh Hóa, văn bản cụ thể hóa Chỉ thị số 35-CT/TW ngày 14-6-2024 của Bộ Chính trị.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("90-KH/TU|38|2024-07-04 -> 35-CT/TW|TW|2024-06-14");
	}

	@Test
	void shouldLetACitationWithVonLaCarryOutTheDocumentOfItsApposition() {
		Extraction e = extract("Nghi Lộc sắp xếp bộ máy",
				"Huyện ủy Nghi Lộc, tỉnh Nghệ An vừa ban hành Nghị quyết số 09-NQ/HU ngày 2-3-2020 để thực hiện "
						+ "Chương trình hành động số 33-CTr/TU ngày 10-5-2018 của Tỉnh ủy Nghệ An, vốn là văn bản triển "
						+ "khai Nghị quyết số 18-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung ương Đảng khóa XII.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("33-CTr/TU|40|2018-05-10 -> 18-NQ/TW|TW|2017-10-25",
				"09-NQ/HU|40:nghi-loc|2020-03-02 -> 33-CTr/TU|40|2018-05-10");
	}

}
