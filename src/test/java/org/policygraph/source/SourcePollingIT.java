package org.policygraph.source;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.source.SourcePoller.PollResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Polling sources end to end against a real HTTP server and the in-process Neo4j: the
 * articles of a summary-only feed fetched from their pages, ingested and queryable; 304
 * on the next poll; only a new item fetched when the feed changes; failures recorded with
 * backoff; robots.txt; the GraphQL query and the editor's mutations.
 */
class SourcePollingIT extends HarnessIntegrationTests {

	private static final String FEED = "/rss/to-chuc-co-so-dang.rss";

	private static final String[] PAGES = { "/xay-dung-dang/ha-tinh-trien-khai-nghi-quyet-21-nq-tw-1001.html",
			"/xay-dung-dang/bac-giang-nang-cao-chat-luong-sinh-hoat-chi-bo-1002.html",
			"/xay-dung-dang/long-an-danh-gia-chat-luong-dang-bo-cap-huyen-1003.html",
			"/xay-dung-dang/nghe-an-so-ket-5-nam-chi-thi-28-ct-tw-1004.html" };

	private final TestSite site = new TestSite();

	@Autowired
	private SourceService sources;

	@Autowired
	private Driver driver;

	@LocalServerPort
	private int port;

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@AfterEach
	void cleanUp() {
		this.site.close();
		SourceGraph.remove(this.driver, this.site.base());
	}

	private void serveArticles() {
		for (int i = 0; i < PAGES.length; i++) {
			this.site.fixture(PAGES[i], "article-100" + (i + 1) + ".html", "text/html; charset=utf-8");
		}
	}

	private String feedUrl() {
		return this.site.url(FEED);
	}

	private PollResult poll(String url) throws InterruptedException {
		return this.sources.pollNow(url).orElseThrow();
	}

	private Source source(String url) {
		return this.sources.source(url).orElseThrow();
	}

	@Test
	void shouldIngestTheArticlePagesOfASummaryFeedSoThatTheyAreQueryableWithProvincesAndDocuments() throws Exception {
		this.site.fixture(FEED, "feed-summary.rss", "application/rss+xml; charset=utf-8");
		serveArticles();
		this.sources.add(feedUrl(), SourceKind.FEED);

		PollResult result = poll(feedUrl());

		assertThat(result.status()).isEqualTo(SourceStatus.OK);
		assertThat(result.items()).isEqualTo(3);
		assertThat(result.pagesFetched()).isEqualTo(3);
		assertThat(result.newArticles()).isEqualTo(3);
		assertThat(this.site.paths()).containsExactlyInAnyOrder(FEED, PAGES[0], PAGES[1], PAGES[2]);
		var article = this.graphQl.documentName("sourceArticle").variable("id", this.site.url(PAGES[0])).execute();
		article.path("article.title")
			.entity(String.class)
			.isEqualTo("Hà Tĩnh triển khai Nghị quyết số 21-NQ/TW về củng cố tổ chức cơ sở đảng");
		// the page's body, not only the feed's summary
		article.path("article.text")
			.entity(String.class)
			.satisfies(text -> assertThat(text).contains("Kế hoạch số 112-KH/TU ngày 5-8-2022"));
		article.path("article.publishedAt").entity(String.class).isEqualTo("2022-09-20");
		article.path("article.provinces[*].name").entityList(String.class).contains("Hà Tĩnh");
		article.path("article.documents[*].code").entityList(String.class).contains("21-NQ/TW", "112-KH/TU");
		Source source = source(feedUrl());
		assertThat(source.newArticles()).isEqualTo(3);
		assertThat(source.items()).isEqualTo(3);
		assertThat(source.lastHttpStatus()).isEqualTo(200);
		assertThat(source.validators().etag()).isNotNull();
	}

