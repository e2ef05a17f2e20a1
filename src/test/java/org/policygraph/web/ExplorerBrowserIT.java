package org.policygraph.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph explorer on a graph of real size: a diacritic-free search finds Đắk Lắk and
 * draws its neighbourhood; the most-cited document shows its implementing provinces and
 * issuer with its articles gathered in a count node that opens them a page at a time;
 * unticking a relationship type asks the server again; a shared link names its root;
 * search hits rank the central Resolution 22 first and tell same-named bodies apart; an
 * unknown id draws nothing and says so in Vietnamese; the downloads say when they are
 * cut. Facts are read from the database.
 */
class ExplorerBrowserIT extends BrowserTests {

	private static final String DAK_LAK = "66";

	private static final String RESOLUTION_22 = "22-NQ/TW|TW|2008-02-02";

	/** The relationship types' names on the page's edges. */
	private static final Set<String> EDGE_NAMES = Set.of("thực hiện", "ban hành bởi", "nhắc đến", "trực thuộc",
			"thuộc tỉnh", "hợp nhất vào");

	@Autowired
	private Driver driver;

	@LocalServerPort
	private int port;

	@Test
	void shouldSearchDrawExpandAndShowDetails() {
		open("/explore");
		assertSharedHeader();

		find("#search-text").sendKeys("Dak Lak");
		find("#search-button").click();
		WebElement hit = waitFor("button.hit[data-id='" + DAK_LAK + "']");
		assertThat(hit.getText()).contains("Đắk Lắk");
		hit.click();

		this.browser.waiting().withMessage("the neighbourhood of Đắk Lắk drawn").until(driver -> nodeCount() >= 5);
		waitFor("#details-body[data-loaded='" + DAK_LAK + "']");
		assertThat(textOf("#details-body")).contains("Đắk Lắk", "Nghị quyết số 22-NQ/TW");
		assertThat(hasNode(RESOLUTION_22)).isTrue();
		this.browser.screenshot("explore-province");

		long before = nodeCount();
		clickNode(RESOLUTION_22);
		this.browser.waiting().withMessage("more nodes after expanding 22-NQ/TW").until(driver -> nodeCount() > before);
		waitFor("#details-body[data-loaded='" + RESOLUTION_22 + "']");
		String details = textOf("#details-body");
		assertThat(details).contains("Nghị quyết số 22-NQ/TW", "Ban Chấp hành Trung ương", "Đắk Lắk");
		assertThat(this.browser.driver().findElements(By.cssSelector("#details-body .evidence q")))
			.as("evidence sentences")
			.isNotEmpty();
		this.browser.screenshot("explore-expanded");

		untick("IMPLEMENTS");
		this.browser.waiting().until(driver -> visibleEdges("IMPLEMENTS") == 0);
		tick("IMPLEMENTS");
		this.browser.waiting().until(driver -> visibleEdges("IMPLEMENTS") > 0);

		assertNoConsoleErrors();
		assertFitsPhoneWidth("explore-phone");
	}

