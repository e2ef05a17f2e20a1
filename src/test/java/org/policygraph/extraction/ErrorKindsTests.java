package org.policygraph.extraction;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorKindsTests {

	private static final List<String> KINDS = List.of("provinces", "bodies", "documents", "ISSUED_BY", "IMPLEMENTS");

	@Test
	void shouldCountADateMissedOnCoordinatedCodesOnceAndItsRelationsAsFollowingTheKey() {
		String text = "Tỉnh ủy quán triệt Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW và Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương.";
		ErrorKinds.Article a = article(text,
				Map.of("documents", List.of("18-NQ/TW|TW|2022-06-16", "21-NQ/TW|TW|2022-06-16"), "ISSUED_BY",
						List.of("18-NQ/TW|TW|2022-06-16 -> TW/ban-chap-hanh-trung-uong")),
				Map.of("documents", List.of("18-NQ/TW|TW|?", "21-NQ/TW|TW|2022-06-16"), "ISSUED_BY",
						List.of("18-NQ/TW|TW|? -> TW/ban-chap-hanh-trung-uong")));
		assertThat(ErrorKinds.classify(a)).extracting(ErrorKinds.Classified::kind)
			.containsExactly(ErrorKinds.MISSED_DATE_COORDINATED, ErrorKinds.FOLLOWS_KEY, ErrorKinds.FOLLOWS_KEY);
	}

	@Test
	void shouldTellAWrongDateFromAMissedCoordinatedOneAndAScopeError() {
		ErrorKinds.Article a = article(
				"Tỉnh ủy thực hiện Kế hoạch số 48-KH/TU ngày 28-4-2008 và Nghị quyết số 22-NQ/TU.",
				Map.of("documents", List.of("48-KH/TU|66|2008-04-28", "22-NQ/TU|66|?")),
				Map.of("documents", List.of("48-KH/TU|66|2008-04-29", "22-NQ/TU|40|?")));
		assertThat(ErrorKinds.classify(a)).extracting(ErrorKinds.Classified::kind)
			.containsExactly(ErrorKinds.DOCUMENT_DATE, ErrorKinds.DOCUMENT_SCOPE);
	}

	@Test
	void shouldRecognizeADistrictBodyNamedWithItsProvinceAndAWrongIssuer() {
		ErrorKinds.Article a = article("Ban Thường vụ Thành ủy Vinh Nghệ An ban hành Kế hoạch số 25-KH/ThU.",
				Map.of("bodies", List.of("40/ban-thuong-vu-thanh-uy-vinh"), "ISSUED_BY",
						List.of("25-KH/ThU|40:vinh|? -> 40/ban-thuong-vu-thanh-uy-vinh",
								"05-CT/TW|TW|? -> TW/bo-chinh-tri")),
				Map.of("bodies", List.of("40/ban-thuong-vu-thanh-uy-vinh-nghe-an"), "ISSUED_BY",
						List.of("25-KH/ThU|40:vinh|? -> 40/ban-thuong-vu-thanh-uy-vinh-nghe-an",
								"05-CT/TW|TW|? -> TW/ban-bi-thu")));
		assertThat(ErrorKinds.classify(a)).extracting(ErrorKinds.Classified::kind)
			.containsExactly(ErrorKinds.DISTRICT_BODY_NAME, ErrorKinds.FOLLOWS_KEY, ErrorKinds.WRONG_ISSUER,
					ErrorKinds.FOLLOWS_KEY);
	}

	@Test
	void shouldSortImplementationErrorsByKind() {
		String text = "Ngày 2-2-2008, Ban Chấp hành Trung ương ban hành Nghị quyết số 22-NQ/TW. Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 48-KH/TU để triển khai. "
				+ "Đảng ủy Khối kiểm tra việc thực hiện Nghị quyết số 55-NQ/TW tại Nhà máy Nhiệt điện Sông Hậu 1 (Hậu Giang). "
				+ "Thành ủy Vinh ban hành Kế hoạch số 25-KH/ThU thực hiện Kế hoạch số 48-KH/TU. Tỉnh ủy quán triệt Nghị quyết Đại hội XIII. "
				+ "Tỉnh ủy ban hành Chỉ thị số 07-CT/TU về Chỉ thị số 05-CT/TW.";
		ErrorKinds.Article a = article(text,
				Map.of("IMPLEMENTS",
						List.of("48-KH/TU|66|? -> 22-NQ/TW|TW|2008-02-02", "25-KH/ThU|40:vinh|? -> 48-KH/TU|66|?",
								"07-CT/TU|66|? -> 05-CT/TW|TW|?", "25-KH/ThU|40:vinh|? -> 22-NQ/TW|TW|2008-02-02",
								"66 -> NQ-DH-XIII|TW|kXIII", "66 -> 22-NQ/TW|TW|2008-02-02")),
				Map.of("IMPLEMENTS", List.of("25-KH/ThU|40:vinh|? -> 48-KH/TU|66|?", "93 -> 55-NQ/TW|TW|?",
						"40 -> 22-NQ/TW|TW|2008-02-02")));
		assertThat(ErrorKinds.classify(a)).extracting(ErrorKinds.Classified::kind)
			.containsExactly(ErrorKinds.CROSS_SENTENCE, ErrorKinds.MISSED_DOCUMENT_IMPLEMENTS,
					ErrorKinds.CHAIN_THROUGH_DOCUMENT, ErrorKinds.CONGRESS, ErrorKinds.WRONG_PROVINCE_IMPLEMENTS,
					ErrorKinds.LOCATION_ONLY_PROVINCE);
	}

	private static ErrorKinds.Article article(String text, Map<String, List<String>> expected,
			Map<String, List<String>> actual) {
		Map<String, Set<String>> e = new LinkedHashMap<>();
		Map<String, Set<String>> x = new LinkedHashMap<>();
		for (String kind : KINDS) {
			e.put(kind, new LinkedHashSet<>(expected.getOrDefault(kind, List.of())));
			x.put(kind, new LinkedHashSet<>(actual.getOrDefault(kind, List.of())));
		}
		return new ErrorKinds.Article(text, e, x);
	}

}
