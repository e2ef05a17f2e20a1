package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/** A congress resolution named by its number alone. */
class BareCongressTests {

	@Test
	void shouldReadABareCongressNumberAsTheProvincesCongressNamedInTheArticle() {
		Extraction e = extract("Tuyên Quang: năm năm thực hiện nghị quyết đại hội",
				"Tỉnh ủy Tuyên Quang tổng kết việc thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV. "
						+ "Các chương trình đều nhằm hiện thực hóa khâu đột phá mà Nghị quyết Đại hội XIV đã đề ra.");
		assertThat(documentKeys(e)).containsExactly("NQ-DH-XIV|08|kXIV");
	}

	@Test
	void shouldReadABareCongressNumberPastTheNationalCongressesAsTheProvinces() {
		Extraction e = extract("Hà Tĩnh: học tập nghị quyết đại hội",
				"Ban Thường vụ Tỉnh ủy Hà Tĩnh tổ chức hội nghị học tập, quán triệt Nghị quyết Đại hội XX đến cán bộ chủ chốt.");
		assertThat(documentKeys(e)).containsExactly("NQ-DH-XX|42|kXX");
	}

	@Test
	void shouldKeepANationalCongressNamedAsTheParty() {
		Extraction e = extract("Hà Tĩnh: học tập nghị quyết đại hội",
				"Tỉnh ủy Hà Tĩnh quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIII và Nghị quyết Đại hội XIII của Đảng.");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("NQ-DH-XIII|42|kXIII", "NQ-DH-XIII|TW|kXIII");
	}

	@Test
	void shouldGiveAProvincialCongressWithoutItsProvinceToTheCommitteeCarryingItOut() {
		Extraction e = extract("Bắc Giang: sau đại hội, hành động ngay",
				"Sau đại hội, Ban Chấp hành Đảng bộ tỉnh Thái Bình đã ban hành Chương trình hành động số 03-CTr/TU "
						+ "ngày 2-11-2020 thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX.");
		assertThat(documentKeys(e)).contains("NQ-DH-XX|34|kXX");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("03-CTr/TU|34|2020-11-02 -> NQ-DH-XX|34|kXX");
	}

	@Test
	void shouldGiveAProvincialCongressWithoutItsProvinceToTheProvinceNamedBeforeItInTheSentence() {
		Extraction e = extract("Đại hội đảng bộ các tỉnh miền Trung",
				"Ở Quảng Nam, Đại hội Đảng bộ tỉnh diễn ra trong ba ngày. "
						+ "Tại Phú Yên, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII chọn du lịch biển làm khâu đột phá.");
		assertThat(documentKeys(e)).containsExactly("NQ-DH-XVII|54|kXVII");
	}

}
