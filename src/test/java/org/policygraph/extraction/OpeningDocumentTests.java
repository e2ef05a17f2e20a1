package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A round-up that opens on one central document carried out, then lists the local
 * committees' plans without naming the document again: each plan carries it out.
 */
class OpeningDocumentTests {

	private static final String KL = "Kết luận số 68-KL/TW ngày 9-11-2018 của Ban Bí thư";

	private static final String KL_KEY = "68-KL/TW|TW|2018-11-09";

	@Test
	void shouldLetThePlansOfARoundUpCarryOutTheDocumentItOpensOn() {
		Extraction e = extract("Các tỉnh Tây Bắc triển khai kết luận về công tác dân vận", "Triển khai " + KL
				+ ", nhiều tỉnh ủy vùng Tây Bắc đã cụ thể hóa bằng văn bản riêng.\n"
				+ "Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch số 77-KH/TU ngày 3-12-2018, giao chỉ tiêu cho "
				+ "từng huyện. Tỉnh ủy Điện Biên có Chương trình số 12-CTr/TU ngày 20-12-2018, chú trọng vùng "
				+ "đồng bào Mông.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("77-KH/TU|14|2018-12-03 -> " + KL_KEY, "14 -> " + KL_KEY,
				"12-CTr/TU|11|2018-12-20 -> " + KL_KEY, "11 -> " + KL_KEY);
	}

	@Test
	void shouldNotLetAPlanWithASubjectOfItsOwnCarryOutTheOpeningDocument() {
		Extraction e = extract("Các tỉnh Tây Bắc triển khai kết luận về công tác dân vận",
				"Triển khai " + KL + ", nhiều tỉnh ủy vùng Tây Bắc đã cụ thể hóa bằng văn bản riêng.\n"
						+ "Ban Thường vụ Tỉnh ủy Sơn La cũng ban hành Kế hoạch số 80-KH/TU ngày 5-12-2018 về phát "
						+ "triển cây cà phê.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).doesNotContain("80-KH/TU|14|2018-12-05 -> " + KL_KEY);
	}

	@Test
	void shouldStopAtAnotherCentralDocumentThatDoesNotCarryOutTheOpeningOne() {
		Extraction e = extract("Các tỉnh Tây Bắc triển khai kết luận về công tác dân vận",
				"Triển khai " + KL + ", nhiều tỉnh ủy vùng Tây Bắc đã cụ thể hóa bằng văn bản riêng.\n"
						+ "Về phòng, chống tham nhũng, Chỉ thị số 27-CT/TW ngày 10-1-2019 của Bộ Chính trị cũng được "
						+ "quán triệt. Tỉnh ủy Điện Biên có Kế hoạch số 15-KH/TU ngày 2-3-2019.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).doesNotContain("15-KH/TU|11|2019-03-02 -> " + KL_KEY);
	}

	@Test
	void shouldNotLetTheOneProvincesPlanOfAReviewCarryOutTheDocumentItOpensOn() {
		Extraction e = extract("Sơn La sơ kết kết luận về công tác dân vận",
				"Ban Thường vụ Tỉnh ủy Sơn La sơ kết 5 năm thực hiện " + KL + ". Theo báo cáo, Tỉnh ủy đã ban hành "
						+ "Kế hoạch số 77-KH/TU ngày 3-12-2018 và chỉ đạo các chi bộ đưa nội dung vào sinh hoạt.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("14 -> " + KL_KEY);
	}

	@Test
	void shouldLetTheGuidanceOfARoundUpCarryOutTheCentralGuidanceItOpensOn() {
		Extraction e = extract("Ban tổ chức các tỉnh cụ thể hóa hướng dẫn về kết nạp đảng viên",
				"Ngày 2-3-2020, Ban Tổ chức Trung ương ban hành Hướng dẫn số 12-HD/BTCTW về kết nạp đảng viên, và "
						+ "ban tổ chức nhiều tỉnh ủy đã cụ thể hóa văn bản này.\n"
						+ "Ban Tổ chức Tỉnh ủy Hà Nam có Hướng dẫn số 04-HD/BTCTU ngày 20-3-2020 thực hiện Hướng dẫn "
						+ "12. Ban Tổ chức Tỉnh ủy Ninh Bình ban hành Hướng dẫn số 06-HD/BTCTU ngày 25-3-2020, chú trọng "
						+ "vùng giáo.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("06-HD/BTCTU|37|2020-03-25 -> 12-HD/BTCTW|TW|2020-03-02",
				"37 -> 12-HD/BTCTW|TW|2020-03-02");
	}

	@Test
	void shouldNotLetAPlanDatedBeforeTheOpeningDocumentCarryItOut() {
		Extraction e = extract("Các tỉnh Tây Bắc triển khai kết luận về công tác dân vận", "Triển khai " + KL
				+ ", nhiều tỉnh ủy vùng Tây Bắc đã cụ thể hóa bằng văn bản riêng.\n"
				+ "Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch số 77-KH/TU ngày 3-12-2018. Tỉnh ủy Điện Biên có "
				+ "Chương trình số 09-CTr/TU ngày 20-4-2017, chú trọng vùng đồng bào Mông.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).doesNotContain("09-CTr/TU|11|2017-04-20 -> " + KL_KEY);
	}

}
