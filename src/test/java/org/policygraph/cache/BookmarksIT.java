package org.policygraph.cache;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.neo4j.GraphBookmarks;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.RoutingHarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes across stateless instances: {@code ingestArticles} hands out the
 * bookmarks of its writes (payload and {@code Neo4j-Bookmarks} response header); a later
 * request to any instance sends them back (header or {@code bookmarks} extension) and
 * runs once the database has reached them. Bookmarks the database rejects are a
 * {@code BAD_REQUEST}; bookmarks it has not reached in time (here: one crafted to lie a
 * million transactions ahead) get a "not yet visible" error after the wait timeout (2 s
 * in these tests), and do not hold up later requests. Requests go over plain HTTP so that
 * status codes and headers are checked as a client sees them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookmarksIT extends RoutingHarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/bookmarks-it/";

	private static final String HEADER = "Neo4j-Bookmarks";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private Driver driver;

	@Autowired
	private GraphBookmarks bookmarks;

	@Autowired
	private ApplicationEventPublisher events;

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private HttpResponse<String> graphQl(String query, Map<String, Object> variables, Map<String, Object> extensions,
			String... headers) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		if (!extensions.isEmpty()) {
			body.put("extensions", extensions);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> articleQuery(String id, Map<String, Object> extensions, String... headers)
			throws Exception {
		return graphQl("query($id: ID!) { article(id: $id) { id title } }", Map.of("id", id), extensions, headers);
	}

	/** Ingests one new article as the editor; returns the response. */
	private HttpResponse<String> ingest(String slug) throws Exception {
		String auth = Base64.getEncoder()
			.encodeToString(("editor:" + HarnessIntegrationTests.EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
		Map<String, Object> article = Map.of("url", PREFIX + slug, "title", "Sơn La thực hiện Chỉ thị số 951-CT/TW",
				"text", "Tỉnh ủy Sơn La thực hiện Chỉ thị số 951-CT/TW ngày 1-2-2020 của Ban Bí thư (" + slug + ").",
				"publishedAt", "2020-03-01");
		return graphQl("""
				mutation($input: IngestArticlesInput!) {
				  ingestArticles(input: $input) { newCount bookmarks }
				}""", Map.of("input", Map.of("articles", List.of(article))), Map.of(), "Authorization",
				"Basic " + auth);
	}

	private List<String> bookmarksOf(HttpResponse<String> ingest) {
		JsonNode body = this.json.readTree(ingest.body());
		assertThat(body.at("/errors").isMissingNode()).as(ingest.body()).isTrue();
		assertThat(body.at("/data/ingestArticles/newCount").asInt()).isEqualTo(1);
		List<String> bookmarks = new ArrayList<>();
		body.at("/data/ingestArticles/bookmarks").forEach(b -> bookmarks.add(b.asString()));
		return bookmarks;
	}

	private JsonNode errorOf(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isLessThan(500);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.path("data").isNull() || body.path("data").isMissingNode()).as(response.body()).isTrue();
		JsonNode errors = body.path("errors");
		assertThat(errors.size()).as(response.body()).isEqualTo(1);
		return errors.get(0);
	}

	@Test
	void shouldReturnTheBookmarksOfAnIngestInThePayloadAndTheResponseHeader() throws Exception {
		HttpResponse<String> response = ingest("payload");

		List<String> bookmarks = bookmarksOf(response);
		assertThat(bookmarks).isNotEmpty().allSatisfy(b -> assertThat(b).isNotBlank());
		assertThat(response.headers().firstValue(HEADER)).hasValue(String.join(",", bookmarks));
	}

	@Test
	void shouldSendTheBookmarksOfAMutationInTheHeaderEvenWhenThePayloadDoesNotAskForThem() throws Exception {
		String auth = Base64.getEncoder()
			.encodeToString(("editor:" + HarnessIntegrationTests.EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
		Map<String, Object> article = Map.of("url", PREFIX + "header-only", "title",
				"Sơn La thực hiện Chỉ thị số 951-CT/TW", "text",
				"Tỉnh ủy Sơn La thực hiện Chỉ thị số 951-CT/TW ngày 1-2-2020 của Ban Bí thư (header-only).",
				"publishedAt", "2020-03-01");

		HttpResponse<String> response = graphQl("""
				mutation($input: IngestArticlesInput!) {
				  ingestArticles(input: $input) { newCount }
				}""", Map.of("input", Map.of("articles", List.of(article))), Map.of(), "Authorization",
				"Basic " + auth);

		assertThat(this.json.readTree(response.body()).at("/data/ingestArticles/newCount").asInt()).as(response.body())
			.isEqualTo(1);
		assertThat(this.bookmarks.current()).isNotEmpty();
		assertThat(response.headers().firstValue(HEADER)).hasValue(String.join(",", this.bookmarks.current()));
		HttpResponse<String> query = articleQuery(PREFIX + "header-only", Map.of());
		assertThat(query.headers().firstValue(HEADER)).as("a query's response carries none").isEmpty();
	}

	@Test
	void shouldForgetTheBookmarksOfAReplacedStore() throws Exception {
		bookmarksOf(ingest("replaced"));
		assertThat(this.bookmarks.current()).isNotEmpty();

		this.events.publishEvent(GraphChanged.storeReplaced());

		assertThat(this.bookmarks.current()).isEmpty();
	}

	@Test
	void shouldReadTheIngestedArticleWithItsBookmarksInTheHeaderOrTheExtension() throws Exception {
		List<String> bookmarks = bookmarksOf(ingest("read-your-writes"));

		HttpResponse<String> withHeader = articleQuery(PREFIX + "read-your-writes", Map.of(), HEADER,
				String.join(",", bookmarks));
		HttpResponse<String> withExtension = articleQuery(PREFIX + "read-your-writes", Map.of("bookmarks", bookmarks));

		for (HttpResponse<String> response : List.of(withHeader, withExtension)) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(this.json.readTree(response.body()).at("/data/article/id").asString())
				.isEqualTo(PREFIX + "read-your-writes");
		}
	}

	@Test
	void shouldRejectAMalformedBookmarkWithABadRequest() throws Exception {
		JsonNode inHeader = errorOf(articleQuery(PREFIX + "none", Map.of(), HEADER, "not-a-bookmark"));
		JsonNode inExtension = errorOf(articleQuery(PREFIX + "none", Map.of("bookmarks", List.of("FB:kcwQ"))));
		JsonNode notStrings = errorOf(articleQuery(PREFIX + "none", Map.of("bookmarks", 42)));

		assertThat(inHeader.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(inHeader.at("/extensions/reason").asString()).isEqualTo("INVALID_BOOKMARK");
		assertThat(inHeader.path("message").asString()).contains("Neo4j-Bookmarks header");
		assertThat(inExtension.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(inExtension.path("message").asString()).contains("'bookmarks' request extension");
		assertThat(notStrings.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void shouldAnswerNotYetVisibleForABookmarkTheDatabaseHasNotReachedAndGoOnServingOthers() throws Exception {
		String ahead = aheadOf(bookmarksOf(ingest("ahead")).get(0));

		JsonNode error = errorOf(articleQuery(PREFIX + "ahead", Map.of(), HEADER, ahead));
		HttpResponse<String> afterwards = articleQuery(PREFIX + "ahead", Map.of());

		assertThat(error.at("/extensions/reason").asString()).isEqualTo("BOOKMARK_NOT_REACHED");
		assertThat(error.path("message").asString()).startsWith("Not yet visible").contains("within 2 s");
		assertThat(afterwards.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(afterwards.body()).at("/data/article/id").asString()).isEqualTo(PREFIX + "ahead");
	}

	@Test
	void shouldHonourBookmarksOnDownloads() throws Exception {
		List<String> bookmarks = bookmarksOf(ingest("download"));
		String path = "/export/neighbourhood.json?id=" + URLEncoder.encode(PREFIX + "download", StandardCharsets.UTF_8);

		HttpResponse<String> valid = download(path, String.join(",", bookmarks));
		HttpResponse<String> invalid = download(path, "not-a-bookmark");

		assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.json.readTree(invalid.body()).path("reason").asString()).isEqualTo("INVALID_BOOKMARK");
	}

	private HttpResponse<String> download(String path, String bookmarks) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header(HEADER, bookmarks)
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A bookmark for the same database, a million transactions later. Neo4j 5 bookmarks
	 * are {@code FB:} and Base64 of PackStream: a list holding the database id (16
	 * bytes), the transaction id (an integer), then a list.
	 */
	private static String aheadOf(String bookmark) {
		assertThat(bookmark).startsWith("FB:");
		byte[] raw = Base64.getDecoder().decode(bookmark.substring(3));
		assertThat(raw[0] & 0xFF).as("a one-element list").isEqualTo(0x91);
		assertThat(raw[1] & 0xFF).as("bytes").isEqualTo(0xCC);
		assertThat(raw[2]).as("of 16").isEqualTo((byte) 16);
		int at = 19;
		int marker = raw[at] & 0xFF;
		int length;
		long txId;
		ByteBuffer buffer = ByteBuffer.wrap(raw, at + 1, raw.length - at - 1);
		if (marker < 0x80 || marker >= 0xF0) {
			length = 1;
			txId = (byte) marker;
		}
		else {
			switch (marker) {
				case 0xC8 -> {
					length = 2;
					txId = buffer.get();
				}
				case 0xC9 -> {
					length = 3;
					txId = buffer.getShort();
				}
				case 0xCA -> {
					length = 5;
					txId = buffer.getInt();
				}
				case 0xCB -> {
					length = 9;
					txId = buffer.getLong();
				}
				default -> throw new AssertionError("Unexpected transaction id marker " + marker);
			}
		}
		ByteBuffer ahead = ByteBuffer.allocate(raw.length - length + 9);
		ahead.put(raw, 0, at)
			.put((byte) 0xCB)
			.putLong(txId + 1_000_000)
			.put(raw, at + length, raw.length - at - length);
		return "FB:" + Base64.getEncoder().encodeToString(ahead.array());
	}

}
