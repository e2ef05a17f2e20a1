package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "Tỉnh ủy Trà Vinh triển khai Chỉ thị bằng Kế hoạch số …": a capitalized type word that
 * is all of a cue's object, with the means written after it, is the latest document of
 * that type — the plan carries it out and is issued by the cue's subject.
 */
class CapitalizedTypeWordInstrumentTests {

	@Test
	void shouldLetAPlanWrittenAfterBangCarryOutTheBareDirectiveBeforeIt() {
		Extraction e = extract("Trà Vinh thực hiện Chỉ thị 35",
				"Ngày 14-6-2024, Bộ Chính trị ban hành Chỉ thị số 35-CT/TW về tổ chức đại hội đảng bộ các cấp. Tỉnh ủy "
						+ "Trà Vinh triển khai Chỉ thị bằng Kế hoạch số 301-KH/TU ngày 2-7-2024, giao các huyện ủy rà soát "
						+ "nhân sự.",
				LocalDate.of(2024, 8, 1));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("301-KH/TU|84|2024-07-02 -> 35-CT/TW|TW|2024-06-14");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("301-KH/TU|84|2024-07-02 -> 84/tinh-uy");
	}

}
