package org.policygraph.web;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.TestArticles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard: the coverage of Resolution 22-NQ/TW over the 63 and the 34 units, a province's
 * implementations by year, and a live refresh when an ingest reports a new implementing province.
 */
class DashboardBrowserIT extends BrowserTests {

	private static final String PREFIX = "https://test.example/dashboard-browser-it/";

	private static final String RESOLUTION_22 = "22-NQ/TW|TW|2008-02-02";

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldShowCoverageProvinceAndLiveUpdates() {
		open("/dashboard");
		assertSharedHeader();
		this.browser.waiting().withMessage("the resolutions listed")
			.until(driver -> !driver.findElements(By.cssSelector("#document-select option[value='" + RESOLUTION_22 + "']")).isEmpty());

		new Select(find("#document-select")).selectByValue(RESOLUTION_22);
		waitFor("#coverage-table[data-document='" + RESOLUTION_22 + "'][data-units='PRE_2025']");
		assertThat(textOf("#coverage-count")).isEqualTo("1");
		assertThat(textOf("#coverage-of")).contains("/ 63");
		assertThat(textOf("#coverage-table tbody")).contains("Đắk Lắk");
		assertThat(find("#missing-count").getText()).contains("62");
		assertThat(this.browser.driver().findElements(By.cssSelector("#coverage-chart svg rect.bar"))).isNotEmpty();

		find("#units-post").click();
		waitFor("#coverage-table[data-units='POST_2025']");
		assertThat(textOf("#coverage-of")).contains("/ 34");
		assertThat(textOf("#coverage-table tbody")).contains("Đắk Lắk");
		find("#units-pre").click();
		waitFor("#coverage-table[data-units='PRE_2025']");

		new Select(find("#province-select")).selectByValue("66");
		waitFor("#province-implements[data-province='66']");
		assertThat(textOf("#province-implements")).contains("Nghị quyết số 22-NQ/TW");
		this.browser.screenshot("dashboard");

		// A new province reports implementing the resolution: the page refreshes by itself.
		waitFor("body[data-live='open']");
		this.ingest.ingestRecords(List.of(ReadResult.ok(new RawArticle("Nghệ An thực hiện Nghị quyết số 22-NQ/TW",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 99-KH/TU ngày 3-3-2019 để thực hiện Nghị quyết số 22-NQ/TW ngày 2-2-2008 của Ban Chấp hành Trung ương.",
				PREFIX + "nghe-an", LocalDate.of(2019, 3, 10), "test", null, "dashboard[0]"))), IngestOptions.defaults(),
				IngestListener.NONE);
		waitForText("#coverage-table tbody", "Nghệ An");
		assertThat(textOf("#coverage-count")).isEqualTo("2");
		waitForText("#live-log", "Nghệ An");
		waitForText("#mentions-note", "2019-03");
		this.browser.screenshot("dashboard-live");

		assertNoConsoleErrors();
		assertFitsPhoneWidth("dashboard-phone");
	}

}
