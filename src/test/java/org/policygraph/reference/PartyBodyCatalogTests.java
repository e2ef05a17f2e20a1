package org.policygraph.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PartyBodyCatalogTests {

	private final PartyBodyCatalog catalog = PartyBodyCatalog.load();

	@ParameterizedTest
	@CsvSource({ "Ban Chấp hành Trung ương Đảng, TW/ban-chap-hanh-trung-uong", "BCH TW, TW/ban-chap-hanh-trung-uong",
			"BCHTW, TW/ban-chap-hanh-trung-uong", "Bộ Chính trị, TW/bo-chinh-tri", "BCT, TW/bo-chinh-tri",
			"BBT, TW/ban-bi-thu", "BTC TW, TW/ban-to-chuc-trung-uong",
			"Ban Tuyên giáo và Dân vận Trung ương, TW/ban-tuyen-giao-trung-uong",
			"UBKT TW, TW/uy-ban-kiem-tra-trung-uong", "Uỷ ban Kiểm tra Trung ương, TW/uy-ban-kiem-tra-trung-uong",
			"VPTW, TW/van-phong-trung-uong-dang",
			"Đảng bộ Khối Các cơ quan Trung ương, TW/dang-uy-khoi-cac-co-quan-trung-uong",
			"Đảng ủy Khối Doanh nghiệp Trung ương, TW/dang-uy-khoi-doanh-nghiep-trung-uong",
			"Đảng ủy Quân sự Trung ương, TW/quan-uy-trung-uong",
			"Đảng ủy Công an Trung ương, TW/dang-uy-cong-an-trung-uong" })
	void shouldResolveCentralBodySpellingsToKeys(String spelling, String key) {
		assertThat(this.catalog.lookup(spelling)).map(CentralBody::key).contains(key);
	}

	@Test
	void shouldKnowParentsOfCentralBodies() {
		assertThat(this.catalog.parentKey(PartyBodyCatalog.POLITBURO)).contains(PartyBodyCatalog.CENTRAL_COMMITTEE);
		assertThat(this.catalog.parentKey(PartyBodyCatalog.SECRETARIAT)).contains(PartyBodyCatalog.CENTRAL_COMMITTEE);
		assertThat(this.catalog.parentKey(PartyBodyCatalog.CENTRAL_COMMITTEE)).isEmpty();
	}

	@Test
	void shouldHaveEveryConstantInTheCatalog() {
		for (String key : new String[] { PartyBodyCatalog.CENTRAL_COMMITTEE, PartyBodyCatalog.POLITBURO,
				PartyBodyCatalog.SECRETARIAT, PartyBodyCatalog.CENTRAL_ORGANISATION_COMMISSION,
				PartyBodyCatalog.CENTRAL_PROPAGANDA_COMMISSION, PartyBodyCatalog.CENTRAL_INSPECTION_COMMISSION,
				PartyBodyCatalog.CENTRAL_OFFICE }) {
			assertThat(this.catalog.byKey(key)).as(key).isPresent();
		}
	}

	@Test
	void shouldBuildLocalKeysFromProvinceAndName() {
		assertThat(PartyBodyCatalog.localKey("66", "Ban Thường vụ Tỉnh uỷ")).isEqualTo("66/ban-thuong-vu-tinh-uy");
		assertThat(PartyBodyCatalog.localKey("40", "Thành ủy Vinh")).isEqualTo("40/thanh-uy-vinh");
		assertThat(PartyBodyCatalog.centralKey("Ban Chấp hành Trung ương"))
			.isEqualTo(PartyBodyCatalog.CENTRAL_COMMITTEE);
	}

	@Test
	void shouldListCommitteeHeadFirst() {
		assertThat(this.catalog.localHeads().get(0).isCommittee()).isTrue();
		assertThat(this.catalog.localHeads()).anySatisfy(h -> assertThat(h.aliases()).contains("BTV"));
	}

}
