package org.policygraph.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.TestArticles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as a researcher uses it, over a graph of real size: choosing Resolution
 * 22-NQ/TW (2-2-2008) by typing in the picker, the map and the table showing the same
 * implementing units as the graph holds over the 63 and over the 34, a link opened
 * directly, Back and Forward, an unknown document in the URL, a live refresh when an
 * ingest reports a new implementing province, and the page at desktop and at phone size.
 * The expected figures are read from the database.
 */
class DashboardBrowserIT extends BrowserTests {

	private static final String PREFIX = "https://test.example/dashboard-browser-it/";

	private static final String RESOLUTION_22 = "22-NQ/TW|TW|2008-02-02";

	private static final String RESOLUTION_22_URL = "/dashboard?document=22-NQ%2FTW%7CTW%7C2008-02-02";

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@LocalServerPort
	private int port;

	/**
	 * The graph was just loaded into a database the application opened cold, on a machine
	 * that may be busy: the page's first requests are asked once here, as a running
	 * server would have met them already, so that the page's own requests stay within the
	 * request timeout.
	 */
	@BeforeAll
	void warmUp() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		for (String query : List.of("{ documentChoices(scope: CENTRAL, first: 1) { document { key } } }",
				"{ documentChoices(scope: LOCAL, first: 1) { document { key } } }",
				"{ provinces { key } province(name: \"66\") { implements(first: 100) { totalCount edges { node { via { key } } } } } }",
				"{ coverage(documentKey: \"" + RESOLUTION_22
						+ "\") { implementedCount } mentionsPerMonth(documentKey: \"" + RESOLUTION_22
						+ "\") { count } }")) {
			for (int attempt = 0; attempt < 3; attempt++) {
				HttpResponse<String> response = http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query.replace("\"", "\\\"") + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && !response.body().contains("\"errors\"")) {
					break;
				}
			}
		}
	}

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	// ---- Facts from the graph ----

	/**
	 * The keys of the units implementing a document among the 63 (PRE_2025) or the 34
	 * (POST_2025).
	 */
	private Set<String> implementers(String documentKey, String units) {
		String cypher = "PRE_2025".equals(units) ? """
				MATCH (p:Province)-[:IMPLEMENTS]->(:Document {key: $key})
				WHERE p.era IN ['PRE_2025', 'BOTH']
				RETURN collect(DISTINCT p.key) AS keys""" : """
				MATCH (p:Province)-[:IMPLEMENTS]->(:Document {key: $key})
				OPTIONAL MATCH (p)-[:MERGED_INTO]->(successor:Province)
				WITH CASE WHEN p.era = 'PRE_2025' THEN successor ELSE p END AS unit
				RETURN collect(DISTINCT unit.key) AS keys""";
		try (var session = this.driver.session()) {
			return Set
				.copyOf(session.run(cypher, Map.of("key", documentKey)).single().get("keys").asList(v -> v.asString()));
		}
	}

	private long single(String cypher, Map<String, Object> params) {
		try (var session = this.driver.session()) {
			return session.run(cypher, params).single().get(0).asLong();
		}
	}

	// ---- What the page shows ----

	/**
	 * The data-key attributes of the elements, read at one instant (the page may redraw).
	 */
	private Set<String> keysOf(String css) {
		List<String> keys = this.browser
			.script("return [...document.querySelectorAll(arguments[0])].map((e) => e.getAttribute('data-key'));", css);
		return Set.copyOf(keys);
	}

	private String textContentOf(String css) {
		return this.browser.script("return document.querySelector(arguments[0]).textContent;", css);
	}

	private void waitForCoverage(String documentKey, String units) {
		this.browser.waiting()
			.withMessage(() -> "the coverage of " + documentKey + " over " + units)
			.until(d -> !d.findElements(By.cssSelector(
					"#coverage-panel[data-units='" + units + "']" + ":is([data-state='ready'], [data-state='empty'])"))
				.isEmpty() && documentKey.equals(find("#coverage-panel").getDomAttribute("data-document")));
	}

	/**
	 * The map, the table and the counts agree with the graph, over the given set of
	 * units.
	 */
	private void assertCoverageAgreesWithTheGraph(String documentKey, String units) {
		waitForCoverage(documentKey, units);
		Set<String> expected = implementers(documentKey, units);
		int total = "PRE_2025".equals(units) ? 63 : 34;
		assertThat(keysOf("#coverage-map .tile")).hasSize(total);
		assertThat(keysOf("#coverage-map .tile[data-state='implemented']")).as("implementing units on the map")
			.isEqualTo(expected);
		assertThat(keysOf("#coverage-table tbody tr[data-key]")).as("implementing units in the table")
			.isEqualTo(expected);
		assertThat(textContentOf("#coverage-count")).isEqualTo(String.valueOf(expected.size()));
		assertThat(textOf("#coverage-of")).startsWith("/ " + total + " tỉnh, thành");
		assertThat(textContentOf("#missing-count"))
			.isEqualTo((total - expected.size()) + " / " + total + " tỉnh, thành");
		for (WebElement tile : this.browser.driver()
			.findElements(By.cssSelector("#coverage-map .tile[data-state='implemented']"))) {
			assertThat(tile.getDomAttribute("aria-label")).contains("báo cáo đầu tiên").contains(" bài");
		}
	}

	private String currentDocumentParameter() {
		String search = this.browser.script("return new URLSearchParams(location.search).get('document');");
		return search;
	}

	@Test
	void shouldPickADocumentByTypingAndShowTheSameUnitsOnTheMapAndInTheTable() {
		open("/dashboard");
		assertSharedHeader();
		waitFor("body[data-ready='true']");
		// Without a choice in the URL, the most implemented central document is shown.
		this.browser.waiting()
			.withMessage("a document chosen by default")
			.until(d -> currentDocumentParameter() != null);
		String first = currentDocumentParameter();
		assertThat(first).contains("|TW|").isNotEqualTo(RESOLUTION_22);
		long mostImplemented = single("""
				MATCH (d:Document) WHERE d.scope = 'TW'
				RETURN max(COUNT { (p:Province)-[:IMPLEMENTS]->(d) WHERE p.era IN ['PRE_2025', 'BOTH'] })""", Map.of());
		assertThat(implementers(first, "PRE_2025")).hasSize((int) mostImplemented);
		assertCoverageAgreesWithTheGraph(first, "PRE_2025");

		// Typing "22" offers Resolution 22-NQ/TW of 2-2-2008 among the central documents,
		// with its
		// implementers counted over the 63 and over the 34 apart.
		WebElement input = find("#document-input");
		input.click();
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "22");
		String option = "#document-listbox .option";
		// The list is drawn anew as the answers to "2" and "22" arrive: an option read
		// while it is
		// replaced is looked for again.
		WebElement choice = this.browser.waiting()
			.withMessage("22-NQ/TW (2-2-2008) offered")
			.ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElements(By.cssSelector(option))
				.stream()
				.filter(o -> o.getText().contains("Nghị quyết số 22-NQ/TW (2-2-2008)"))
				.findFirst()
				.orElse(null));
		assertThat(choice.getText()).contains(implementers(RESOLUTION_22, "PRE_2025").size() + "/63 · "
				+ implementers(RESOLUTION_22, "POST_2025").size() + "/34 tỉnh, thành");
		assertThat(textOf("#document-listbox")).contains("Văn bản trung ương");
		this.browser.screenshot("dashboard-picker");
		choice.click();

		assertCoverageAgreesWithTheGraph(RESOLUTION_22, "PRE_2025");
		assertThat(currentDocumentParameter()).isEqualTo(RESOLUTION_22);
		assertThat(find("#document-input").getDomProperty("value")).isEqualTo("Nghị quyết số 22-NQ/TW (2-2-2008)");
		// The monthly chart counts the dated articles citing it; the sample listing's are
		// undated,
		// and a document cited only by undated articles has an empty chart that says so.
		long dated = single("""
				MATCH (a:Article)-[:MENTIONS]->(:Document {key: $key})
				WHERE a.publishedAt IS NOT NULL
				RETURN count(DISTINCT a)""", Map.of("key", RESOLUTION_22));
		if (dated > 0) {
			waitFor("#mentions-panel[data-state='ready'] #mentions-chart svg");
		}
		else {
			waitFor("#mentions-panel[data-state='empty']");
			assertThat(textOf("#mentions-status")).contains("Không có bài viết có ngày đăng");
		}
		waitFor("#bars-panel[data-state='ready'] #coverage-chart svg");
		assertBarsSortedByValue();

		find("#units-post").click();
		assertCoverageAgreesWithTheGraph(RESOLUTION_22, "POST_2025");
		this.browser.screenshot("dashboard");
		assertThat((Long) this.browser.script("return document.documentElement.scrollHeight;"))
			.as("page height at 1366 × 900")
			.isLessThan(1800);

		// The map works from the keyboard: one tab stop, the arrow keys move, Enter
		// selects.
		assertThat(this.browser.driver().findElements(By.cssSelector("#coverage-map .tile[tabindex='0']"))).hasSize(1);
		find("#coverage-map .tile[data-key='01']").sendKeys(Keys.ARROW_DOWN);
		WebElement focused = this.browser.driver().switchTo().activeElement();
		assertThat(focused.getDomAttribute("data-key")).as("below Hà Nội among the 34: Ninh Bình").isEqualTo("37-2025");
		focused.sendKeys(Keys.ENTER);
		assertThat(focused.getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(textOf("#coverage-map .tilemap-details")).isEqualTo(focused.getDomAttribute("aria-label"));

		// Back undoes the change of units, then the choice of the document; Forward
		// redoes it.
		this.browser.driver().navigate().back();
		assertCoverageAgreesWithTheGraph(RESOLUTION_22, "PRE_2025");
		assertThat(find("#units-pre").isSelected()).isTrue();
		this.browser.driver().navigate().back();
		assertCoverageAgreesWithTheGraph(first, "PRE_2025");
		assertThat(currentDocumentParameter()).isEqualTo(first);
		this.browser.driver().navigate().forward();
		assertCoverageAgreesWithTheGraph(RESOLUTION_22, "PRE_2025");
		assertThat(find("#document-input").getDomProperty("value")).isEqualTo("Nghị quyết số 22-NQ/TW (2-2-2008)");

		assertNoConsoleErrors();
		assertReadableAtPhoneWidth();
	}

	private void assertBarsSortedByValue() {
		List<Integer> values = this.browser.driver()
			.findElements(By.cssSelector("#coverage-chart text.value"))
			.stream()
			.map(e -> Integer.valueOf(e.getAttribute("textContent")))
			.toList();
		assertThat(values).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	/**
	 * No sideways scroll, no text under 12 px (charts included), and a screenshot of the
	 * page.
	 */
	private void assertReadableAtPhoneWidth() {
		assertPhoneLayout("dashboard-phone", "#document-input", "#units-pre", "#units-post", "#period-from",
				"#period-to", "#measure");
		this.browser.waiting()
			.withMessage("the charts drawn again at phone width")
			.until(d -> ((Number) this.browser.script("""
					const svg = document.querySelector('#coverage-chart svg');
					return svg ? svg.getBoundingClientRect().width : 0;""")).doubleValue() < 380);
		double smallest = ((Number) this.browser.script("""
				let smallest = 100;
				const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
				for (const el of document.querySelectorAll('main *')) {
				  if (!visible(el) || el.closest('.sr-only')) continue;
				  const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
				  if (!hasText) continue;
				  let size = parseFloat(getComputedStyle(el).fontSize);
				  const svg = el.closest('svg');
				  if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
				    size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
				  }
				  smallest = Math.min(smallest, size);
				}
				return smallest;""")).doubleValue();
		assertThat(smallest).as("smallest text on the phone, px").isGreaterThanOrEqualTo(12);
		this.browser.script("document.getElementById('coverage-panel').scrollIntoView();");
		this.browser.screenshot("dashboard-phone-map");
		this.browser.fullPageScreenshot("dashboard-phone-full");
		this.browser.laptop();
		this.browser.fullPageScreenshot("dashboard-full");
	}

	/**
	 * The units of the 63 reporting a document in articles published between two days,
	 * with their articles.
	 */
	private Map<String, Long> implementersIn(String documentKey, LocalDate from, LocalDate to) {
		try (var session = this.driver.session()) {
			return session
				.run("""
						MATCH (a:Article)-[:ASSERTS]->(e:Evidence {type: 'IMPLEMENTS', toKey: $key})
						WHERE a.publishedAt >= $from AND a.publishedAt <= $to
						MATCH (p:Province {key: e.fromKey}) WHERE p.era IN ['PRE_2025', 'BOTH']
						RETURN p.key AS key, count(DISTINCT a) AS articles""",
						Map.of("key", documentKey, "from", from, "to", to))
				.list(r -> Map.entry(r.get("key").asString(), r.get("articles").asLong()))
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		}
	}

	/**
	 * The documents a unit (with the units merged into it) implements: over every date
	 * from its IMPLEMENTS relationships, over a period from the evidence of the articles
	 * published then.
	 */
	private Set<String> documentsImplementedBy(String provinceKey, LocalDate from, LocalDate to) {
		try (var session = this.driver.session()) {
			Map<String, Object> params = new java.util.HashMap<>();
			params.put("key", provinceKey);
			params.put("from", from);
			params.put("to", to);
			return Set.copyOf(session.run("""
					MATCH (u:Province {key: $key})
					WITH [u.key] + [(pre:Province)-[:MERGED_INTO]->(u) | pre.key] AS keys
					MATCH (p:Province)-[:IMPLEMENTS]->(d:Document) WHERE p.key IN keys
					  AND ($from IS NULL OR EXISTS {
					    MATCH (a:Article)-[:ASSERTS]->(:Evidence {type: 'IMPLEMENTS', fromKey: p.key, toKey: d.key})
					    WHERE a.publishedAt >= $from AND a.publishedAt <= $to })
					RETURN collect(DISTINCT d.key) AS keys""", params).single().get("keys").asList(v -> v.asString()));
		}
	}

	private void setPeriod(String from, String to) {
		this.browser.script("""
				document.getElementById('period-from').value = arguments[0];
				document.getElementById('period-to').value = arguments[1];
				document.getElementById('period-to').dispatchEvent(new Event('change'));""", from, to);
	}

	@Test
	void shouldApplyTheDateRangeToEveryPanelThroughTheServer() {
		// A central document and a year in which some, not all, of its implementers
		// reported (the
		// sample listing's articles, 22-NQ/TW's among them, are undated).
		org.neo4j.driver.Record pick;
		try (var session = this.driver.session()) {
			pick = session.run("""
					MATCH (a:Article)-[:ASSERTS]->(e:Evidence {type: 'IMPLEMENTS'})
					WHERE a.publishedAt IS NOT NULL
					MATCH (p:Province {key: e.fromKey}) WHERE p.era IN ['PRE_2025', 'BOTH']
					MATCH (d:Document {key: e.toKey}) WHERE d.scope = 'TW'
					WITH d, a.publishedAt.year AS year, count(DISTINCT p) AS reported
					WITH d, year, reported,
					     COUNT { (q:Province)-[:IMPLEMENTS]->(d) WHERE q.era IN ['PRE_2025', 'BOTH'] } AS implementers
					WHERE reported > 1 AND reported < implementers
					RETURN d.key AS key, year ORDER BY reported DESC, d.key, year LIMIT 1""").single();
		}
		String document = pick.get("key").asString();
		int year = pick.get("year").asInt();
		Set<String> all = implementers(document, "PRE_2025");
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		Map<String, Long> inPeriod = implementersIn(document, from, to);
		assertThat(inPeriod.keySet()).isNotEmpty().isSubsetOf(all).hasSizeLessThan(all.size());

		open("/dashboard?document=" + java.net.URLEncoder.encode(document, java.nio.charset.StandardCharsets.UTF_8));
		assertCoverageAgreesWithTheGraph(document, "PRE_2025");
		this.browser
			.script("""
					window.requests = [];
					const original = window.fetch;
					window.fetch = (url, init) => { window.requests.push(init && init.body); return original(url, init); };""");
		setPeriod(from.toString(), to.toString());
		String period = from + ".." + to;
		this.browser.waiting()
			.withMessage("the coverage of " + year)
			.until(d -> period.equals(find("#coverage-table").getDomAttribute("data-period"))
					&& "ready".equals(find("#coverage-panel").getDomAttribute("data-state")));
		List<String> bodies = this.browser.script("return window.requests.filter(b => typeof b === 'string');");
		assertThat(bodies).as("the period sent to the server with the coverage")
			.anyMatch(b -> b.contains("coverage(") && b.contains("\"from\":\"" + from + "\"")
					&& b.contains("\"to\":\"" + to + "\""));
		assertThat(keysOf("#coverage-map .tile[data-state='implemented']")).as("the map of " + year)
			.isEqualTo(inPeriod.keySet());
		assertThat(keysOf("#coverage-table tbody tr[data-key]")).as("the table of " + year)
			.isEqualTo(inPeriod.keySet());
		assertThat(textContentOf("#coverage-count")).isEqualTo(String.valueOf(inPeriod.size()));
		assertThat(textContentOf("#missing-count")).isEqualTo((63 - inPeriod.size()) + " / 63 tỉnh, thành");
		assertThat(textOf("#coverage-of")).contains("trong khoảng 1-1-" + year + " – 31-12-" + year);
		waitFor("#bars-panel[data-state='ready'] #coverage-chart svg");
		assertThat(find("#bars-panel").getDomAttribute("data-period")).isEqualTo(period);
		List<Long> bars = this.browser.driver()
			.findElements(By.cssSelector("#coverage-chart text.value"))
			.stream()
			.map(e -> Long.valueOf(e.getAttribute("textContent")))
			.toList();
		assertThat(bars).as("the bars count the articles of " + year)
			.containsExactlyElementsOf(
					inPeriod.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(20).toList());
		this.browser.waiting()
			.until(d -> period.equals(find("#mentions-panel").getDomAttribute("data-period"))
					&& !"loading".equals(find("#mentions-panel").getDomAttribute("data-state")));
		assertThat((String) this.browser.script("return new URLSearchParams(location.search).get('from');"))
			.isEqualTo(from.toString());
		// The CSV download counts over the same period.
		assertThat(find("#download-coverage").getDomAttribute("href")).contains("&from=" + from + "&to=" + to);
		assertThat(textOf("#download-coverage")).doesNotContain("mọi thời gian");
		// The province panel follows the period too: a unit that reported the document
		// that year
		// lists the documents it reported in that year, fewer than over every date.
		String province = inPeriod.keySet()
			.stream()
			.sorted()
			.filter(key -> documentsImplementedBy(key, from, to).size() < documentsImplementedBy(key, null, null)
				.size())
			.findFirst()
			.orElseThrow();
		Set<String> provinceDocuments = documentsImplementedBy(province, from, to);
		assertThat(provinceDocuments).contains(document).hasSizeLessThanOrEqualTo(100);
		new Select(find("#province-select")).selectByValue(province);
		this.browser.waiting()
			.withMessage("the province panel of " + year)
			.until(d -> !d
				.findElements(By.cssSelector(
						"#province-implements[data-province='" + province + "'][data-period='" + period + "']"))
				.isEmpty() && "ready".equals(find("#province-panel").getDomAttribute("data-state")));
		List<String> listed = this.browser.script(
				"return [...document.querySelectorAll('#province-implements a')].map((a) => new URL(a.href).searchParams.get('id'));");
		assertThat(Set.copyOf(listed)).as("the documents " + province + " reported in " + year)
			.isEqualTo(provinceDocuments);
		assertThat(textOf("#province-status"))
			.contains(
					"thực hiện " + provinceDocuments.size() + " văn bản trong khoảng 1-1-" + year + " – 31-12-" + year)
			.doesNotContain("mọi thời gian");
		assertThat(this.browser.driver()
			.findElements(By.cssSelector("#province-implements h3"))
			.stream()
			.map(e -> e.getAttribute("textContent"))).as("grouped by the year of the first report in the period")
			.containsOnly(String.valueOf(year));
		List<String> provinceBodies = this.browser.script("return window.requests.filter(b => typeof b === 'string');");
		assertThat(provinceBodies).as("the period sent to the server with the province's documents")
			.anyMatch(b -> b.contains("implements(") && b.contains("\"from\":\"" + from + "\"")
					&& b.contains("\"to\":\"" + to + "\""));
		this.browser.screenshot("dashboard-period");
		this.browser.driver().navigate().back();
		waitFor("#province-panel[data-state='empty']");

		// Out of order: one error under the dates, no figures, nothing asked.
		int asked = ((Number) this.browser.script("return window.requests.length;")).intValue();
		setPeriod(to.toString(), from.toString());
		waitFor("#coverage-panel[data-state='error']");
		assertThat(textOf("#period-error")).contains("Ngày bắt đầu phải trước");
		assertThat(this.browser.driver()
			.findElements(By.cssSelector(
					"#coverage-map .tile, #coverage-table tbody tr, #coverage-chart svg, #mentions-chart svg")))
			.isEmpty();
		assertThat(((Number) this.browser.script("return window.requests.length;")).intValue()).isEqualTo(asked);
		this.browser.screenshot("dashboard-period-error");

		// Back: the year's figures again; Back again: every date.
		this.browser.driver().navigate().back();
		this.browser.waiting().until(d -> period.equals(find("#coverage-table").getDomAttribute("data-period")));
		assertThat(keysOf("#coverage-table tbody tr[data-key]")).isEqualTo(inPeriod.keySet());
		assertThat(textOf("#period-error")).isEmpty();
		this.browser.driver().navigate().back();
		this.browser.waiting().until(d -> "..".equals(find("#coverage-table").getDomAttribute("data-period")));
		assertCoverageAgreesWithTheGraph(document, "PRE_2025");
		assertNoConsoleErrors();
	}

	@Test
	void shouldOpenALinkDirectlyAndShowAnErrorWithoutStaleFiguresForAnUnknownDocument() {
		open(RESOLUTION_22_URL + "&units=POST_2025");
		assertCoverageAgreesWithTheGraph(RESOLUTION_22, "POST_2025");
		assertThat(find("#units-post").isSelected()).isTrue();
		assertThat(find("#document-input").getDomProperty("value")).isEqualTo("Nghị quyết số 22-NQ/TW (2-2-2008)");

		// A link to a document the graph does not hold, followed within the page (as Back
		// or
		// Forward would): an error in Vietnamese, and none of 22-NQ/TW's figures left.
		String unknown = "999-NQ/TW|TW|1999-09-09";
		this.browser.script("history.pushState(null, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate'));",
				"/dashboard?document=" + java.net.URLEncoder.encode(unknown, java.nio.charset.StandardCharsets.UTF_8));
		waitFor("#coverage-panel[data-state='error']");
		assertThat(textOf("#coverage-status"))
			.isEqualTo("Không tìm thấy văn bản có khóa “" + unknown + "” trong đồ thị. Hãy chọn văn bản khác.");
		assertThat(textContentOf("#coverage-count")).isEqualTo("–");
		assertThat(this.browser.driver()
			.findElements(By.cssSelector("#coverage-map .tile, #coverage-table tbody tr, #coverage-chart svg")))
			.isEmpty();
		waitFor("#mentions-panel[data-state='error']");
		assertThat(textOf("#mentions-status")).contains("Không tìm thấy văn bản");
		assertThat(this.browser.driver().findElements(By.cssSelector("#mentions-chart svg"))).isEmpty();
		assertThat(find("#document-input").getDomProperty("value")).isEmpty();
		this.browser.screenshot("dashboard-unknown");

		// Back to 22-NQ/TW: its figures again.
		this.browser.driver().navigate().back();
		assertCoverageAgreesWithTheGraph(RESOLUTION_22, "POST_2025");

		// The same link opened directly.
		open("/dashboard?document=" + java.net.URLEncoder.encode(unknown, java.nio.charset.StandardCharsets.UTF_8));
		waitFor("#coverage-panel[data-state='error']");
		assertThat(textOf("#coverage-status")).startsWith("Không tìm thấy văn bản có khóa");
		assertNoConsoleErrors();
	}

	@Test
	void shouldRefreshByItselfWhenAnIngestReportsANewImplementingProvince() {
		open(RESOLUTION_22_URL);
		assertCoverageAgreesWithTheGraph(RESOLUTION_22, "PRE_2025");
		new Select(find("#province-select")).selectByValue("66");
		waitFor("#province-implements[data-province='66']");
		assertThat(currentDocumentParameter()).isEqualTo(RESOLUTION_22);
		assertThat((String) this.browser.script("return new URLSearchParams(location.search).get('province');"))
			.isEqualTo("66");

		// A province that does not implement the resolution yet reports implementing it.
		Set<String> before = implementers(RESOLUTION_22, "PRE_2025");
		Map<String, String> candidates = Map.of("40", "Nghệ An", "96", "Cà Mau", "20", "Lạng Sơn", "14", "Sơn La");
		String newKey = candidates.keySet()
			.stream()
			.sorted()
			.filter(k -> !before.contains(k))
			.findFirst()
			.orElseThrow();
		String newName = candidates.get(newKey);
		waitFor("body[data-live='open']");
		this.ingest.ingestRecords(List.of(ReadResult
			.ok(new RawArticle(newName + " thực hiện Nghị quyết số 22-NQ/TW", "Ban Thường vụ Tỉnh ủy " + newName
					+ " ban hành Kế hoạch số 99-KH/TU ngày 3-3-2019 để thực hiện Nghị quyết số 22-NQ/TW ngày 2-2-2008 của Ban Chấp hành Trung ương.",
					PREFIX + "new-unit", LocalDate.of(2019, 3, 10), "test", null, "dashboard[0]"))),
				IngestOptions.defaults(), IngestListener.NONE);
		assertThat(implementers(RESOLUTION_22, "PRE_2025")).hasSize(before.size() + 1).contains(newKey);
		waitForText("#coverage-table tbody", newName);
		assertCoverageAgreesWithTheGraph(RESOLUTION_22, "PRE_2025");
		waitForText("#live-log", newName);
		long dated = single("""
				MATCH (:Document {key: $key})<-[:MENTIONS]-(a:Article) WHERE a.publishedAt IS NOT NULL
				RETURN count(a)""", Map.of("key", RESOLUTION_22));
		waitForText("#mentions-note", dated + " bài viết");
		this.browser.screenshot("dashboard-live");
		assertNoConsoleErrors();
	}

}
