package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "Ban Thường vụ Tỉnh ủy đã ban hành 9 văn bản, trong đó có Kế hoạch số …": the citation
 * listed after the verb's counted plural is issued by the verb's subject.
 */
class CountedIssuedListTests {

	@Test
	void shouldLetTheSubjectIssueACitationListedAfterItsCountedPlural() {
		Extraction e = extract("Sơn La tổng kết chỉ thị về công tác dân vận",
				"Thực hiện Chỉ thị số 49-CT/TW của Ban Bí thư, Ban Thường vụ Tỉnh ủy Sơn La đã ban hành 9 văn bản lãnh "
						+ "đạo, trong đó có Kế hoạch số 77-KH/TU ngày 8-4-2016 về công tác dân vận.",
				LocalDate.of(2021, 3, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("77-KH/TU|14|2016-04-08 -> 14/ban-thuong-vu-tinh-uy");
	}

}
