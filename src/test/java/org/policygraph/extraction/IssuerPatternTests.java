package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * Issuers (and issue dates) stated by the forms a careful reader takes as such: joint
 * central subjects, a body introducing a list ("của Bộ Chính trị như …"), approval of a
 * project ("phê duyệt Đề án"), a dated clause after a list bullet.
 */
class IssuerPatternTests {

	@Test
	void shouldLetJointCentralSubjectsBothIssue() {
		Extraction e = extract("Tin hoạt động",
				"Bộ Chính trị, Ban Bí thư ban hành Kết luận số 45-KL/TW ngày 3-3-2023 về công tác cán bộ ở cơ sở.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"45-KL/TW|TW|2023-03-03 -> TW/ban-bi-thu", "45-KL/TW|TW|2023-03-03 -> TW/bo-chinh-tri");
	}

	@Test
	void shouldLetJointCentralBodiesSignedForBothIssue() {
		Extraction e = extract("Tin hoạt động",
				"Ngày 2-5-2023, thay mặt Bộ Chính trị, Ban Bí thư, đồng chí Trần Văn Bình đã ký ban hành "
						+ "Chỉ thị số 27-CT/TW về công tác dân vận.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"27-CT/TW|TW|2023-05-02 -> TW/ban-bi-thu", "27-CT/TW|TW|2023-05-02 -> TW/bo-chinh-tri");
	}

	@Test
	void shouldNotJoinACentralBodyNamedInAnotherClause() {
		Extraction e = extract("Tin hoạt động",
				"Theo đề nghị của Ban Tổ chức Trung ương, Ban Bí thư ban hành Quy định số 31-QĐ/TW "
						+ "ngày 4-4-2023 về công tác đảng viên.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactly("31-QĐ/TW|TW|2023-04-04 -> TW/ban-bi-thu");
	}

	@Test
	void shouldGiveTheBodyIntroducingAListToEveryCitationOfTheList() {
		Extraction e = extract("Tin hoạt động",
				"Các chi bộ học tập những chỉ thị của Ban Bí thư như Chỉ thị số 11-CT/TW ngày 5-1-2017 "
						+ "về công tác dân vận, Chỉ thị số 12-CT/TW ngày 9-2-2017 về công tác tuyên giáo và Chỉ thị số 13-CT/TW ngày 3-3-2017 "
						+ "về công tác thanh niên.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"11-CT/TW|TW|2017-01-05 -> TW/ban-bi-thu", "12-CT/TW|TW|2017-02-09 -> TW/ban-bi-thu",
				"13-CT/TW|TW|2017-03-03 -> TW/ban-bi-thu");
	}

	@Test
	void shouldEndTheListAtAWordThatIsNotAJoin() {
		Extraction e = extract("Tin hoạt động",
				"Các quy định của Bộ Chính trị như Quy định số 50-QĐ/TW ngày 7-2-2021 được triển khai "
						+ "cùng Hướng dẫn số 05-HD/BTCTW ngày 1-3-2021.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"50-QĐ/TW|TW|2021-02-07 -> TW/bo-chinh-tri", "05-HD/BTCTW|TW|2021-03-01 -> TW/ban-to-chuc-trung-uong");
	}

	@Test
	void shouldReadApprovalOfAProjectAsItsIssuanceWithTheLeadingDate() {
		Extraction e = extract("Quảng Trị sắp xếp thôn, khu phố",
				"Ngày 10-4-2019, Ban Thường vụ Tỉnh ủy Quảng Trị phê duyệt Đề án số 05-ĐA/TU về sắp xếp thôn, khu phố.");
		assertThat(documentKeys(e)).containsExactly("05-ĐA/TU|45|2019-04-10");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("05-ĐA/TU|45|2019-04-10 -> 45/ban-thuong-vu-tinh-uy");
	}

	@Test
	void shouldGiveTheDateAndIssuerWrittenCungNgayToEveryCodeOfTheListWhateverItsType() {
		Extraction e = extract("Tin hoạt động",
				"Chỉ thị số 08-CT/TW và Kết luận số 09-KL/TW cùng ngày 4-6-2022 của Ban Bí thư được các chi bộ "
						+ "học tập.");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("08-CT/TW|TW|2022-06-04", "09-KL/TW|TW|2022-06-04");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"08-CT/TW|TW|2022-06-04 -> TW/ban-bi-thu", "09-KL/TW|TW|2022-06-04 -> TW/ban-bi-thu");
	}

	@Test
	void shouldNotShareADateOverCodesOfAnotherTypeWithoutCungNgay() {
		Extraction e = extract("Tin hoạt động",
				"Chỉ thị số 08-CT/TW và Kết luận số 09-KL/TW ngày 4-6-2022 của Ban Bí thư được các chi bộ "
						+ "học tập.");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("08-CT/TW|TW|?", "09-KL/TW|TW|2022-06-04");
	}

	@Test
	void shouldReadABareConferenceIssuingACentralResolutionAsTheCentralCommittee() {
		Extraction e = extract("Hội nghị Trung ương 9 khóa XIII bế mạc",
				"Hội nghị đã ban hành Nghị quyết số 31-NQ/TW ngày 6-5-2024 về " + "phát triển nguồn nhân lực.");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("31-NQ/TW|TW|2024-05-06 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldNotReadABareConferenceIssuingALocalOrNonResolutionDocumentAsThePlenum() {
		Extraction e = extract("Tin hoạt động",
				"Hội nghị đã ban hành Nghị quyết số 12-NQ/TU ngày 6-5-2024 của Tỉnh ủy Nghệ An. "
						+ "Hội nghị đã ban hành Kết luận số 70-KL/TW ngày 8-5-2024.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactly("12-NQ/TU|40|2024-05-06 -> 40/tinh-uy");
	}

	@Test
	void shouldReadALeadingDateAfterAListBullet() {
		Extraction e = extract("Quảng Trị: các văn bản trong năm",
				"- Ngày 3-6-2019, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 70-KH/TU về phát triển đảng viên.");
		assertThat(documentKeys(e)).containsExactly("70-KH/TU|45|2019-06-03");
	}

	@Test
	void shouldLetACentralBodyAnnouncingAListIssueTheCitationsOfTheNextSentences() {
		Extraction e = extract("Ba nghị quyết của Hội nghị Trung ương 7 khóa X",
				"Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa X đã ban hành ba nghị quyết:\n"
						+ "Nghị quyết số 25-NQ/TW ngày 25-7-2008 về công tác thanh niên; Nghị quyết số 26-NQ/TW ngày "
						+ "5-8-2008 về nông nghiệp, nông dân, nông thôn.\nĐó là Nghị quyết số 27-NQ/TW ngày 6-8-2008 về "
						+ "đội ngũ trí thức.\nCác tỉnh đã quán triệt Chỉ thị số 05-CT/TW ngày 15-5-2016.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"25-NQ/TW|TW|2008-07-25 -> TW/ban-chap-hanh-trung-uong",
				"26-NQ/TW|TW|2008-08-05 -> TW/ban-chap-hanh-trung-uong",
				"27-NQ/TW|TW|2008-08-06 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldLetABodyIntroducingAListWithTrongDoCoIssueIt() {
		Extraction e = extract("Đại hội bàn các nghị quyết mới",
				"Văn kiện bàn về các nghị quyết mới của Bộ Chính trị, trong đó có Nghị quyết số 57-NQ/TW ngày 22-12-2024 "
						+ "về khoa học, công nghệ và Nghị quyết số 68-NQ/TW ngày 4-5-2025 về kinh tế tư nhân.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactlyInAnyOrder(
				"57-NQ/TW|TW|2024-12-22 -> TW/bo-chinh-tri", "68-NQ/TW|TW|2025-05-04 -> TW/bo-chinh-tri");
	}

}
