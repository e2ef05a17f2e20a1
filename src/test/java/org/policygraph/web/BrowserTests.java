package org.policygraph.web;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real headless Chromium, against the application on a random port over the
 * in-process Neo4j with the seven sample articles. One browser per test class; skipped where no
 * Chromium is installed, except in CI (see {@link Chromium}).
 */
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTests extends HarnessIntegrationTests {

	@LocalServerPort
	private int port;

	protected Chromium browser;

	@BeforeAll
	void startBrowser() {
		this.browser = Chromium.start();
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@BeforeEach
	void laptopScreen() {
		this.browser.laptop();
	}

	/** Loads a page of the application and waits for its shared header. */
	protected void open(String path) {
		this.browser.driver().get("http://localhost:" + this.port + path);
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.site-header nav")));
	}

	protected WebElement find(String css) {
		return this.browser.driver().findElement(By.cssSelector(css));
	}

	protected WebElement waitFor(String css) {
		return this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	protected void waitForText(String css, String text) {
		this.browser.waiting()
			.withMessage(() -> "text \"" + text + "\" in " + css + "; found: " + textOf(css))
			.until(driver -> textOf(css).contains(text));
	}

	protected String textOf(String css) {
		List<WebElement> elements = this.browser.driver().findElements(By.cssSelector(css));
		return elements.isEmpty() ? "" : elements.get(0).getText();
	}

	/** Checks the header links every page shares, and the page's language. */
	protected void assertSharedHeader() {
		List<String> links = this.browser.driver().findElements(By.cssSelector("header.site-header nav a")).stream()
			.map(a -> a.getDomAttribute("href"))
			.toList();
		assertThat(links).containsExactly("/graphiql", "/explore", "/dashboard");
		assertThat(find("html").getDomAttribute("lang")).isEqualTo("vi");
	}

	/** At phone width the page must not scroll sideways. */
	protected void assertFitsPhoneWidth(String screenshot) {
		this.browser.phone();
		this.browser.waiting()
			.withMessage(() -> "no horizontal overflow at 390 px; scrollWidth = "
					+ this.browser.script("return document.documentElement.scrollWidth;"))
			.until(driver -> !this.browser.overflowsHorizontally());
		this.browser.screenshot(screenshot);
	}

	protected void assertNoConsoleErrors() {
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

}
