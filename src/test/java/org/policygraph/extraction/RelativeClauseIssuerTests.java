package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "Kế hoạch số 315-KH/TU … mà Tỉnh ủy Bình Định (cũ) đã ban hành": the body of a relative
 * clause right after a citation issues it, and its province is the citation's scope, as
 * in the passive ("… được Ban Thường vụ Tỉnh ủy Nghệ An ban hành").
 */
class RelativeClauseIssuerTests {

	@Test
	void shouldLetTheBodyOfARelativeClauseIssueTheCitationAndScopeIt() {
		Extraction e = extract("Gia Lai cụ thể hóa Nghị quyết 57",
				"Tại Gia Lai, Tỉnh ủy ban hành Kế hoạch số 12-KH/TU ngày 30-7-2025 thực hiện Nghị quyết số 57-NQ/TW "
						+ "ngày 22-12-2024 của Bộ Chính trị. Kế hoạch này thay thế Kế hoạch số 300-KH/TU ngày 3-3-2025 mà "
						+ "Tỉnh ủy Bình Định (cũ) đã ban hành trước khi hợp nhất.",
				LocalDate.of(2025, 8, 20));
		assertThat(documentKeys(e)).contains("300-KH/TU|52|2025-03-03");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("300-KH/TU|52|2025-03-03 -> 52/tinh-uy");
	}

	@Test
	void shouldScopeACitationByTheBodyOfAPassiveClauseAfterIt() {
		Extraction e = extract("Hà Tĩnh: tổng kết công tác cán bộ",
				"Hội nghị đánh giá việc thực hiện Quy định số 09-QĐ/TU ngày 4-4-2019 được Ban Thường vụ Tỉnh ủy Nghệ An "
						+ "ban hành về công tác cán bộ.",
				LocalDate.of(2020, 1, 1));
		assertThat(documentKeys(e)).contains("09-QĐ/TU|40|2019-04-04");
	}

}
