package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * A sentence opening with a cue whose main clause, after the cue's object, opens with a
 * central body ("Căn cứ Quy định số …, Ban Bí thư yêu cầu Ban Thường vụ Tỉnh ủy …"): the
 * central body acts on the document, so no province implements it; a local body opening
 * the main clause still does. After "Căn cứ" the central body after the cited document's
 * issuer and a comma is that subject, not a joint issuer.
 */
class CentralMainClauseTests {

	@Test
	void shouldNotLetAProvinceImplementWhatACentralBodyActsOnInTheMainClause() {
		Extraction e = extract("Ủy ban Kiểm tra Trung ương kết luận đối với Tỉnh ủy Sóc Trăng",
				"Căn cứ Quy định số 22-QĐ/TW ngày 28-7-2021 của Ban Chấp hành Trung ương về công tác kiểm tra, Ủy ban "
						+ "Kiểm tra Trung ương yêu cầu Ban Thường vụ Tỉnh ủy Sóc Trăng khắc phục hạn chế.",
				LocalDate.of(2023, 5, 1));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).noneMatch((p) -> p.endsWith("22-QĐ/TW|TW|2021-07-28"));
	}

	@Test
	void shouldLetAProvinceImplementWhatALocalBodyActsOnInTheMainClause() {
		Extraction e = extract("Sóc Trăng kiểm tra, giám sát",
				"Căn cứ Quy định số 22-QĐ/TW ngày 28-7-2021 của Ban Chấp hành Trung ương về công tác kiểm tra, Ban "
						+ "Thường vụ Tỉnh ủy Sóc Trăng đã kiểm tra 12 tổ chức đảng.",
				LocalDate.of(2023, 5, 1));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("94 -> 22-QĐ/TW|TW|2021-07-28");
	}

	@Test
	void shouldNotReadTheCentralSubjectAfterACitedDocumentsIssuerAsAJointIssuer() {
		Extraction e = extract("Ủy ban Kiểm tra Trung ương kết luận đối với Tỉnh ủy Sóc Trăng",
				"Căn cứ Quy định số 22-QĐ/TW ngày 28-7-2021 của Ban Chấp hành Trung ương, Ủy ban Kiểm tra Trung ương yêu "
						+ "cầu Ban Thường vụ Tỉnh ủy Sóc Trăng khắc phục hạn chế.",
				LocalDate.of(2023, 5, 1));
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("22-QĐ/TW|TW|2021-07-28 -> TW/ban-chap-hanh-trung-uong")
			.doesNotContain("22-QĐ/TW|TW|2021-07-28 -> TW/uy-ban-kiem-tra-trung-uong");
	}

}
