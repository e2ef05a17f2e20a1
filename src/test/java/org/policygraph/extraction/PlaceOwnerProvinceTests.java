package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A province named as the owner of a place ("kết nối với cảng biển của Cà Mau, Bạc Liêu")
 * is no actor of the provinces acting together ("các địa phương trong vùng đã ban hành kế
 * hoạch thực hiện"); the provinces named as actors still are.
 */
class PlaceOwnerProvinceTests {

	@Test
	void shouldNotCountTheOwnerOfAPlaceAmongTheProvincesActingTogether() {
		Extraction e = extract("Các tỉnh miền Tây cụ thể hóa Nghị quyết 13",
				"Sau khi Bộ Chính trị ban hành Nghị quyết số 13-NQ/TW ngày 2-4-2022 về phát triển vùng đồng bằng sông "
						+ "Cửu Long, các địa phương trong vùng đã ban hành chương trình, kế hoạch thực hiện. Tỉnh ủy An "
						+ "Giang ban hành Kế hoạch số 101-KH/TU ngày 5-6-2022, ưu tiên tuyến đường kết nối với cảng biển của "
						+ "Cà Mau, Bạc Liêu. Tỉnh ủy Kiên Giang có Chương trình hành động số 52-CTr/TU ngày 9-6-2022.",
				LocalDate.of(2023, 4, 1));
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.contains("89 -> 13-NQ/TW|TW|2022-04-02", "91 -> 13-NQ/TW|TW|2022-04-02")
			.doesNotContain("96 -> 13-NQ/TW|TW|2022-04-02", "95 -> 13-NQ/TW|TW|2022-04-02");
	}

}
