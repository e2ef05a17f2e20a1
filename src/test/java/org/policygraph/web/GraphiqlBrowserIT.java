package org.policygraph.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL, served by the application from webjars, in a real browser over the graph of
 * real size: the example operations as tabs, the schema's documentation and
 * autocompletion (introspection), a subscription tab receiving an ingest's event over
 * graphql-ws, a wrong password shown as an error in the result pane, operations shared as
 * links, and the page at phone width.
 */
class GraphiqlBrowserIT extends BrowserTests {

	private static final Logger log = LoggerFactory.getLogger(GraphiqlBrowserIT.class);

	private static final String PREFIX = "https://test.example/graphiql-browser-it/";

	/**
	 * Records the page's WebSocket frames in {@code window.wsFrames}, so that the test
	 * knows when the subscription is on the server before it ingests.
	 */
	private static final String WEBSOCKET_RECORDER = """
			window.wsFrames = [];
			const NativeWebSocket = window.WebSocket;
			window.WebSocket = class extends NativeWebSocket {
				constructor(...args) {
					super(...args);
					this.addEventListener('message', event => window.wsFrames.push('in ' + event.data));
				}
				send(data) {
					window.wsFrames.push('out ' + data);
					super.send(data);
				}
			};""";

	@LocalServerPort
	private int serverPort;

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	/** The graph's document the examples name (the page's exampleDocuments picks it). */
	private String exampleDocumentKey;

	private String exampleDocumentName;

	/**
	 * The first query after the application starts plans its Cypher statements and warms
	 * the database's page cache; on a busy machine that alone can pass the server's 15 s
	 * timeout. The tests here are about the page, so the first example's reads run once
	 * beforehand, for the document the page will name: the most mentioned resolution a
	 * local document with a known issuer carries out.
	 */
	@BeforeAll
	void warmUpTheFirstExamplesReads() throws Exception {
		JsonNode top = JsonMapper.shared()
			.readTree(post("""
					{"query": "{ topDocuments(type: RESOLUTION, first: 5) { document { key name \
					implementedBy(first: 10) { edges { node { via { key issuedBy { key } } } } } } } }"}"""))
			.path("data")
			.path("topDocuments");
		for (JsonNode rank : top) {
			JsonNode document = rank.path("document");
			boolean local = false;
			for (JsonNode edge : document.path("implementedBy").path("edges")) {
				for (JsonNode via : edge.path("node").path("via")) {
					local |= !via.path("issuedBy").isEmpty();
				}
			}
			if (local) {
				this.exampleDocumentKey = document.path("key").asString();
				this.exampleDocumentName = document.path("name").asString();
				break;
			}
		}
		assertThat(this.exampleDocumentKey).as("a resolution carried out through a local document").isNotNull();
		String body = """
				{"query": "{ document(key: \\"%s\\") { name issuedBy { name } \
				implementedBy(first: 20) { totalCount edges { node { province { name } \
				via { name issuedOn issuedBy { name } } firstReported articleCount \
				evidence(first: 3) { sentence article { title url publishedAt } } } } } } }"}"""
			.formatted(this.exampleDocumentKey);
		long start = System.nanoTime();
		for (int attempt = 1; attempt <= 4; attempt++) {
			String answer = post(body);
			if (answer != null && !answer.contains("\"errors\"")) {
				log.info("First example's reads warmed up in {} ms ({} attempt(s))",
						(System.nanoTime() - start) / 1_000_000, attempt);
				return;
			}
		}
	}

	/** A GraphQL request's answer, or null for a status other than 200. */
	private String post(String body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.serverPort + "/graphql"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		return (response.statusCode() == 200) ? response.body() : null;
	}

