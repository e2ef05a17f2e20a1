package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A lower-case type word that refers back: "kế hoạch đó" (that plan), and a type word
 * that is all of a cue's object with the clause ending on it ("Thực hiện nghị quyết, Tỉnh
 * ủy đã ban hành …"): the latest document of that type.
 */
class LowerCaseTypeWordTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2019, 6, 1);

	@Test
	void shouldReadThatPlanAsTheLatestPlan() {
		Extraction e = extract("Nghệ An: giáo dục vùng cao",
				"Tỉnh ủy Nghệ An ban hành Kế hoạch số 41-KH/TU ngày 2-5-2018 thực hiện Nghị quyết số 29-NQ/TW ngày "
						+ "4-11-2013 của Ban Chấp hành Trung ương. Để triển khai kế hoạch đó, Huyện ủy Kỳ Sơn ban hành "
						+ "Kế hoạch số 12-KH/HU ngày 20-6-2018.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.contains("12-KH/HU|40:ky-son|2018-06-20 -> 41-KH/TU|40|2018-05-02");
	}

	@Test
	void shouldReadALowerCaseTypeWordEndingTheCuesClauseAsTheLatestOfItsType() {
		Extraction e = extract("Nghệ An: nông nghiệp, nông dân, nông thôn",
				"Tỉnh ủy Nghệ An sơ kết một năm thực hiện Nghị quyết số 26-NQ/TW ngày 5-8-2008 của Ban Chấp hành Trung "
						+ "ương Đảng khóa X. Thực hiện nghị quyết, Tỉnh ủy đã ban hành Chương trình hành động số "
						+ "15-CTr/TU ngày 10-10-2008.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("15-CTr/TU|40|2008-10-10 -> 26-NQ/TW|TW|2008-08-05");
	}

	@Test
	void shouldReadALowerCaseTypeWordBeforeTheMeansAsTheLatestOfItsType() {
		Extraction e = extract("Nghệ An: xây dựng, chỉnh đốn Đảng",
				"Tỉnh ủy Nghệ An sơ kết ba năm thực hiện Nghị quyết số 04-NQ/TW ngày 30-10-2016 của Ban Chấp hành Trung "
						+ "ương Đảng khóa XII. Tỉnh ủy đã cụ thể hóa nghị quyết bằng Kế hoạch số 25-KH/TU ngày 10-1-2017.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("25-KH/TU|40|2017-01-10 -> 04-NQ/TW|TW|2016-10-30");
	}

	@Test
	void shouldReadALowerCaseSubjectWithAnAdverbAndACueAsTheLatestOfItsType() {
		Extraction e = extract("Nghệ An: chương trình hành động toàn khóa",
				"Ngày 10-2-2021, Tỉnh ủy Nghệ An ban hành Chương trình hành động số 02-CTr/TU thực hiện Nghị quyết Đại "
						+ "hội XIII của Đảng. Điểm mới là chương trình đồng thời cụ thể hóa Nghị quyết số 36-NQ/TW ngày "
						+ "22-10-2018 của Ban Chấp hành Trung ương về kinh tế biển.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("02-CTr/TU|40|2021-02-10 -> 36-NQ/TW|TW|2018-10-22");
	}

	@Test
	void shouldNotReadALowerCaseTypeWordBeforeAPlainCueAsASubject() {
		Extraction e = extract("Nghệ An: chương trình hành động toàn khóa",
				"Ngày 10-2-2021, Tỉnh ủy Nghệ An ban hành Chương trình hành động số 02-CTr/TU thực hiện Nghị quyết Đại "
						+ "hội XIII của Đảng. Các huyện ủy đang xây dựng chương trình thực hiện Nghị quyết số 36-NQ/TW "
						+ "ngày 22-10-2018 của Ban Chấp hành Trung ương về kinh tế biển.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.doesNotContain("02-CTr/TU|40|2021-02-10 -> 36-NQ/TW|TW|2018-10-22");
	}

	@Test
	void shouldNotReadAListOfKindsOfDocumentsAsTheLatestOne() {
		Extraction e = extract("Nghệ An: kỷ luật đảng",
				"Tỉnh ủy Nghệ An quán triệt Nghị quyết số 26-NQ/TW ngày 5-8-2008 của Ban Chấp hành Trung ương Đảng khóa "
						+ "X. Đảng viên không được thực hiện sai nghị quyết, chỉ thị, quy định của Đảng.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("40 -> 26-NQ/TW|TW|2008-08-05");
	}

	@Test
	void shouldNotReadATypeWordIssuedByABodyAsAnEarlierDocument() {
		Extraction e = extract("Nghệ An: nông nghiệp, nông dân, nông thôn",
				"Tỉnh ủy Nghệ An ban hành Chương trình hành động số 15-CTr/TU ngày 10-10-2008. Các huyện ủy thực hiện "
						+ "nghị quyết do Bộ Chính trị ban hành năm 2012 về đất đai.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).isEmpty();
	}

}
