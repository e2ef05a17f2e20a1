package org.policygraph.web;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's live sources panel in a real browser: each source with its state, from
 * the GraphQL API.
 */
class SourcesDashboardBrowserIT extends BrowserTests {

	private static final String URL = "https://tapchi.example/sources-dashboard-it/rss/to-chuc-co-so-dang.rss";

	@Autowired
	private Driver driver;

	@AfterEach
	void removeSource() {
		try (var session = this.driver.session()) {
			session.run("MATCH (s:Source {url: $url}) DETACH DELETE s", Map.of("url", URL)).consume();
		}
	}

	@Test
	void shouldListTheSourcesWithTheirState() {
		try (var session = this.driver.session()) {
			session.run("""
					CREATE (:Source {url: $url, kind: 'FEED', configured: false, addedAt: datetime(),
					  lastFetchedAt: datetime('2026-03-01T01:30:00Z'), lastStatus: 'FAILED', lastHttpStatus: 503,
					  lastError: 'HTTP 503', newArticles: 42, lastPollNewArticles: 0, failures: 2,
					  nextPollAt: datetime('2026-03-01T02:30:00Z')})""", Map.of("url", URL)).consume();
		}

		open("/dashboard");
		waitForText("#sources-table", URL);

		String row = textOf("#sources-table tbody tr.source-failed");
		assertThat(row).contains(URL).contains("RSS/Atom").contains("Lỗi").contains("42").contains("2");
		assertThat(textOf("#sources-status")).contains("nguồn tin");
		assertNoConsoleErrors();
	}

}
