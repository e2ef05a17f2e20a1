package org.policygraph.reference;

import java.text.Normalizer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProvinceGazetteerTests {

	private final ProvinceGazetteer gazetteer = ProvinceGazetteer.load();

	@Test
	void shouldHoldSixtyThreeOldAndThirtyFourNewUnits() {
		assertThat(this.gazetteer.all()).hasSize(86);
		assertThat(this.gazetteer.pre2025()).hasSize(63);
		assertThat(this.gazetteer.post2025()).hasSize(34);
		assertThat(this.gazetteer.all()).filteredOn(u -> u.era() == Era.BOTH).hasSize(11);
	}

	@Test
	void shouldKeyOldUnitsByGsoCodeAndMergedUnitsByKeptCode() {
		ProvinceUnit old = this.gazetteer.byKey("66").orElseThrow();
		assertThat(old.name()).isEqualTo("Đắk Lắk");
		assertThat(old.gsoCode()).isEqualTo("66");
		assertThat(old.era()).isEqualTo(Era.PRE_2025);
		assertThat(old.mergedIntoKey()).isEqualTo("66-2025");
		assertThat(this.gazetteer.byKey("54").orElseThrow().mergedIntoKey()).isEqualTo("66-2025");
		ProvinceUnit merged = this.gazetteer.byKey("66-2025").orElseThrow();
		assertThat(merged.era()).isEqualTo(Era.POST_2025);
		assertThat(merged.gsoCode()).isNull();
	}

	@Test
	void shouldMarkUnchangedUnitsAsBothEras() {
		for (String name : new String[] { "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
				"Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng" }) {
			ProvinceUnit unit = this.gazetteer.lookup(name).orElseThrow();
			assertThat(unit.era()).as(name).isEqualTo(Era.BOTH);
			assertThat(unit.mergedIntoKey()).as(name).isNull();
			assertThat(this.gazetteer.lookup(name, LocalDate.of(2026, 1, 1))).contains(unit);
		}
	}

	@Test
	void shouldTypeCentrallyRunCities() {
		assertThat(this.gazetteer.lookup("Hà Nội").orElseThrow().type()).isEqualTo("city");
		assertThat(this.gazetteer.lookup("Huế").orElseThrow().type()).isEqualTo("city");
		assertThat(this.gazetteer.byKey("79-2025").orElseThrow().type()).isEqualTo("city");
		assertThat(this.gazetteer.lookup("Nghệ An").orElseThrow().type()).isEqualTo("province");
	}

	@ParameterizedTest
	@CsvSource({ "Đắk Lắk, 66", "Đăk Lăk, 66", "Dak Lak, 66", "Daklak, 66", "DAK LAK, 66", "tỉnh Đắk Lắk, 66",
			"Đắk Nông, 67", "Đăk Nông, 67", "Kon Tum, 62", "Kontum, 62", "Thừa Thiên Huế, 46", "Thừa Thiên - Huế, 46",
			"Thừa Thiên – Huế, 46", "Huế, 46", "TP.HCM, 79", "TP HCM, 79", "TP Hồ Chí Minh, 79",
			"Thành phố Hồ Chí Minh, 79", "thành phố Hồ Chí Minh, 79", "Bà Rịa - Vũng Tàu, 77", "Bà Rịa – Vũng Tàu, 77",
			"Hòa Bình, 17", "Hoà Bình, 17", "Thanh Hoá, 38", "Khánh Hoà, 56", "thành phố Đà Nẵng, 48",
			"TP. Cần Thơ, 92", "Hà Nam, 35", "Hà Nội, 01", "Hà Giang, 02", "Hà Tĩnh, 42", "66, 66", "1, 01",
			"79-2025, 79-2025" })
	void shouldLookUpAnySpelling(String spelling, String key) {
		assertThat(this.gazetteer.lookup(spelling)).map(ProvinceUnit::key).contains(key);
	}

	@Test
	void shouldLookUpNfdInput() {
		String nfd = Normalizer.normalize("Khánh Hòa", Normalizer.Form.NFD);
		assertThat(this.gazetteer.lookup(nfd)).map(ProvinceUnit::key).contains("56");
	}

	@Test
	void shouldNotLookUpUnknownNames() {
		assertThat(this.gazetteer.lookup("Thái Bình Dương")).isEmpty();
		assertThat(this.gazetteer.lookup("Tây Nguyên")).isEmpty();
		assertThat(this.gazetteer.lookup("")).isEmpty();
		assertThat(this.gazetteer.lookup(null)).isEmpty();
	}

	@Test
	void shouldPreferPostMergerUnitOnOrAfterFirstOfJuly2025() {
		assertThat(this.gazetteer.lookup("Đắk Lắk", LocalDate.of(2018, 5, 1))).map(ProvinceUnit::key).contains("66");
		assertThat(this.gazetteer.lookup("Đắk Lắk", LocalDate.of(2025, 6, 30))).map(ProvinceUnit::key).contains("66");
		assertThat(this.gazetteer.lookup("Đắk Lắk", LocalDate.of(2025, 7, 1))).map(ProvinceUnit::key)
			.contains("66-2025");
		assertThat(this.gazetteer.lookup("TP.HCM", LocalDate.of(2026, 2, 3))).map(ProvinceUnit::key)
			.contains("79-2025");
		assertThat(this.gazetteer.lookup("Phú Yên", LocalDate.of(2026, 2, 3))).map(ProvinceUnit::key).contains("54");
		assertThat(this.gazetteer.lookup("Đắk Lắk", null)).map(ProvinceUnit::key).contains("66");
	}

	@Test
	void shouldListPredecessorsKeptNameFirst() {
		assertThat(this.gazetteer.predecessors("79-2025")).extracting(ProvinceUnit::key)
			.containsExactly("79", "74", "77");
		assertThat(this.gazetteer.predecessors("37-2025")).extracting(ProvinceUnit::key)
			.containsExactly("37", "35", "36");
		assertThat(this.gazetteer.predecessors("66")).isEmpty();
	}

	@Test
	void shouldGiveEveryMergedUnitPredecessorsAndEveryOldUnitAPlace() {
		for (ProvinceUnit unit : this.gazetteer.all()) {
			switch (unit.era()) {
				case POST_2025 ->
					assertThat(this.gazetteer.predecessors(unit.key())).as(unit.key()).hasSizeGreaterThanOrEqualTo(2);
				case PRE_2025 -> assertThat(this.gazetteer.byKey(unit.mergedIntoKey())).as(unit.key()).isPresent();
				case BOTH -> assertThat(unit.gsoCode()).isEqualTo(unit.key());
			}
		}
	}

	@Test
	void shouldMapUnitToTheUnitCarryingItsNameAtADate() {
		ProvinceUnit merged = this.gazetteer.byKey("66-2025").orElseThrow();
		ProvinceUnit old = this.gazetteer.byKey("66").orElseThrow();
		assertThat(this.gazetteer.atDate(merged, LocalDate.of(2008, 4, 28))).isEqualTo(old);
		assertThat(this.gazetteer.atDate(old, LocalDate.of(2026, 1, 1))).isEqualTo(merged);
		ProvinceUnit phuYen = this.gazetteer.byKey("54").orElseThrow();
		assertThat(this.gazetteer.atDate(phuYen, LocalDate.of(2026, 1, 1))).isEqualTo(phuYen);
	}

	@Test
	void shouldPlaceProvincialCities() {
		assertThat(this.gazetteer.district("Vinh")).map(District::provinceKey).contains("40");
		assertThat(this.gazetteer.district("thành phố Buôn Ma Thuột")).map(District::provinceKey).contains("66");
		assertThat(this.gazetteer.district("Biên Hoà")).map(District::provinceKey).contains("75");
		assertThat(this.gazetteer.district("Krông Pắc")).isEmpty();
	}

}
