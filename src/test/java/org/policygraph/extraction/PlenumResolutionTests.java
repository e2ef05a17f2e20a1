package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A plenum resolution named without its code ("Nghị quyết Trung ương 4 khóa XI") is the
 * code the article cites as issued by that plenum, when there is exactly one.
 */
class PlenumResolutionTests {

	@Test
	void shouldReadAPlenumResolutionAsTheCodeTheArticleSaysThatPlenumIssued() {
		Extraction e = extract("Hải Hậu: 3 năm thực hiện Nghị quyết Trung ương 4 khóa XI",
				"Huyện ủy Hải Hậu sơ kết 3 năm thực hiện Nghị quyết số 12-NQ/TW ngày 16-1-2012 của Hội nghị lần thứ tư "
						+ "Ban Chấp hành Trung ương Đảng khóa XI. Các chi bộ đã kiểm điểm theo tinh thần Nghị quyết "
						+ "Trung ương 4 khóa XI.");
		assertThat(documentKeys(e)).containsExactly("12-NQ/TW|TW|2012-01-16");
	}

	@Test
	void shouldReadAPlenumResolutionAsTheCodeThePlenumIssuedAsTheSubjectOfTheVerb() {
		Extraction e = extract("Một năm thực hiện Nghị quyết Trung ương 4",
				"Tròn một năm kể từ khi Hội nghị Trung ương 4 khóa XII ban hành Nghị quyết số 04-NQ/TW ngày 30-10-2016 "
						+ "về tăng cường xây dựng, chỉnh đốn Đảng, Quận ủy Cầu Giấy đã tổ chức hội nghị sơ kết. "
						+ "Thực hiện Nghị quyết Trung ương 4 khóa XII, Quận ủy ban hành Kế hoạch số 31-KH/QU ngày 1-12-2016.");
		assertThat(documentKeys(e)).doesNotContain("NQ-TW4|TW|kXII").contains("04-NQ/TW|TW|2016-10-30");
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.anyMatch((p) -> p.startsWith("31-KH/QU|") && p.endsWith(" -> 04-NQ/TW|TW|2016-10-30"));
	}

	@Test
	void shouldReadAPlenumResolutionAsTheOneCentralCommitteeResolutionOfItsTerm() {
		Extraction e = extract("Một năm thực hiện Nghị quyết Trung ương 4 khóa XII",
				"Thành ủy Cần Thơ quán triệt Nghị quyết số 04-NQ/TW ngày 30-10-2016 của Ban Chấp hành Trung ương "
						+ "Đảng khóa XII về tăng cường xây dựng, chỉnh đốn Đảng.");
		assertThat(documentKeys(e)).containsExactly("04-NQ/TW|TW|2016-10-30");
	}

	@Test
	void shouldKeepAPlenumResolutionApartWhenThePlenumIssuedSeveralCitedCodesOrAnotherPlenumDid() {
		Extraction several = extract("Quán triệt các nghị quyết Trung ương 7",
				"Tỉnh ủy quán triệt Nghị quyết số 26-NQ/TW ngày 19-5-2018 của Hội nghị lần thứ bảy Ban Chấp hành Trung "
						+ "ương khóa XII và Nghị quyết số 27-NQ/TW ngày 21-5-2018 của Hội nghị lần thứ bảy Ban Chấp hành "
						+ "Trung ương khóa XII. Nghị quyết Trung ương 7 khóa XII được triển khai đến chi bộ.");
		assertThat(documentKeys(several)).contains("NQ-TW7|TW|kXII");
		Extraction other = extract("Tin công tác xây dựng Đảng",
				"Tỉnh ủy quán triệt Nghị quyết số 12-NQ/TW ngày 16-1-2012 của Hội nghị lần thứ tư Ban Chấp hành Trung "
						+ "ương Đảng khóa XI. Trước đó, Tỉnh ủy thực hiện Nghị quyết Trung ương 3 khóa XI.");
		assertThat(documentKeys(other)).contains("NQ-TW3|TW|kXI", "12-NQ/TW|TW|2012-01-16");
	}

