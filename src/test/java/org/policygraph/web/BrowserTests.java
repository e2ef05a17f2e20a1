package org.policygraph.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real headless Chromium, against the application on a random port over
 * the embedded database holding a graph of real size ({@link RealSizeGraph}: 2,000
 * generated articles and the sample listing), as a user's {@code java -jar} serves it.
 * All subclasses share one application context. One browser per test class; skipped where
 * no Chromium is installed, except in CI (see {@link Chromium}).
 */
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "policygraph.security.editor.password=" + HarnessIntegrationTests.EDITOR_PASSWORD,
				"policygraph.neo4j.embedded.enabled=true", "policygraph.neo4j.embedded.bolt-port=0",
				"policygraph.neo4j.embedded.page-cache=64MB", "policygraph.sample.enabled=false",
				// The build machines can be busy: a page's query waits for an answer as
				// the browser
				// waits for the page (Chromium.PATIENCE), rather than being stopped at 15
				// s.
				"policygraph.graphql.timeout=60s" })
abstract class BrowserTests {

	@DynamicPropertySource
	static void realSizeGraph(DynamicPropertyRegistry registry) {
		registry.add("policygraph.neo4j.embedded.data-directory", () -> RealSizeGraph.dataDirectory().toString());
	}

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
		this.browser.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.site-header nav")));
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
		List<String> links = this.browser.driver()
			.findElements(By.cssSelector("header.site-header nav a"))
			.stream()
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

	/**
	 * At phone width (390 × 844): the page does not scroll sideways
	 * ({@code document.scrollingElement.scrollWidth <= innerWidth}), each key control is
	 * shown and lies within the width, and no chart text (SVG text, scaled as drawn) is
	 * under 11 px. Leaves the browser at phone width, with a screenshot.
	 * @param screenshot the screenshot's name
	 * @param keyControls CSS selectors of the controls a user needs on the page
	 */
	protected void assertPhoneLayout(String screenshot, String... keyControls) {
		assertFitsPhoneWidth(screenshot);
		Number scrollWidth = this.browser.script("return document.scrollingElement.scrollWidth;");
		Number innerWidth = this.browser.script("return innerWidth;");
		assertThat(scrollWidth.doubleValue()).as("scrollWidth at phone width")
			.isLessThanOrEqualTo(innerWidth.doubleValue());
		for (String css : keyControls) {
			List<WebElement> found = this.browser.driver().findElements(By.cssSelector(css));
			assertThat(found).as("key control %s", css).isNotEmpty();
			assertThat(found.get(0).isDisplayed()).as("key control %s shown", css).isTrue();
			Map<String, Number> box = this.browser.script("""
					const r = arguments[0].getBoundingClientRect();
					return { left: r.left, right: r.right, width: r.width };""", found.get(0));
			assertThat(box.get("left").doubleValue()).as("left edge of %s", css).isGreaterThanOrEqualTo(-0.5);
			assertThat(box.get("right").doubleValue()).as("right edge of %s", css)
				.isLessThanOrEqualTo(innerWidth.doubleValue() + 0.5);
			assertThat(box.get("width").doubleValue()).as("width of %s", css).isGreaterThan(0);
		}
		Number smallest = this.browser.script("""
				let smallest = 100;
				for (const text of document.querySelectorAll('main svg text')) {
				  if (!text.getClientRects().length || !text.textContent.trim()) continue;
				  const svg = text.ownerSVGElement;
				  let size = parseFloat(getComputedStyle(text).fontSize);
				  if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
				    size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
				  }
				  smallest = Math.min(smallest, size);
				}
				return smallest;""");
		assertThat(smallest.doubleValue()).as("smallest chart text at phone width, px").isGreaterThanOrEqualTo(11);
	}

	protected void assertNoConsoleErrors() {
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

}
