package org.policygraph.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a careless or hostile client sends through {@code ingestArticles}: URLs spelled in
 * other ways or carrying a password, a title with a right-to-left override, duplicates in
 * one call.
 */
class IngestHardeningIT extends HarnessIntegrationTests {

	private static final String HOST = "ingest-hardening.example";

	private static final String INGEST = """
			mutation ($input: IngestArticlesInput!) {
			  ingestArticles(input: $input) {
			    newCount changedCount unchangedCount rejectedCount failedCount duplicateCount checkedCount
			    results { index articleId status reason }
			  }
			}""";

	@LocalServerPort
	private int port;

	@Autowired
	private Driver driver;

	private RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, "https://" + HOST + "/");
		TestArticles.remove(this.driver, "https://xn--");
	}

	private JsonNode ingest(boolean dryRun, Map<?, ?>... articles) throws Exception {
		RawHttp.Answer answer = this.http.graphQl(INGEST,
				Map.of("input", Map.of("articles", List.of(articles), "dryRun", dryRun)), "editor", EDITOR_PASSWORD,
				null);
		JsonNode payload = answer.json().path("data").path("ingestArticles");
		assertThat(payload.isObject()).as(answer.body()).isTrue();
		return payload;
	}

	private static Map<String, String> article(String url, String title) {
		return Map.of("url", url, "title", title, "publishedAt", "2020-02-20", "text",
				"Ban Thường vụ Tỉnh ủy Nghệ An tổ chức quán triệt và triển khai thực hiện Chỉ thị số 982-CT/TW ngày 1-2-2020 của Ban Bí thư.");
	}

	private List<String> storedUrls(String prefix) {
		try (var session = this.driver.session()) {
			return session
				.run("MATCH (a:Article) WHERE a.url STARTS WITH $prefix RETURN a.url AS url ORDER BY url",
						Map.of("prefix", prefix))
				.list(r -> r.get("url").asString());
		}
	}

	private static List<String> statuses(JsonNode payload) {
		List<String> statuses = new ArrayList<>();
		payload.path("results").forEach(r -> statuses.add(r.path("status").asString()));
		return statuses;
	}

	@Test
	void shouldStoreOneIdentityForTheSpellingsOfAUrl() throws Exception {
		JsonNode first = ingest(false, article("HTTPS://Ingest-Hardening.EXAMPLE:443/Bai-Viet?id=7#binh-luan",
				"Nghệ An triển khai Chỉ thị số 982-CT/TW"));
		assertThat(first.path("results").get(0).path("articleId").asString())
			.isEqualTo("https://" + HOST + "/Bai-Viet?id=7");

		JsonNode again = ingest(false,
				article("https://ingest-hardening.example/Bai-Viet?id=7", "Nghệ An triển khai Chỉ thị số 982-CT/TW"));

		assertThat(statuses(again)).containsExactly("UNCHANGED");
		assertThat(storedUrls("https://" + HOST)).containsExactly("https://" + HOST + "/Bai-Viet?id=7");
	}

	@Test
	void shouldStoreAnInternationalHostInItsAsciiForm() throws Exception {
		JsonNode payload = ingest(false, article("https://Báo.ViệtNam.vn/bài-viết", "Nghệ An triển khai Chỉ thị"));

		assertThat(payload.path("results").get(0).path("articleId").asString())
			.isEqualTo("https://xn--bo-mia.xn--vitnam-jk8b.vn/bài-viết");
	}

	@Test
	void shouldRejectAUrlWithAPasswordInItsOwnResultAndWriteTheOthers() throws Exception {
		JsonNode payload = ingest(false,
				article("https://editor:hunter2@" + HOST + "/with-password", "Nghệ An triển khai Chỉ thị"),
				article("https://" + HOST + "/clean", "Nghệ An triển khai Chỉ thị số 982-CT/TW"));

		assertThat(statuses(payload)).containsExactly("REJECTED", "NEW");
		assertThat(payload.path("results").get(0).path("reason").asString()).contains("user name or password")
			.doesNotContain("hunter2");
		assertThat(storedUrls("https://" + HOST)).containsExactly("https://" + HOST + "/clean");
		try (var session = this.driver.session()) {
			assertThat(session.run("MATCH (a:Article) WHERE a.url CONTAINS 'hunter2' RETURN count(a) AS n")
				.single()
				.get("n")
				.asLong()).isZero();
		}
	}

	@Test
	void shouldReportInCallDuplicatesAlikeInADryRunAndARealRunAndCountThem() throws Exception {
		Map<String, String> a = article("https://" + HOST + "/dup", "Nghệ An triển khai Chỉ thị số 982-CT/TW");
		Map<String, String> sameOtherSpelling = article("https://INGEST-HARDENING.example/dup#top",
				"Nghệ An triển khai Chỉ thị số 982-CT/TW");
		Map<String, String> b = article("https://" + HOST + "/other", "Nghệ An quán triệt Chỉ thị số 982-CT/TW");

		JsonNode dry = ingest(true, a, sameOtherSpelling, b);
		assertThat(storedUrls("https://" + HOST)).isEmpty();
		JsonNode real = ingest(false, a, sameOtherSpelling, b);

		assertThat(statuses(dry)).containsExactly("CHECKED", "DUPLICATE", "CHECKED");
		assertThat(statuses(real)).containsExactly("NEW", "DUPLICATE", "NEW");
		assertThat(dry.path("duplicateCount").asInt()).isEqualTo(1);
		assertThat(dry.path("checkedCount").asInt()).isEqualTo(2);
		assertThat(real.path("duplicateCount").asInt()).isEqualTo(1);
		assertThat(real.path("newCount").asInt()).isEqualTo(2);
		assertThat(real.path("checkedCount").asInt()).isZero();
	}

	@Test
	void shouldStripBidirectionalControlsFromTheStoredTitle() throws Exception {
		ingest(false,
				article("https://" + HOST + "/rlo", "Nghệ An \u202Efdp.exe\u202C triển khai\u2066 Chỉ thị\u2069"));

		try (var session = this.driver.session()) {
			String title = session
				.run("MATCH (a:Article {url: $url}) RETURN a.title AS title", Map.of("url", "https://" + HOST + "/rlo"))
				.single()
				.get("title")
				.asString();
			assertThat(title).isEqualTo("Nghệ An fdp.exe triển khai Chỉ thị");
		}
	}

}
