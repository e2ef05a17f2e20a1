package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "Ban Thường vụ Huyện ủy … tiếp tục thực hiện …, đồng thời ngày … ban hành Kế hoạch …":
 * the body that opens the sentence as its subject issues what a second predicate joined
 * by "đồng thời" issues, however long the first predicate.
 */
class SecondPredicateIssuerTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2023, 6, 1);

	@Test
	void shouldLetTheSentencesSubjectIssueWhatItsSecondPredicateIssues() {
		Extraction e = extract("Nghi Lộc: cải cách hành chính trong Đảng",
				"Sau hội nghị, Ban Thường vụ Huyện ủy Nghi Lộc, tỉnh Nghệ An tiếp tục thực hiện Kế hoạch số 15-KH/HU "
						+ "về chuyển đổi số ở các xã ven biển, đồng thời ngày 3-4-2023 ban hành Kế hoạch số 21-KH/HU về "
						+ "cải cách hành chính.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.contains("21-KH/HU|40:nghi-loc|2023-04-03 -> 40/ban-thuong-vu-huyen-uy-nghi-loc");
	}

	@Test
	void shouldNotLetABodyThatIsNoSubjectIssueWhatASecondPredicateIssues() {
		Extraction e = extract("Nghi Lộc: cải cách hành chính trong Đảng",
				"Sau khi làm việc với Ban Thường vụ Tỉnh ủy Nghệ An về chuyển đổi số, nhiều xã đã rà soát lại các "
						+ "văn bản cũ, đồng thời ban hành Kế hoạch số 21-KH/HU về cải cách hành chính.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.ISSUED_BY)).noneMatch(p -> p.startsWith("21-KH/HU"));
	}

}
