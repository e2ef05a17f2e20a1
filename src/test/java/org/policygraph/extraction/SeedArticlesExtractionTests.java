package org.policygraph.extraction;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.body;
import static org.policygraph.extraction.ExtractionAssertions.bodyKeys;
import static org.policygraph.extraction.ExtractionAssertions.document;
import static org.policygraph.extraction.ExtractionAssertions.documentKeys;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionAssertions.provinceKeys;

class SeedArticlesExtractionTests {

	private static final Extractor EXTRACTOR = Extractor.createDefault();

	private static List<ArticleInput> seed;

	@BeforeAll
	static void loadSeed() {
		seed = SeedArticles.load();
	}

	private static Extraction extract(String titleStart) {
		ArticleInput article = seed.stream().filter(a -> a.title().startsWith(titleStart)).findFirst().orElseThrow();
		return EXTRACTOR.extract(article);
	}

	@Test
	void shouldReadSevenSeedArticles() {
		assertThat(seed).hasSize(7);
	}

	@Test
	void shouldTakeDakLakFromTitleSpelling() {
		Extraction e = extract("Kết quả và kinh nghiệm");
		assertThat(e.articleProvinceKey()).isEqualTo("66");
		assertThat(provinceKeys(e)).containsExactly("66");
	}

	@Test
	void shouldIdentifyResolution22ByCodeScopeAndDate() {
		Extraction e = extract("Kết quả và kinh nghiệm");
		DocumentMention nq22 = document(e, "22-NQ/TW|TW|2008-02-02").orElseThrow();
		assertThat(nq22.type()).isEqualTo(DocumentType.RESOLUTION);
		assertThat(nq22.code()).isEqualTo("22-NQ/TW");
		assertThat(nq22.term()).isEqualTo("X");
		assertThat(nq22.level()).isEqualTo(IssuingLevel.CENTRAL);
		assertThat(nq22.issuedOn()).isEqualTo(LocalDate.of(2008, 2, 2));
		assertThat(nq22.subject())
			.isEqualTo("Nâng cao năng lực lãnh đạo, sức chiến đấu của TCCSĐ và chất lượng đội ngũ cán bộ, đảng viên");
		assertThat(nq22.issuerBodyKey()).isEqualTo("TW/ban-chap-hanh-trung-uong");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("22-NQ/TW|TW|2008-02-02 -> TW/ban-chap-hanh-trung-uong");
	}

	@Test
	void shouldImplementResolution22ThroughPlan48() {
		Extraction e = extract("Kết quả và kinh nghiệm");
		DocumentMention kh48 = document(e, "48-KH/TU|66|2008-04-28").orElseThrow();
		assertThat(kh48.type()).isEqualTo(DocumentType.PLAN);
		assertThat(kh48.scopeKey()).isEqualTo("66");
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("48-KH/TU|66|2008-04-28 -> 66/ban-thuong-vu-tinh-uy");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("66 -> 22-NQ/TW|TW|2008-02-02",
				"48-KH/TU|66|2008-04-28 -> 22-NQ/TW|TW|2008-02-02");
		assertThat(body(e, "66/ban-thuong-vu-tinh-uy").orElseThrow().parentKey()).isEqualTo("66/tinh-uy");
	}

	@Test
	void shouldResolveShortNameAndUndatedRecitationToFullCitations() {
		Extraction e = extract("Kết quả và kinh nghiệm");
		assertThat(documentKeys(e)).filteredOn(k -> k.startsWith("22-NQ/TW")).containsExactly("22-NQ/TW|TW|2008-02-02");
		assertThat(documentKeys(e)).filteredOn(k -> k.startsWith("48-KH/TU")).containsExactly("48-KH/TU|66|2008-04-28");
		assertThat(e.documents()).noneMatch(DocumentMention::unresolved);
	}