	@Test
	void shouldReadAPlenumNamedByNumberAndTermAfterACentralResolutionAsItsIssuer() {
		Extraction e = extract("Cà Mau triển khai Nghị quyết Trung ương 9",
				"Ngày 30-11-2024, Ban Chấp hành Trung ương ban hành Nghị quyết số 58-NQ/TW ngày 15-11-2024 Hội nghị lần "
						+ "thứ chín khóa XIII về công tác cán bộ. Ngày 6-12-2024, Ban Thường vụ Tỉnh ủy Cà Mau ban hành "
						+ "Kế hoạch số 201-KH/TU thực hiện Nghị quyết Trung ương 9.");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("58-NQ/TW|TW|2024-11-15", "201-KH/TU|96|2024-12-06");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("58-NQ/TW|TW|2024-11-15 -> TW/ban-chap-hanh-trung-uong");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("201-KH/TU|96|2024-12-06 -> 58-NQ/TW|TW|2024-11-15",
				"96 -> 58-NQ/TW|TW|2024-11-15");
	}

	@Test
	void shouldNotReadAPlenumNamedByNumberAndTermAfterALocalResolutionAsTheCentralCommittee() {
		Extraction e = extract("Cà Mau: nghị quyết của Tỉnh ủy",
				"Tỉnh ủy Cà Mau quán triệt Nghị quyết số 09-NQ/TU ngày 2-10-2021 Hội nghị lần thứ năm khóa XVI về "
						+ "chuyển đổi số.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).noneMatch(p -> p.endsWith("TW/ban-chap-hanh-trung-uong"));
	}

	@Test
	void shouldNotReadACountedPlenumResolutionAsOneDocument() {
		Extraction e = extract("Nghệ An học tập ba nghị quyết Trung ương 7",
				"Tỉnh ủy Nghệ An tổ chức hội nghị học tập Nghị quyết số 26-NQ/TW, Nghị quyết số 27-NQ/TW và Nghị quyết "
						+ "số 28-NQ/TW ngày 19-5-2018 của Ban Chấp hành Trung ương khóa XII.");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("26-NQ/TW|TW|2018-05-19", "27-NQ/TW|TW|2018-05-19",
				"28-NQ/TW|TW|2018-05-19");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).noneMatch(p -> p.contains("NQ-TW7"));
	}

	@Test
	void shouldStillReadAPlenumResolutionAfterANumberThatCountsSomethingElse() {
		Extraction e = extract("Hải Hậu: 3 năm thực hiện Nghị quyết Trung ương 4 khóa XI",
				"Huyện ủy Hải Hậu sơ kết 3 năm thực hiện Nghị quyết số 12-NQ/TW ngày 16-1-2012 của Hội nghị lần thứ tư "
						+ "Ban Chấp hành Trung ương Đảng khóa XI.");
		assertThat(documentKeys(e)).containsExactly("12-NQ/TW|TW|2012-01-16");
	}

	@Test
	void shouldReadAPlenumResolutionWithoutTermAsTheOneCodeOfTheCentralCommittee() {
		Extraction e = extract("Hỏi - đáp về xây dựng Đảng",
				"Hỏi: Chi bộ chúng tôi đang học tập Nghị quyết số 18-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung "
						+ "ương khóa XII. Xin cho biết vì sao Nghị quyết Trung ương 6 được coi là bước ngoặt?");
		assertThat(documentKeys(e)).containsExactly("18-NQ/TW|TW|2017-10-25");
	}

	@Test
	void shouldKeepAPlenumResolutionWithoutTermApartWhenTheArticleNamesTwoPlenums() {
		Extraction e = extract("Hỏi - đáp về xây dựng Đảng",
				"Hỏi: Chi bộ chúng tôi đang học tập Nghị quyết số 18-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung "
						+ "ương khóa XII. Nghị quyết Trung ương 6 và Nghị quyết Trung ương 7 khác nhau thế nào?");
		assertThat(documentKeys(e)).contains("18-NQ/TW|TW|2017-10-25", "NQ-TW6|TW|?", "NQ-TW7|TW|?");
	}

	@Test
	void shouldReadAPlenumResolutionAfterTheWordForAfter() {
		Extraction e = extract("Hai nghị quyết về xây dựng Đảng",
				"Sau Nghị quyết Trung ương 4 khóa XI (Nghị quyết số 12-NQ/TW ngày 16-1-2012), Đảng ủy Khối Doanh nghiệp "
						+ "tỉnh Nghệ An đã tổ chức học tập cho đảng viên.");
		assertThat(documentKeys(e)).containsExactly("12-NQ/TW|TW|2012-01-16");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("12-NQ/TW|TW|2012-01-16 -> TW/ban-chap-hanh-trung-uong");
	}

}
