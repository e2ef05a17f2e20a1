package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "Ngay sau khi Bộ Chính trị ban hành Chỉ thị số 05-CT/TW …, Ban Thường vụ Tỉnh ủy đã ban
 * hành Kế hoạch số … để thực hiện": a document issued "để thực hiện" with nothing after
 * the cue carries out the central document the sentence says was issued before it, as it
 * does one "được ban hành".
 */
class CentralDocumentIssuedBeforeTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2017, 6, 1);

	@Test
	void shouldLetAPlanCarryOutTheCentralDocumentIssuedBeforeItInTheSentence() {
		Extraction e = extract("Nghệ An học tập và làm theo Bác",
				"Ngay sau khi Bộ Chính trị ban hành Chỉ thị số 05-CT/TW ngày 15-5-2016 về đẩy mạnh học tập và làm "
						+ "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, Ban Thường vụ Tỉnh ủy Nghệ An đã ban hành Kế "
						+ "hoạch số 30-KH/TU ngày 1-7-2016 để thực hiện trong toàn Đảng bộ.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("30-KH/TU|40|2016-07-01 -> 05-CT/TW|TW|2016-05-15",
				"40 -> 05-CT/TW|TW|2016-05-15");
	}

	@Test
	void shouldKeepTheOwnObjectOfAPlanIssuedAfterACentralDocument() {
		Extraction e = extract("Nghệ An học tập và làm theo Bác",
				"Ngay sau khi Bộ Chính trị ban hành Chỉ thị số 05-CT/TW ngày 15-5-2016, Ban Thường vụ Tỉnh ủy Nghệ An "
						+ "đã ban hành Kế hoạch số 30-KH/TU ngày 1-7-2016 để thực hiện Quy định số 101-QĐ/TW ngày "
						+ "7-6-2012 của Ban Bí thư.",
				PUBLISHED);
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("30-KH/TU|40|2016-07-01 -> 101-QĐ/TW|TW|2012-06-07")
			.doesNotContain("30-KH/TU|40|2016-07-01 -> 05-CT/TW|TW|2016-05-15");
	}

}
