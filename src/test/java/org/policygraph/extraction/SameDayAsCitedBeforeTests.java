package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "Chỉ thị số 39-CT/TW ngày 30-10-2024 … và Kết luận số 100-KL/TW cùng ngày của Ban Bí
 * thư": "cùng ngày" with no date after a citation is the date of the last dated citation
 * before it in the sentence.
 */
class SameDayAsCitedBeforeTests {

	@Test
	void shouldGiveACitationWrittenSameDayTheDateOfTheCitationBefore() {
		Extraction e = extract("Đồng Nai: công tác dân vận",
				"Ban Thường vụ Tỉnh ủy Đồng Nai quán triệt Chỉ thị số 39-CT/TW ngày 30-10-2024 về công tác dân vận và "
						+ "Kết luận số 100-KL/TW cùng ngày của Ban Bí thư về đối thoại với nhân dân.",
				LocalDate.of(2024, 12, 1));
		assertThat(documentKeys(e)).contains("39-CT/TW|TW|2024-10-30", "100-KL/TW|TW|2024-10-30");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("100-KL/TW|TW|2024-10-30 -> TW/ban-bi-thu");
	}

	@Test
	void shouldNotGiveADateToACitationWrittenSameDayWithoutADatedCitationBefore() {
		Extraction e = extract("Đồng Nai: công tác dân vận",
				"Ban Thường vụ Tỉnh ủy Đồng Nai quán triệt Kết luận số 100-KL/TW cùng ngày của Ban Bí thư về đối thoại "
						+ "với nhân dân.",
				LocalDate.of(2024, 12, 1));
		assertThat(documentKeys(e)).contains("100-KL/TW|TW|?");
	}

}
