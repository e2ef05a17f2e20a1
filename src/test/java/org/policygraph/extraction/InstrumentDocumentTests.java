package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A document written after a cue's object with {@code bằng} or {@code (thông) qua} ("cụ
 * thể hóa Chỉ thị bằng Kế hoạch …", "triển khai Chỉ thị qua Kế hoạch …") is the means
 * that carries the object out, not a second object.
 */
class InstrumentDocumentTests {

	@Test
	void shouldLetTheDocumentAfterBangCarryOutTheCuesObject() {
		Extraction e = extract("Kon Tum chuẩn bị đại hội",
				"Ban Thường vụ Tỉnh ủy Kon Tum đã cụ thể hóa Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị "
						+ "bằng Kế hoạch số 85-KH/TU ngày 1-8-2019.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder(
				"85-KH/TU|62|2019-08-01 -> 35-CT/TW|TW|2019-05-30", "62 -> 35-CT/TW|TW|2019-05-30");
	}

	@Test
	void shouldStillCarryOutADocumentNamedWithBangWhenNothingIsCarriedOutBeforeIt() {
		Extraction e = extract("Kon Tum chuẩn bị đại hội",
				"Tỉnh ủy Kon Tum chỉ đạo thực hiện bằng Kế hoạch số 85-KH/TU ngày 1-8-2019 và quán triệt Chỉ thị số "
						+ "35-CT/TW ngày 30-5-2019 của Bộ Chính trị.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("62 -> 35-CT/TW|TW|2019-05-30");
	}

	@Test
	void shouldLetTheSubjectOfTheCueIssueTheDocumentAfterBang() {
		Extraction e = extract("Đắk Lắk: tin cơ sở",
				"Ban Thường vụ Huyện ủy Lắk đã cụ thể hóa Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị bằng Kế "
						+ "hoạch số 20-KH/HU ngày 9-9-2016.");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.contains("20-KH/HU|66:lak|2016-09-09 -> 66/ban-thuong-vu-huyen-uy-lak");
	}

	@Test
	void shouldNotLetABodyThatIsNoSubjectIssueTheDocumentAfterBang() {
		Extraction e = extract("Đắk Lắk: tin cơ sở",
				"Theo đề nghị của Ban Tuyên giáo Tỉnh ủy, nhiều nơi đã cụ thể hóa Chỉ thị số 05-CT/TW ngày 15-5-2016 "
						+ "của Bộ Chính trị bằng Kế hoạch số 20-KH/HU ngày 9-9-2016.");
		assertThat(pairs(e, RelationType.ISSUED_BY)).noneMatch(p -> p.startsWith("20-KH/HU"));
	}

	@Test
	void shouldLetTheDocumentAfterQuaCarryOutTheCuesObjectAndItsSubjectIssueIt() {
		Extraction e = extract("Bình Định: học tập và làm theo Bác",
				"Tỉnh ủy Bình Định triển khai Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị qua Kế hoạch số "
						+ "31-KH/TU ngày 4-8-2016, gắn với phong trào thi đua ở cơ sở.");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactlyInAnyOrder(
				"31-KH/TU|52|2016-08-04 -> 05-CT/TW|TW|2016-05-15", "52 -> 05-CT/TW|TW|2016-05-15");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("31-KH/TU|52|2016-08-04 -> 52/tinh-uy");
	}

	@Test
	void shouldLetTheDocumentAfterThongQuaCarryOutTheCuesObject() {
		Extraction e = extract("Bình Định: học tập và làm theo Bác",
				"Thành ủy Quy Nhơn thực hiện Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị thông qua Kế hoạch "
						+ "số 12-KH/ThU ngày 9-9-2016.");
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.contains("12-KH/ThU|52:quy-nhon|2016-09-09 -> 05-CT/TW|TW|2016-05-15");
	}

}