	@Test
	void shouldAnswerTheSecondPollWithNotModifiedAndIngestNothing() throws Exception {
		this.site.fixture(FEED, "feed-summary.rss", "application/rss+xml; charset=utf-8");
		serveArticles();
		this.sources.add(feedUrl(), SourceKind.FEED);
		poll(feedUrl());
		long articles = articleCount();
		this.site.clearRequests();

		PollResult second = poll(feedUrl());

		assertThat(second.status()).isEqualTo(SourceStatus.NOT_MODIFIED);
		assertThat(second.requests()).isEqualTo(1);
		assertThat(this.site.paths()).containsExactly(FEED);
		assertThat(this.site.requests(FEED).get(0).headers()).containsKey("if-none-match");
		assertThat(articleCount()).isEqualTo(articles);
		Source source = source(feedUrl());
		assertThat(source.lastStatus()).isEqualTo(SourceStatus.NOT_MODIFIED);
		assertThat(source.lastPollNewArticles()).isZero();
		assertThat(source.newArticles()).isEqualTo(3);
	}

	@Test
	void shouldNotPollAgainASourceReadAsDueBeforeAPollThatHasEndedSince() throws Exception {
		this.site.fixture(FEED, "feed-summary.rss", "application/rss+xml; charset=utf-8");
		serveArticles();
		this.sources.add(feedUrl(), SourceKind.FEED);
		Source readAsDue = source(feedUrl());
		poll(feedUrl());
		this.site.clearRequests();

		boolean started = this.sources.submitDue(readAsDue);

		assertThat(started).isFalse();
		assertThat(this.sources.isPolling(feedUrl())).isFalse();
		assertThat(this.site.paths()).isEmpty();
		assertThat(source(feedUrl()).nextPollAt()).isAfter(readAsDue.nextPollAt());
	}

	@Test
	void shouldFetchAndIngestOnlyTheNewItemWhenTheFeedChanges() throws Exception {
		AtomicReference<String> feed = new AtomicReference<>("feed-summary.rss");
		this.site.route(FEED, exchange -> TestSite.send(exchange, 200, "application/rss+xml",
				this.site.fixture(feed.get()).getBytes(StandardCharsets.UTF_8)));
		serveArticles();
		this.sources.add(feedUrl(), SourceKind.FEED);
		poll(feedUrl());
		this.site.clearRequests();
		feed.set("feed-summary-updated.rss");

		PollResult second = poll(feedUrl());

		assertThat(this.site.paths()).containsExactly(FEED, PAGES[3]);
		assertThat(second.items()).isEqualTo(4);
		assertThat(second.newArticles()).isEqualTo(1);
		assertThat(second.report().changedArticles() + second.report().unchangedArticles()).isZero();
		assertThat(source(feedUrl()).newArticles()).isEqualTo(4);
		this.graphQl.documentName("sourceArticle")
			.variable("id", this.site.url(PAGES[3]))
			.execute()
			.path("article.documents[*].code")
			.entityList(String.class)
			.contains("28-CT/TW");
	}

	@Test
	void shouldRecordATimeoutAsAFailureAndPollLaterAfterEachFailure() throws Exception {
		this.site.route(FEED, exchange -> Thread.sleep(10_000));
		this.sources.add(feedUrl(), SourceKind.FEED);
		OffsetDateTime before = OffsetDateTime.now();

		PollResult first = poll(feedUrl());
		Source afterOne = source(feedUrl());
		PollResult second = poll(feedUrl());
		Source afterTwo = source(feedUrl());

		assertThat(first.status()).isEqualTo(SourceStatus.FAILED);
		assertThat(first.error()).contains("no complete answer");
		assertThat(afterOne.failures()).isEqualTo(1);
		assertThat(afterOne.lastStatus()).isEqualTo(SourceStatus.FAILED);
		assertThat(afterOne.lastError()).contains("no complete answer");
		assertThat(afterOne.lastFetchedAt()).isAfterOrEqualTo(before.minusSeconds(1));
		// poll interval 15 min: twice that after one failure, four times after two
		assertThat(afterOne.nextPollAt()).isAfterOrEqualTo(before.plusMinutes(30))
			.isBefore(OffsetDateTime.now().plusMinutes(31));
		assertThat(second.status()).isEqualTo(SourceStatus.FAILED);
		assertThat(afterTwo.failures()).isEqualTo(2);
		assertThat(afterTwo.nextPollAt()).isAfterOrEqualTo(before.plusMinutes(60));
	}

