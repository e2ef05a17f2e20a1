package org.policygraph.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.bodyKeys;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * The name of a district or commune committee read from the text: a syllable after an
 * apostrophe belongs to the name also in lower case, and the apostrophe joins it to the
 * word in the key ("Ea H'leo" → {@code ea-hleo}); a word that folds like "Đảng" but is
 * not it ("Đăng") does not end the name.
 */
class DistrictNameTests {

	@ParameterizedTest
	@CsvSource(delimiter = ';', textBlock = """
			Huyện ủy Ea H'leo; 66/huyen-uy-ea-hleo
			Ban Thường vụ Huyện ủy Krông A'na; 66/ban-thuong-vu-huyen-uy-krong-ana
			Huyện ủy Hải Đăng; 66/huyen-uy-hai-dang
			Đảng ủy xã Ea Đăng; 66/dang-uy-xa-ea-dang
			""")
	void shouldReadTheWholeNameOfALocalCommittee(String body, String key) {
		Extraction e = extract("Đắk Lắk: tin cơ sở", body + " đã tổ chức hội nghị sơ kết công tác xây dựng Đảng.");
		assertThat(bodyKeys(e)).contains(key);
	}

	@Test
	void shouldKeyADistrictDocumentByTheWholeNameOfItsDistrict() {
		Extraction e = extract("Đắk Lắk: kế hoạch của huyện",
				"Ngày 12-4-2019, Ban Thường vụ Huyện ủy Ea H'leo ban hành Kế hoạch số 31-KH/HU thực hiện Kế hoạch số "
						+ "25-KH/TU ngày 2-4-2019 của Tỉnh ủy Đắk Lắk.");
		assertThat(documentKeys(e)).contains("31-KH/HU|66:ea-hleo|2019-04-12");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.contains("31-KH/HU|66:ea-hleo|2019-04-12 -> 66/ban-thuong-vu-huyen-uy-ea-hleo");
	}

	@Test
	void shouldStillEndADistrictNameAtTheWordDang() {
		Extraction e = extract("Đắk Lắk: tin cơ sở",
				"Huyện ủy Krông Pắc Đảng bộ tỉnh Đắk Lắk đã tổ chức hội nghị sơ kết công tác xây dựng Đảng.");
		assertThat(bodyKeys(e)).contains("66/huyen-uy-krong-pac");
	}

	@Test
	void shouldScopeEachDistrictDocumentToTheDistrictCommitteeThatIssuesIt() {
		Extraction e = extract("Quảng Ngãi: kế hoạch của từng huyện",
				"Huyện ủy Ba Tơ ra Kế hoạch số 20-KH/HU ngày 1-2-2022; Huyện ủy Minh Long ra Kế hoạch số 31-KH/HU ngày "
						+ "3-2-2022.");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("20-KH/HU|51:ba-to|2022-02-01",
				"31-KH/HU|51:minh-long|2022-02-03");
	}

}
