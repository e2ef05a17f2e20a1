package org.policygraph.extraction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A bare type word opening a sentence is the latest document of that type also when
 * adverbs stand between it and its verb ("Kế hoạch cũng nêu …", "Chương trình đồng thời
 * xác định …", "Kế hoạch tiếp tục …"): the document carries out what the sentence's cue
 * names.
 */
class BareTypeSubjectTests {

	private static final String PLAN = "Ngày 6-3-2023, Ban Thường vụ Tỉnh ủy Bình Định ban hành Kế hoạch số 64-KH/TU "
			+ "về công tác dân vận. ";

	@ParameterizedTest
	@ValueSource(strings = {
			"Kế hoạch cũng nêu việc gắn với thực hiện Nghị quyết số 43-NQ/TW ngày 24-11-2023 của Ban Chấp hành Trung ương.",
			"Kế hoạch đồng thời xác định tiếp tục thực hiện Nghị quyết số 43-NQ/TW ngày 24-11-2023 của Ban Chấp hành Trung ương.",
			"Kế hoạch tiếp tục quán triệt Nghị quyết số 43-NQ/TW ngày 24-11-2023 của Ban Chấp hành Trung ương.",
			"Kế hoạch còn quy định việc triển khai Nghị quyết số 43-NQ/TW ngày 24-11-2023 của Ban Chấp hành Trung ương." })
	void shouldLetABareTypeWordWithAdverbsCarryOutTheDocumentItsSentenceNames(String second) {
		Extraction e = extract("Bình Định: kế hoạch dân vận", PLAN + second);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("64-KH/TU|52|2023-03-06 -> 43-NQ/TW|TW|2023-11-24");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Kế hoạch cũng là dịp để các chi bộ nhìn lại việc thực hiện Nghị quyết số 43-NQ/TW ngày 24-11-2023 của Ban Chấp hành Trung ương.",
			"Kế hoạch hóa gia đình gắn với thực hiện Nghị quyết số 43-NQ/TW ngày 24-11-2023 của Ban Chấp hành Trung ương." })
	void shouldNotReadABareTypeWordWithoutItsVerbAsTheDocument(String second) {
		Extraction e = extract("Bình Định: kế hoạch dân vận", PLAN + second);
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.doesNotContain("64-KH/TU|52|2023-03-06 -> 43-NQ/TW|TW|2023-11-24");
	}

}
