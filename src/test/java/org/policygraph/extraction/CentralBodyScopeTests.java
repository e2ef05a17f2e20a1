package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * The convention on central bodies' documents: a document issued by a central body (the
 * central Đảng ủy Khối, Đảng ủy Công an Trung ương, Quân ủy Trung ương, a central board)
 * has scope {@code TW} whatever the suffix of its code; a provincial Đảng ủy Khối's
 * document stays its province's.
 */
class CentralBodyScopeTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2023, 4, 11);

	@Test
	void shouldScopeTheCodeOfACentralBlocCommitteeNamedAfterItAsCentral() {
		Extraction e = extract("Sinh hoạt chi bộ ở các cơ quan Trung ương",
				"Các đảng bộ trực thuộc đang thực hiện Kế hoạch số 31-KH/ĐUK ngày 9-3-2023 của Đảng ủy Khối các cơ "
						+ "quan Trung ương về nâng cao chất lượng sinh hoạt chi bộ.",
				PUBLISHED);
		assertThat(documentKeys(e)).containsExactly("31-KH/ĐUK|TW|2023-03-09");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("31-KH/ĐUK|TW|2023-03-09 -> TW/dang-uy-khoi-cac-co-quan-trung-uong");
	}

	@Test
	void shouldScopeTheCodeOfACentralBodyIssuingItAsCentralWhateverItsSuffix() {
		Extraction e = extract("Lực lượng Công an học tập nghị quyết",
				"Tháng 2-2023, Đảng ủy Công an Trung ương đã ban hành Nghị quyết số 17-NQ/ĐUCA ngày 20-2-2023 để "
						+ "thực hiện Nghị quyết số 21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương.",
				PUBLISHED);
		assertThat(documentKeys(e)).contains("17-NQ/ĐUCA|TW|2023-02-20");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.contains("17-NQ/ĐUCA|TW|2023-02-20 -> TW/dang-uy-cong-an-trung-uong");
		assertThat(pairs(e, RelationType.IMPLEMENTS))
			.containsExactly("17-NQ/ĐUCA|TW|2023-02-20 -> 21-NQ/TW|TW|2022-06-16");
	}

	@Test
	void shouldReadABareBlocCommitteeAsTheOneCentralBlocNamedInTheArticle() {
		Extraction e = extract("Đảng bộ Khối Doanh nghiệp Trung ương với kinh tế tư nhân",
				"Đảng ủy Khối Doanh nghiệp Trung ương vừa sơ kết một năm thực hiện nghị quyết. Ngay từ đầu, Đảng ủy "
						+ "Khối đã ban hành Kế hoạch số 52-KH/ĐUK ngày 2-6-2022 giao việc cho từng tập đoàn.",
				PUBLISHED);
		assertThat(documentKeys(e)).containsExactly("52-KH/ĐUK|TW|2022-06-02");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("52-KH/ĐUK|TW|2022-06-02 -> TW/dang-uy-khoi-doanh-nghiep-trung-uong");
	}

	@Test
	void shouldKeepTheCodeOfAProvincialBlocCommitteeInItsProvince() {
		Extraction e = extract("Khối cơ quan tỉnh Phú Thọ học tập nghị quyết",
				"Đảng ủy Khối các cơ quan tỉnh Phú Thọ đã ban hành Kế hoạch số 18-KH/ĐUK ngày 4-1-2023 về sinh hoạt "
						+ "chuyên đề.",
				PUBLISHED);
		assertThat(documentKeys(e)).containsExactly("18-KH/ĐUK|25|2023-01-04");
	}

}