	@Test
	void shouldShowAHubsImplementersAndIssuerWithItsArticlesAsACountNode() throws Exception {
		Record hub = single("""
				MATCH (d:Document)<-[:MENTIONS]-(:Article)
				WITH d, count(*) AS mentions ORDER BY mentions DESC, d.key LIMIT 1
				RETURN d.key AS key, coalesce(d.code, d.name) AS code, d.issuedOn AS issuedOn, mentions,
				       [(p:Province)-[:IMPLEMENTS]->(d) | p.key] AS provinces,
				       [(d)-[:ISSUED_BY]->(b:PartyBody) | b.key] AS issuers,
				       [(x:Document)-[:IMPLEMENTS]->(d) | x.key] AS localDocuments""", Map.of());
		String key = hub.get("key").asString();
		int mentions = hub.get("mentions").asInt();
		List<String> provinces = hub.get("provinces").asList(v -> v.asString());
		List<String> issuers = hub.get("issuers").asList(v -> v.asString());
		List<String> localDocuments = hub.get("localDocuments").asList(v -> v.asString());
		assertThat(mentions).as("the hub is cited by more articles than a view holds").isGreaterThan(200);
		assertThat(provinces.size() + issuers.size() + localDocuments.size()).as("its other neighbours fit in a view")
			.isLessThanOrEqualTo(200);

		open("/explore");
		find("#search-text").sendKeys(hub.get("code").asString());
		find("#search-button").click();
		WebElement hit = waitFor("button.hit[data-id='" + key + "']");
		if (!hub.get("issuedOn").isNull()) {
			java.time.LocalDate issued = hub.get("issuedOn").asLocalDate();
			assertThat(hit.getText()).as("the hit says when the document was issued")
				.contains("ngày " + issued.getDayOfMonth() + "-" + issued.getMonthValue() + "-" + issued.getYear());
		}
		hit.click();
		String counter = "more:" + key;
		this.browser.waiting().withMessage("the hub drawn with its count node").until(driver -> hasNode(counter));

		assertThat(drawn("PROVINCE")).containsExactlyInAnyOrderElementsOf(provinces);
		assertThat(drawn("PARTY_BODY")).containsAll(issuers);
		assertThat(drawn("DOCUMENT")).contains(key).containsAll(localDocuments);
		assertThat(drawn("ARTICLE")).as("articles wait in the count node").isEmpty();
		assertThat(label(counter)).isEqualTo(mentions + " bài viết");
		assertThat(textOf("#graph-status")).contains(mentions + " bài viết");
		assertLabelsLegible();
		this.browser.screenshot("explore-hub");

		// A node's label, hidden at this zoom, shows on hover at a readable size.
		String province = provinces.get(0);
		Number zoom = this.browser.script("return window.cy.zoom();");
		assertThat(labelShown(province)).as("a province's label at zoom %s", zoom)
			.isEqualTo(12 * zoom.doubleValue() >= 11);
		hover(province);
		this.browser.waiting()
			.withMessage("the hovered label shown at 11 px or more")
			.until(driver -> renderedFontSize(province) >= 11 && labelShown(province));

		// The count node opens the articles a page at a time.
		clickNode(counter);
		int page = Math.min(50, mentions);
		this.browser.waiting()
			.withMessage("a page of articles opened")
			.until(driver -> drawn("ARTICLE").size() == page);
		assertThat(label(counter)).isEqualTo((mentions - page) + " bài viết nữa");
		List<String> articleIds = drawn("ARTICLE");
		assertThat(single("""
				MATCH (a:Article)-[:MENTIONS]->(:Document {key: $key}) WHERE a.id IN $ids RETURN count(a) AS n""",
				Map.of("key", key, "ids", articleIds))
			.get("n")
			.asInt()).isEqualTo(page);
		this.browser.screenshot("explore-hub-articles");

		// The view's download is cut (the unopened articles) and says so; the file says
		// it too.
		Path downloads = Path.of("target", "downloads").toAbsolutePath();
		Files.createDirectories(downloads);
		try (Stream<Path> old = Files.list(downloads)) {
			old.forEach(p -> p.toFile().delete());
		}
		((org.openqa.selenium.chromium.HasCdp) this.browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		find("#download-view-graphml").click();
		waitFor("#download-status[data-truncated]");
		assertThat(find("#download-status").getDomAttribute("data-truncated")).isEqualTo("true");
		assertThat(find("#download-status").getDomAttribute("data-left-out"))
			.isEqualTo(String.valueOf(mentions - page));
		assertThat(textOf("#download-status")).contains("ĐÃ CẮT", (mentions - page) + " quan hệ");
		Path file = this.browser.waiting()
			.withMessage("the GraphML saved")
			.until(driver -> downloaded(downloads, ".graphml"));
		String graphml = Files.readString(file);
		assertThat(graphml).contains("<!-- Cut: a view of " + (nodeCount() - 1) + " nodes")
			.contains((mentions - page) + " more relationships (" + (mentions - page) + " MENTIONS ARTICLE)");
		assertThat(graphml.split("<node ", -1)).hasSize((int) nodeCount());

		// The whole neighbourhood: its link and its answer say when it is cut.
		String full = find("#download-full-graphml").getDomAttribute("href");
		int relationships = single("""
				MATCH (d:Document {key: $key})-[r]-(m) WHERE m:Entity OR m:Article RETURN count(r) AS n""",
				Map.of("key", key))
			.get("n")
			.asInt();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + full)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Graph-Truncated")).hasValue(String.valueOf(relationships > 1000));
		assertThat(textOf("#full-note")).contains(relationships + " quan hệ");

		// Unticking a type asks the server again: its nodes are gone, not hidden; the
		// others stay.
		this.browser
			.script("""
					window.requests = [];
					const original = window.fetch;
					window.fetch = (url, init) => { window.requests.push(init && init.body); return original(url, init); };""");
		untick("MENTIONS");
		this.browser.waiting().withMessage("the neighbourhood asked again without MENTIONS").until(driver -> {
			List<String> bodies = this.browser.script("return window.requests.filter(b => typeof b === 'string');");
			return bodies.stream()
				.anyMatch(b -> b.contains("neighbourhood") && b.contains("IMPLEMENTS") && !b.contains("MENTIONS"));
		});
		this.browser.waiting()
			.withMessage("articles and the count node gone")
			.until(driver -> drawn("ARTICLE").isEmpty() && !hasNode(counter));
		assertThat(drawn("PROVINCE")).containsExactlyInAnyOrderElementsOf(provinces);
		assertThat(drawn("PARTY_BODY")).containsAll(issuers);
		assertThat(edgeNames()).isNotEmpty().isSubsetOf(EDGE_NAMES).doesNotContain("nhắc đến");

		untick("IMPLEMENTS");
		this.browser.waiting().withMessage("implementers gone").until(driver -> drawn("PROVINCE").isEmpty());
		assertThat(drawn("PARTY_BODY")).containsAll(issuers);
		tick("IMPLEMENTS");
		tick("MENTIONS");
		this.browser.waiting()
			.withMessage("all back")
			.until(driver -> hasNode(counter) && drawn("PROVINCE").size() == provinces.size());

		assertNoConsoleErrors();
		assertPhoneLayout("explore-hub-phone", "#search-text", "#search-button", "#type-filter", "#year-from",
				"#year-to", "#cy", "#fit");
		assertLabelsLegible();
	}

