package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.bodyKeys;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A committee written without its place ("Huyện ủy", "Đảng ủy xã") in a sentence that
 * opens with the place of that kind ("Tại huyện Lắk, …", "Ở phường Tân Lợi, …") is that
 * place's committee: the opener names the unit, the committee word says which of its
 * bodies.
 */
class PlaceOpenerCommitteeTests {

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			textBlock = """
					Tại huyện Lắk, Huyện ủy đã tổ chức hội nghị chuyên đề về công tác cán bộ.; 66/huyen-uy-lak
					Ở thị xã Buôn Hồ, Ban Thường vụ Thị ủy đã họp bàn công tác cán bộ.; 66/ban-thuong-vu-thi-uy-buon-ho
					Tại xã Ea Tir, vùng có đông đồng bào Ê Đê, Đảng ủy xã chọn làm điểm mô hình dân vận khéo.; 66/dang-uy-xa-ea-tir
					Còn ở phường Tân Lợi, Đảng ủy phường giao mỗi chi bộ một công trình.; 66/dang-uy-phuong-tan-loi
					""")
	void shouldPlaceABareCommitteeInTheUnitTheSentenceOpensWith(String sentence, String key) {
		Extraction e = extract("Đắk Lắk: tin cơ sở", "Tỉnh ủy Đắk Lắk đã sơ kết công tác xây dựng Đảng. " + sentence);
		assertThat(bodyKeys(e)).contains(key);
	}

	@Test
	void shouldPlaceABareCommitteeInTheUnitItsClauseOpensWithAfterASemicolon() {
		Extraction e = extract("Phú Thọ: tin cơ sở",
				"Ngày 3-4-2023, Ban Thường vụ Tỉnh ủy Phú Thọ ban hành Kế hoạch số 150-KH/TU thực hiện Chỉ thị số "
						+ "21-CT/TW ngày 5-6-2023 của Ban Bí thư; ở huyện Thanh Ba, Huyện ủy ban hành Kế hoạch số "
						+ "45-KH/HU ngày 20-4-2023 thực hiện Kế hoạch 150 của tỉnh.");
		assertThat(bodyKeys(e)).contains("25/huyen-uy-thanh-ba");
		assertThat(documentKeys(e)).contains("45-KH/HU|25:thanh-ba|2023-04-20");
	}

	@Test
	void shouldKeyTheDocumentOfACityCommitteePlacedByTheOpener() {
		Extraction e = extract("Nghệ An: tin cơ sở",
				"Tỉnh ủy Nghệ An ban hành Kế hoạch số 40-KH/TU ngày 2-3-2019 thực hiện Chỉ thị số 05-CT/TW ngày "
						+ "15-5-2016 của Bộ Chính trị. Tại thành phố Vinh, Thành ủy đã cụ thể hóa Kế hoạch 40 bằng "
						+ "Kế hoạch số 17-KH/ThU ngày 20-3-2019.");
		assertThat(bodyKeys(e)).contains("40/thanh-uy-vinh");
		assertThat(documentKeys(e)).contains("17-KH/ThU|40:vinh|2019-03-20");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("17-KH/ThU|40:vinh|2019-03-20 -> 40/thanh-uy-vinh");
	}

	@Test
	void shouldNotPlaceACommitteeOfAnotherKindByTheOpener() {
		Extraction e = extract("Đắk Lắk: tin cơ sở",
				"Tỉnh ủy Đắk Lắk đã sơ kết công tác xây dựng Đảng. Tại huyện Lắk, Ban Thường vụ Tỉnh ủy đã kiểm tra "
						+ "công tác cán bộ.");
		assertThat(bodyKeys(e)).contains("66/ban-thuong-vu-tinh-uy").noneMatch(k -> k.contains("lak"));
	}

	@Test
	void shouldNotPlaceACommitteeByAPlaceThatDoesNotOpenTheSentence() {
		Extraction e = extract("Đắk Lắk: tin cơ sở",
				"Tỉnh ủy Đắk Lắk đã sơ kết công tác xây dựng Đảng. Huyện ủy đã tổ chức đoàn công tác tại huyện Lắk.");
		assertThat(bodyKeys(e)).noneMatch(k -> k.contains("huyen-uy-lak"));
	}

	@Test
	void shouldKeepTheKindInTheNameOfANumberedUnit() {
		Extraction e = extract("TP Hồ Chí Minh: tin cơ sở",
				"Thành ủy Thành phố Hồ Chí Minh đã sơ kết công tác xây dựng Đảng. Ở Quận 5, Quận ủy đã tổ chức hội "
						+ "nghị chuyên đề về công tác dân vận.");
		assertThat(bodyKeys(e)).contains("79/quan-uy-quan-5");
	}

	@Test
	void shouldNotTakeTheProvinceTheSentenceOpensWithForADistrict() {
		Extraction e = extract("TP Hồ Chí Minh: tin cơ sở",
				"Tại Thành phố Hồ Chí Minh, Ban Tuyên giáo Thành ủy đã tổ chức hội nghị chuyên đề về công tác dân vận.");
		assertThat(bodyKeys(e)).contains("79/ban-tuyen-giao-thanh-uy").noneMatch(k -> k.contains("ho-chi-minh"));
	}

	@Test
	void shouldTakeABareCommuneCommitteeForTheOneTheArticleNames() {
		Extraction e = extract("Đắk Lắk: Đảng ủy xã Ea Kao xây dựng nông thôn mới",
				"Bí thư Đảng ủy xã Ea Kao cho biết xã đã có nhiều đổi mới. Ngày 3-3-2024, Đảng ủy xã ban hành Nghị quyết "
						+ "số 12-NQ/ĐU về phát triển kinh tế vườn.",
				LocalDate.of(2024, 5, 2));
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactly("12-NQ/ĐU|66|2024-03-03 -> 66/dang-uy-xa-ea-kao");
	}

	@Test
	void shouldDropABareCommuneCommitteeWhenTheArticleNamesSeveral() {
		Extraction e = extract("Đắk Lắk: tin cơ sở",
				"Đảng ủy xã Ea Kao và Đảng ủy xã Hòa Thắng cùng ra quân làm đường. Ngày 3-3-2024, Đảng ủy xã ban hành "
						+ "Nghị quyết số 12-NQ/ĐU về phát triển kinh tế vườn.",
				LocalDate.of(2024, 5, 2));
		assertThat(pairs(e, RelationType.ISSUED_BY)).isEmpty();
		assertThat(bodyKeys(e)).containsExactlyInAnyOrder("66/dang-uy-xa-ea-kao", "66/dang-uy-xa-hoa-thang");
	}

}
