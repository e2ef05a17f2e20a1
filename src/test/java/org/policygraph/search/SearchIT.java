package org.policygraph.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.ProfiledPlan;
import org.policygraph.graph.SearchText;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.Testers;
import org.policygraph.support.TestArticles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search over HTTP against the sample articles and one article of its own.
 */
class SearchIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/search-it/";

	private static final String KRONG_BUK = PREFIX + "krong-buk";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@Autowired
	private HttpGraphQlTester graphQl;

	@BeforeEach
	void ingestArticle() {
		this.graphQl = Testers.patient(this.graphQl);
		RawArticle article = new RawArticle("Đắk Lắk triển khai Nghị quyết số 961-NQ/TW ở Krông Búk",
				"Ban Thường vụ Tỉnh ủy Đắk Lắk ban hành Kế hoạch số 17-KH/TU ngày 5-1-2026 để thực hiện "
						+ "Nghị quyết số 961-NQ/TW ngày 5-5-2025 của Bộ Chính trị <về> đất đai & rừng ở huyện Krông Búk.",
				KRONG_BUK, LocalDate.of(2026, 1, 10), "test", null, "krong-buk");
		this.ingest.ingestRecords(List.of(ReadResult.ok(article)), IngestOptions.defaults(), IngestListener.NONE);
		// The full-text index is eventually consistent: wait until it has caught up with
		// the write.
		try (var session = this.driver.session()) {
			session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume();
		}
	}

	@AfterEach
	void removeTestArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private List<Map<String, Object>> search(String text, List<String> types, Integer first) {
		return this.graphQl.documentName("search")
			.variable("text", text)
			.variable("types", types)
			.variable("first", first)
			.execute()
			.path("search")
			.entityList(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static String key(Map<String, Object> hit) {
		for (String field : List.of("article", "document", "province", "partyBody")) {
			Map<String, Object> entity = (Map<String, Object>) hit.get(field);
			if (entity != null) {
				return (String) entity.getOrDefault("key", entity.get("id"));
			}
		}
		throw new AssertionError("hit without entity: " + hit);
	}

	@Test
	void shouldFindDakLakWithoutDiacritics() {
		List<Map<String, Object>> hits = search("Dak Lak", null, 50);

		assertThat(hits).extracting(SearchIT::key).contains("66", "66-2025", KRONG_BUK);
		assertThat(hits).filteredOn(h -> "PROVINCE".equals(h.get("kind")))
			.extracting(SearchIT::key)
			.containsExactlyInAnyOrder("66", "66-2025");
		Map<String, Object> province = hits.stream().filter(h -> "66".equals(key(h))).findFirst().orElseThrow();
		assertThat(province.get("snippet")).isEqualTo("<mark>Đắk</mark> <mark>Lắk</mark>");
		assertThat(hits).filteredOn(h -> "ARTICLE".equals(h.get("kind")))
			.extracting(h -> (String) ((Map<?, ?>) h.get("article")).get("title"))
			.contains("Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk");
		assertThat(hits).extracting(h -> ((Number) h.get("score")).doubleValue())
			.isSortedAccordingTo((a, b) -> Double.compare(b, a));
	}

	@Test
	void shouldFindResolution22WithoutDiacritics() {
		List<Map<String, Object>> hits = search("nghi quyet 22", null, 50);

		assertThat(hits).extracting(SearchIT::key).contains("22-NQ/TW|TW|2008-02-02");
		assertThat(hits).filteredOn(h -> "ARTICLE".equals(h.get("kind"))).isNotEmpty();
		assertThat(hits).allSatisfy(h -> assertThat((String) h.get("snippet")).contains("<mark>"));
		Map<String, Object> document = hits.stream()
			.filter(h -> "22-NQ/TW|TW|2008-02-02".equals(key(h)))
			.findFirst()
			.orElseThrow();
		assertThat((String) document.get("snippet")).contains("<mark>Nghị</mark> <mark>quyết</mark>")
			.contains("<mark>22</mark>");
	}

	@Test
	void shouldRankTheCentralDocumentAboveProvincialOnesWithTheSameNumber() {
		ingestProvincialResolutions22();

		List<Map<String, Object>> hits = search("nghi quyet 22", List.of("DOCUMENT"), 20);
		List<String> keys = hits.stream().map(SearchIT::key).toList();
		assertThat(keys).as("the provincial 22-NQ/TU are found").filteredOn(k -> k.startsWith("22-NQ/TU|")).hasSize(4);
		assertThat(keys.get(0)).as("first hit").startsWith("22-NQ/TW|TW|");
		int lastCentral = lastIndexOf(keys, "22-NQ/TW|");
		int firstProvincial = keys.stream()
			.filter(k -> k.startsWith("22-NQ/TU|"))
			.findFirst()
			.map(keys::indexOf)
			.orElseThrow();
		assertThat(lastCentral).as("every central 22-NQ/TW above every provincial 22-NQ/TU")
			.isLessThan(firstProvincial);
		// Diacritics and case make no difference; all kinds searched, the document still
		// first.
		assertThat(key(search("Nghị Quyết 22", null, 10).get(0))).startsWith("22-NQ/TW|TW|");
		assertThat(key(search("nghi quyet 22", null, 10).get(0))).startsWith("22-NQ/TW|TW|");
	}

	@Test
	void shouldRankADocumentWhoseCodeIsTypedInFullFirst() {
		ingestProvincialResolutions22();

		assertThat(key(search("22-NQ/TU", List.of("DOCUMENT"), 10).get(0))).startsWith("22-NQ/TU|");
		assertThat(key(search("nghi quyet 22 nq tw", List.of("DOCUMENT"), 10).get(0))).startsWith("22-NQ/TW|TW|");
	}

	private void ingestProvincialResolutions22() {
		List<ReadResult> articles = new java.util.ArrayList<>();
		List<String> provinces = List.of("Nghệ An", "Lâm Đồng", "Cà Mau", "Bến Tre");
		for (int i = 0; i < provinces.size(); i++) {
			String province = provinces.get(i);
			articles.add(ReadResult.ok(new RawArticle(province + " sơ kết Nghị quyết số 22-NQ/TU",
					"Ban Thường vụ Tỉnh ủy " + province + " sơ kết 5 năm thực hiện Nghị quyết số 22-NQ/TU ngày "
							+ (i + 3) + "-3-2019 của Ban Thường vụ Tỉnh ủy " + province
							+ " về nâng cao chất lượng sinh hoạt chi bộ.",
					PREFIX + "nq22-tu-" + i, LocalDate.of(2020, 1, 10 + i), "test", null, "nq22[" + i + "]")));
		}
		this.ingest.ingestRecords(articles, IngestOptions.defaults(), IngestListener.NONE);
		try (var session = this.driver.session()) {
			session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume();
		}
	}

	private static int lastIndexOf(List<String> keys, String prefix) {
		int last = -1;
		for (int i = 0; i < keys.size(); i++) {
			if (keys.get(i).startsWith(prefix)) {
				last = i;
			}
		}
		return last;
	}

	/**
	 * Without kinds and without a number, the best hits are read from the index's best
	 * scores (one more than asked for, every hit when the last two tie): the same hits in
	 * the same order as ranking every hit, whatever the page size (ties at the page's end
	 * included: many hits of a common word score alike).
	 */
	@ParameterizedTest
	@ValueSource(
			strings = { "Dak Lak", "tổ chức cơ sở đảng", "Ban Thường vụ Tỉnh ủy", "Hà Tĩnh", "chi bộ", "nghi quyet" })
	void shouldRankTheBestScoresAsRankingEveryHitDoes(String text) {
		String query = org.policygraph.graph.SearchText.parse(text).query();
		for (int first : List.of(1, 2, 3, 5, 10, 20, 50)) {
			List<String> everyHit;
			try (var session = this.driver.session()) {
				everyHit = session.run("""
						CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
						WITH coalesce(node.key, node.id) AS key, score
						ORDER BY score DESC, key
						LIMIT $limit
						RETURN key""", Map.of("query", query, "limit", first)).list(r -> r.get("key").asString());
			}
			assertThat(search(text, null, first)).as(text + ", first " + first)
				.extracting(SearchIT::key)
				.containsExactlyElementsOf(everyHit);
		}
	}

	/**
	 * With kinds that leave documents out (a number in the text then ranks nothing
	 * first), the best hits are read from the index's best scores too (four times as many
	 * as asked, every hit when too few of the kinds came or the last two tie): the same
	 * hits in the same order as ranking every hit of those kinds, whatever the page size,
	 * with or without snippets.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Dak Lak", "chi bộ", "nghi quyet 22", "Ban Thường vụ Tỉnh ủy", "Krông Búk" })
	void shouldRankTheBestScoresOfTheKindsAskedAsRankingEveryHitDoes(String text) {
		String query = org.policygraph.graph.SearchText.parse(text).query();
		for (List<String> kinds : List.of(List.of("ARTICLE"), List.of("PROVINCE", "PARTY_BODY"))) {
			for (int first : List.of(1, 2, 3, 10, 50)) {
				List<String> everyHit;
				try (var session = this.driver.session()) {
					everyHit = session.run("""
							CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
							WITH node, score
							WHERE CASE WHEN node:Article THEN 'ARTICLE' WHEN node:Document THEN 'DOCUMENT'
							           WHEN node:Province THEN 'PROVINCE' ELSE 'PARTY_BODY' END IN $kinds
							WITH coalesce(node.key, node.id) AS key, score
							ORDER BY score DESC, key
							LIMIT $limit
							RETURN key""", Map.of("query", query, "kinds", kinds, "limit", first))
						.list(r -> r.get("key").asString());
				}
				String what = text + ", " + kinds + ", first " + first;
				assertThat(search(text, kinds, first)).as(what)
					.extracting(SearchIT::key)
					.containsExactlyElementsOf(everyHit);
				assertThat(this.graphQl.documentName("searchWithoutSnippets")
					.variable("text", text)
					.variable("types", kinds)
					.variable("first", first)
					.execute()
					.path("search")
					.entityList(MAP)
					.get()).as(what + ", without snippets")
					.extracting(SearchIT::key)
					.containsExactlyElementsOf(everyHit);
			}
		}
	}

	/**
	 * A number in the text ranks the documents of that number first: they are found by a
	 * second call of the index that looks at documents' properties only, with the same
	 * scores. The same hits, in the same order and with the same scores, as ranking every
	 * hit, whatever the kinds and the page size.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "nghi quyet 22", "22-NQ/TU", "nghi quyet 22 nq tw", "Nghị quyết số 961-NQ/TW", "22",
			"tổ chức 22", "\"nghi quyet so 22\"", "Ban Thường vụ 5" })
	void shouldRankTheDocumentsOfANumberAsRankingEveryHitDoes(String text) {
		ingestProvincialResolutions22();
		SearchText parsed = SearchText.parse(text);
		List<List<String>> kindsAsked = new ArrayList<>();
		kindsAsked.add(null);
		kindsAsked.add(List.of("DOCUMENT"));
		kindsAsked.add(List.of("DOCUMENT", "ARTICLE"));
		for (List<String> kinds : kindsAsked) {
			for (int first : List.of(1, 2, 3, 5, 10, 20, 50)) {
				List<String> everyHit;
				try (var session = this.driver.session()) {
					Map<String, Object> params = new HashMap<>();
					params.put("query", parsed.query());
					params.put("kinds", kinds);
					params.put("numbers", parsed.numbers());
					params.put("codeText", parsed.codeText());
					params.put("limit", first);
					everyHit = session
						.run("""
								CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
								WITH node, score
								WHERE $kinds IS NULL
								   OR CASE WHEN node:Article THEN 'ARTICLE' WHEN node:Document THEN 'DOCUMENT'
								           WHEN node:Province THEN 'PROVINCE' ELSE 'PARTY_BODY' END IN $kinds
								WITH node, score,
								     CASE WHEN NOT node:Document THEN 0
								          WHEN $codeText CONTAINS ('-' + replace(toLower(replace(replace(node.code, 'Đ', 'D'),
								               'đ', 'd')), '/', '-') + '-') THEN 2
								          WHEN node.number IN $numbers THEN 1
								          ELSE 0 END AS exact
								WITH node, score, exact, CASE WHEN exact > 0 AND node.scope = 'TW' THEN 1 ELSE 0 END AS central
								ORDER BY exact DESC, central DESC, score DESC, coalesce(node.key, node.id)
								LIMIT $limit
								RETURN coalesce(node.key, node.id) + ' ' + toString(score) AS hit""",
								params)
						.list(r -> r.get("hit").asString());
				}
				assertThat(search(text, kinds, first)).as(text + ", " + kinds + ", first " + first)
					.extracting(h -> key(h) + " " + ((Number) h.get("score")).doubleValue())
					.containsExactlyElementsOf(everyHit);
			}
		}
	}

	/**
	 * A number in the text does not make search read every hit of the index: the two
	 * calls of the index give the best scores and the documents, not the articles. Thirty
	 * more articles citing the resolution leave its database accesses as they were
	 * (ranking every hit, as the search did before, reads each of them).
	 */
	@Test
	void shouldNotReadEveryHitToRankTheDocumentsOfANumber() {
		ingestProvincialResolutions22();
		SearchText text = SearchText.parse("nghi quyet 22");
		Map<String, Object> params = SearchQueries.parameters(text, null, 1, false, false);
		long hitsBefore = hits(params);
		long before = searchDbHits(params);
		ingestArticlesCiting22(30);
		long hitsAfter = hits(params);
		long after = searchDbHits(params);
		assertThat(hitsAfter).as("hits of the text").isGreaterThanOrEqualTo(hitsBefore + 30);
		assertThat(after).as("database accesses of the search, with 30 more hits than before (%d)", before)
			.isLessThanOrEqualTo(before + 10);
	}

	private long hits(Map<String, Object> params) {
		try (var session = this.driver.session()) {
			return session
				.run("CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node RETURN count(*) AS n", params)
				.single()
				.get("n")
				.asLong();
		}
	}

	private long searchDbHits(Map<String, Object> params) {
		try (var session = this.driver.session()) {
			return dbHits(session.run("PROFILE " + SearchQueries.SEARCH, params).consume().profile());
		}
	}

	private void ingestArticlesCiting22(int count) {
		List<ReadResult> articles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// The resolution only in a long text: these hits score below the best ones.
			articles.add(ReadResult.ok(new RawArticle("Sinh hoạt chuyên đề ở chi bộ, đợt " + i,
					"Các chi bộ trong toàn tỉnh tổ chức sinh hoạt chuyên đề định kỳ, đánh giá kết quả công tác xây dựng "
							+ "Đảng, kiểm điểm việc thực hiện nhiệm vụ chính trị của địa phương, bàn giải pháp nâng cao "
							+ "chất lượng đảng viên và phát triển kinh tế xã hội trong thời gian tới, trong đó có việc "
							+ "tiếp tục quán triệt Nghị quyết số 22-NQ/TW ngày 2-2-2008 của Ban Chấp hành Trung ương, đợt "
							+ i + ".",
					PREFIX + "nq22-cite-" + i, LocalDate.of(2021, 1, 1).plusDays(i), "test", null,
					"nq22cite[" + i + "]")));
		}
		this.ingest.ingestRecords(articles, IngestOptions.defaults(), IngestListener.NONE);
		try (var session = this.driver.session()) {
			session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume();
		}
	}

	private static long dbHits(ProfiledPlan plan) {
		long hits = plan.dbHits();
		for (ProfiledPlan child : plan.children()) {
			hits += dbHits(child);
		}
		return hits;
	}

	@Test
	void shouldKeepOnlyTheRequestedKinds() {
		List<Map<String, Object>> hits = search("nghi quyet 22", List.of("DOCUMENT"), 50);

		assertThat(hits).isNotEmpty().allSatisfy(h -> {
			assertThat(h.get("kind")).isEqualTo("DOCUMENT");
			assertThat(h.get("article")).isNull();
		});
		assertThat(search("Dak Lak", List.of("PROVINCE", "PARTY_BODY"), 50)).extracting(h -> h.get("kind"))
			.containsOnly("PROVINCE", "PARTY_BODY");
	}

	@Test
	void shouldHighlightTheOwnArticleAndEscapeItsHtml() {
		List<Map<String, Object>> hits = search("krong buk", List.of("ARTICLE"), 10);

		assertThat(hits).extracting(SearchIT::key).containsExactly(KRONG_BUK);
		assertThat((String) hits.get(0).get("snippet")).contains("<mark>Krông</mark> <mark>Búk</mark>")
			.contains("&lt;về&gt; đất đai &amp; rừng")
			.doesNotContain("<về>");
	}

	@Test
	void shouldMatchAQuotedPhraseOnly() {
		assertThat(search("\"krong buk\"", List.of("ARTICLE"), 10)).extracting(SearchIT::key)
			.containsExactly(KRONG_BUK);
		assertThat(search("\"buk krong\"", List.of("ARTICLE"), 10)).isEmpty();
	}

	@Test
	void shouldLimitTheHits() {
		assertThat(search("tinh uy", null, 2)).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "22-NQ/TW", "\"(", "title:(x", "a AND OR NOT", "*?~^", "[1 TO 2]", "\\", "961-NQ/TW&&||!" })
	void shouldTakeSpecialCharactersAsPlainText(String text) {
		this.graphQl.documentName("search")
			.variable("text", text)
			.execute()
			.errors()
			.verify()
			.path("search")
			.entityList(MAP);
	}

	@Test
	void shouldFindACodeAsWords() {
		assertThat(search("961-NQ/TW", null, 10)).extracting(SearchIT::key).contains("961-NQ/TW|TW|2025-05-05");
	}

	@Test
	void shouldRejectBlankText() {
		for (String text : List.of("", "   ")) {
			this.graphQl.documentName("search").variable("text", text).execute().errors().satisfy(errors -> {
				assertThat(errors).singleElement().satisfies(e -> {
					assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
					assertThat(e.getMessage()).contains("text");
				});
			});
		}
	}

	@Test
	void shouldRejectTooManyHits() {
		this.graphQl.documentName("search")
			.variable("text", "Dak Lak")
			.variable("first", 51)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

}
