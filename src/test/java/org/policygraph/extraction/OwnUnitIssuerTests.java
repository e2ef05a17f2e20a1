package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "Huyện ủy Con Cuông tổng kết Kế hoạch số 21-KH/HU … của huyện về …": a citation owned
 * by a unit named by its level alone is issued by the committee of that level the
 * sentence named before it.
 */
class OwnUnitIssuerTests {

	@Test
	void shouldLetTheDistrictCommitteeIssueThePlanOfTheDistrict() {
		Extraction e = extract("Nghệ An: Con Cuông tổng kết kế hoạch",
				"Huyện ủy Con Cuông vừa tổng kết Kế hoạch số 21-KH/HU ngày 5-8-2016 của huyện về thực hiện Chỉ thị số "
						+ "05-CT/TW ngày 15-5-2016 của Bộ Chính trị.",
				LocalDate.of(2021, 5, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.contains("21-KH/HU|40:con-cuong|2016-08-05 -> 40/huyen-uy-con-cuong");
	}

	@Test
	void shouldLetTheWardCommitteeIssueThePlanOfTheWard() {
		Extraction e = extract("Hà Tĩnh: phường rà soát chuyển đổi số",
				"Ngày 3-12-2025, Đảng ủy phường Sông Trí (tỉnh Hà Tĩnh) đánh giá Kế hoạch số 08-KH/ĐU ngày 20-8-2025 "
						+ "của phường về chuyển đổi số trong các chi bộ.",
				LocalDate.of(2025, 12, 5));
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.anyMatch((p) -> p.startsWith("08-KH/ĐU|") && p.endsWith("/dang-uy-phuong-song-tri"));
	}

	@Test
	void shouldNotTakeAUnitFollowedByItsNameForTheLevelAlone() {
		Extraction e = extract("Nghệ An: Con Cuông học tập",
				"Huyện ủy Con Cuông học tập Kế hoạch số 30-KH/ĐU ngày 5-8-2020 của xã Môn Sơn về chuyển đổi số.",
				LocalDate.of(2021, 5, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.noneMatch((p) -> p.startsWith("30-KH/ĐU|") && p.endsWith("/huyen-uy-con-cuong"));
	}

}
