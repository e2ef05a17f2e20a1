package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * The issuer of a list of citations of one type and issuer suffix, each with its own
 * subject, named once with "của" at the end of the last subject, issued every document of
 * the list; in a list a plural announces before a colon, the codes of its type after the
 * first have the first one's issuer.
 */
class ListIssuerTests {

	@Test
	void shouldGiveTheIssuerAfterTheLastSubjectToEveryCitationOfTheList() {
		Extraction e = extract("Quán triệt ba nghị quyết mới",
				"Đảng ủy Khối quán triệt Nghị quyết số 11-NQ/TW ngày 3-6-2022 về phát triển vùng trung du, Nghị quyết "
						+ "số 12-NQ/TW ngày 3-6-2022 về đổi mới hoạt động của các hội và Nghị quyết số 13-NQ/TW ngày "
						+ "10-6-2022 về xây dựng nông thôn mới của Bộ Chính trị.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("11-NQ/TW|TW|2022-06-03 -> TW/bo-chinh-tri",
				"12-NQ/TW|TW|2022-06-03 -> TW/bo-chinh-tri", "13-NQ/TW|TW|2022-06-10 -> TW/bo-chinh-tri");
	}

	@Test
	void shouldGiveTheIssuerAfterTheLastSubjectAcrossSemicolons() {
		Extraction e = extract("Học tập các nghị quyết Trung ương",
				"Cán bộ chủ chốt được nghe quán triệt Nghị quyết số 41-NQ/TW ngày 5-8-2019 về công tác dân vận; Nghị "
						+ "quyết số 42-NQ/TW ngày 7-8-2019 về bảo vệ môi trường của Ban Chấp hành Trung ương Đảng khóa XII.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("41-NQ/TW|TW|2019-08-05 -> TW/ban-chap-hanh-trung-uong",
				"42-NQ/TW|TW|2019-08-07 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldNotGiveTheIssuerToACitationOfAnotherTypeBeforeTheList() {
		Extraction e = extract("Quán triệt nghị quyết",
				"Tỉnh ủy quán triệt Chỉ thị số 21-CT/TW ngày 4-3-2023 về công tác thanh niên, Nghị quyết số 14-NQ/TW "
						+ "ngày 3-6-2022 về đổi mới hoạt động của các hội và Nghị quyết số 15-NQ/TW ngày 10-6-2022 về "
						+ "xây dựng nông thôn mới của Bộ Chính trị.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("14-NQ/TW|TW|2022-06-03 -> TW/bo-chinh-tri")
			.noneMatch((p) -> p.startsWith("21-CT/TW|") && p.endsWith("TW/bo-chinh-tri"));
	}

	@Test
	void shouldGiveTheIssuerOfTheFirstCodeOfAListAnnouncedByAPluralToTheCodesAfterIt() {
		Extraction e = extract("Ba nghị quyết Trung ương 8",
				"Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII đã ban hành hai nghị quyết mới: Nghị quyết "
						+ "số 44-NQ/TW ngày 24-11-2023 về chiến lược bảo vệ Tổ quốc; và Nghị quyết số 45-NQ/TW ngày "
						+ "24-11-2023 về xây dựng đội ngũ trí thức.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("44-NQ/TW|TW|2023-11-24 -> TW/ban-chap-hanh-trung-uong",
				"45-NQ/TW|TW|2023-11-24 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldGiveTheIssuerOfAllTheCountedDocumentsToTheCodesOfTheSentenceBefore() {
		Extraction e = extract("Học tập nghị quyết",
				"Đảng ủy Khối quán triệt Nghị quyết số 31-NQ/TW ngày 30-12-2022 về xây dựng Thành phố Hồ Chí Minh và "
						+ "Nghị quyết số 37-NQ/TW ngày 24-12-2022 về sắp xếp đơn vị hành chính. Cả hai nghị quyết đều do "
						+ "Bộ Chính trị ban hành.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("31-NQ/TW|TW|2022-12-30 -> TW/bo-chinh-tri",
				"37-NQ/TW|TW|2022-12-24 -> TW/bo-chinh-tri");
	}

	@Test
	void shouldNotGiveTheIssuerOfAllTheCountedDocumentsWhenTheCountDiffers() {
		Extraction e = extract("Học tập nghị quyết",
				"Đảng ủy Khối quán triệt Nghị quyết số 31-NQ/TW ngày 30-12-2022 về xây dựng Thành phố Hồ Chí Minh và "
						+ "Nghị quyết số 37-NQ/TW ngày 24-12-2022 về sắp xếp đơn vị hành chính. Cả ba nghị quyết đều do "
						+ "Bộ Chính trị ban hành.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).noneMatch((p) -> p.endsWith("TW/bo-chinh-tri"));
	}

}
