package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
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

}
