package org.policygraph.source;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.ingest.cli.IngestCommand;
import org.policygraph.source.SourcePoller.PollResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.InProcessNeo4j;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other kinds of sources against a real HTTP server: a full-text Atom feed (no page
 * fetched), a sitemap (a newer lastmod fetched again conditionally, other hosts ignored),
 * a listing page (only its article links followed), and a feed URL on the ingest command
 * line.
 */
class SourceKindsIT extends HarnessIntegrationTests {

	private static final String PAGE_1001 = "/xay-dung-dang/ha-tinh-trien-khai-nghi-quyet-21-nq-tw-1001.html";

	private static final String PAGE_1002 = "/xay-dung-dang/bac-giang-nang-cao-chat-luong-sinh-hoat-chi-bo-1002.html";

	private static final String PAGE_1003 = "/xay-dung-dang/long-an-danh-gia-chat-luong-dang-bo-cap-huyen-1003.html";

	private static final String PAGE_1004 = "/xay-dung-dang/nghe-an-so-ket-5-nam-chi-thi-28-ct-tw-1004.html";

	private final TestSite site = new TestSite();

	@Autowired
	private SourceService sources;

	@Autowired
	private Driver driver;

	@AfterEach
	void cleanUp() {
		this.site.close();
		SourceGraph.remove(this.driver, this.site.base());
	}

	private void serveArticles() {
		this.site.fixture(PAGE_1001, "article-1001.html", "text/html; charset=utf-8");
		this.site.fixture(PAGE_1002, "article-1002.html", "text/html; charset=utf-8");
		this.site.fixture(PAGE_1003, "article-1003.html", "text/html; charset=utf-8");
		this.site.fixture(PAGE_1004, "article-1004.html", "text/html; charset=utf-8");
	}

	private PollResult poll(String url) throws InterruptedException {
		return this.sources.pollNow(url).orElseThrow();
	}

	private String articleText(String path) {
		try (var session = this.driver.session()) {
			return session
				.run("MATCH (a:Article {url: $url}) RETURN a.text AS text", Map.of("url", this.site.url(path)))
				.single()
				.get("text")
				.asString();
		}
	}

	@Test
	void shouldTakeTheArticlesOfAFullTextFeedWithoutFetchingTheirPages() throws Exception {
		this.site.fixture("/atom/xay-dung-dang.xml", "feed-full.atom", "application/atom+xml");
		serveArticles();
		String url = this.site.url("/atom/xay-dung-dang.xml");
		this.sources.add(url, SourceKind.FEED);

		PollResult result = poll(url);

		assertThat(result.newArticles()).isEqualTo(2);
		assertThat(result.pagesFetched()).isZero();
		assertThat(this.site.paths()).containsExactly("/atom/xay-dung-dang.xml");
		assertThat(articleText(PAGE_1001)).contains("Kế hoạch số 112-KH/TU").contains("Ủy ban Kiểm tra Tỉnh ủy");
	}

	@Test
	void shouldFetchTheEntriesOfASitemapAndAgainConditionallyWhenTheirLastmodIsNewer() throws Exception {
		AtomicReference<String> lastmod = new AtomicReference<>("2022-09-20T08:30:00+07:00");
		this.site.route("/sitemap.xml",
				exchange -> TestSite.send(exchange, 200, "application/xml",
						this.site.fixture("sitemap.xml")
							.replace("{{lastmod}}", lastmod.get())
							.getBytes(StandardCharsets.UTF_8)));
		serveArticles();
		String url = this.site.url("/sitemap.xml");
		this.sources.add(url, SourceKind.SITEMAP);

		PollResult first = poll(url);
		this.site.clearRequests();
		PollResult unchanged = poll(url);
		lastmod.set("2024-06-01T07:00:00+07:00");
		this.site.clearRequests();
		PollResult newer = poll(url);

		assertThat(first.items()).isEqualTo(2);
		assertThat(first.newArticles()).isEqualTo(2);
		assertThat(unchanged.newArticles()).isZero();
		assertThat(unchanged.pagesFetched()).isZero();
		// the page whose lastmod moved is asked for again, with its ETag: 304, nothing
		// ingested
		assertThat(this.site.paths()).containsExactly("/sitemap.xml", PAGE_1001);
		assertThat(this.site.requests(PAGE_1001).get(0).headers()).containsKey("if-none-match");
		assertThat(newer.pagesNotModified()).isEqualTo(1);
		assertThat(newer.newArticles()).isZero();
		assertThat(SourceGraph.count(this.driver, "MATCH (a:Article) WHERE a.url STARTS WITH $prefix RETURN count(a)",
				Map.of("prefix", this.site.base())))
			.isEqualTo(2);
	}

	@Test
	void shouldFollowOnlyTheArticleLinksOfAListingPage() throws Exception {
		this.site.fixture("/to-chuc-co-so-dang/", "listing.html", "text/html; charset=utf-8");
		serveArticles();
		String url = this.site.url("/to-chuc-co-so-dang/");
		this.sources.add(url, SourceKind.LISTING);

		PollResult result = poll(url);

		assertThat(this.site.paths()).containsExactlyInAnyOrder("/to-chuc-co-so-dang/", PAGE_1003, PAGE_1004);
		assertThat(result.newArticles()).isEqualTo(2);
		assertThat(articleText(PAGE_1004)).contains("Kế hoạch số 164-KH/TU");
	}

	@Test
	void shouldIngestAFeedUrlFromTheCommandLine() throws Exception {
		this.site.fixture("/rss.xml", "feed-summary.rss", "application/rss+xml");
		serveArticles();
		PrintStream out = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int status;
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			status = IngestCommand.run(
					new String[] { this.site.url("/rss.xml"), "--spring.neo4j.uri=" + InProcessNeo4j.boltUri() },
					PolicyGraphApplication.class);
		}
		finally {
			System.setOut(out);
		}

		assertThat(status).isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("articles new\\s+3");
		assertThat(this.site.paths()).containsExactlyInAnyOrder("/rss.xml", PAGE_1001, PAGE_1002, PAGE_1003);
		assertThat(articleText(PAGE_1002)).contains("Hướng dẫn số 08-HD/BTCTU");
		// the pages it fetched are remembered: a source listing them later does not fetch
		// them again
		assertThat(
				SourceGraph.count(this.driver, "MATCH (i:SourceItem) WHERE i.url STARTS WITH $prefix RETURN count(i)",
						Map.of("prefix", this.site.base())))
			.isEqualTo(3);
	}

}
