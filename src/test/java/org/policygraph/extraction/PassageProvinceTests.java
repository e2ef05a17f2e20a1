package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.bodyKeys;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * In an article about several provinces a body written without its province ("Ban Thường
 * vụ Tỉnh ủy") belongs to the province the passage speaks of, not to the article's: a
 * topic opening the sentence, a section heading, a province or a provincial body as the
 * subject opening the paragraph.
 */
class PassageProvinceTests {

	@Test
	void shouldPlaceBareBodyInTheTopicProvinceOpeningTheSentence() {
		Extraction e = extract("Các tỉnh Bắc Trung Bộ tinh giản biên chế",
				"Tỉnh ủy Thanh Hóa ban hành Kế hoạch số 40-KH/TU ngày 3-5-2016 về tinh giản biên chế. "
						+ "Ở Hà Tĩnh, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 51-KH/TU ngày 9-6-2016 về cùng nội dung.");
		assertThat(documentKeys(e)).containsExactly("40-KH/TU|38|2016-05-03", "51-KH/TU|42|2016-06-09");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("51-KH/TU|42|2016-06-09 -> 42/ban-thuong-vu-tinh-uy");
		assertThat(bodyKeys(e)).doesNotContain("38/ban-thuong-vu-tinh-uy");
	}

	@Test
	void shouldPlaceBareBodyInTheTopicProvinceAfterAConnective() {
		Extraction e = extract("Các tỉnh Bắc Trung Bộ tinh giản biên chế",
				"Tỉnh ủy Thanh Hóa ban hành Kế hoạch số 40-KH/TU ngày 3-5-2016 về tinh giản biên chế. Trong khi đó, tại "
						+ "Hà Tĩnh, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 51-KH/TU ngày 9-6-2016 về cùng nội dung.");
		assertThat(documentKeys(e)).containsExactly("40-KH/TU|38|2016-05-03", "51-KH/TU|42|2016-06-09");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("51-KH/TU|42|2016-06-09 -> 42/ban-thuong-vu-tinh-uy");
	}

	@Test
	void shouldPlaceBareBodyInTheProvinceThatIsTheSubjectOfTheSentence() {
		Extraction e = extract("Gia Lai sắp xếp thôn, làng",
				"Gia Lai giảm 300 thôn, làng. Kon Tum thực hiện việc sắp xếp theo Kế hoạch số 28-KH/TU ngày 2-2-2018 của Tỉnh ủy.");
		assertThat(documentKeys(e)).containsExactly("28-KH/TU|62|2018-02-02");
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactly("28-KH/TU|62|2018-02-02 -> 62/tinh-uy");
	}

	@Test
	void shouldKeepTheProvinceOfASectionHeadingUntilTheNextHeading() {
		Extraction e = extract("Nghệ An và Quảng Bình: hai cách làm",
				"Nghệ An chọn cách làm từng bước.\nQuảng Bình: làm đồng loạt\nBan Thường vụ Tỉnh ủy ban hành Chương trình số 12-CTr/TU "
						+ "ngày 4-4-2018 về sắp xếp bộ máy.\nCả tỉnh giảm 40 đầu mối. Tỉnh ủy ban hành Quy định số 07-QĐ/TU ngày 1-6-2018 về "
						+ "chức năng của các ban.\nNhững kiến nghị\nBan Thường vụ Tỉnh ủy ban hành Kế hoạch số 30-KH/TU ngày 2-8-2018.");
		assertThat(documentKeys(e)).containsExactly("12-CTr/TU|44|2018-04-04", "07-QĐ/TU|44|2018-06-01",
				"30-KH/TU|40|2018-08-02");
	}

	@Test
	void shouldPlaceBareBodyByTheProvincialBodyOpeningTheParagraph() {
		Extraction e = extract("Quảng Bình và Quảng Trị: nâng chất lượng chi bộ",
				"Tỉnh ủy Quảng Bình ban hành Kế hoạch số 15-KH/TU ngày 2-3-2018.\nỞ vùng biên giới, Tỉnh ủy Quảng Trị chọn cách làm riêng. "
						+ "Chương trình số 09-CTr/TU ngày 1-3-2018 của Tỉnh ủy giao chỉ tiêu cho từng chi bộ.");
		assertThat(documentKeys(e)).containsExactly("15-KH/TU|44|2018-03-02", "09-CTr/TU|45|2018-03-01");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("09-CTr/TU|45|2018-03-01 -> 45/tinh-uy");
	}

	@Test
	void shouldKeepTheArticleProvinceForAProvinceNamedInPassingOrInAnotherParagraph() {
		Extraction e = extract("Hà Tĩnh nâng cao chất lượng sinh hoạt chi bộ",
				"Sau chuyến học tập kinh nghiệm ở Nghệ An, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 20-KH/TU ngày 1-4-2019.\n"
						+ "Ở Nghệ An, các chi bộ sinh hoạt theo chuyên đề.\nBan Thường vụ Tỉnh ủy ban hành Hướng dẫn số 21-HD/TU ngày 5-4-2019.");
		assertThat(documentKeys(e)).containsExactly("20-KH/TU|42|2019-04-01", "21-HD/TU|42|2019-04-05");
		assertThat(bodyKeys(e)).containsExactly("42/ban-thuong-vu-tinh-uy");
	}

}
