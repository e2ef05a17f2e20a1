package org.policygraph.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@code /graphql} over real HTTP: valid operations generated from the running
 * schema, the same made invalid, documents beyond the limits, requests broken at the HTTP
 * level, and random and mutated {@code ingestArticles} payloads (with editor
 * credentials). Every response must pass {@link ResponseChecks} — no 5xx, no stack trace,
 * GraphQL JSON on 200, no internal error — within the per-request bound. The seed is
 * printed first; every failure names the seed, the iteration and the request so that it
 * can be replayed with {@code -Dfuzz.seed=…} ({@code -Dfuzz.only=…} for one iteration).
 * What the ingest calls wrote is retracted and removed afterwards, and the graph is
 * checked to be as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQlFuzzIT extends HarnessIntegrationTests {

	/** Iterations of a default run: a minute or two on a shared two-core machine. */
	static final int DEFAULT_ITERATIONS = 120;

	/**
	 * The per-request bound: the server's own 15 s request timeout, with 10 s of room for
	 * a loaded machine.
	 */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(25);

	private static final String PREFIX = "https://fuzz.test/graphql-fuzz-it/";

	private static final int MAX_REPORTED_FAILURES = 25;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	@LocalServerPort
	private int port;

	@Autowired
	private GraphQlSource graphQlSource;

	@Autowired
	private Driver driver;

	@Autowired
	private IngestService ingest;

	@AfterAll
	void removeWhatTheFuzzerWrote() {
		retractAndRemove();
	}

	@Test
	void shouldAnswerEveryGeneratedRequestWithoutServerErrorsLeaksOrHangs() throws Exception {
		FuzzSettings settings = FuzzSettings.fromSystemProperties(DEFAULT_ITERATIONS, DEFAULT_TIMEOUT);
		System.out.println(settings.banner(getClass().getSimpleName()));
		List<String> graphBefore = graphFingerprint();
		GraphQlDocumentGenerator generator = new GraphQlDocumentGenerator(this.graphQlSource.schema(), collectValues());
		GraphQlRequests requests = new GraphQlRequests(generator, EDITOR_PASSWORD);
		IngestPayloads ingestPayloads = new IngestPayloads(PREFIX, requests.editorAuthorization());

		List<String> failures = new ArrayList<>();
		Map<String, Integer> kinds = new TreeMap<>();
		Map<String, Long> kindMillis = new TreeMap<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		int sent = 0;
		long slowestMillis = 0;
		String slowest = "";
		long started = System.nanoTime();
		try {
			for (int i = 0; i < settings.iterations(); i++) {
				if (!settings.runs(i)) {
					continue;
				}
				Random r = settings.random(i);
				FuzzRequest request;
				ResponseChecks.IngestExpectation expectation = null;
				if (r.nextInt(100) < 20) {
					IngestPayloads.Call call = ingestPayloads.next(r);
					request = call.request();
					expectation = ResponseChecks.IngestExpectation.of(call, PREFIX);
				}
				else {
					request = requests.next(r);
				}
				String kind = request.kind().replaceAll("[ (].*", "");
				kinds.merge(kind, 1, Integer::sum);
				long t0 = System.nanoTime();
				Answer answer = send(request, settings.timeout());
				long millis = (System.nanoTime() - t0) / 1_000_000;
				kindMillis.merge(kind, millis, Long::sum);
				sent++;
				if (millis > slowestMillis) {
					slowestMillis = millis;
					slowest = "iteration " + i + " " + abbreviate(request.kind(), 120);
				}
				statuses.merge(answer.status(), 1, Integer::sum);
				List<String> problems = (answer.status() < 0)
						? List
							.of("no response within " + settings.timeout().toSeconds() + " s (" + answer.error() + ")")
						: ResponseChecks.problems(request, answer.status(), answer.contentType(), answer.body(),
								expectation);
				if (!problems.isEmpty()) {
					String failure = settings.replay(i) + " " + problems + " after " + millis + " ms\n  request "
							+ request.describe() + "\n  response " + answer.status() + " " + answer.contentType() + ": "
							+ abbreviate(new String(answer.body(), StandardCharsets.UTF_8), 1500);
					System.out.println("FUZZ FAILURE " + failure);
					if (failures.size() < MAX_REPORTED_FAILURES) {
						failures.add(failure);
					}
				}
			}
		}
		finally {
			retractAndRemove();
		}
		System.out.println(getClass().getSimpleName() + ": " + sent + " requests in "
				+ Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s, by kind " + kinds + " (ms "
				+ kindMillis + "), by status " + statuses + " (-1: no response), slowest " + slowestMillis + " ms ("
				+ slowest + "), " + failures.size() + " failing; " + settings.banner("replay"));

		assertThat(failures).as("fuzz failures, " + settings.banner("replay")).isEmpty();
		assertThat(graphFingerprint()).as("the graph after the fuzz run, cleaned up, is as it was before")
			.containsExactlyElementsOf(graphBefore);
	}

	private record Answer(int status, String contentType, byte[] body, String error) {
	}

	private Answer send(FuzzRequest request, Duration timeout) throws InterruptedException {
		String uri = "http://localhost:" + this.port + "/graphql"
				+ ((request.query() != null) ? "?" + request.query() : "");
		HttpRequest.BodyPublisher body = (request.body().length == 0) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(request.body());
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri))
			.timeout(timeout)
			.method(request.method(), body);
		request.headers().forEach(builder::header);
		try {
			HttpResponse<byte[]> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body(), null);
		}
		catch (HttpTimeoutException ex) {
			return new Answer(-1, null, new byte[0], ex.toString());
		}
		catch (java.io.IOException ex) {
			// the server closed the connection without an answer
			return new Answer(-1, null, new byte[0], ex.toString());
		}
	}

	/**
	 * Keys and article ids in the graph, and cursors the API hands out, in a stable
	 * order.
	 */
	private ArgumentValues collectValues() throws Exception {
		TreeSet<String> keys = new TreeSet<>();
		try (var session = this.driver.session()) {
			session.run("MATCH (n:Entity) RETURN n.key AS k")
				.forEachRemaining(row -> keys.add(row.get("k").asString()));
			session.run("MATCH (a:Article) RETURN a.id AS k")
				.forEachRemaining(row -> keys.add(row.get("k").asString()));
		}
		String query = """
				{ articles(first: 3) { edges { cursor } } documents(first: 3) { edges { cursor } }
				  province(name: "66") { implements(first: 2) { edges { cursor } } }
				  document(key: "22-NQ/TW|TW|2008-02-02") { implementedBy(first: 2) { edges { cursor } } } }""";
		FuzzRequest request = FuzzRequest.post("cursors", Map.of("Content-Type", "application/json"),
				GraphQlRequests.body(query, Map.of(), null));
		Answer answer = send(request, Duration.ofSeconds(60));
		TreeSet<String> cursors = new TreeSet<>();
		collectCursors(JSON.readTree(answer.body()), cursors);
		return new ArgumentValues(List.copyOf(keys), List.copyOf(cursors));
	}

	private static void collectCursors(JsonNode node, TreeSet<String> cursors) {
		if (node == null) {
			return;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				if (property.getKey().equals("cursor") && property.getValue().isString()) {
					cursors.add(property.getValue().asString());
				}
				collectCursors(property.getValue(), cursors);
			}
		}
		else if (node.isArray()) {
			node.forEach(child -> collectCursors(child, cursors));
		}
	}

	/**
	 * Retracts what the fuzz run wrote through the production path (each article replaced
	 * by an empty one, which takes back its mentions, evidence and counts), then removes
	 * the articles.
	 */
	private void retractAndRemove() {
		List<String> urls = new ArrayList<>();
		try (var session = this.driver.session()) {
			session
				.run("MATCH (a:Article) WHERE a.url STARTS WITH $prefix RETURN a.url AS url ORDER BY url",
						Map.of("prefix", PREFIX))
				.forEachRemaining(row -> urls.add(row.get("url").asString()));
		}
		if (!urls.isEmpty()) {
			this.ingest.ingestRecords(urls.stream()
				.map(url -> ReadResult.ok(new RawArticle("Fuzz cleanup", "", url, null, null, null, url)))
				.toList(), IngestOptions.defaults(), IngestListener.NONE);
		}
		TestArticles.remove(this.driver, PREFIX);
	}

	/**
	 * The graph apart from articles and evidence (counted only): every node with its
	 * labels and properties, every relationship between such nodes with its properties,
	 * sorted.
	 */
	private List<String> graphFingerprint() {
		List<String> lines = new ArrayList<>();
		try (var session = this.driver.session()) {
			lines.add("articles " + session.run("MATCH (a:Article) RETURN count(a) AS n").single().get("n").asLong());
			lines.add("evidence " + session.run("MATCH (e:Evidence) RETURN count(e) AS n").single().get("n").asLong());
			lines.add(
					"relationships " + session.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong());
			session.run("""
					MATCH (n) WHERE NOT n:Article AND NOT n:Evidence
					RETURN labels(n) AS labels, properties(n) AS props""")
				.forEachRemaining(row -> lines.add("node " + new TreeSet<>(row.get("labels").asList(Value::asString))
						+ " " + new TreeMap<>(row.get("props").asMap())));
			session.run("""
					MATCH (a)-[r]->(b) WHERE NOT a:Article AND NOT a:Evidence AND NOT b:Article AND NOT b:Evidence
					RETURN type(r) AS type, coalesce(a.key, elementId(a)) AS from, coalesce(b.key, elementId(b)) AS to,
					       properties(r) AS props""")
				.forEachRemaining(
						row -> lines.add("relationship " + row.get("type").asString() + " " + row.get("from").asString()
								+ " " + row.get("to").asString() + " " + new TreeMap<>(row.get("props").asMap())));
		}
		lines.sort(null);
		return lines;
	}

	private static String abbreviate(String s, int max) {
		return (s.length() <= max) ? s : s.substring(0, max) + "… (" + (s.length() - max) + " more characters)";
	}

}
