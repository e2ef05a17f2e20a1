package org.policygraph.source;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.InProcessNeo4j;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart resumes: a new application on the same database, with the source in its
 * configuration and polling on, polls it when due and fetches none of the pages already
 * dealt with.
 */
class SourceRestartIT extends HarnessIntegrationTests {

	private static final String FEED = "/rss/to-chuc-co-so-dang.rss";

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

	@Test
	void shouldResumeAfterARestartWithoutFetchingThePagesAgain() throws Exception {
		// a feed without validators: every poll reads it whole
		this.site.route(FEED, exchange -> TestSite.send(exchange, 200, "application/rss+xml",
				this.site.fixture("feed-summary.rss").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		this.site.fixture("/xay-dung-dang/ha-tinh-trien-khai-nghi-quyet-21-nq-tw-1001.html", "article-1001.html",
				"text/html");
		this.site.fixture("/xay-dung-dang/bac-giang-nang-cao-chat-luong-sinh-hoat-chi-bo-1002.html",
				"article-1002.html", "text/html");
		this.site.fixture("/xay-dung-dang/long-an-danh-gia-chat-luong-dang-bo-cap-huyen-1003.html", "article-1003.html",
				"text/html");
		String url = this.site.url(FEED);
		this.sources.add(url, SourceKind.FEED);
		assertThat(this.sources.pollNow(url).orElseThrow().newArticles()).isEqualTo(3);
		var firstFetch = this.sources.source(url).orElseThrow().lastFetchedAt();
		// as if the restart came after the poll interval: the source is due
		try (var session = this.driver.session()) {
			session
				.run("MATCH (s:Source {url: $url}) SET s.nextPollAt = datetime() - duration('PT1S')",
						Map.of("url", url))
				.consume();
		}
		this.site.clearRequests();

		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(PolicyGraphApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.neo4j.uri=" + InProcessNeo4j.boltUri(), "--policygraph.sample.enabled=false",
					"--spring.main.banner-mode=off", "--policygraph.sources.polling-enabled=true",
					"--policygraph.sources.tick=200ms", "--policygraph.sources.feeds=" + url)) {
			SourceGraph.await(Duration.ofSeconds(90), () -> {
				Source s = this.sources.source(url).orElseThrow();
				return s.lastFetchedAt() != null && s.lastFetchedAt().isAfter(firstFetch)
						&& !restarted.getBean(SourceService.class).isPolling(url);
			});
		}

		Source source = this.sources.source(url).orElseThrow();
		assertThat(this.site.paths()).containsExactly(FEED);
		assertThat(source.lastStatus()).isEqualTo(SourceStatus.OK);
		assertThat(source.configured()).isTrue();
		assertThat(source.newArticles()).isEqualTo(3);
		assertThat(source.lastPollNewArticles()).isZero();
		assertThat(source.items()).isEqualTo(3);
	}

}
