package org.policygraph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} driven through
 * its {@code chromedriver} (never one downloaded by Selenium Manager), with a fresh
 * profile and no background traffic to outside hosts.
 * <p>
 * As a JUnit {@link ExecutionCondition}, it skips the test class where no Chromium is
 * installed, saying how to install it; with {@code CI=true} in the environment the class
 * runs anyway and fails, so that a CI build never passes without its browser tests.
 * <p>
 * The binaries are looked up in {@code CHROMIUM_BINARY} / {@code CHROMEDRIVER}
 * (environment), else {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 */
final class Chromium implements ExecutionCondition, AutoCloseable {

	/** How long a test waits for the page; the build machines can be busy. */
	static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String INSTALL = "install it with: apt-get install chromium chromium-driver "
			+ "(or set CHROMIUM_BINARY and CHROMEDRIVER)";

	/**
	 * Selenium warns that it has no DevTools bindings for this Chromium version; the
	 * tests only use chromedriver's own CDP command endpoint, which needs none. Held here
	 * so that the level set on them is not lost to garbage collection.
	 */
	private static final List<java.util.logging.Logger> QUIET = Stream
		.of("org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
		.map(java.util.logging.Logger::getLogger)
		.peek(logger -> logger.setLevel(java.util.logging.Level.SEVERE))
		.toList();

	private final ChromeDriver driver;

	private final Path profile;

	/** For JUnit's extension registry only. */
	Chromium() {
		this.driver = null;
		this.profile = null;
	}

	private Chromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Optional<String> missing = missing();
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
		}
		if (onCi()) {
			// Run, and fail in start(): browser tests are never skipped in CI.
			return ConditionEvaluationResult.enabled("CI=true: browser tests must run (" + missing.get() + ")");
		}
		return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing.get() + "; " + INSTALL);
	}

	private static boolean onCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	private static Path binary() {
		return Path.of(Optional.ofNullable(System.getenv("CHROMIUM_BINARY")).orElse("/usr/bin/chromium"));
	}

	private static Path chromedriver() {
		return Path.of(Optional.ofNullable(System.getenv("CHROMEDRIVER")).orElse("/usr/bin/chromedriver"));
	}

	private static Optional<String> missing() {
		if (!Files.isExecutable(binary())) {
			return Optional.of("no Chromium at " + binary());
		}
		if (!Files.isExecutable(chromedriver())) {
			return Optional.of("no chromedriver at " + chromedriver());
		}
		return Optional.empty();
	}

	/**
	 * Starts a headless Chromium with a fresh profile and a laptop-sized window.
	 * @return the browser; close it after use
	 */
	static Chromium start() {
		missing().ifPresent(reason -> {
			throw new IllegalStateException("Cannot run the browser tests: " + reason + "; " + INSTALL);
		});
		Path profile;
		try {
			profile = Files.createTempDirectory("policy-graph-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.setProperty("webdriver.chrome.driver", chromedriver().toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--lang=vi",
				"--window-size=1366,900", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver().toFile())
			.usingAnyFreePort()
			.withTimeout(PATIENCE)
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(PATIENCE);
		return new Chromium(driver, profile);
	}

	WebDriver driver() {
		return this.driver;
	}

	WebDriverWait waiting() {
		return new WebDriverWait(this.driver, PATIENCE, Duration.ofMillis(200));
	}

	@SuppressWarnings("unchecked")
	<T> T script(String script, Object... args) {
		return (T) ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** The window of a laptop: 1366 × 900. */
	void laptop() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	/**
	 * The screen of a phone: 390 × 844 CSS pixels, touch-sized, mobile viewport rules.
	 */
	void phone() {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
	}

	/** Whether the page is wider than its viewport (a horizontal scroll bar). */
	boolean overflowsHorizontally() {
		Boolean overflow = script("return document.documentElement.scrollWidth > document.documentElement.clientWidth"
				+ " || document.body.scrollWidth > document.documentElement.clientWidth;");
		return Boolean.TRUE.equals(overflow);
	}

	/**
	 * Saves a screenshot of the viewport as {@code target/screenshots/<name>.png}.
	 * @return the file
	 */
	Path screenshot(String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves a screenshot of the whole page, beyond the viewport, as
	 * {@code target/screenshots/<name>.png}.
	 * @return the file
	 */
	Path fullPageScreenshot(String name) {
		Map<String, Object> metrics = this.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(), "height",
				((Number) size.get("height")).doubleValue(), "scale", 1);
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The browser console's errors since the last call (resource loads and script
	 * errors).
	 */
	List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary profile is harmless.
		}
	}

}
