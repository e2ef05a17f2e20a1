package org.policygraph.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.policygraph.support.Testers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API over HTTP against a graph loaded from the bundled sample through the real
 * pipeline. Subclasses choose the database: the in-process harness or a Testcontainers
 * Neo4j.
 */
public abstract class GraphApiTests {

	protected HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@Test
	void shouldListAllProvincialUnitsAndFilterByEra() {
		assertThat(provinceCount(null)).isEqualTo(86);
		assertThat(provinceCount("PRE_2025")).isEqualTo(63);
		assertThat(provinceCount("POST_2025")).isEqualTo(34);
	}

	private int provinceCount(String era) {
		return this.graphQl.documentName("provinces")
			.variable("era", era)
			.execute()
			.path("provinces[*].key")
			.entityList(String.class)
			.get()
			.size();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Đắk Lắk", "Đăk Lăk", "Dak Lak", "Daklak", "dak lak", "tỉnh Đắk Lắk", "66" })
	void shouldFindAProvinceByAnySpelling(String spelling) {
		this.graphQl.documentName("provinceByName")
			.variable("name", spelling)
			.execute()
			.path("province.key")
			.entity(String.class)
			.isEqualTo("66")
			.path("province.mergedInto.key")
			.entity(String.class)
			.isEqualTo("66-2025");
	}

	@Test
	void shouldFindAProvinceFromDecomposedUnicodeAndOldToneMarks() {
		String nfd = Normalizer.normalize("Khánh Hòa", Normalizer.Form.NFD);
		this.graphQl.documentName("provinceByName")
			.variable("name", nfd)
			.execute()
			.path("province.name")
			.entity(String.class)
			.isEqualTo("Khánh Hòa");
		this.graphQl.documentName("provinceByName")
			.variable("name", "Khánh Hoà")
			.execute()
			.path("province.gsoCode")
			.entity(String.class)
			.isEqualTo("56");
	}

	@Test
	void shouldResolveTheCityByItsAbbreviation() {
		this.graphQl.documentName("provinceByName")
			.variable("name", "TP.HCM")
			.execute()
			.path("province.key")
			.entity(String.class)
			.isEqualTo("79");
	}

	@Test
	void shouldResolveANameToTheMergedUnitAfterJuly2025() {
		this.graphQl.documentName("provinceByName")
			.variable("name", "Đắk Lắk")
			.variable("asOf", "2026-03-01")
			.execute()
			.path("province.key")
			.entity(String.class)
			.isEqualTo("66-2025")
			.path("province.mergedFrom[*].key")
			.entityList(String.class)
			.satisfies(keys -> assertThat(keys).containsExactlyInAnyOrder("66", "54"));
	}

	@Test
	void shouldReturnNullForAnUnknownProvince() {
		this.graphQl.documentName("provinceByName")
			.variable("name", "Atlantis")
			.execute()
			.path("province")
			.valueIsNull();
	}

	@Test
	void shouldHaveTheSevenSampleArticles() {
		this.graphQl.documentName("articlesPage")
			.variable("first", 100)
			.execute()
			.path("articles.edges[*].node.title")
			.entityList(String.class)
			.contains("Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk",
					"Long An thực hiện đánh giá chất lượng đảng bộ cấp huyện và tương đương hằng năm");
	}

	@Test
	void shouldWalkAllArticlesPageByPageWithCursors() {
		int total = this.graphQl.documentName("articlesPage")
			.variable("first", 1)
			.execute()
			.path("articles.totalCount")
			.entity(Integer.class)
			.get();
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			var response = this.graphQl.documentName("articlesPage")
				.variable("first", 2)
				.variable("after", after)
				.execute();
			seen.addAll(response.path("articles.edges[*].node.id").entityList(String.class).get());
			hasNext = response.path("articles.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = response.path("articles.pageInfo.endCursor").entity(String.class).get();
			assertThat(seen.size()).isLessThanOrEqualTo(total);
		}
		assertThat(seen).hasSize(total).doesNotHaveDuplicates();
		assertThat(total).isGreaterThanOrEqualTo(7);
	}

	@Test
	void shouldRejectAForeignCursorAsABadRequest() {
		this.graphQl.documentName("articlesPage")
			.variable("first", 2)
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.satisfy(errors -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(errors.get(0).getMessage()).contains("after");
			});
	}