	@Test
	void shouldAskTheServerForAHubsImplementersAndArticlesOfTheYearsTyped() throws Exception {
		// The hub and a year in which some, not all, of its implementers reported (from
		// the evidence).
		Record hub = single("""
				MATCH (d:Document)<-[:MENTIONS]-(:Article)
				WITH d, count(*) AS mentions ORDER BY mentions DESC, d.key LIMIT 1
				MATCH (a:Article)-[:ASSERTS]->(e:Evidence {type: 'IMPLEMENTS', toKey: d.key})
				MATCH (p:Province {key: e.fromKey})
				WITH d, a.publishedAt.year AS year, collect(DISTINCT p.key) AS reported
				WHERE year IS NOT NULL
				WITH d, year, reported, COUNT { (p:Province)-[:IMPLEMENTS]->(d) } AS implementers
				WHERE size(reported) < implementers
				ORDER BY size(reported) DESC, year LIMIT 1
				RETURN d.key AS key, year, reported,
				       COUNT { (x:Article)-[:MENTIONS]->(d) WHERE x.publishedAt.year = year } AS mentions""", Map.of());
		String key = hub.get("key").asString();
		int year = hub.get("year").asInt();
		List<String> reported = hub.get("reported").asList(v -> v.asString());
		int mentions = hub.get("mentions").asInt();

		open("/explore?id=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
		String counter = "more:" + key;
		this.browser.waiting().withMessage("the hub drawn").until(driver -> hasNode(counter));
		assertThat(drawn("PROVINCE")).hasSizeGreaterThan(reported.size());
		this.browser
			.script("""
					window.requests = [];
					const original = window.fetch;
					window.fetch = (url, init) => { window.requests.push(init && init.body); return original(url, init); };""");

		find("#year-from").sendKeys(String.valueOf(year));
		find("#year-to").sendKeys(String.valueOf(year));
		this.browser.waiting()
			.withMessage("the hub asked again for " + year)
			.until(driver -> (year + "-01-01.." + year + "-12-31").equals(find("#cy").getDomAttribute("data-years"))
					&& "false".equals(find("#cy").getDomAttribute("aria-busy")));
		List<String> bodies = this.browser.script("return window.requests.filter(b => typeof b === 'string');");
		assertThat(bodies).anyMatch(b -> b.contains("neighbourhood") && b.contains("\"from\":\"" + year + "-01-01\"")
				&& b.contains("\"to\":\"" + year + "-12-31\""));
		assertThat(drawn("PROVINCE")).as("the units that reported implementing it in " + year)
			.containsExactlyInAnyOrderElementsOf(reported);
		if (mentions > 0) {
			assertThat(label(counter)).isEqualTo(mentions + " bài viết");
		}
		else {
			assertThat(hasNode(counter)).isFalse();
		}
		assertThat(textOf("#graph-status")).contains("trong năm " + year);
		assertThat(urlParameter("from")).as("the years in the address").isEqualTo(String.valueOf(year));
		assertThat(urlParameter("to")).isEqualTo(String.valueOf(year));
		this.browser.screenshot("explore-hub-year");

		// The whole neighbourhood's download carries the years: its provinces are the
		// year's.
		String json = find("#download-full-json").getDomAttribute("href");
		assertThat(json).contains("from=" + year + "-01-01", "to=" + year + "-12-31");
		HttpResponse<String> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + json)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(java.util.regex.Pattern.compile("\"id\":\"[^\"]+\",\"kind\":\"PROVINCE\"")
			.matcher(download.body())
			.results()
			.count()).as("province nodes in " + json).isEqualTo(reported.size());

		// The view's download carries the years: what it leaves out is the year's
		// articles.
		find("#download-view-json").click();
		waitFor("#download-status[data-left-out]");
		List<String> forms = this.browser
			.script("return window.requests.filter(b => b instanceof URLSearchParams).map(String);");
		assertThat(forms).as("the view's download form")
			.singleElement()
			.asString()
			.contains("from=" + year + "-01-01", "to=" + year + "-12-31");
		assertThat(find("#download-status").getDomAttribute("data-left-out"))
			.as("the articles of " + year + " not drawn")
			.isEqualTo(String.valueOf(mentions));

		// Years out of order: one error, nothing asked, the view stays.
		int before = ((Number) this.browser.script("return window.requests.length;")).intValue();
		// (as the field's arrow does: one change event)
		this.browser.script("""
				const field = document.getElementById('year-from');
				field.value = arguments[0];
				field.dispatchEvent(new Event('change'));""", String.valueOf(year + 1));
		waitForText("#year-error", "phải trước hoặc bằng năm kết thúc");
		Thread.sleep(1000);
		assertThat(find("#year-from").getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(((Number) this.browser.script("return window.requests.length;")).intValue()).isEqualTo(before);
		assertThat(drawn("PROVINCE")).containsExactlyInAnyOrderElementsOf(reported);

		// Emptied: every year again.
		this.browser.script("""
				for (const id of ['year-from', 'year-to']) {
				  document.getElementById(id).value = '';
				}
				document.getElementById('year-to').dispatchEvent(new Event('change'));""");
		this.browser.waiting()
			.withMessage("every year again")
			.until(driver -> "..".equals(find("#cy").getDomAttribute("data-years"))
					&& drawn("PROVINCE").size() > reported.size());
		assertThat(textOf("#year-error")).isEmpty();
		assertThat(urlParameter("from")).isNull();

		// Back: the year again, asked of the server; Forward: every year.
		this.browser.driver().navigate().back();
		String yearKey = year + "-01-01.." + year + "-12-31";
		this.browser.waiting()
			.withMessage("Back to " + year)
			.until(driver -> yearKey.equals(find("#cy").getDomAttribute("data-years"))
					&& "false".equals(find("#cy").getDomAttribute("aria-busy")));
		assertThat(find("#year-from").getDomProperty("value")).isEqualTo(String.valueOf(year));
		assertThat(drawn("PROVINCE")).containsExactlyInAnyOrderElementsOf(reported);
		this.browser.driver().navigate().forward();
		this.browser.waiting()
			.withMessage("Forward to every year")
			.until(driver -> "..".equals(find("#cy").getDomAttribute("data-years"))
					&& drawn("PROVINCE").size() > reported.size());
		assertThat(find("#year-from").getDomProperty("value")).isEmpty();

		// A shared link keeps the years.
		open("/explore?id=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&from=" + year + "&to=" + year);
		this.browser.waiting()
			.withMessage("the shared link of " + year)
			.until(driver -> yearKey.equals(find("#cy").getDomAttribute("data-years")));
		assertThat(find("#year-to").getDomProperty("value")).isEqualTo(String.valueOf(year));
		assertThat(drawn("PROVINCE")).containsExactlyInAnyOrderElementsOf(reported);
		assertNoConsoleErrors();
	}

	private String urlParameter(String name) {
		return this.browser.script("return new URLSearchParams(location.search).get(arguments[0]);", name);
	}

	@Test
	void shouldNameTheRootOfASharedLink() {
		String name = single("MATCH (d:Document {key: $key}) RETURN d.name AS name", Map.of("key", RESOLUTION_22))
			.get("name")
			.asString();
		open("/explore?id=" + URLEncoder.encode(RESOLUTION_22, StandardCharsets.UTF_8));
		this.browser.waiting().withMessage("the shared link's root drawn").until(driver -> hasNode(RESOLUTION_22));

		assertThat(label(RESOLUTION_22)).isEqualTo(name);
		assertThat(textOf("#graph-title")).contains(name, "2-2-2008").doesNotContain("|");
		waitFor("#details-body[data-loaded='" + RESOLUTION_22 + "']");
		assertThat(this.browser.driver().getTitle()).startsWith(name);
		assertNoConsoleErrors();
	}

	@Test
	void shouldRankTheCentralResolutionFirstAndTellSameNamedHitsApart() {
		open("/explore");
		search("nghi quyet 22");
		List<WebElement> hits = this.browser.driver().findElements(By.cssSelector("#hits button.hit"));
		assertThat(hits.get(0).getDomAttribute("data-id")).startsWith("22-NQ/TW|TW|");
		assertThat(hits.get(0).getText()).contains("Nghị quyết số 22-NQ/TW", "cấp Trung ương");

		search("Dak Lak");
		hits = this.browser.driver().findElements(By.cssSelector("#hits button.hit"));
		List<String> ids = hits.stream().map(h -> h.getDomAttribute("data-id")).toList();
		assertThat(ids).doesNotHaveDuplicates();
		List<String> lines = hits.stream().map(h -> h.getText().lines().findFirst().orElse("")).toList();
		assertThat(lines).as("each hit's first line tells it apart").doesNotHaveDuplicates();
		List<WebElement> bodies = hits.stream()
			.filter(h -> "PARTY_BODY".equals(h.getDomAttribute("data-kind")))
			.toList();
		assertThat(bodies).isNotEmpty()
			.allSatisfy(
					b -> assertThat(b.getText()).contains("cấp tỉnh").containsPattern("(đến 30-6-2025|từ 1-7-2025)"));
		this.browser.screenshot("explore-search");

		// Two searches in quick succession: the list holds the answer to the last one,
		// once.
		this.browser.script("""
				const form = document.getElementById('search-form');
				form.requestSubmit();
				form.requestSubmit();""");
		this.browser.waiting().until(driver -> textOf("#search-status").contains("kết quả"));
		this.browser.waiting().until(driver -> {
			List<String> again = this.browser.driver()
				.findElements(By.cssSelector("#hits button.hit"))
				.stream()
				.map(h -> h.getDomAttribute("data-id"))
				.toList();
			return again.equals(ids);
		});
		assertPhoneScreenshot("explore-search-phone");
	}

	@Test
	void shouldDrawNothingAndSayInVietnameseWhenTheIdIsUnknown() {
		open("/explore?id=" + URLEncoder.encode("99-NQ/TW|TW|1901-01-01", StandardCharsets.UTF_8));
		this.browser.waiting()
			.withMessage("the not-found message")
			.until(driver -> textOf("#graph-status").contains("Không tìm thấy"));

		assertThat(textOf("#graph-status")).contains("99-NQ/TW|TW|1901-01-01", "không có tỉnh, văn bản, cơ quan đảng")
			.doesNotContain("No province");
		assertThat(find("#graph-status").getDomAttribute("class")).contains("error");
		assertThat(nodeCount()).isZero();
		assertThat(find("#downloads").isDisplayed()).isFalse();
		assertNoConsoleErrors();
	}

	private void assertPhoneScreenshot(String name) {
		assertFitsPhoneWidth(name);
		this.browser.laptop();
	}

	private void search(String text) {
		WebElement input = find("#search-text");
		input.clear();
		input.sendKeys(text);
		String before = textOf("#search-status");
		this.browser.script("document.getElementById('search-status').textContent = '';");
		find("#search-button").click();
		this.browser.waiting()
			.withMessage("hits for " + text + " (before: " + before + ")")
			.until(driver -> textOf("#search-status").contains("kết quả"));
	}

	private Record single(String cypher, Map<String, Object> parameters) {
		try (var session = this.driver.session()) {
			return session.run(cypher, parameters).single();
		}
	}

	private static Path downloaded(Path dir, String suffix) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Every node and edge label drawn reads at 11 px or more on screen (the others are
	 * not drawn at this zoom); edges carry Vietnamese names.
	 */
	private void assertLabelsLegible() {
		this.browser.waiting()
			.withMessage(() -> "labels drawn below 11 px: " + unreadableLabels())
			.until(driver -> unreadableLabels().isEmpty());
		assertThat(edgeNames()).isSubsetOf(EDGE_NAMES);
	}

	private List<Map<String, Object>> unreadableLabels() {
		return this.browser.script("""
				const zoom = window.cy.zoom();
				return window.cy.elements().filter(e => e.visible() && e.style('label'))
				  .map(e => ({ id: e.id(), label: e.style('label'), px: parseFloat(e.style('font-size')) * zoom }))
				  .filter(l => l.px < 11);""");
	}

	private List<String> edgeNames() {
		return this.browser
			.script("""
					return [...new Set(window.cy.edges().filter(e => e.data('type') !== 'MORE').map(e => e.data('name')))];""");
	}

	private double renderedFontSize(String id) {
		Number px = this.browser.script(
				"return parseFloat(window.cy.getElementById(arguments[0]).style('font-size')) * window.cy.zoom();", id);
		return px.doubleValue();
	}

	private boolean labelShown(String id) {
		String label = this.browser.script("return window.cy.getElementById(arguments[0]).style('label');", id);
		return label != null && !label.isEmpty();
	}

	private long nodeCount() {
		Number count = this.browser.script("return window.cy ? window.cy.nodes().length : 0;");
		return count.longValue();
	}

	private List<String> drawn(String kind) {
		return this.browser
			.script("return window.cy.nodes().filter(n => n.data('kind') === arguments[0]).map(n => n.id());", kind);
	}

	private String label(String id) {
		return this.browser.script("return window.cy.getElementById(arguments[0]).data('label');", id);
	}

	private boolean hasNode(String id) {
		return Boolean.TRUE
			.equals(this.browser.script("return window.cy.getElementById(arguments[0]).nonempty();", id));
	}

	private long visibleEdges(String type) {
		Number count = this.browser.script(
				"return window.cy.edges().filter(e => e.data('type') === arguments[0] && e.visible()).length;", type);
		return count.longValue();
	}

	private void untick(String type) {
		WebElement box = find("#type-" + type);
		if (box.isSelected()) {
			find("label[for='type-" + type + "']").click();
		}
	}

	private void tick(String type) {
		WebElement box = find("#type-" + type);
		if (!box.isSelected()) {
			find("label[for='type-" + type + "']").click();
		}
	}

	/**
	 * Where cytoscape drew a node, relative to the centre of its container, after
	 * centring it.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Number> centre(String id) {
		return this.browser.script("""
				const cy = window.cy;
				cy.container().scrollIntoView({ block: 'center' });
				const node = cy.getElementById(arguments[0]);
				cy.center(node);
				const p = node.renderedPosition();
				const box = cy.container().getBoundingClientRect();
				return { x: p.x - box.width / 2, y: p.y - box.height / 2 };""", id);
	}

	/** A real mouse click on the node where cytoscape drew it. */
	private void clickNode(String id) {
		Map<String, Number> at = centre(id);
		new Actions(this.browser.driver()).moveToElement(find("#cy"), at.get("x").intValue(), at.get("y").intValue())
			.click()
			.perform();
	}

	/** A real mouse moved over the node. */
	private void hover(String id) {
		Map<String, Number> at = centre(id);
		new Actions(this.browser.driver()).moveToElement(find("#cy"), at.get("x").intValue(), at.get("y").intValue())
			.perform();
	}

}
