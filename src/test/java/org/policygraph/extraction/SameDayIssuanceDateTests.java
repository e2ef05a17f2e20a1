package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "Ngày 14-2-2024, Tỉnh ủy … ban hành …. Cùng ngày, Ban Thường vụ Tỉnh ủy ban hành Quy
 * định số …": a sentence opening with "cùng ngày" dates the undated code its body issues
 * with the full date that last opened a sentence.
 */
class SameDayIssuanceDateTests {

	@Test
	void shouldDateACodeIssuedTheSameDayWithTheDateOpeningAnEarlierSentence() {
		Extraction e = extract("Lạng Sơn ban hành văn bản về công tác cán bộ",
				"Ngày 14-2-2024, Ban Thường vụ Tỉnh ủy Lạng Sơn ban hành Kế hoạch số 190-KH/TU thực hiện Quy định số "
						+ "114-QĐ/TW ngày 11-7-2023 của Bộ Chính trị. Kế hoạch nêu rõ trách nhiệm của người đứng đầu. "
						+ "Cùng ngày, Ban Thường vụ Tỉnh ủy cũng ban hành Quy định số 31-QĐ/TU về kiểm soát quyền lực "
						+ "trong công tác cán bộ.",
				LocalDate.of(2024, 3, 1));
		assertThat(documentKeys(e)).contains("190-KH/TU|20|2024-02-14", "31-QĐ/TU|20|2024-02-14");
	}

	@Test
	void shouldDateACodeIssuedInTheSameDayAfterAShortOpener() {
		Extraction e = extract("Cà Mau: hai văn bản mới",
				"Ngày 2-10-2025, Tỉnh ủy Cà Mau tổ chức hội nghị quán triệt Nghị quyết số 66-NQ/TW ngày 30-4-2025 của Bộ "
						+ "Chính trị. Cũng trong ngày, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 41-KH/TU thực hiện Nghị "
						+ "quyết này.",
				LocalDate.of(2025, 10, 5));
		assertThat(documentKeys(e)).contains("41-KH/TU|96-2025|2025-10-02");
	}

	@Test
	void shouldNotDateACodeWithoutADateOpeningASentenceBefore() {
		Extraction e = extract("Lạng Sơn ban hành văn bản về công tác cán bộ",
				"Ban Thường vụ Tỉnh ủy Lạng Sơn ban hành Kế hoạch số 190-KH/TU ngày 14-2-2024 thực hiện Quy định số "
						+ "114-QĐ/TW ngày 11-7-2023 của Bộ Chính trị. Cùng ngày, Ban Thường vụ Tỉnh ủy cũng ban hành Quy "
						+ "định số 31-QĐ/TU về kiểm soát quyền lực trong công tác cán bộ.",
				LocalDate.of(2024, 3, 1));
		assertThat(documentKeys(e)).contains("31-QĐ/TU|20|?");
	}

}