	@Test
	void shouldLinkSocTrangGuidanceToTheDocumentsItConcretizes() {
		Extraction e = extract("Ban Tổ chức Tỉnh ủy Sóc Trăng");
		assertThat(e.articleProvinceKey()).isEqualTo("94");
		assertThat(document(e, "08-HD/BTCTU|94|2018-08-07").orElseThrow().type()).isEqualTo(DocumentType.GUIDANCE);
		assertThat(document(e, "18-KL/TW|TW|2017-09-22").orElseThrow().term()).isEqualTo("XII");
		assertThat(document(e, "10-CT/TW|TW|kX").orElseThrow().type()).isEqualTo(DocumentType.DIRECTIVE);
		assertThat(pairs(e, RelationType.ISSUED_BY)).contains("08-HD/BTCTU|94|2018-08-07 -> 94/ban-to-chuc-tinh-uy",
				"12-HD/BTCTW|TW|2018-07-06 -> TW/ban-to-chuc-trung-uong", "18-KL/TW|TW|2017-09-22 -> TW/ban-bi-thu",
				"10-CT/TW|TW|kX -> TW/ban-bi-thu");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("08-HD/BTCTU|94|2018-08-07 -> 12-HD/BTCTW|TW|2018-07-06",
				"08-HD/BTCTU|94|2018-08-07 -> 18-KL/TW|TW|2017-09-22", "18-KL/TW|TW|2017-09-22 -> 10-CT/TW|TW|kX",
				"94 -> 18-KL/TW|TW|2017-09-22");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).doesNotContain("94 -> 10-CT/TW|TW|kX");
	}

	@Test
	void shouldLetBacGiangIssueItsOwnResolution74WithoutImplementingIt() {
		Extraction e = extract("\"Ba điểm nhấn\"");
		assertThat(e.articleProvinceKey()).isEqualTo("24");
		assertThat(documentKeys(e)).containsExactly("74-NQ/TU|24|2016-05-10");
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("74-NQ/TU|24|2016-05-10 -> 24/ban-thuong-vu-tinh-uy");
		// a province does not implement a document of its own party organisation
		assertThat(pairs(e, RelationType.IMPLEMENTS)).isEmpty();
		assertThat(bodyKeys(e)).contains("24/ban-to-chuc-tinh-uy", "24/ban-thuong-vu-tinh-uy");
	}

	@Test
	void shouldReadLongAnQuyDinhAsRegulation() {
		Extraction e = extract("Long An thực hiện");
		DocumentMention qd = document(e, "07-QĐ/TU|80|2017-10-19").orElseThrow();
		assertThat(qd.type()).isEqualTo(DocumentType.REGULATION);
		assertThat(pairs(e, RelationType.ISSUED_BY))
			.containsExactly("07-QĐ/TU|80|2017-10-19 -> 80/ban-thuong-vu-tinh-uy");
		assertThat(bodyKeys(e)).contains("80/tinh-uy", "80/ban-thuong-vu-tinh-uy");
	}

	@Test
	void shouldLetHaTinhImplementTheNationalCongressResolutionAndNotItsOwn() {
		Extraction e = extract("Một số kết quả");
		assertThat(e.articleProvinceKey()).isEqualTo("42");
		assertThat(documentKeys(e)).containsExactlyInAnyOrder("NQ-DH-XII|TW|kXII", "NQ-DH-XVIII|42|kXVIII");
		assertThat(pairs(e, RelationType.IMPLEMENTS)).containsExactly("42 -> NQ-DH-XII|TW|kXII");
		DocumentMention congress = document(e, "NQ-DH-XII|TW|kXII").orElseThrow();
		assertThat(congress.code()).isNull();
		assertThat(congress.type()).isEqualTo(DocumentType.RESOLUTION);
		assertThat(congress.subject()).isEqualTo("Nghị quyết Đại hội XII của Đảng");
	}

	@Test
	void shouldNotLetPolitburoArticleImplementAnything() {
		Extraction e = extract("Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức");
		assertThat(e.articleProvinceKey()).isNull();
		assertThat(documentKeys(e)).containsExactly("22-NQ/TW|TW|kX");
		assertThat(e.relations(RelationType.IMPLEMENTS)).isEmpty();
		assertThat(pairs(e, RelationType.ISSUED_BY)).containsExactly("22-NQ/TW|TW|kX -> TW/ban-chap-hanh-trung-uong");
		assertThat(bodyKeys(e)).contains("TW/bo-chinh-tri");
	}

	@Test
	void shouldFindCentralAgenciesBlocPartyWithoutProvince() {
		Extraction e = extract("Nâng cao năng lực lãnh đạo, sức chiến đấu của Đảng bộ Khối");
		assertThat(e.articleProvinceKey()).isNull();
		assertThat(e.provinces()).isEmpty();
		assertThat(bodyKeys(e)).containsExactly("TW/dang-uy-khoi-cac-co-quan-trung-uong");
		assertThat(e.bodies().get(0).level()).isEqualTo(BodyLevel.CENTRAL);
	}

	@Test
	void shouldMapDakLakToMergedUnitForArticlesAfterTheMerger() {
		ArticleInput seedArticle = seed.stream()
			.filter(a -> a.title().startsWith("Kết quả và kinh nghiệm"))
			.findFirst()
			.orElseThrow();
		ArticleInput later = new ArticleInput(seedArticle.title(), seedArticle.text(), null, LocalDate.of(2026, 1, 10),
				"seed");
		Extraction e = EXTRACTOR.extract(later);
		assertThat(e.articleProvinceKey()).isEqualTo("66-2025");
		assertThat(documentKeys(e)).contains("48-KH/TU|66|2008-04-28");
	}

}
