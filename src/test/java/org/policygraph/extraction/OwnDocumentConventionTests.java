package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * The labelling convention on a province's own documents: a province does not implement a
 * document of its own party organisation (a document whose scope, before any district
 * part, is the province). It issued it: the link is ISSUED_BY, and the province carries
 * out what that document carries out. A document of another unit (central, another
 * province's, a former province's carried out by the unit it merged into) is implemented.
 */
class OwnDocumentConventionTests {

	@ParameterizedTest
	@CsvSource(delimiter = ';', textBlock = """
			66; 48-KH/TU|66|2008-04-28; true
			66; 25-KH/ThU|66:buon-ma-thuot|2016-07-20; true
			66; NQ-DH-XVII|66|kXVII; true
			66-2025; 09-NQ/TU|66-2025|2025-09-15; true
			66-2025; 48-KH/TU|66|2008-04-28; false
			66; 48-KH/TU|66-2025|2025-09-15; false
			6; 48-KH/TU|66|2008-04-28; false
			66; 48-KH/TU|6|2008-04-28; false
			66; 22-NQ/TW|TW|2008-02-02; false
			66; NQ-22|?|?; false
			66; malformed; false
			""")
	void shouldTellADocumentOfTheProvincesOwnPartyOrganisationByItsScope(String province, String document,
			boolean own) {
		assertThat(Extractor.ownDocument(province, document)).isEqualTo(own);
	}

	@Test
	void shouldNotLetAProvinceImplementThePlanItsCommitteesCarryOut() {
		Extraction e = extract("Thái Bình: triển khai kế hoạch của Tỉnh ủy",
				"Các cấp ủy, tổ chức đảng trong tỉnh Thái Bình đã quán triệt, triển khai thực hiện Kế hoạch số "
						+ "15-KH/TU ngày 3-4-2019 của Ban Thường vụ Tỉnh ủy về công tác cán bộ.");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("15-KH/TU|34|2019-04-03 -> 34/ban-thuong-vu-tinh-uy");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).isEmpty();
	}

	@Test
	void shouldLetAProvinceImplementWhatItsOwnPlansCarryOutAndNotThePlans() {
		Extraction e = extract("Vũ Thư cụ thể hóa Nghị quyết 21",
				"Huyện ủy Vũ Thư, tỉnh Thái Bình đã ban hành Kế hoạch số 20-KH/HU ngày 5-9-2022 để thực hiện Kế hoạch "
						+ "số 15-KH/TU ngày 10-8-2022 của Ban Thường vụ Tỉnh ủy Thái Bình về thực hiện Nghị quyết số "
						+ "21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương.");
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.contains("34 -> 21-NQ/TW|TW|2022-06-16", "20-KH/HU|34:vu-thu|2022-09-05 -> 15-KH/TU|34|2022-08-10",
					"15-KH/TU|34|2022-08-10 -> 21-NQ/TW|TW|2022-06-16")
			.noneMatch(p -> p.startsWith("34 -> ") && !p.endsWith("|TW|2022-06-16"));
	}

	@Test
	void shouldLetTheMergedUnitImplementADocumentOfAFormerProvince() {
		Extraction e = extract("Hưng Yên tiếp tục thực hiện nghị quyết về nông thôn mới",
				"Các cấp ủy trong tỉnh Hưng Yên tiếp tục triển khai thực hiện Nghị quyết số 09-NQ/TU ngày 15-3-2021 "
						+ "của Tỉnh ủy Thái Bình (cũ) về xây dựng nông thôn mới.",
				LocalDate.of(2025, 10, 2));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("33-2025 -> 09-NQ/TU|34|2021-03-15")
			.doesNotContain("34 -> 09-NQ/TU|34|2021-03-15");
	}

}
