package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.body;
import static org.policygraph.extraction.ExtractionAssertions.bodyKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

class BodyRecognitionTests {

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "Ban Chấp hành Trung ương Đảng;TW/ban-chap-hanh-trung-uong",
			"BCH TW;TW/ban-chap-hanh-trung-uong", "BCH Trung ương;TW/ban-chap-hanh-trung-uong",
			"Bộ Chính trị;TW/bo-chinh-tri", "Ban Bí thư;TW/ban-bi-thu",
			"Ban Tổ chức Trung ương;TW/ban-to-chuc-trung-uong",
			"Ban Tuyên giáo và Dân vận Trung ương;TW/ban-tuyen-giao-trung-uong",
			"UBKT Trung ương;TW/uy-ban-kiem-tra-trung-uong", "Ủy ban Kiểm tra Trung ương;TW/uy-ban-kiem-tra-trung-uong",
			"Văn phòng Trung ương Đảng;TW/van-phong-trung-uong-dang",
			"Đảng ủy Khối Doanh nghiệp Trung ương;TW/dang-uy-khoi-doanh-nghiep-trung-uong",
			"Quân ủy Trung ương;TW/quan-uy-trung-uong", "Đảng ủy Công an Trung ương;TW/dang-uy-cong-an-trung-uong" })
	void shouldRecognizeCentralBodiesAndAbbreviations(String name, String key) {
		Extraction e = extract("Tin hoạt động", name + " đã họp phiên thường kỳ.");
		assertThat(bodyKeys(e)).containsExactly(key);
		assertThat(e.bodies().get(0).level()).isEqualTo(BodyLevel.CENTRAL);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "Ban Thường vụ Tỉnh ủy Đắk Lắk;66/ban-thuong-vu-tinh-uy;66/tinh-uy",
					"BTV Tỉnh ủy Đắk Lắk;66/ban-thuong-vu-tinh-uy;66/tinh-uy",
					"Ban Thường vụ (BTV) Tỉnh uỷ Đắk Lắk;66/ban-thuong-vu-tinh-uy;66/tinh-uy",
					"Ban Tổ chức Tỉnh ủy Sóc Trăng;94/ban-to-chuc-tinh-uy;94/tinh-uy",
					"BTC Tỉnh ủy Sóc Trăng;94/ban-to-chuc-tinh-uy;94/tinh-uy",
					"UBKT Tỉnh ủy Bình Phước;70/uy-ban-kiem-tra-tinh-uy;70/tinh-uy",
					"Ban Tuyên giáo Thành ủy Hà Nội;01/ban-tuyen-giao-thanh-uy;01/thanh-uy" })
	void shouldRecognizeProvincialOrgansWithTheirParent(String name, String key, String parent) {
		Extraction e = extract("Tin hoạt động", name + " đã họp phiên thường kỳ.");
		BodyMention b = body(e, key).orElseThrow();
		assertThat(b.level()).isEqualTo(BodyLevel.PROVINCIAL);
		assertThat(b.parentKey()).isEqualTo(parent);
		assertThat(b.provinceKey()).isEqualTo(key.substring(0, key.indexOf('/')));
		assertThat(pairs(e, RelationType.OF_PROVINCE)).contains(key + " -> " + b.provinceKey());
	}

	@Test
	void shouldGiveBodyWithoutProvinceTheArticleProvince() {
		Extraction e = extract("Long An đánh giá chất lượng đảng bộ",
				"Năm 2017, Tỉnh ủy thống nhất tiếp tục. Ban Thường vụ Tỉnh ủy đã ban hành quy định.");
		assertThat(bodyKeys(e)).containsExactly("80/tinh-uy", "80/ban-thuong-vu-tinh-uy");
		assertThat(pairs(e, RelationType.PART_OF)).containsExactly("80/ban-thuong-vu-tinh-uy -> 80/tinh-uy");
	}

	@Test
	void shouldDropBodyWithoutProvinceWhenArticleHasNone() {
		assertThat(extract("Tin hoạt động", "Ban Thường vụ Tỉnh ủy đã ban hành quy định.").bodies()).isEmpty();
	}

	@Test
	void shouldPlaceDistrictCityCommitteeInItsProvince() {
		Extraction e = extract("Tin hoạt động", "Thành ủy Vinh tổ chức hội nghị.");
		BodyMention b = body(e, "40/thanh-uy-vinh").orElseThrow();
		assertThat(b.level()).isEqualTo(BodyLevel.DISTRICT);
		assertThat(b.provinceKey()).isEqualTo("40");
		assertThat(e.articleProvinceKey()).isEqualTo("40");
	}

	@Test
	void shouldTreatThanhUyOfCentrallyRunCityAsProvincial() {
		Extraction e = extract("Tin hoạt động", "Thành ủy Hà Nội và Thành ủy Thanh Hóa ký kết.");
		assertThat(body(e, "01/thanh-uy").orElseThrow().level()).isEqualTo(BodyLevel.PROVINCIAL);
		assertThat(body(e, "38/thanh-uy-thanh-hoa").orElseThrow().level()).isEqualTo(BodyLevel.DISTRICT);
	}

	@Test
	void shouldPlaceDistrictCommitteeByProvinceWrittenAfterIt() {
		Extraction e = extract("Tin hoạt động",
				"Huyện ủy Krông Pắc, tỉnh Đắk Lắk và Quận ủy Lê Chân (Hải Phòng) trao đổi kinh nghiệm.");
		assertThat(bodyKeys(e)).containsExactly("66/huyen-uy-krong-pac", "31/quan-uy-le-chan");
	}

	@Test
	void shouldResolveBareDistrictCommitteeToTheOneNamedInTheArticle() {
		Extraction e = extract("Huyện ủy Đắk Hà (Kon Tum) triển khai nhiệm vụ",
				"Ban Thường vụ Huyện ủy yêu cầu các chi bộ thực hiện.");
		assertThat(bodyKeys(e)).contains("62/huyen-uy-dak-ha", "62/ban-thuong-vu-huyen-uy-dak-ha");
	}

	@Test
	void shouldRecognizeGrassrootsAndProvincialBlocCommittees() {
		Extraction e = extract("Cao Bằng: xây dựng Đảng ở cơ sở",
				"Đảng ủy xã Quang Trung và Đảng ủy Khối các cơ quan tỉnh phối hợp.");
		assertThat(body(e, "04/dang-uy-xa-quang-trung").orElseThrow().level()).isEqualTo(BodyLevel.GRASSROOTS);
		assertThat(body(e, "04/dang-uy-khoi-cac-co-quan-tinh").orElseThrow().parentKey()).isEqualTo("04/tinh-uy");
	}

	@Test
	void shouldTreatProvincialPartyOrganisationAsItsCommittee() {
		Extraction e = extract("Hà Tĩnh: công tác xây dựng Đảng",
				"Đảng bộ tỉnh Hà Tĩnh có 1.000 tổ chức cơ sở đảng. Ban Chấp hành Đảng bộ tỉnh họp. BCH Đảng bộ tỉnh kết luận.");
		assertThat(bodyKeys(e)).containsExactly("42/tinh-uy");
	}

	@Test
	void shouldIgnoreGenericPluralCommittees() {
		Extraction e = extract("Nghệ An: công tác cán bộ", "Các tỉnh ủy, thành ủy và các cấp ủy cơ sở được hướng dẫn.");
		assertThat(e.bodies()).isEmpty();
	}

	@Test
	void shouldNotReadAbbreviationInsideCodeAsBody() {
		Extraction e = extract("Sóc Trăng: sinh hoạt chi bộ",
				"Căn cứ Hướng dẫn số 12-HD/BTCTW, ngày 6-7-2018, tỉnh triển khai.");
		assertThat(bodyKeys(e)).containsExactly("TW/ban-to-chuc-trung-uong");
		assertThat(e.bodies().get(0).surface()).isEqualTo("Hướng dẫn số 12-HD/BTCTW, ngày 6-7-2018");
	}

	@Test
	void shouldKeyBodiesOfMergedUnitsAfterTheMerger() {
		Extraction e = extract("Tin hoạt động", "Ban Thường vụ Tỉnh ủy Đắk Lắk họp.", LocalDate.of(2026, 2, 1));
		assertThat(bodyKeys(e)).containsExactly("66-2025/ban-thuong-vu-tinh-uy");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "Ban Thường vụ Thành ủy Vinh Nghệ An;40/ban-thuong-vu-thanh-uy-vinh;40",
					"Ban Thường vụ Huyện ủy Krông Pắc Đắk Lắk;66/ban-thuong-vu-huyen-uy-krong-pac;66",
					"Ban Thường vụ Thành ủy Sầm Sơn Thanh Hóa;38/ban-thuong-vu-thanh-uy-sam-son;38",
					"Đảng ủy xã Quang Trung Cao Bằng;04/dang-uy-xa-quang-trung;04" })
	void shouldKeepTheProvinceAppendedToADistrictBodyOutOfItsName(String name, String key, String province) {
		Extraction e = extract("Tin hoạt động", name + " đã ban hành kế hoạch.");
		assertThat(bodyKeys(e)).containsExactly(key);
		assertThat(body(e, key).orElseThrow().provinceKey()).isEqualTo(province);
		assertThat(e.provinces()).extracting(ProvinceMention::key).containsExactly(province);
	}

	@Test
	void shouldNameNumberedWardsAndUrbanDistricts() {
		Extraction e = extract("Bạc Liêu: sinh hoạt chi bộ",
				"Đảng ủy phường 1 và Đảng ủy phường 7 của thành phố Bạc Liêu phối hợp. Quận ủy Quận 3 (TP Hồ Chí Minh) tham dự.");
		assertThat(bodyKeys(e)).containsExactly("95/dang-uy-phuong-1", "95/dang-uy-phuong-7", "79/quan-uy-quan-3");
	}

}