	@BeforeAll
	void recordWebSockets() {
		((org.openqa.selenium.chrome.ChromeDriver) this.browser.driver())
			.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WEBSOCKET_RECORDER));
	}

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldRunTheFirstExampleAndShowItsResult() {
		openGraphiql("/graphiql");
		assertSharedHeader();
		List<String> tabs = tabTitles();
		assertThat(tabs).hasSizeGreaterThanOrEqualTo(10);
		assertThat(String.join(" ", tabs)).contains("WhoImplementsAResolution", "Coverage", "LiveImplementations",
				"Neighbourhood", "Ingest");
		// The examples name the graph's own documents, not the bundled sample's (a graph
		// of
		// generated articles has no 22-NQ/TW of 2008; the sample's keys would answer
		// null).
		assertThat(editorValue(".graphiql-query-editor"))
			.contains("document(key: \"" + this.exampleDocumentKey + "\")");

		run();

		waitForText(".result-window", this.exampleDocumentName);
		waitForText(".result-window", "\"via\"");
		assertThat(textOf(".result-window")).doesNotContain("\"errors\"").doesNotContain("\"document\": null");
		this.browser.screenshot("graphiql");
		// A smaller picture for the documentation (docs/images/graphiql.png).
		((org.openqa.selenium.chrome.ChromeDriver) this.browser.driver()).executeCdpCommand(
				"Emulation.setDeviceMetricsOverride",
				Map.of("width", 1000, "height", 640, "deviceScaleFactor", 1, "mobile", false));
		this.browser.screenshot("graphiql-small");

		// The second example: the chain of the graph's local document up to the central
		// one, and a path from its issuer.
		selectTab("CodeLineageAndPath");
		run();
		waitForText(".result-window", "\"distance\"");
		// The whole answer (the pane shows only the lines in view).
		assertThat(editorValue(".result-window")).contains(this.exampleDocumentKey, "\"shortestPath\": {", "\"edges\"")
			.doesNotContain("\"errors\"")
			.doesNotContain("\"document\": null")
			.doesNotContain("\"shortestPath\": null");
		assertNoConsoleErrors();
	}

	@Test
	void shouldListTheQueryFieldsInTheDocsAndCompleteFieldNames() {
		openGraphiql("/graphiql");
		find("button[aria-label='Show Documentation Explorer']").click();
		waitFor(".graphiql-doc-explorer");
		this.browser.waiting()
			.withMessage(() -> "the schema's root types in the docs; found: " + textOf(".graphiql-plugin"))
			.until(driver -> !driver.findElements(By.xpath(docsLink("Query"))).isEmpty());
		find(By.xpath(docsLink("Query"))).click();
		waitForText(".graphiql-doc-explorer", "Fields");
		assertThat(textOf(".graphiql-doc-explorer")).contains("coverage", "neighbourhood", "shortestPath",
				"documentsByCode", "search");
		assertThat(textOf(".graphiql-plugin")).doesNotContain("Error fetching schema");
		// Each description reads as one paragraph: GraphiQL turns every line break of a
		// description into <br>, and the schema files wrap their lines.
		assertThat(this.browser.driver()
			.findElements(By.cssSelector(".graphiql-doc-explorer .graphiql-markdown-description")))
			.hasSizeGreaterThan(10);
		assertThat(this.browser.driver()
			.findElements(By.cssSelector(".graphiql-doc-explorer .graphiql-markdown-description br")))
			.as("line breaks inside the Query fields' descriptions")
			.isEmpty();
		assertThat(textOf(".graphiql-doc-explorer")).contains("and which units are missing");
		this.browser.screenshot("graphiql-docs");

		// Autocompletion from the introspected schema, in a new tab.
		find(".graphiql-tab-add").click();
		setEditor(".graphiql-query-editor", "");
		WebElement editor = find(".graphiql-query-editor .CodeMirror textarea");
		editor.sendKeys("{ cov");
		waitFor(".CodeMirror-hints");
		assertThat(hints()).contains("coverage");
		this.browser.screenshot("graphiql-autocomplete");
		editor.sendKeys(Keys.ENTER);
		this.browser.waiting()
			.withMessage(() -> "the completed field in the editor; found: " + editorValue(".graphiql-query-editor"))
			.until(driver -> editorValue(".graphiql-query-editor").contains("coverage"));
		assertNoConsoleErrors();
	}

	@Test
	void shouldShowAnIngestedImplementationInTheLiveSubscriptionTab() {
		openGraphiql("/graphiql");
		selectTab("LiveImplementations");
		run();
		// On the server once graphql-ws has acknowledged the connection and sent the
		// subscription.
		this.browser.waiting().withMessage(() -> "a subscription over WebSocket; frames: " + frames()).until(driver -> {
			String frames = frames();
			return frames.contains("\"connection_ack\"") && frames.contains("\"subscribe\"");
		});

		this.ingest.ingestRecords(List.of(ReadResult.ok(new RawArticle("Lai Châu thực hiện Chỉ thị số 977-CT/TW",
				"Ban Thường vụ Tỉnh ủy Lai Châu đã ban hành Kế hoạch để thực hiện Chỉ thị số 977-CT/TW ngày 5-5-2021 của Ban Bí thư.",
				PREFIX + "lai-chau", LocalDate.of(2021, 6, 7), "test", null, "graphiql[0]"))), IngestOptions.defaults(),
				IngestListener.NONE);

		waitForText(".result-window", "Lai Châu");
		assertThat(textOf(".result-window")).contains("977-CT/TW", "implementationAdded").doesNotContain("\"errors\"");
		this.browser.screenshot("graphiql-subscription");

		run(); // the same button stops the subscription
		this.browser.waiting()
			.withMessage(() -> "the subscription completed; frames: " + frames())
			.until(driver -> frames().contains("\"complete\""));
		assertNoConsoleErrors();
	}

	@Test
	void shouldShowAWrongPasswordAsAnErrorAndWriteWithTheRightOne() {
		openGraphiql("/graphiql");
		selectTab("Ingest");
		showHeaders();
		setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden)", authorization("wrong-password"));
		run();

		waitForText(".result-window", "UNAUTHORIZED");
		assertThat(this.browser.driver().findElements(By.cssSelector(".graphiql-response .graphiql-spinner")))
			.as("no spinner once the answer is in")
			.isEmpty();
		this.browser.screenshot("graphiql-wrong-password");

		setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden)",
				authorization(HarnessIntegrationTests.EDITOR_PASSWORD));
		run();
		waitForText(".result-window", "newCount");
		assertThat(textOf(".result-window")).doesNotContain("UNAUTHORIZED", "\"errors\"");
	}

	@Test
	void shouldOpenASharedOperationFromItsLinkAndKeepTheAddressShareable() {
		String query = """
				query SharedProvince($name: String!) {
				  province(name: $name) { key name }
				}""";
		String variables = "{\"name\": \"Dak Lak\"}";
		// As a person would paste it: no endpoint parameters, so the server's redirect
		// adds them.
		openGraphiql("/graphiql?query=" + encode(query) + "&variables=" + encode(variables));

		assertThat(activeTabTitle()).isEqualTo("SharedProvince");
		assertThat(editorValue(".graphiql-query-editor")).isEqualTo(query);
		assertThat(editorValue(".graphiql-editor-tool .graphiql-editor:not(.hidden)")).isEqualTo(variables);
		run();
		waitForText(".result-window", "Đắk Lắk");
		assertThat(textOf(".result-window")).contains("\"66\"").doesNotContain("\"errors\"");
		this.browser.screenshot("graphiql-shared-link");

		// Editing updates the address; credentials never go into it.
		String edited = query.replace("{ key name }", "{ key name mergedInto { name } }");
		setEditor(".graphiql-query-editor", edited);
		this.browser.waiting()
			.withMessage(() -> "the edited query in the address; found: " + addressParameters())
			.until(driver -> edited.equals(addressParameters().get("query")));
		showHeaders();
		setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden)",
				"{\"Authorization\": \"Basic c2VjcmV0OnNlY3JldA==\", \"X-Note\": \"shared\"}");
		this.browser.waiting()
			.withMessage(() -> "the headers without credentials in the address; found: " + addressParameters())
			.until(driver -> "{\"X-Note\":\"shared\"}".equals(addressParameters().get("headers")));
		Map<String, String> address = addressParameters();
		assertThat(address).containsEntry("path", "/graphql").containsEntry("wsPath", "/graphql");
		assertThat(this.browser.driver().getCurrentUrl()).doesNotContain("c2VjcmV0").doesNotContain("Authorization");

		// The address opens the same operation in another browser (no stored tabs).
		String link = this.browser.driver().getCurrentUrl();
		forgetTabs();
		openGraphiql(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
		assertThat(editorValue(".graphiql-query-editor")).isEqualTo(edited);
		run();
		waitForText(".result-window", "mergedInto");

		// A link written by hand, its braces not encoded (as browsers send them), opens
		// too.
		openGraphiql("/graphiql?query={about{articleCount}}");
		assertThat(editorValue(".graphiql-query-editor")).isEqualTo("{about{articleCount}}");
		assertNoConsoleErrors();
	}

	@Test
	void shouldShowAnHttpFailureAsAnErrorAndIgnoreAnEndpointOnAnotherHost() {
		// An endpoint on another host is not taken: the Headers tab's credentials stay
		// here.
		openGraphiql("/graphiql?path=https://attacker.example/graphql&wsPath=//attacker.example/graphql" + "&query="
				+ encode("{ about { articleCount } }"));
		run();
		waitForText(".result-window", "articleCount");
		assertThat(textOf(".result-window")).doesNotContain("\"errors\"");

		// An answer that is not GraphQL (no such endpoint) is shown, not left spinning.
		openGraphiql("/graphiql?path=/no-such-endpoint&wsPath=/graphql&query=" + encode("{ about { articleCount } }"));
		run();
		waitForText(".result-window", "HTTP 4");
		assertThat(textOf(".result-window")).contains("\"errors\"", "httpStatus");
		this.browser.screenshot("graphiql-http-failure");
		assertThat(this.browser.consoleErrors()).as("only the expected 404s")
			.isNotEmpty()
			.allMatch(error -> error.contains("/no-such-endpoint") && error.contains("404"));
	}

	@Test
	void shouldStackEditorsAndResultAndOpenTheDocsFullWidthOnAPhone() {
		this.browser.phone();
		openGraphiql("/graphiql");
		run();
		waitForText(".result-window", this.exampleDocumentName);
		assertPhoneLayout("graphiql-phone", ".graphiql-execute-button", ".graphiql-query-editor",
				"button[aria-label='Show Documentation Explorer']", "header.site-header nav");
		Map<String, Number> editors = rectangle(".graphiql-query-editor");
		Map<String, Number> result = rectangle(".result-window");
		assertThat(result.get("top").doubleValue()).as("the result below the editors")
			.isGreaterThanOrEqualTo(editors.get("bottom").doubleValue());
		assertThat(result.get("width").doubleValue()).as("the result's width").isGreaterThan(250);
		Number innerWidth = this.browser.script("return innerWidth;");
		assertThat(rectangle(".graphiql-query-editor .CodeMirror").get("width").doubleValue())
			.as("the query's width, of a %s px screen", innerWidth)
			.isGreaterThan(0.7 * innerWidth.doubleValue());
		Map<String, Number> run = rectangle(".graphiql-execute-button");
		assertThat(run.get("bottom").doubleValue()).as("the run button above the query")
			.isLessThanOrEqualTo(rectangle(".graphiql-query-editor .CodeMirror").get("top").doubleValue());

		find("button[aria-label='Show Documentation Explorer']").click();
		this.browser.waiting()
			.withMessage("the schema's root types in the docs")
			.until(driver -> !driver.findElements(By.xpath(docsLink("Query"))).isEmpty());
		find(By.xpath(docsLink("Query"))).click();
		waitForText(".graphiql-doc-explorer", "coverage");
		assertThat(rectangle(".graphiql-plugin").get("width").doubleValue()).as("the docs' width").isGreaterThan(280);
		assertThat(find(".graphiql-sessions").isDisplayed()).as("editors hidden behind the docs").isFalse();
		assertThat(this.browser.overflowsHorizontally()).isFalse();
		this.browser.screenshot("graphiql-phone-docs");

		find("button[aria-label='Hide Documentation Explorer']").click();
		this.browser.waiting().until(driver -> find(".graphiql-sessions").isDisplayed());
		assertNoConsoleErrors();
	}

	// ---- helpers
	// ----------------------------------------------------------------------------------

	/** Opens GraphiQL with a fresh browser storage and waits for it to be ready. */
	private void openGraphiql(String pathAndQuery) {
		forgetTabs();
		open(pathAndQuery);
		waitFor(".graphiql-execute-button");
		waitFor(".graphiql-query-editor .CodeMirror");
	}

	private void forgetTabs() {
		if (this.browser.driver().getCurrentUrl().startsWith("http")) {
			this.browser.script("window.localStorage.clear();");
		}
	}

	private WebElement find(By by) {
		return this.browser.driver().findElement(by);
	}

	private void run() {
		find(".graphiql-execute-button").click();
	}

	private List<String> tabTitles() {
		return this.browser.driver()
			.findElements(By.cssSelector(".graphiql-tab-button"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private String activeTabTitle() {
		return find(".graphiql-tab-active .graphiql-tab-button").getText();
	}

	private void selectTab(String title) {
		this.browser.driver()
			.findElements(By.cssSelector(".graphiql-tab-button"))
			.stream()
			.filter(tab -> tab.getText().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no tab " + title + " among " + tabTitles()))
			.click();
		this.browser.waiting().until(driver -> activeTabTitle().equals(title));
	}

	private void showHeaders() {
		this.browser.driver()
			.findElements(By.cssSelector(".graphiql-editor-tools-tabs button"))
			.stream()
			.filter(button -> button.getText().equals("Headers"))
			.findFirst()
			.orElseThrow()
			.click();
		waitFor(".graphiql-editor-tool .graphiql-editor:not(.hidden)");
	}

	/** Replaces an editor's text as typing would (CodeMirror change events). */
	private void setEditor(String css, String text) {
		this.browser.script("document.querySelector(arguments[0] + ' .CodeMirror').CodeMirror.setValue(arguments[1]);",
				css, text);
	}

	private String editorValue(String css) {
		return this.browser
			.script("return document.querySelector(arguments[0] + ' .CodeMirror').CodeMirror.getValue();", css);
	}

	private List<String> hints() {
		return this.browser.driver()
			.findElements(By.cssSelector(".CodeMirror-hints .CodeMirror-hint"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private String frames() {
		List<Object> frames = this.browser.script("return window.wsFrames || [];");
		return frames.toString();
	}

	private Map<String, String> addressParameters() {
		String query = URI.create(this.browser.driver().getCurrentUrl()).getRawQuery();
		Map<String, String> parameters = new java.util.LinkedHashMap<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	private Map<String, Number> rectangle(String css) {
		return this.browser.script("""
				const r = document.querySelector(arguments[0]).getBoundingClientRect();
				return { top: r.top, bottom: r.bottom, width: r.width };""", css);
	}

	private static String docsLink(String name) {
		return "//div[contains(@class,'graphiql-doc-explorer')]//a[normalize-space()='" + name + "']";
	}

	private static String authorization(String password) {
		String token = Base64.getEncoder().encodeToString(("editor:" + password).getBytes(StandardCharsets.UTF_8));
		return "{\"Authorization\": \"Basic " + token + "\"}";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
