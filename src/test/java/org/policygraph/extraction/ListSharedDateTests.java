package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "… Kế hoạch số 85-KH/TU về … và Kế hoạch số 86-KH/TU về …, cùng ký ngày 15-12-2017": a
 * date said of all the codes of a list after it dates each undated code of the list.
 */
class ListSharedDateTests {

	@Test
	void shouldGiveTheDateSignedTogetherToEveryCodeOfTheList() {
		Extraction e = extract("Bắc Giang: hai văn bản về cán bộ",
				"Ban Thường vụ Tỉnh ủy Bắc Giang ban hành Quy định số 51-QĐ/TU về phân cấp quản lý cán bộ và Quy định số "
						+ "52-QĐ/TU về bổ nhiệm, giới thiệu cán bộ ứng cử, cùng ký ngày 3-4-2023.",
				LocalDate.of(2023, 4, 20));
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("51-QĐ/TU|24|2023-04-03", "52-QĐ/TU|24|2023-04-03");
	}

	@Test
	void shouldGiveTheDateIssuedTogetherToTheCodesOfAListAfterItsIntroducer() {
		Extraction e = extract("Bắc Giang: học tập nghị quyết",
				"Tỉnh ủy Bắc Giang quán triệt các nghị quyết của Bộ Chính trị, gồm: Nghị quyết số 57-NQ/TW về khoa học, "
						+ "công nghệ; Nghị quyết số 59-NQ/TW về hội nhập quốc tế, cùng ban hành ngày 24-1-2025.",
				LocalDate.of(2025, 2, 20));
		assertThat(documentKeys(e)).contains("57-NQ/TW|TW|2025-01-24", "59-NQ/TW|TW|2025-01-24");
	}

	@Test
	void shouldNotGiveTheListsDateToACodeOfAnotherTypeBeforeIt() {
		Extraction e = extract("Bắc Giang: hai văn bản về cán bộ",
				"Thực hiện Quy định số 80-QĐ/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy Bắc Giang ban hành Kế hoạch số "
						+ "51-KH/TU về quy hoạch và Kế hoạch số 52-KH/TU về luân chuyển cán bộ, cùng ký ngày 3-4-2023.",
				LocalDate.of(2023, 4, 20));
		assertThat(documentKeys(e)).contains("51-KH/TU|24|2023-04-03", "52-KH/TU|24|2023-04-03", "80-QĐ/TW|TW|?");
	}

}
