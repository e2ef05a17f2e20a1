package org.policygraph.analytics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.Testers;
import org.policygraph.support.TestArticles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The dashboard aggregates over HTTP against a small known graph: six articles of its
 * own, in 2019 about Directive 950-CT/TW (Nghệ An twice, Thanh Hóa, Hà Giang, which
 * merged into Tuyên Quang on 1-7-2025) and in 2025-2026 about Resolution 960-NQ/TW (Phú
 * Yên before the merger, the new Đắk Lắk it merged into after). The sample articles are
 * undated, so a period excludes them.
 */
class AnalyticsIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/analytics-it/";

	private static final String CT950 = "950-CT/TW|TW|2019-01-01";

	private static final String NQ960 = "960-NQ/TW|TW|2025-05-05";

	private static final String KH12_NGHE_AN = "12-KH/TU|40|2019-03-03";

	private static final String KH30_HA_GIANG = "30-KH/TU|02|2019-05-02";

	private static final String KH41_PHU_YEN = "41-KH/TU|54|2025-06-02";

	private static final String KH07_DAK_LAK = "07-KH/TU|66-2025|2026-01-05";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@Autowired
	private HttpGraphQlTester graphQl;

	private static RawArticle article(String slug, String date, String title, String text) {
		return new RawArticle(title, text, PREFIX + slug, LocalDate.parse(date), "test", null, slug);
	}

	@BeforeEach
	void ingestArticles() {
		// The build machine may be busy: allow more than the default 5 s per request.
		this.graphQl = Testers.patient(this.graphQl);
		List<RawArticle> articles = List.of(article("nghe-an-1", "2019-03-10",
				"Nghệ An triển khai Chỉ thị số 950-CT/TW",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 12-KH/TU ngày 3-3-2019 để thực hiện Chỉ thị số 950-CT/TW ngày 1-1-2019 của Ban Bí thư."),
				article("ha-giang", "2019-05-05", "Hà Giang thực hiện Chỉ thị số 950-CT/TW",
						"Ban Thường vụ Tỉnh ủy Hà Giang ban hành Kế hoạch số 30-KH/TU ngày 2-5-2019 để thực hiện Chỉ thị số 950-CT/TW ngày 1-1-2019 của Ban Bí thư."),
				article("thanh-hoa", "2019-05-20", "Thanh Hóa quán triệt Chỉ thị số 950-CT/TW",
						"Ban Thường vụ Tỉnh ủy Thanh Hóa tổ chức quán triệt và triển khai thực hiện Chỉ thị số 950-CT/TW ngày 1-1-2019 của Ban Bí thư."),
				article("nghe-an-2", "2019-07-15", "Nghệ An sơ kết Chỉ thị số 950-CT/TW",
						"Ban Thường vụ Tỉnh ủy Nghệ An tổ chức sơ kết 6 tháng thực hiện Chỉ thị số 950-CT/TW ngày 1-1-2019 của Ban Bí thư."),
				article("phu-yen", "2025-06-10", "Phú Yên thực hiện Nghị quyết số 960-NQ/TW",
						"Ban Thường vụ Tỉnh ủy Phú Yên ban hành Kế hoạch số 41-KH/TU ngày 2-6-2025 để thực hiện Nghị quyết số 960-NQ/TW ngày 5-5-2025 của Bộ Chính trị."),
				article("dak-lak", "2026-01-10", "Đắk Lắk triển khai Nghị quyết số 960-NQ/TW",
						"Ban Thường vụ Tỉnh ủy Đắk Lắk ban hành Kế hoạch số 07-KH/TU ngày 5-1-2026 để thực hiện Nghị quyết số 960-NQ/TW ngày 5-5-2025 của Bộ Chính trị."));
		IngestReport report = this.ingest.ingestRecords(articles.stream().map(ReadResult::ok).toList(),
				IngestOptions.defaults(), IngestListener.NONE);
		assertThat(report.newArticles()).isEqualTo(6);
	}

	@AfterEach
	void removeTestArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private GraphQlTester.Response coverage(String documentKey, String units) {
		return this.graphQl.documentName("coverage")
			.variable("documentKey", documentKey)
			.variable("units", units)
			.execute();
	}

	@Test
	void shouldCountTheImplementingUnitsAmongThe63() {
		GraphQlTester.Response response = coverage(CT950, null);

		response.path("coverage.units")
			.entity(String.class)
			.isEqualTo("PRE_2025")
			.path("coverage.totalUnits")
			.entity(Integer.class)
			.isEqualTo(63)
			.path("coverage.implementedCount")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("coverage.missing")
			.entityList(Object.class)
			.hasSize(60)
			.path("coverage.missing[*].key")
			.entityList(String.class)
			.satisfies(keys -> assertThat(keys).contains("08", "01").doesNotContain("40", "38", "02", "08-2025"));
		assertThat(response.path("coverage.implemented").entityList(MAP).get())
			.extracting(c -> ((Map<?, ?>) c.get("province")).get("key"), c -> c.get("firstReported"),
					c -> c.get("articleCount"), c -> c.get("via"))
			.containsExactly(tuple("40", "2019-03-10", 2, List.of()), tuple("02", "2019-05-05", 1, List.of()),
					tuple("38", "2019-05-20", 1, List.of()));
	}

	@Test
	void shouldLetAMergedUnitInheritItsPredecessorsImplementationAmongThe34() {
		GraphQlTester.Response response = coverage(CT950, "POST_2025");

		response.path("coverage.totalUnits")
			.entity(Integer.class)
			.isEqualTo(34)
			.path("coverage.implementedCount")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("coverage.missing")
			.entityList(Object.class)
			.hasSize(31)
			.path("coverage.missing[*].key")
			.entityList(String.class)
			.satisfies(keys -> assertThat(keys).doesNotContain("02", "08-2025", "08"));
		assertThat(response.path("coverage.implemented").entityList(MAP).get())
			.extracting(c -> ((Map<?, ?>) c.get("province")).get("key"), c -> c.get("firstReported"),
					c -> c.get("articleCount"), c -> c.get("via"))
			.containsExactly(tuple("40", "2019-03-10", 2, List.of()),
					tuple("08-2025", "2019-05-05", 1, List.of(Map.of("key", "02"))),
					tuple("38", "2019-05-20", 1, List.of()));
	}

	@Test
	void shouldCountAnArticleAboutTheMergedUnitAndOneAboutItsPredecessor() {
		coverage(NQ960, "POST_2025").path("coverage.implementedCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("coverage.missing")
			.entityList(Object.class)
			.hasSize(33)
			.path("coverage.implemented[0].province.key")
			.entity(String.class)
			.isEqualTo("66-2025")
			.path("coverage.implemented[0].firstReported")
			.entity(String.class)
			.isEqualTo("2025-06-10")
			.path("coverage.implemented[0].articleCount")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("coverage.implemented[0].via[*].key")
			.entityList(String.class)
			.containsExactly("54");
		coverage(NQ960, "PRE_2025").path("coverage.implementedCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("coverage.missing")
			.entityList(Object.class)
			.hasSize(62)
			.path("coverage.implemented[0].province.key")
			.entity(String.class)
			.isEqualTo("54")
			.path("coverage.implemented[0].articleCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	private GraphQlTester.Response coverage(String documentKey, String units, String from, String to) {
		return this.graphQl.documentName("coverage")
			.variable("documentKey", documentKey)
			.variable("units", units)
			.variable("from", from)
			.variable("to", to)
			.execute();
	}

	@Test
	void shouldCountOnlyTheReportsOfAPeriod() {
		// Nghệ An's reports are of March and July: from May only July's counts, and it is
		// the first.
		GraphQlTester.Response response = coverage(CT950, "PRE_2025", "2019-05-01", "2019-12-31");
		response.path("coverage.implementedCount")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("coverage.missing")
			.entityList(Object.class)
			.hasSize(60);
		assertThat(response.path("coverage.implemented").entityList(MAP).get())
			.extracting(c -> ((Map<?, ?>) c.get("province")).get("key"), c -> c.get("firstReported"),
					c -> c.get("articleCount"))
			.containsExactly(tuple("02", "2019-05-05", 1), tuple("38", "2019-05-20", 1), tuple("40", "2019-07-15", 1));
		coverage(CT950, "PRE_2025", "2019-06-01", null).path("coverage.implementedCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("coverage.implemented[0].province.key")
			.entity(String.class)
			.isEqualTo("40")
			.path("coverage.missing")
			.entityList(Object.class)
			.hasSize(62);
		coverage(CT950, "PRE_2025", null, "2019-03-31").path("coverage.implementedCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("coverage.implemented[0].province.key")
			.entity(String.class)
			.isEqualTo("40")
			.path("coverage.implemented[0].firstReported")
			.entity(String.class)
			.isEqualTo("2019-03-10");
		coverage(CT950, "PRE_2025", "2020-01-01", "2020-12-31").path("coverage.implementedCount")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("coverage.missing")
			.entityList(Object.class)
			.hasSize(63);
	}

	@Test
	void shouldInheritOnlyThePredecessorsReportsOfAPeriod() {
		// The new Đắk Lắk: Phú Yên's report of 2025 and its own of 2026.
		coverage(NQ960, "POST_2025", "2026-01-01", null).path("coverage.implementedCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("coverage.implemented[0].province.key")
			.entity(String.class)
			.isEqualTo("66-2025")
			.path("coverage.implemented[0].articleCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("coverage.implemented[0].firstReported")
			.entity(String.class)
			.isEqualTo("2026-01-10")
			.path("coverage.implemented[0].via")
			.entityList(Object.class)
			.hasSize(0);
		coverage(NQ960, "POST_2025", "2025-01-01", "2025-12-31").path("coverage.implemented[0].province.key")
			.entity(String.class)
			.isEqualTo("66-2025")
			.path("coverage.implemented[0].articleCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("coverage.implemented[0].via[*].key")
			.entityList(String.class)
			.containsExactly("54");
	}

	@Test
	void shouldRejectACoveragePeriodEndingBeforeItStarts() {
		coverage(CT950, "PRE_2025", "2019-06-01", "2019-05-31").errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(e.getMessage()).contains("'to'").contains("2019-06-01");
			}));
	}

	@Test
	void shouldAnswerNullForAnUnknownDocument() {
		coverage("999-CT/TW|TW|1999-09-09", "PRE_2025").path("coverage").valueIsNull();
	}

	private List<Map<String, Object>> months(String documentKey, String provinceKey, String from, String to) {
		return this.graphQl.documentName("mentionsPerMonth")
			.variable("documentKey", documentKey)
			.variable("provinceKey", provinceKey)
			.variable("from", from)
			.variable("to", to)
			.execute()
			.path("mentionsPerMonth")
			.entityList(MAP)
			.get();
	}

	@Test
	void shouldCountMentionsPerMonthWithEmptyMonthsWithinTheData() {
		assertThat(months(CT950, null, null, null)).extracting(m -> m.get("month"), m -> m.get("count"))
			.containsExactly(tuple("2019-03", 1), tuple("2019-04", 0), tuple("2019-05", 2), tuple("2019-06", 0),
					tuple("2019-07", 1));
	}

	@Test
	void shouldCountMentionsPerMonthOverTheRequestedRange() {
		assertThat(months(CT950, null, "2019-01-15", "2019-08-01")).extracting(m -> m.get("month"), m -> m.get("count"))
			.containsExactly(tuple("2019-01", 0), tuple("2019-02", 0), tuple("2019-03", 1), tuple("2019-04", 0),
					tuple("2019-05", 2), tuple("2019-06", 0), tuple("2019-07", 1), tuple("2019-08", 0));
		List<Map<String, Object>> ngheAn = months(null, "40", "2019-01-01", "2019-12-31");
		assertThat(ngheAn).hasSize(12);
		assertThat(ngheAn).filteredOn(m -> !Integer.valueOf(0).equals(m.get("count")))
			.extracting(m -> m.get("month"), m -> m.get("count"))
			.containsExactly(tuple("2019-03", 1), tuple("2019-07", 1));
		assertThat(months(NQ960, "54", null, null)).extracting(m -> m.get("month"), m -> m.get("count"))
			.containsExactly(tuple("2025-06", 1));
		assertThat(months("999-CT/TW|TW|1999-09-09", null, null, null)).isEmpty();
	}

	private List<Map<String, Object>> top(String from, String to, String type) {
		return this.graphQl.documentName("topDocuments")
			.variable("from", from)
			.variable("to", to)
			.variable("type", type)
			.execute()
			.path("topDocuments")
			.entityList(MAP)
			.get();
	}

	private static Object key(Map<String, Object> rank) {
		return ((Map<?, ?>) rank.get("document")).get("key");
	}

	@Test
	void shouldRankTheMostMentionedDocumentsOfAPeriod() {
		assertThat(top("2019-01-01", "2019-12-31", null))
			.extracting(r -> r.get("rank"), AnalyticsIT::key, r -> r.get("mentionCount"),
					r -> r.get("implementingProvinceCount"))
			.containsExactly(tuple(1, CT950, 4, 3), tuple(2, KH12_NGHE_AN, 1, 0), tuple(3, KH30_HA_GIANG, 1, 0));
		assertThat(top("2019-01-01", "2019-12-31", "PLAN")).extracting(AnalyticsIT::key)
			.containsExactly(KH12_NGHE_AN, KH30_HA_GIANG);
		assertThat(top("2025-01-01", "2026-12-31", null))
			.extracting(AnalyticsIT::key, r -> r.get("mentionCount"), r -> r.get("implementingProvinceCount"))
			.containsExactly(tuple(NQ960, 2, 2), tuple(KH07_DAK_LAK, 1, 0), tuple(KH41_PHU_YEN, 1, 0));
	}

	private List<Map<String, Object>> counts(String by, String from, String to) {
		return counts(by, null, from, to);
	}

	private List<Map<String, Object>> counts(String by, String units, String from, String to) {
		return this.graphQl.documentName("counts")
			.variable("by", by)
			.variable("units", units)
			.variable("from", from)
			.variable("to", to)
			.execute()
			.path("counts")
			.entityList(MAP)
			.get();
	}

	@Test
	void shouldCountArticlesPerProvinceInAPeriod() {
		assertThat(counts("PROVINCE", "2019-01-01", "2019-12-31"))
			.extracting(b -> b.get("key"), b -> b.get("label"), b -> b.get("count"))
			.containsExactly(tuple("40", "Nghệ An", 2), tuple("02", "Hà Giang", 1), tuple("38", "Thanh Hóa", 1));
	}

	@Test
	void shouldCountArticlesPerProvinceAgainstOneSetOfUnitsWithoutTheSameNameTwice() {
		// Phú Yên (54) in June 2025, Đắk Lắk (66-2025, which Phú Yên became part of) in
		// 2026
		assertThat(counts("PROVINCE", "2025-01-01", "2026-12-31"))
			.extracting(b -> b.get("key"), b -> b.get("label"), b -> b.get("count"))
			.containsExactlyInAnyOrder(tuple("66-2025", "Đắk Lắk", 1), tuple("54", "Phú Yên", 1));
		assertThat(counts("PROVINCE", "PRE_2025", "2025-01-01", "2026-12-31"))
			.extracting(b -> b.get("key"), b -> b.get("count"))
			.containsExactly(tuple("54", 1));
		assertThat(counts("PROVINCE", "POST_2025", "2025-01-01", "2026-12-31"))
			.extracting(b -> b.get("key"), b -> b.get("label"), b -> b.get("count"))
			.containsExactly(tuple("66-2025", "Đắk Lắk", 2));
		List<Map<String, Object>> all = counts("PROVINCE", "POST_2025", null, null);
		assertThat(all).extracting(b -> (String) b.get("label")).doesNotHaveDuplicates();
		assertThat(all).extracting(b -> (String) b.get("key")).doesNotContain("54", "02").contains("08-2025", "40");
		this.graphQl.documentName("counts")
			.variable("by", "YEAR")
			.variable("units", "PRE_2025")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("units")));
	}

	@Test
	void shouldCountDocumentsPerTypeAndPerYearInAPeriod() {
		assertThat(counts("DOCUMENT_TYPE", "2019-01-01", "2019-12-31"))
			.extracting(b -> b.get("key"), b -> b.get("label"), b -> b.get("count"))
			.containsExactly(tuple("PLAN", "Kế hoạch", 2), tuple("DIRECTIVE", "Chỉ thị", 1));
		assertThat(counts("YEAR", "2019-01-01", "2026-12-31")).extracting(b -> b.get("key"), b -> b.get("count"))
			.containsExactly(tuple("2019", 3), tuple("2025", 2), tuple("2026", 1));
	}

	@Test
	void shouldCountEverythingWithoutAPeriod() {
		List<Map<String, Object>> types = counts("DOCUMENT_TYPE", null, null);
		int documents = this.graphQl.documentName("about")
			.execute()
			.path("about.documentCount")
			.entity(Integer.class)
			.get();
		assertThat(types.stream().mapToInt(b -> (Integer) b.get("count")).sum()).isEqualTo(documents);
	}

	private long count(String cypher, String key) {
		try (var session = this.driver.session()) {
			return session.run(cypher, Map.of("key", key)).single().get("n").asLong();
		}
	}

	@Test
	void shouldCountAndRankEveryArticleWithoutAPeriod() {
		long ngheAn = count("MATCH (:Province {key: $key})<-[:MENTIONS]-(a:Article) RETURN count(DISTINCT a) AS n",
				"40");
		List<Map<String, Object>> provinces = counts("PROVINCE", null, null);
		assertThat(provinces).filteredOn(b -> "40".equals(b.get("key")))
			.singleElement()
			.satisfies(
					b -> assertThat(((Number) b.get("count")).longValue()).isEqualTo(ngheAn).isGreaterThanOrEqualTo(2));
		assertThat(provinces).extracting(b -> (Integer) b.get("count"))
			.allMatch(n -> n > 0)
			.isSortedAccordingTo(Comparator.reverseOrder());

		long ct950 = count("MATCH (:Document {key: $key})<-[:MENTIONS]-(a:Article) RETURN count(DISTINCT a) AS n",
				CT950);
		List<Map<String, Object>> directives = top(null, null, "DIRECTIVE");
		assertThat(directives).filteredOn(r -> CT950.equals(key(r)))
			.singleElement()
			.satisfies(r -> assertThat(r).containsEntry("mentionCount", (int) ct950)
				.containsEntry("implementingProvinceCount", 3));
		assertThat(ct950).isEqualTo(4);
		assertThat(directives).extracting(r -> (Integer) r.get("mentionCount"))
			.isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(directives).first().satisfies(r -> assertThat(r).containsEntry("rank", 1));
	}

	private List<Map<String, Object>> choices(String text, String scope, Integer first) {
		try (var session = this.driver.session()) {
			// The full-text index is updated just after commit.
			session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume();
		}
		return this.graphQl.documentName("documentChoices")
			.variable("text", text)
			.variable("scope", scope)
			.variable("first", first)
			.execute()
			.path("documentChoices")
			.entityList(MAP)
			.get();
	}

	private static Object choiceKey(Map<String, Object> choice) {
		return ((Map<?, ?>) choice.get("document")).get("key");
	}

	private static Object implementers(Map<String, Object> choice, String units) {
		return ((Map<?, ?>) choice.get("implementers")).get(units);
	}

	private int implementedCount(String documentKey, String units) {
		return coverage(documentKey, units).path("coverage.implementedCount").entity(Integer.class).get();
	}

	@Test
	void shouldCountAChoicesImplementersOverThe63AndThe34Apart() {
		// Phú Yên (one of the 63) and the new Đắk Lắk it merged into (one of the 34) both
		// implement
		// 960-NQ/TW: two provincial nodes, but one unit of each set.
		Map<String, Object> nq960 = choices("960", "CENTRAL", 5).get(0);
		assertThat(choiceKey(nq960)).isEqualTo(NQ960);
		assertThat(nq960).containsEntry("mentionCount", 2)
			.containsEntry("implementers", Map.of("pre2025", 1, "post2025", 1));
		assertThat(implementers(nq960, "pre2025")).isEqualTo(implementedCount(NQ960, "PRE_2025"));
		assertThat(implementers(nq960, "post2025")).isEqualTo(implementedCount(NQ960, "POST_2025"));
		assertThat(top("2025-01-01", "2026-12-31", "RESOLUTION")).first()
			.satisfies(r -> assertThat(r).containsEntry("implementingProvinceCount", 2));

		Map<String, Object> ct950 = choices("chi thi 950", null, 5).get(0);
		assertThat(choiceKey(ct950)).isEqualTo(CT950);
		assertThat(ct950).containsEntry("implementers", Map.of("pre2025", 3, "post2025", 3));
	}

	@Test
	void shouldOfferCentralAndLocalDocumentsApartAsTheUserTypes() {
		// "95" is the start of 950: the last word typed is a prefix.
		assertThat(choices("95", "CENTRAL", 100)).extracting(AnalyticsIT::choiceKey)
			.contains(CT950)
			.allSatisfy(key -> assertThat((String) key).contains("|TW|"));
		assertThat(choices("ke hoach", "LOCAL", 100)).extracting(AnalyticsIT::choiceKey)
			.contains(KH12_NGHE_AN, KH30_HA_GIANG, KH41_PHU_YEN, KH07_DAK_LAK)
			.doesNotContain(CT950, NQ960)
			.allSatisfy(key -> assertThat((String) key).doesNotContain("|TW|"));
		assertThat(choices("12", "LOCAL", 1)).extracting(AnalyticsIT::choiceKey).containsExactly(KH12_NGHE_AN);
		assertThat(choices("xyzzy", null, 10)).isEmpty();
	}

	@Test
	void shouldOfferEveryDocumentMostImplementedFirstWithoutText() {
		List<Map<String, Object>> all = choices(null, "CENTRAL", 100);
		assertThat(all).extracting(AnalyticsIT::choiceKey).contains(CT950, NQ960);
		assertThat(all).extracting(c -> (Integer) implementers(c, "pre2025"))
			.isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(choices("  / ", "CENTRAL", 100)).extracting(AnalyticsIT::choiceKey)
			.containsExactlyElementsOf(all.stream().map(AnalyticsIT::choiceKey).toList());
	}

	@Test
	void shouldRejectTooManyChoices() {
		this.graphQl.documentName("documentChoices")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

	@Test
	void shouldRejectAPeriodEndingBeforeItStarts() {
		this.graphQl.documentName("counts")
			.variable("by", "YEAR")
			.variable("from", "2020-01-01")
			.variable("to", "2019-01-01")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

}
