package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A document of a unit named by its level alone ("kế hoạch của tỉnh", "chương trình hành
 * động của Tỉnh ủy", "kế hoạch của Huyện ủy") is the latest document of that type the
 * article cites at that level: a lower unit's document carrying it out carries it out,
 * and through it what it carries out.
 */
class HigherLevelDocumentTests {

	@Test
	void shouldLetADistrictPlanCarryOutThePlanOfTheProvince() {
		Extraction e = extract("Quảng Ngãi: tin cơ sở",
				"Ngày 3-4-2023, Ban Thường vụ Tỉnh ủy Quảng Ngãi ban hành Kế hoạch số 77-KH/TU thực hiện Kết luận số "
						+ "21-KL/TW ngày 25-10-2021 của Ban Chấp hành Trung ương. Để thực hiện kế hoạch của tỉnh, Ban "
						+ "Thường vụ Huyện ủy Sơn Tịnh ban hành Kế hoạch số 30-KH/HU ngày 20-4-2023, giao việc cho từng "
						+ "chi bộ.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains(
				"30-KH/HU|51:son-tinh|2023-04-20 -> 77-KH/TU|51|2023-04-03",
				"30-KH/HU|51:son-tinh|2023-04-20 -> 21-KL/TW|TW|2021-10-25");
	}

	@Test
	void shouldLetACommuneResolutionCarryOutThePlanOfTheDistrictCommittee() {
		Extraction e = extract("Nghệ An: tin cơ sở",
				"Huyện ủy Quỳnh Lưu ban hành Kế hoạch số 12-KH/HU ngày 2-6-2016 thực hiện Chỉ thị số 05-CT/TW ngày "
						+ "15-5-2016 của Bộ Chính trị. Huyện chọn chủ đề năm đầu là nêu gương. Ngày 1-7-2016, Đảng ủy xã "
						+ "Quỳnh Đôi ra Nghị quyết số 04-NQ/ĐU để thực hiện kế hoạch của Huyện ủy, chọn mỗi năm một việc "
						+ "làm.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains(
				"04-NQ/ĐU|40|2016-07-01 -> 12-KH/HU|40:quynh-luu|2016-06-02",
				"04-NQ/ĐU|40|2016-07-01 -> 05-CT/TW|TW|2016-05-15");
	}

	@Test
	void shouldNotTakeAPlanOfAnotherLevel() {
		Extraction e = extract("Nghệ An: tin cơ sở",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 12-KH/TU ngày 2-6-2016 thực hiện Chỉ thị số "
						+ "05-CT/TW ngày 15-5-2016 của Bộ Chính trị. Đảng ủy xã Quỳnh Đôi ra Nghị quyết số 04-NQ/ĐU ngày "
						+ "1-7-2016 để cụ thể hóa kế hoạch của huyện.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).noneMatch(p -> p.startsWith("04-NQ/ĐU"));
	}

	@Test
	void shouldNotTakeTheDocumentCarryingOutThePlanOfTheCityCommitteeForThatPlan() {
		Extraction e = extract("Đà Nẵng: tin cơ sở",
				"Ban Thường vụ Thành ủy Đà Nẵng ban hành Kế hoạch số 150-KH/TU ngày 2-3-2020 thực hiện Chỉ thị số "
						+ "05-CT/TW ngày 15-5-2016 của Bộ Chính trị. Quận ủy Hải Châu sau đó có Kế hoạch số 61-KH/QU "
						+ "ngày 20-3-2020 triển khai kế hoạch của Thành ủy trên địa bàn quận.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains(
				"61-KH/QU|48:hai-chau|2020-03-20 -> 150-KH/TU|48|2020-03-02",
				"61-KH/QU|48:hai-chau|2020-03-20 -> 05-CT/TW|TW|2016-05-15");
	}

	@Test
	void shouldLetTheProgrammeOfTheCityCommitteeBeTheCentrallyRunCitysProgramme() {
		Extraction e = extract("Hải Phòng: tin cơ sở",
				"Ngày 2-9-2022, Thành ủy Hải Phòng ban hành Chương trình hành động số 40-CTr/TU thực hiện Nghị quyết "
						+ "số 21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương. Để triển khai chương trình của Thành "
						+ "ủy, Ban Thường vụ Quận ủy Ngô Quyền ban hành Kế hoạch số 55-KH/QU ngày 30-9-2022.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains(
				"55-KH/QU|31:ngo-quyen|2022-09-30 -> 40-CTr/TU|31|2022-09-02",
				"55-KH/QU|31:ngo-quyen|2022-09-30 -> 21-NQ/TW|TW|2022-06-16");
	}

}
