package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A sentence on a plenum's resolutions in the plural ("… học tập các nghị quyết Hội nghị
 * lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII.") makes the central resolutions
 * the next sentence cites without an issuer of their own that plenum's, issued by the
 * Central Committee, wherever the sentence cites them.
 */
class PlenumPluralNextSentenceTests {

	@Test
	void shouldLetTheCentralCommitteeIssueThePlenumsResolutionsCitedInTheNextSentence() {
		Extraction e = extract("Bình Phước học tập nghị quyết Trung ương",
				"Sáng 20-11, Tỉnh ủy Bình Phước tổ chức hội nghị học tập các nghị quyết Hội nghị lần thứ tám Ban Chấp "
						+ "hành Trung ương Đảng khóa XIII cho cán bộ chủ chốt. Báo cáo viên đã giới thiệu Nghị quyết số "
						+ "44-NQ/TW ngày 24-11-2023 về chiến lược bảo vệ Tổ quốc trong tình hình mới và Nghị quyết số "
						+ "45-NQ/TW ngày 24-11-2023 về đội ngũ trí thức.",
				LocalDate.of(2023, 12, 20));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("44-NQ/TW|TW|2023-11-24 -> TW/ban-chap-hanh-trung-uong",
				"45-NQ/TW|TW|2023-11-24 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldNotLetTheCentralCommitteeIssueTheNextSentencesResolutionsAfterABodyOfItsOwn() {
		Extraction e = extract("Bình Phước học tập nghị quyết Trung ương",
				"Sáng 20-11, Tỉnh ủy Bình Phước tổ chức hội nghị học tập các nghị quyết Hội nghị lần thứ tám Ban Chấp "
						+ "hành Trung ương Đảng khóa XIII cho cán bộ chủ chốt. Hội nghị cũng ôn lại những kết quả thực "
						+ "hiện các chủ trương lớn mà Bộ Chính trị đề ra, như Nghị quyết số 36-NQ/TW ngày 26-3-2022.",
				LocalDate.of(2023, 12, 20));
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.noneMatch((p) -> p.startsWith("36-NQ/TW|TW|2022-03-26 -> TW/ban-chap"));
	}

	@Test
	void shouldLetThePlenumsResolutionsBeCitedPastASentenceCitingNothing() {
		Extraction e = extract("Bình Phước học tập nghị quyết Trung ương",
				"Sáng 20-11, Tỉnh ủy Bình Phước tổ chức hội nghị học tập các nghị quyết Hội nghị lần thứ tám Ban Chấp "
						+ "hành Trung ương Đảng khóa XIII. Hội nghị được kết nối tới 111 điểm cầu cấp xã. Nội dung chính là "
						+ "Nghị quyết số 44-NQ/TW ngày 24-11-2023 về chiến lược bảo vệ Tổ quốc trong tình hình mới.",
				LocalDate.of(2023, 12, 20));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("44-NQ/TW|TW|2023-11-24 -> TW/ban-chap-hanh-trung-uong");
	}

}
