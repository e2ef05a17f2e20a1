package org.policygraph.extraction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/** "Trung ương" alone and a plenum without "của" name the Central Committee as issuer. */
class CentralCommitteeIssuerTests {

	@ParameterizedTest
	@ValueSource(strings = {
			"Chỉ ba tháng sau khi Trung ương ban hành Nghị quyết số 19-NQ/TW ngày 16-6-2022 về nông nghiệp, tỉnh đã có kế hoạch.",
			"Tại Hội nghị, Trung ương đã thông qua Nghị quyết số 19-NQ/TW ngày 16-6-2022 về nông nghiệp.",
			"Tỉnh tiếp tục thực hiện Nghị quyết số 19-NQ/TW ngày 16-6-2022 Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về nông nghiệp.",
			"Đây là bước phát triển của Nghị quyết số 19-NQ/TW ngày 16-6-2022 của Trung ương khóa XIII về nông nghiệp." })
	void shouldReadTheCentralCommitteeAsTheIssuer(String sentence) {
		Extraction e = extract("Thái Bình: nông nghiệp", sentence);
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("19-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldReadTrungUongAsTheIssuerPastAnAdverbBeforeTheVerb() {
		Extraction e = extract("Thái Bình: nông nghiệp",
				"Tại kỳ họp này, Trung ương còn ban hành Nghị quyết số 20-NQ/TW ngày 16-6-2022 về kinh tế tập thể.");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("20-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldKeepTheLongerCentralBodyThatEndsInTrungUong() {
		Extraction e = extract("Thái Bình: công tác tổ chức",
				"Ban Tổ chức Trung ương ban hành Hướng dẫn số 09-HD/BTCTW ngày 1-3-2023 về công tác tổ chức.");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("09-HD/BTCTW|TW|2023-03-01 -> TW/ban-to-chuc-trung-uong");
	}

}
