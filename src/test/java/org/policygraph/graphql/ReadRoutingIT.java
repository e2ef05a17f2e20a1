package org.policygraph.graphql;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.RoutingHarnessIntegrationTests;
import org.policygraph.support.SessionRecorder;
import org.policygraph.support.SessionRecorder.Statement;
import org.policygraph.support.TestArticles;
import org.policygraph.support.Testers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing on a cluster depends on the access mode of each transaction: reads must be READ
 * (so that the routing driver sends them to followers and secondaries), writes WRITE (to
 * the leader). Against the in-process Neo4j reached with {@code neo4j://}, every
 * statement the application runs is recorded with its mode while a query touching every
 * Query field family, nested batched fields and data loaders, search, the downloads,
 * health, the ingest mutation and a subscription run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadRoutingIT extends RoutingHarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/read-routing-it/";

	private static final String DIRECTIVE = "931-CT/TW|TW|2019-01-05";

	private static final String PLAN = "935-KH/TU|40|2019-02-20";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SessionRecorder recorder;

	@Autowired
	private Driver driver;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private Environment environment;

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	private HttpGraphQlTester editor() {
		return this.graphQl.mutate()
			.headers(h -> h.setBasicAuth("editor", HarnessIntegrationTests.EDITOR_PASSWORD))
			.build();
	}

	private static Map<String, Object> article(String slug, String title, String text) {
		return Map.of("url", PREFIX + slug, "title", title, "text", text, "publishedAt", "2019-03-01");
	}

	@BeforeAll
	void ingestArticles() {
		editor().documentName("ingestWithBookmarks")
			.variable("input", Map.of("articles", List.of(article("nghe-an", "Nghệ An triển khai Chỉ thị số 931-CT/TW",
					"Thực hiện Chỉ thị số 931-CT/TW ngày 5-1-2019 của Ban Bí thư về công tác cán bộ, Ban Thường vụ "
							+ "Tỉnh ủy Nghệ An đã ban hành Kế hoạch số 935-KH/TU ngày 20-2-2019 để thực hiện."),
					article("thanh-hoa", "Thanh Hóa quán triệt Chỉ thị số 931-CT/TW",
							"Ban Thường vụ Tỉnh ủy Thanh Hóa đã tổ chức quán triệt và triển khai thực hiện Chỉ thị số "
									+ "931-CT/TW ngày 5-1-2019 của Ban Bí thư."))))
			.execute()
			.path("ingestArticles.newCount")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void shouldReachTheDatabaseThroughTheRoutingScheme() {
		assertThat(this.environment.getProperty("spring.neo4j.uri")).startsWith("neo4j://");
		this.recorder.reset();

		this.graphQl.documentName("about")
			.execute()
			.path("about.articleCount")
			.entity(Integer.class)
			.satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(2));

		assertThat(this.recorder.statements()).isNotEmpty();
	}

	@Test
	void shouldRunEveryQueryFamilyExportAndSearchInReadTransactions() throws Exception {
		this.recorder.reset();

		var response = this.graphQl.documentName("readRouting")
			.variable("documentKey", DIRECTIVE)
			.variable("planKey", PLAN)
			.variable("provinceKey", "40")
			.variable("articleId", PREFIX + "nghe-an")
			.execute();
		response.errors().verify();
		response.path("coverage.implementedCount")
			.entity(Integer.class)
			.satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(2));
		response.path("article.id").entity(String.class).isEqualTo(PREFIX + "nghe-an");
		response.path("articles.edges[0].node.documents[*].implementedBy.edges[*].node.evidence[*].apa")
			.entityList(String.class)
			.hasSizeGreaterThan(0);
		response.path("shortestPath.nodes").entityList(Object.class).hasSizeGreaterThan(1);
		for (String download : List.of("/export/evidence.csv?provinceKey=40&documentKey=" + encode(DIRECTIVE),
				"/export/coverage.csv?documentKeys=" + encode(DIRECTIVE),
				"/export/neighbourhood.graphml?id=" + encode(DIRECTIVE),
				"/export/neighbourhood.json?id=" + encode(DIRECTIVE))) {
			HttpResponse<String> file = get(download);
			assertThat(file.statusCode()).as(download).isEqualTo(200);
			assertThat(file.body()).as(download).contains("931-CT/TW");
		}

		List<Statement> statements = this.recorder.statements();
		assertThat(statements).hasSizeGreaterThan(20);
		assertThat(statements).allSatisfy(s -> assertThat(s.mode()).as(s.toString()).isEqualTo(AccessMode.READ));
		// Data loaders and the streamed downloads run outside the request's own call
		// stack:
		// each still opens its own read transaction.
		assertThat(statements).allSatisfy(s -> assertThat(s.how()).as(s.toString()).isEqualTo("transaction"));
		assertThat(statements).extracting(Statement::cypher)
			.anySatisfy(c -> assertThat(c).contains("a.title AS title"));
	}

	@Test
	void shouldWriteIngestsInWriteTransactionsAndReadEverythingElse() throws Exception {
		SubscriptionIT.GraphQlWsClient subscriber = SubscriptionIT.GraphQlWsClient
			.connect(URI.create("ws://localhost:" + this.port + "/graphql"), this.json);
		try {
			subscriber.subscribe("1", "subscription { articleIngested { id province { key } } }");
			Thread.sleep(300);
			this.recorder.reset();

			editor().documentName("ingestWithBookmarks")
				.variable("input",
						Map.of("articles", List.of(article("ha-tinh", "Hà Tĩnh thực hiện Chỉ thị số 931-CT/TW",
								"Tỉnh ủy Hà Tĩnh thực hiện Chỉ thị số 931-CT/TW ngày 5-1-2019 của Ban Bí thư."))))
				.execute()
				.path("ingestArticles.newCount")
				.entity(Integer.class)
				.isEqualTo(1);
			JsonNode pushed = subscriber.next("1");
			assertThat(pushed.at("/articleIngested/id").asString()).isEqualTo(PREFIX + "ha-tinh");
		}
		finally {
			subscriber.close();
		}

		// The live sources' scheduler writes the configured sources once, on a thread of
		// its own,
		// whenever its first tick falls: not part of this request.
		List<Statement> statements = this.recorder.statements()
			.stream()
			.filter(s -> !s.thread().equals("source-scheduler"))
			.toList();
		List<Statement> writes = statements.stream().filter(s -> s.mode() == AccessMode.WRITE).toList();
		assertThat(writes).as("the ingest's writes")
			.isNotEmpty()
			.allSatisfy(s -> assertThat(s.how()).as(s.toString()).isEqualTo("executeWrite"))
			.anySatisfy(s -> assertThat(s.cypher()).contains("UNWIND"));
		assertThat(statements).filteredOn(s -> !s.how().equals("executeWrite"))
			.as("everything but the writer's transaction")
			.isNotEmpty()
			.allSatisfy(s -> assertThat(s.mode()).as(s.toString()).isEqualTo(AccessMode.READ));
		// The known-articles check before extraction, a driver transaction function:
		assertThat(statements).anySatisfy(s -> {
			assertThat(s.how()).isEqualTo("executeRead");
			assertThat(s.cypher()).contains("contentHash");
		});
		// The subscription's lookup runs on the writer's thread, yet in its own read
		// transaction:
		assertThat(statements).anySatisfy(s -> {
			assertThat(s.thread()).isEqualTo("ingest-writer");
			assertThat(s.how()).isEqualTo("transaction");
			assertThat(s.mode()).isEqualTo(AccessMode.READ);
		});
	}

	@Test
	void shouldCheckHealthWithARead() throws Exception {
		this.recorder.reset();

		// The details are for the editor; anonymous callers see the status alone.
		HttpResponse<String> health = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("editor:" + HarnessIntegrationTests.EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode neo4j = this.json.readTree(health.body()).at("/components/neo4j");
		assertThat(neo4j.path("status").asString()).isEqualTo("UP");
		assertThat(neo4j.at("/details/accessMode").asString()).isEqualTo("READ");
		assertThat(neo4j.at("/details/edition").asString()).isNotBlank();
		assertThat(this.recorder.statements()).anySatisfy(s -> {
			assertThat(s.cypher()).contains("dbms.components");
			assertThat(s.mode()).isEqualTo(AccessMode.READ);
		});
	}

}