	@Test
	void shouldRejectAPageSizeOverTheLimit() {
		this.graphQl.documentName("articlesPage").variable("first", 1000).execute().errors().satisfy(errors -> {
			assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("between 1 and 100"));
		});
	}

	@Test
	void shouldShowWhichProvinceImplementsResolution22AndThroughWhichPlan() {
		var response = this.graphQl.documentName("documentsByCode").variable("code", "22-NQ/TW").execute();
		List<Map<String, Object>> documents = response.path("documentsByCode").entityList(MAP).get();
		Map<String, Object> dated = documents.stream()
			.filter(d -> "22-NQ/TW|TW|2008-02-02".equals(d.get("key")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("22-NQ/TW of 2-2-2008 missing: " + documents));
		assertThat(dated.get("type")).isEqualTo("RESOLUTION");
		assertThat(dated.get("term")).isEqualTo("X");
		assertThat(keys(dated.get("issuedBy"))).contains("TW/ban-chap-hanh-trung-uong");
		assertThat(keys(dated.get("implementedByProvinces"))).contains("66");
		assertThat(keys(dated.get("implementedByDocuments"))).contains("48-KH/TU|66|2008-04-28");
	}

	@Test
	void shouldAcceptACodeWithSpacesAndDashVariants() {
		this.graphQl.documentName("documentsByCode")
			.variable("code", "22 – nq/tw")
			.execute()
			.path("documentsByCode[*].code")
			.entityList(String.class)
			.contains("22-NQ/TW");
	}

	@Test
	void shouldFollowSocTrangsGuidanceUpToTheCentralDirective() {
		var response = this.graphQl.documentName("documentLineage")
			.variable("key", "08-HD/BTCTU|94|2018-08-07")
			.execute();
		response.path("document.type").entity(String.class).isEqualTo("GUIDANCE");
		response.path("document.issuedBy[*].key").entityList(String.class).contains("94/ban-to-chuc-tinh-uy");
		List<String> implemented = response.path("document.implements[*].key").entityList(String.class).get();
		assertThat(implemented).contains("12-HD/BTCTW|TW|2018-07-06", "18-KL/TW|TW|2017-09-22");
		// The seed cites Chỉ thị 10 by its term (khóa X). Articles other tests ingest
		// into the shared graph date it
		// (30-3-2007, within term X): then the term-only citation is that dated document,
		// one node either way.
		response.path("document.implements[?(@.key == '18-KL/TW|TW|2017-09-22')].implements[*].key")
			.entityList(String.class)
			.hasSize(1)
			.satisfies(keys -> assertThat(keys.get(0)).isIn("10-CT/TW|TW|kX", "10-CT/TW|TW|2007-03-30"));
	}

	@Test
	void shouldKeepLongAnsQuyDinhARegulation() {
		this.graphQl.documentName("documentsByCode")
			.variable("code", "07-QĐ/TU")
			.execute()
			.path("documentsByCode[0].type")
			.entity(String.class)
			.isEqualTo("REGULATION")
			.path("documentsByCode[0].issuedBy[*].key")
			.entityList(String.class)
			.contains("80/ban-thuong-vu-tinh-uy");
	}

	@Test
	void shouldCountWhatTheGraphHolds() {
		this.graphQl.documentName("about")
			.execute()
			.path("about.provinceCount")
			.entity(Integer.class)
			.isEqualTo(86)
			.path("about.articleCount")
			.entity(Integer.class)
			.satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(7))
			.path("about.documentCount")
			.entity(Integer.class)
			.satisfies(n -> assertThat(n).isGreaterThan(8));
	}

	@Test
	void shouldAnswerTheVersionTheProjectWasBuiltAs() throws IOException {
		Matcher project = Pattern.compile("<artifactId>policy-graph</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(Files.readString(Path.of("pom.xml")));
		assertThat(project.find()).isTrue();

		this.graphQl.documentName("aboutVersion")
			.execute()
			.path("about.version")
			.entity(String.class)
			.isEqualTo(project.group(1));
	}

	@Test
	void shouldExtractWithoutWriting() {
		int before = this.graphQl.documentName("about")
			.execute()
			.path("about.documentCount")
			.entity(Integer.class)
			.get();
		this.graphQl.documentName("extract")
			.variable("input", Map.of("title", "Nghệ An triển khai Chỉ thị 99-CT/TW", "text",
					"Thực hiện Chỉ thị số 99-CT/TW ngày 3-3-2031 của Ban Bí thư, Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 999-KH/TU ngày 4-4-2031.",
					"publishedAt", "2031-05-01"))
			.execute()
			.path("extract.articleProvinceKey")
			.entity(String.class)
			.isEqualTo("40")
			.path("extract.documents[*].key")
			.entityList(String.class)
			.contains("99-CT/TW|TW|2031-03-03", "999-KH/TU|40|2031-04-04");
		int after = this.graphQl.documentName("about")
			.execute()
			.path("about.documentCount")
			.entity(Integer.class)
			.get();
		assertThat(after).isEqualTo(before);
	}

	private static final Class<Map<String, Object>> MAP = castMap();

	@SuppressWarnings("unchecked")
	private static Class<Map<String, Object>> castMap() {
		return (Class<Map<String, Object>>) (Class<?>) Map.class;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> keys(Object list) {
		Set<String> keys = new HashSet<>();
		for (Object item : (List<Object>) list) {
			keys.add((String) ((Map<String, Object>) item).get("key"));
		}
		return keys;
	}

}
