package org.policygraph.extraction;

import java.text.Normalizer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.provinceKeys;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

class ProvinceRecognitionTests {

	private static Extraction text(String text) {
		return extract("Tin công tác xây dựng Đảng", text);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "Đoàn công tác làm việc tại Đăk Lăk.;66", "Đoàn công tác làm việc tại Daklak.;66",
					"Đoàn công tác làm việc tại Dak Lak.;66", "Đoàn công tác làm việc tại tỉnh Kontum.;62",
					"Đoàn công tác làm việc tại Thừa Thiên - Huế.;46", "Đoàn công tác làm việc tại TP.HCM.;79",
					"Đoàn công tác làm việc tại TP Hồ Chí Minh.;79",
					"Đoàn công tác làm việc tại thành phố Hồ Chí Minh.;79",
					"Đoàn công tác làm việc tại Bà Rịa – Vũng Tàu.;77", "Đoàn công tác làm việc tại Khánh Hoà.;56",
					"Đoàn công tác làm việc tại Thanh Hoá.;38", "Đoàn công tác làm việc tại Hà Nam.;35",
					"Đoàn công tác làm việc tại Hà Giang.;02", "Đoàn công tác làm việc tại HÀ TĨNH.;42" })
	void shouldRecognizeSpellingVariants(String text, String key) {
		assertThat(provinceKeys(text(text))).containsExactly(key);
	}

	@Test
	void shouldRecognizeNfdText() {
		String nfd = Normalizer.normalize("Đoàn công tác làm việc tại Hòa Bình và Đắk Nông.", Normalizer.Form.NFD);
		assertThat(provinceKeys(text(nfd))).containsExactly("17", "67");
	}

	@Test
	void shouldNotTakeThePacificForThaiBinhOrBinhDuong() {
		assertThat(text("Tình hình khu vực châu Á - Thái Bình Dương diễn biến phức tạp.").provinces()).isEmpty();
		assertThat(provinceKeys(text("Thái Bình và Bình Dương ven Thái Bình Dương."))).containsExactly("34", "74");
	}

	@Test
	void shouldNotTakeANameWithDWhereTheProvinceHasDForTheProvince() {
		assertThat(provinceKeys(extract("Bình Đương đổi mới nhờ nghị quyết",
				"Về xã Bình Đương (huyện Gia Bình, Bắc Ninh), cánh đồng mẫu lớn đã hình thành.")))
			.containsExactly("27");
		assertThat(provinceKeys(text("Đoàn công tác làm việc tại Hải Dương và Dak Lak."))).containsExactly("30", "66");
	}

	@Test
	void shouldNotTakeHoChiMinhThoughtForTheCity() {
		assertThat(text("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.").provinces())
			.isEmpty();
		assertThat(text("Chủ tịch Hồ Chí Minh và Bác Hồ luôn căn dặn cán bộ.").provinces()).isEmpty();
		assertThat(text("Học viện Chính trị quốc gia Hồ Chí Minh mở lớp.").provinces()).isEmpty();
	}

	@Test
	void shouldNotTakePeaceForHoaBinh() {
		assertThat(text("Giữ vững hòa bình, ổn định. Hòa bình là khát vọng.").provinces()).isEmpty();
		assertThat(provinceKeys(text("Tỉnh Hòa Bình giữ vững hòa bình."))).containsExactly("17");
	}

	@Test
	void shouldNotTakeRiversOrPeopleForProvinces() {
		assertThat(text("Các doanh nghiệp dọc sông Hậu và sông Tiền phát triển.").provinces()).isEmpty();
		assertThat(text("Tinh thần người Quảng luôn được phát huy.").provinces()).isEmpty();
		assertThat(text("Kỷ niệm Chiến thắng Điện Biên Phủ.").provinces()).isEmpty();
	}

	@Test
	void shouldNotTakeCentralBlocForAProvince() {
		Extraction e = text("Đảng bộ Khối Các cơ quan Trung ương tổ chức đại hội.");
		assertThat(e.provinces()).isEmpty();
		assertThat(e.articleProvinceKey()).isNull();
	}

	@Test
	void shouldKeepSimilarNamesApart() {
		assertThat(provinceKeys(text("Hà Nội, Hà Nam, Hà Giang và Hà Tĩnh ký kết hợp tác."))).containsExactly("01",
				"35", "02", "42");
		assertThat(provinceKeys(text("Nam Định và Ninh Bình, Bình Định."))).containsExactly("36", "37", "52");
	}

	@Test
	void shouldTakeArticleProvinceFromTitleFirst() {
		Extraction e = extract("Long An thực hiện nghị quyết", "Đoàn của tỉnh Tiền Giang và tỉnh Tiền Giang đến thăm.");
		assertThat(e.articleProvinceKey()).isEqualTo("80");
	}

	@Test
	void shouldTakeMostFrequentProvinceWhenTitleHasNone() {
		Extraction e = extract("Nâng cao chất lượng sinh hoạt chi bộ",
				"Tỉnh ủy Sóc Trăng chỉ đạo. Đoàn Bạc Liêu dự. Sóc Trăng đạt kết quả tốt.");
		assertThat(e.articleProvinceKey()).isEqualTo("94");
	}

	@Test
	void shouldMapNamesToMergedUnitsAfterTheMerger() {
		Extraction e = extract("Tin địa phương", "Đắk Lắk và Phú Yên trước đây, nay là tỉnh Đắk Lắk.",
				LocalDate.of(2025, 9, 1));
		assertThat(provinceKeys(e)).containsExactly("66-2025");
	}

	@Test
	void shouldNotTakeADistrictNamedLikeAProvinceForTheProvince() {
		assertThat(text("Tại huyện Quảng Ninh, nhiều chi bộ đã có cách làm sáng tạo.").provinces()).isEmpty();
		assertThat(provinceKeys(text("Hội nghị diễn ra tại huyện Quảng Ninh, tỉnh Quảng Bình."))).containsExactly("44");
		assertThat(provinceKeys(text("Đoàn công tác làm việc với huyện Hòa Bình của tỉnh Bạc Liêu.")))
			.containsExactly("95");
		assertThat(text("Thị xã Quảng Trị và thị trấn Lạng Sơn được chọn làm điểm.").provinces()).isEmpty();
		assertThat(text("Cán bộ xã Thái Bình và phường Long An dự lớp bồi dưỡng.").provinces()).isEmpty();
	}

	@Test
	void shouldStillTakeTheProvinceAfterPluralUnitsOrPunctuation() {
		assertThat(provinceKeys(text("Có 100% xã Quảng Ninh đạt chuẩn nông thôn mới."))).containsExactly("22");
		assertThat(provinceKeys(text("Các huyện Quảng Ninh đều hoàn thành kế hoạch."))).containsExactly("22");
		assertThat(provinceKeys(text("Ban Tuyên giáo cấp huyện, Quảng Ninh tổ chức hội thi."))).containsExactly("22");
		assertThat(provinceKeys(text("Tỉnh ủy Quảng Ninh chỉ đạo các xã, phường thực hiện."))).containsExactly("22");
	}

	@Test
	void shouldNotTakeInstitutionsNamedAfterHoChiMinhForTheCity() {
		assertThat(text("Đoàn Thanh niên Cộng sản Hồ Chí Minh là đội dự bị tin cậy của Đảng.").provinces()).isEmpty();
		assertThat(text("Đoàn viên viếng Lăng Chủ tịch Hồ Chí Minh và Bảo tàng Hồ Chí Minh.").provinces()).isEmpty();
		assertThat(text("Tác phẩm được tặng Giải thưởng Hồ Chí Minh về văn học, nghệ thuật.").provinces()).isEmpty();
		assertThat(provinceKeys(text("Học tập tư tưởng Hồ Chí Minh tại Thành phố Hồ Chí Minh và TP.HCM.")))
			.containsExactly("79");
	}

	@Test
	void shouldNameAProvinceAsItWasCalledOnThePublicationDate() {
		Extraction before = extract("Tin địa phương", "Tỉnh ủy Thừa Thiên Huế ban hành kế hoạch.",
				LocalDate.of(2019, 6, 1));
		assertThat(before.provinces()).singleElement().satisfies(p -> {
			assertThat(p.key()).isEqualTo("46");
			assertThat(p.name()).isEqualTo("Thừa Thiên Huế");
		});
		assertThat(before.bodies()).extracting(BodyMention::name).contains("Tỉnh ủy Thừa Thiên Huế");
		Extraction lastDay = extract("Tin địa phương", "Đoàn công tác làm việc tại Thừa Thiên - Huế.",
				LocalDate.of(2024, 12, 31));
		assertThat(lastDay.provinces()).extracting(ProvinceMention::name).containsExactly("Thừa Thiên Huế");
		Extraction after = extract("Tin địa phương", "Thành ủy Huế ban hành kế hoạch.", LocalDate.of(2025, 3, 25));
		assertThat(after.provinces()).extracting(ProvinceMention::name).containsExactly("Huế");
		Extraction undated = extract("Tin địa phương", "Đoàn công tác làm việc tại Thừa Thiên Huế.", null);
		assertThat(undated.provinces()).extracting(ProvinceMention::name).containsExactly("Huế");
	}

	@Test
	void shouldPlaceAChauThanhCommitteeInTheProvinceOfTheArticle() {
		Extraction benTre = extract("Bến Tre nâng cao chất lượng sinh hoạt chi bộ",
				"Huyện ủy Châu Thành đã chỉ đạo các chi bộ đổi mới sinh hoạt.", LocalDate.of(2019, 6, 1));
		Extraction traVinh = extract("Trà Vinh nâng cao chất lượng sinh hoạt chi bộ",
				"Huyện ủy Châu Thành đã chỉ đạo các chi bộ đổi mới sinh hoạt.", LocalDate.of(2019, 6, 1));
		assertThat(benTre.bodies()).filteredOn(b -> b.name().contains("Châu Thành"))
			.singleElement()
			.extracting(BodyMention::provinceKey)
			.isEqualTo("83");
		assertThat(traVinh.bodies()).filteredOn(b -> b.name().contains("Châu Thành"))
			.singleElement()
			.extracting(BodyMention::provinceKey)
			.isEqualTo("84");
	}

}
