package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * The date of an issuance written in the clause rather than after the code: a date right
 * before the verb in the middle of a sentence ("…, đồng thời ngày 9-10-2023 ban hành Kế
 * hoạch số 150-KH/TU"), and a day and month without the year after a full date of the
 * same article ("Ngày 4-3-2024, … . …, ngày 18-3, Huyện ủy … ban hành Kế hoạch …").
 */
class IssuanceDateTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2024, 12, 1);

	@Test
	void shouldDateACodeIssuedRightAfterADateInTheMiddleOfASentence() {
		Extraction e = extract("Quảng Ngãi: phát triển đảng viên",
				"Ban Thường vụ Tỉnh ủy Quảng Ngãi đã rà soát các văn bản cũ về công tác đảng viên, đồng thời ngày "
						+ "9-10-2023 ban hành Kế hoạch số 150-KH/TU về phát triển đảng viên ở thôn, tổ dân phố.",
				PUBLISHED);
		assertThat(documentKeys(e)).contains("150-KH/TU|51|2023-10-09");
	}

	@Test
	void shouldGiveADayAndMonthTheYearOfTheFullDateBeforeIt() {
		Extraction e = extract("Bình Định: chuyển đổi số trong Đảng",
				"Ngày 4-3-2024, Ban Thường vụ Tỉnh ủy Bình Định ban hành Kế hoạch số 200-KH/TU về chuyển đổi số. "
						+ "Bám sát kế hoạch của tỉnh, ngày 18-3, Huyện ủy Tuy Phước ban hành Kế hoạch số 30-KH/HU.",
				PUBLISHED);
		assertThat(documentKeys(e)).contains("30-KH/HU|52:tuy-phuoc|2024-03-18");
	}

	@Test
	void shouldNotDateACodeFromADayAndMonthWithoutAFullDateBeforeIt() {
		Extraction e = extract("Bình Định: chuyển đổi số trong Đảng",
				"Bám sát kế hoạch của tỉnh, ngày 18-3, Huyện ủy Tuy Phước ban hành Kế hoạch số 30-KH/HU.", PUBLISHED);
		assertThat(documentKeys(e)).contains("30-KH/HU|52:tuy-phuoc|?");
	}

}
