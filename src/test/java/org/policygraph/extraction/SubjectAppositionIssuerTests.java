package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A committee described between commas or brackets before its verb is still the verb's
 * subject: "Huyện ủy Tân Kỳ, huyện miền núi có đông đồng bào dân tộc, đã ban hành Kế
 * hoạch số …" — the committee issues the plan.
 */
class SubjectAppositionIssuerTests {

	@Test
	void shouldLetACommitteeDescribedBetweenCommasIssueWhatItsVerbIssues() {
		Extraction e = extract("Nghệ An phát triển đảng viên vùng cao",
				"Huyện ủy Tân Kỳ, huyện miền núi có đông đồng bào dân tộc thiểu số, đã ban hành Kế hoạch số 52-KH/HU "
						+ "ngày 9-4-2019 về phát triển đảng viên ở thôn, bản.",
				LocalDate.of(2019, 6, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("52-KH/HU|40:tan-ky|2019-04-09 -> 40/huyen-uy-tan-ky");
	}

	@Test
	void shouldLetACommitteeDescribedInBracketsIssueWhatItsVerbIssues() {
		Extraction e = extract("Quảng Ngãi: xã mới triển khai nghị quyết",
				"Quán triệt chủ trương của tỉnh, Đảng ủy xã Ba Tơ (thành lập trên cơ sở ba xã cũ) ban hành Kế hoạch số "
						+ "06-KH/ĐU ngày 4-9-2025 về chuyển đổi số trong công tác đảng.",
				LocalDate.of(2025, 10, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.anyMatch((p) -> p.startsWith("06-KH/ĐU|") && p.endsWith("/dang-uy-xa-ba-to"));
	}

	@Test
	void shouldLetTheSubjectIssueAfterItsDescriptionAndATimePhrase() {
		Extraction e = extract("Thanh Hóa học tập nghị quyết mới",
				"Tỉnh ủy Thanh Hóa, đảng bộ có hơn 230.000 đảng viên, ngay trong tháng 3-2025 đã ban hành Kế hoạch số "
						+ "210-KH/TU ngày 20-3-2025 về học tập nghị quyết.",
				LocalDate.of(2025, 5, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("210-KH/TU|38|2025-03-20 -> 38/tinh-uy");
	}

	@Test
	void shouldNotLetABodyNamedInsideAnotherPhraseIssueAcrossCommas() {
		Extraction e = extract("Nghệ An kiểm tra",
				"Đoàn kiểm tra của Tỉnh ủy Nghệ An, gồm năm thành viên, đã ban hành Kế hoạch số 03-KH/ĐKT ngày 1-3-2020 "
						+ "về kiểm tra tổ chức đảng.",
				LocalDate.of(2020, 4, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY)).noneMatch((p) -> p.startsWith("03-KH/ĐKT|"));
	}

}
