package org.policygraph.source;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.source.SourcePoller.PollResult;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Polls of a 50-item summary feed against a local HTTP server with the production
 * politeness (1 s between requests to a host, 2 at a time): requests made and time taken
 * by the first poll (the feed and 50 article pages), the second (the feed answers 304)
 * and a third after the feed changed without new items. Prints figures; asserts nothing
 * about time. Not part of the suite: <pre>
 * ./mvnw -o -q -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SourcePollBenchmark -Djacoco.skip=true
 * </pre>
 */
@TestPropertySource(properties = { "policygraph.sources.host-delay=1s", "policygraph.sources.host-concurrency=2",
		"policygraph.sources.request-timeout=30s" })
class SourcePollBenchmark extends HarnessIntegrationTests {

	private static final int ITEMS = 50;

	private static final String[] PROVINCES = { "Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Bắc Giang", "Long An", "Lào Cai",
			"Quảng Ninh", "Đắk Lắk", "Lâm Đồng", "Cà Mau" };

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

	private String feed(String title) {
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= ITEMS; i++) {
			String province = PROVINCES[i % PROVINCES.length];
			items
				.append("""
						<item><title>%s triển khai Nghị quyết số %d-NQ/TW</title>
						<link>%s/xay-dung-dang/trien-khai-nghi-quyet-%d.html</link>
						<description>Ban Thường vụ Tỉnh ủy %s ban hành kế hoạch thực hiện Nghị quyết số %d-NQ/TW...</description>
						<pubDate>Mon, 12 Feb 2024 08:00:00 +0700</pubDate></item>
						"""
					.formatted(province, 100 + i, this.site.base(), i, province, 100 + i));
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>%s</title><link>%s/</link><description>Xây dựng Đảng</description>
				%s</channel></rss>""".formatted(title, this.site.base(), items);
	}

	private String page(int i) {
		String province = PROVINCES[i % PROVINCES.length];
		String template = this.site.fixture("article-1001.html");
		return template.replace("Hà Tĩnh", province)
			.replace("21-NQ/TW", (100 + i) + "-NQ/TW")
			.replace("/xay-dung-dang/ha-tinh-trien-khai-nghi-quyet-21-nq-tw-1001.html",
					"/xay-dung-dang/trien-khai-nghi-quyet-" + i + ".html");
	}

	@Test
	void pollA50ItemFeed() throws Exception {
		String[] title = { "Tạp chí Xây dựng Đảng" };
		this.site.route("/rss.xml", exchange -> {
			byte[] body = feed(title[0]).getBytes(StandardCharsets.UTF_8);
			String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
			exchange.getResponseHeaders().set("ETag", etag);
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			TestSite.send(exchange, 200, "application/rss+xml", body);
		});
		for (int i = 1; i <= ITEMS; i++) {
			int n = i;
			this.site.route("/xay-dung-dang/trien-khai-nghi-quyet-" + i + ".html", exchange -> TestSite.send(exchange,
					200, "text/html; charset=utf-8", page(n).getBytes(StandardCharsets.UTF_8)));
		}
		String url = this.site.url("/rss.xml");
		this.sources.add(url, SourceKind.FEED);

		report("first poll", url);
		report("second poll (feed unchanged)", url);
		title[0] = "Tạp chí Xây dựng Đảng - Tin mới";
		report("third poll (feed changed, no new item)", url);
		long articles = SourceGraph.count(this.driver, "MATCH (a:Article) WHERE a.url STARTS WITH $p RETURN count(a)",
				Map.of("p", this.site.base()));
		System.out.printf("articles in the graph from the feed: %d%n", articles);
	}

	private void report(String label, String url) throws InterruptedException {
		this.site.clearRequests();
		long started = System.nanoTime();
		PollResult result = this.sources.pollNow(url).orElseThrow();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		long notModified = this.site.requests().size();
		System.out.printf(
				"%s: %s, %d HTTP requests received (%d robots.txt), %d pages fetched, %d new articles, %.2f s%n", label,
				result.status(), this.site.requests().size(), this.site.requests("/robots.txt").size(),
				result.pagesFetched(), result.newArticles(), elapsed.toNanos() / 1e9);
	}

}