	@Test
	void shouldPollNoEarlierThanRetryAfterWhenTheSourceIsUnavailable() throws Exception {
		this.site.route(FEED, exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "7200");
			TestSite.send(exchange, 503, "text/html", "Hệ thống đang bảo trì".getBytes(StandardCharsets.UTF_8));
		});
		this.sources.add(feedUrl(), SourceKind.FEED);
		OffsetDateTime before = OffsetDateTime.now();

		PollResult result = poll(feedUrl());

		assertThat(result.status()).isEqualTo(SourceStatus.FAILED);
		assertThat(this.site.requests(FEED)).hasSize(1);
		Source source = source(feedUrl());
		assertThat(source.lastHttpStatus()).isEqualTo(503);
		assertThat(source.nextPollAt()).isAfterOrEqualTo(before.plusSeconds(7199));
	}

	@Test
	void shouldLeaveAPageThatTimedOutForTheNextPoll() throws Exception {
		this.site.fixture(FEED, "feed-summary.rss", "application/rss+xml");
		serveArticles();
		AtomicReference<Boolean> slow = new AtomicReference<>(true);
		this.site.route(PAGES[1], exchange -> {
			if (slow.get()) {
				Thread.sleep(10_000);
			}
			TestSite.send(exchange, 200, "text/html; charset=utf-8",
					this.site.fixture("article-1002.html").getBytes(StandardCharsets.UTF_8));
		});
		this.sources.add(feedUrl(), SourceKind.FEED);

		PollResult first = poll(feedUrl());
		slow.set(false);
		this.site.clearRequests();
		PollResult second = poll(feedUrl());

		assertThat(first.newArticles()).isEqualTo(2);
		assertThat(first.pending()).isEqualTo(1);
		assertThat(first.error()).contains("no complete answer");
		// validators were not kept: the second poll reads the feed again and fetches the
		// page left
		assertThat(second.status()).isEqualTo(SourceStatus.OK);
		assertThat(this.site.paths()).containsExactly(FEED, PAGES[1]);
		assertThat(second.newArticles()).isEqualTo(1);
	}

	@Test
	void shouldNotFetchASourceThatRobotsTxtDisallows() throws Exception {
		this.site.route("/robots.txt", exchange -> TestSite.send(exchange, 200, "text/plain",
				"User-agent: policy-graph\nDisallow: /rss/\n".getBytes(StandardCharsets.UTF_8)));
		this.site.fixture(FEED, "feed-summary.rss", "application/rss+xml");
		this.sources.add(feedUrl(), SourceKind.FEED);

		PollResult result = poll(feedUrl());

		assertThat(result.status()).isEqualTo(SourceStatus.DISALLOWED);
		assertThat(this.site.requests(FEED)).isEmpty();
		assertThat(source(feedUrl()).lastError()).contains("robots.txt");
	}

	@Test
	void shouldListSourcesWithTheirStateOverGraphQl() throws Exception {
		this.site.fixture(FEED, "feed-summary.rss", "application/rss+xml");
		serveArticles();
		this.sources.add(feedUrl(), SourceKind.FEED);
		this.sources.add(this.site.url("/sitemap.xml"), SourceKind.SITEMAP);
		poll(feedUrl());

		var first = this.graphQl.documentName("sources").variable("first", 100).execute();
		List<Map<String, Object>> nodes = first.path("sources.edges[*].node")
			.entityList(Object.class)
			.get()
			.stream()
			.map(n -> (Map<String, Object>) n)
			.filter(n -> ((String) n.get("url")).startsWith(this.site.base()))
			.toList();

		assertThat(nodes).extracting(n -> n.get("url"))
			.containsExactly(this.site.url(FEED), this.site.url("/sitemap.xml"));
		Map<String, Object> feed = nodes.get(0);
		assertThat(feed).containsEntry("kind", "FEED")
			.containsEntry("lastStatus", "OK")
			.containsEntry("newArticles", 3)
			.containsEntry("failures", 0)
			.containsEntry("items", 3)
			.containsEntry("polling", false)
			.containsEntry("configured", false)
			.containsEntry("lastHttpStatus", 200);
		assertThat(OffsetDateTime.parse((String) feed.get("nextPollAt")))
			.isAfter(OffsetDateTime.parse((String) feed.get("lastFetchedAt")));
		assertThat(nodes.get(1)).containsEntry("lastStatus", "NEVER_POLLED").containsEntry("lastFetchedAt", null);

		// one source per page: the cursor leads on
		var page = this.graphQl.documentName("sources").variable("first", 1).execute();
		page.path("sources.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = page.path("sources.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("sources")
			.variable("first", 1)
			.variable("after", cursor)
			.execute()
			.path("sources.edges[0].cursor")
			.entity(String.class)
			.satisfies(c -> assertThat(c).isNotEqualTo(cursor));
		this.graphQl.documentName("sources")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@Test
	void shouldRefuseTheMutationsWithoutTheEditorsCredentials() throws Exception {
		this.graphQl.documentName("addSource")
			.variable("input", Map.of("url", feedUrl(), "kind", "FEED"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
		// A wrong password is a GraphQL UNAUTHORIZED error (200 for application/json),
		// never a
		// browser login challenge.
		HttpResponse<String> wrong = postWithPassword("wrong-password");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("UNAUTHORIZED");
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(this.sources.source(feedUrl())).isEmpty();
		assertThat(this.site.requests()).isEmpty();
	}

	private HttpResponse<String> postWithPassword(String password) throws Exception {
		String body = "{\"query\":\"mutation { addSource(input: {url: \\\"" + feedUrl()
				+ "\\\", kind: FEED}) { error } }\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("editor:" + password).getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void shouldAddPollAndRemoveASourceThroughTheEditorsMutations() throws Exception {
		this.site.fixture(FEED, "feed-summary.rss", "application/rss+xml");
		serveArticles();
		HttpGraphQlTester editor = this.graphQl.mutate()
			.headers(h -> h.setBasicAuth("editor", EDITOR_PASSWORD))
			.build();

		var added = editor.documentName("addSource")
			.variable("input", Map.of("url", feedUrl(), "kind", "FEED"))
			.execute();
		added.path("addSource.error").valueIsNull();
		added.path("addSource.source.kind").entity(String.class).isEqualTo("FEED");
		// added sources are polled at once, in the background
		SourceGraph.await(Duration.ofSeconds(60),
				() -> source(feedUrl()).lastFetchedAt() != null && !this.sources.isPolling(feedUrl()));
		this.graphQl.documentName("source")
			.variable("url", feedUrl())
			.execute()
			.path("source.newArticles")
			.entity(Integer.class)
			.isEqualTo(3);

		editor.documentName("addSource")
			.variable("input", Map.of("url", feedUrl(), "kind", "FEED"))
			.execute()
			.path("addSource.error")
			.entity(String.class)
			.satisfies(e -> assertThat(e).contains("already a source"));
		editor.documentName("addSource")
			.variable("input", Map.of("url", "ftp://example.org/feed", "kind", "FEED"))
			.execute()
			.path("addSource.error")
			.entity(String.class)
			.satisfies(e -> assertThat(e).contains("http(s)"));

		this.site.clearRequests();
		editor.documentName("pollSource")
			.variable("input", Map.of("url", feedUrl()))
			.execute()
			.path("pollSource.started")
			.entity(Boolean.class)
			.isEqualTo(true);
		SourceGraph.await(Duration.ofSeconds(60), () -> source(feedUrl()).lastStatus() == SourceStatus.NOT_MODIFIED
				&& !this.sources.isPolling(feedUrl()));
		assertThat(this.site.paths()).containsExactly(FEED);

		editor.documentName("removeSource")
			.variable("input", Map.of("url", feedUrl()))
			.execute()
			.path("removeSource.source.url")
			.entity(String.class)
			.isEqualTo(feedUrl());
		assertThat(this.sources.source(feedUrl())).isEmpty();
		editor.documentName("pollSource")
			.variable("input", Map.of("url", feedUrl()))
			.execute()
			.path("pollSource.started")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("pollSource.error")
			.entity(String.class)
			.satisfies(e -> assertThat(e).contains("not a source"));
		// the articles it brought stay
		assertThat(articleCount()).isEqualTo(3);
	}

	private long articleCount() {
		return SourceGraph.count(this.driver, "MATCH (a:Article) WHERE a.url STARTS WITH $prefix RETURN count(a)",
				Map.of("prefix", this.site.base()));
	}

}
