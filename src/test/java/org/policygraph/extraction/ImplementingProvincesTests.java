package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * Which provinces carry out a document when the sentence names several of them, or speaks
 * of them together.
 */
class ImplementingProvincesTests {

	private static final String CT = "Chỉ thị số 21-CT/TW ngày 5-6-2023 của Ban Bí thư";

	private static final String CT_KEY = "21-CT/TW|TW|2023-06-05";

	@Test
	void shouldLetEveryProvinceOfTheArticleImplementWhenTheyAreTheSubjectTogether() {
		Extraction e = extract("Giao ban công tác dân vận khu vực Việt Bắc",
				"Đoàn công tác đã làm việc với Tỉnh ủy Thái Nguyên, Tỉnh ủy Lạng Sơn và Tỉnh ủy Cao Bằng. "
						+ "Lãnh đạo cả ba tỉnh cho biết đã quán triệt " + CT + " đến cán bộ chủ chốt.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder("19 -> " + CT_KEY, "20 -> " + CT_KEY,
				"04 -> " + CT_KEY);
	}

	@Test
	void shouldReadTheLocalitiesOfAMeetingOfSeveralProvincesAsTheProvinces() {
		Extraction e = extract("Hội nghị giao ban các tỉnh Tây Nguyên",
				"Tại hội nghị, đại diện Tỉnh ủy Kon Tum, Tỉnh ủy Gia Lai và Tỉnh ủy Đắk Nông trình bày tham luận. "
						+ "Báo cáo của các địa phương cho thấy, hầu hết chi bộ đã học tập, quán triệt " + CT + ".");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder("62 -> " + CT_KEY, "64 -> " + CT_KEY,
				"67 -> " + CT_KEY);
	}

	@Test
	void shouldNotReadTheLocalitiesOfOneProvinceOrARequestAsSeveralProvinces() {
		Extraction e = extract("Nghệ An: học tập chỉ thị mới", "Đoàn công tác của Tỉnh ủy Hà Tĩnh đến thăm Nghệ An. "
				+ "Ban Thường vụ Tỉnh ủy Nghệ An đề nghị các địa phương, đơn vị quán triệt " + CT + ".");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("40 -> " + CT_KEY);
		Extraction request = extract("Ban Bí thư làm việc với các tỉnh",
				"Ban Bí thư làm việc với Tỉnh ủy Sơn La và Tỉnh ủy Lai Châu. Ban Bí thư yêu cầu các tỉnh quán triệt "
						+ CT + ".");
		assertThat(request.relations(RelationType.IMPLEMENTS)).isEmpty();
	}

	@Test
	void shouldNotCountAFormerProvinceAmongTheProvincesActingTogetherAfterTheMerger() {
		Extraction e = extract("Các tỉnh Nam Trung Bộ trao đổi kinh nghiệm",
				"Tỉnh ủy Lâm Đồng và Tỉnh ủy Khánh Hòa tổ chức hội thảo. Lâm Đồng sau hợp nhất với Đắk Nông có diện tích lớn. "
						+ "Các tỉnh đã triển khai " + CT + " trên địa bàn mới.",
				LocalDate.of(2026, 3, 2));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder("68-2025 -> " + CT_KEY,
				"56-2025 -> " + CT_KEY);
	}

	@Test
	void shouldLetProvincesTogetherCarryOutTheDocumentNamedBeforeTheirObjectlessCue() {
		Extraction e = extract("Các tỉnh Tây Bắc học tập chỉ thị mới",
				"Tỉnh ủy Sơn La, Tỉnh ủy Điện Biên và Tỉnh ủy Lai Châu cử cán bộ dự hội nghị. "
						+ "Chỉ hai tháng sau khi Ban Bí thư ban hành " + CT + ", cả ba tỉnh đều đã cụ thể hóa.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder("14 -> " + CT_KEY, "11 -> " + CT_KEY,
				"12 -> " + CT_KEY);
	}

	@Test
	void shouldLetEveryProvinceOfACoordinatedSubjectImplement() {
		Extraction e = extract("Kinh nghiệm từ miền Trung",
				"Hà Tĩnh và Quảng Trị, hai địa phương có bờ biển dài, đã sớm triển khai " + CT + ".");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder("42 -> " + CT_KEY, "45 -> " + CT_KEY);
	}

	@Test
	void shouldLetTheBodyThatHasACitedDocumentIssueIt() {
		Extraction e = extract("Lai Châu: chuyển đổi số trong Đảng",
				"Tỉnh ủy Lai Châu chia sẻ kinh nghiệm. Tỉnh ủy Điện Biên có Kế hoạch số 35-KH/TU ngày 2-3-2023 về chuyển đổi số.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactly("35-KH/TU|11|2023-03-02 -> 11/tinh-uy");
		Extraction members = extract("Lai Châu: chuyển đổi số trong Đảng",
				"Tỉnh ủy Điện Biên có 45 ủy viên và đã quán triệt Kế hoạch số 35-KH/TU ngày 2-3-2023 của Tỉnh ủy Lai Châu.");
		assertThat(pairs(members, RelationType.ISSUED_BY)).containsExactly("35-KH/TU|12|2023-03-02 -> 12/tinh-uy");
	}

	@Test
	void shouldLetTheBodyThatPutsOutADocumentIssueIt() {
		Extraction e = extract("Phú Thọ: nghị quyết về kinh tế tư nhân",
				"Tháng 10-2025, Đảng ủy xã Tân Lập ra Nghị quyết số 07-NQ/ĐU ngày 2-10-2025 về phát triển kinh tế tư nhân.",
				LocalDate.of(2025, 11, 3));
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("07-NQ/ĐU|25-2025|2025-10-02 -> 25-2025/dang-uy-xa-tan-lap");
	}

	@Test
	void shouldNotLetTheLocalitiesACentralBodyRemindsOrUrgesImplement() {
		Extraction e = extract("Hội nghị công tác dân vận khu vực miền Trung",
				"Tại hội nghị, đại diện Tỉnh ủy Quảng Nam, Tỉnh ủy Quảng Ngãi và Tỉnh ủy Bình Định trình bày tham luận. "
						+ "Phát biểu kết luận, lãnh đạo Ban Tổ chức Trung ương lưu ý các địa phương tiếp tục thực hiện "
						+ CT + ".");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).isEmpty();
	}

	@Test
	void shouldNotTakeTheBoundsOfARangeOfProvincesForActors() {
		Extraction e = extract("Quảng Nam dự sơ kết Chỉ thị 21 khu vực miền Trung",
				"Tham dự có lãnh đạo các tỉnh, thành từ Quảng Bình đến Bình Thuận. Tỉnh ủy Quảng Nam và Tỉnh ủy "
						+ "Quảng Ngãi trình bày tham luận. Nhiều địa phương đã chia sẻ kinh nghiệm thực hiện " + CT
						+ ".");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder("49 -> " + CT_KEY, "51 -> " + CT_KEY);
	}

}
