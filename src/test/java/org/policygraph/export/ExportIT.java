package org.policygraph.export;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.IngestService;
import org.policygraph.research.ResearchGraph;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.Testers;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.research.ResearchGraph.CT975;
import static org.policygraph.research.ResearchGraph.KL977;

/**
 * The downloads under {@code /export/}, read back with a CSV reader, an XML parser and a
 * JSON parser, and compared with the GraphQL answers over {@link ResearchGraph}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/export-it/";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	private HttpGraphQlTester graphQl;

	@LocalServerPort
	private int port;

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@BeforeAll
	void ingestArticles() {
		ResearchGraph.ingest(PREFIX, this.ingest);
	}

	@AfterAll
	void removeArticles() {
		ResearchGraph.remove(PREFIX, this.driver);
	}

	@Test
	void shouldExportTheCoverageMatrixLikeTheGraphQlAnswer() throws Exception {
		HttpResponse<byte[]> response = get("/export/coverage.csv?documentKeys=" + encode(CT975) + "&documentKeys="
				+ encode(KL977) + "&units=POST_2025");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t.replace(" ", "").toLowerCase()).isEqualTo("text/csv;charset=utf-8"));
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("coverage-post_2025.csv"));
		List<String[]> rows = csv(response.body());
		assertThat(rows.get(0)).containsExactly("province_key", "province", "merged_from", "implemented_count", CT975,
				KL977);
		assertThat(rows.get(1)[4]).contains("975-CT/TW");
		List<String[]> units = rows.subList(2, rows.size());

		List<Map<String, Object>> expected = this.graphQl.documentName("coverageMatrix")
			.variable("documentKeys", List.of(CT975, KL977))
			.variable("units", "POST_2025")
			.execute()
			.path("coverageMatrix.rows")
			.entityList(MAP)
			.get();
		assertThat(units).hasSize(expected.size()).hasSize(34);
		for (int i = 0; i < units.size(); i++) {
			Map<?, ?> province = (Map<?, ?>) expected.get(i).get("province");
			List<?> cells = (List<?>) expected.get(i).get("cells");
			assertThat(units.get(i)[0]).isEqualTo(province.get("key"));
			assertThat(units.get(i)[1]).isEqualTo(province.get("name"));
			assertThat(units.get(i)[3]).isEqualTo(String.valueOf(expected.get(i).get("implementedCount")));
			for (int c = 0; c < cells.size(); c++) {
				assertThat(units.get(i)[4 + c])
					.isEqualTo(String.valueOf(((Map<?, ?>) cells.get(c)).get("articleCount")));
			}
		}
		String[] tuyenQuang = units.stream().filter(r -> r[0].equals("08-2025")).findFirst().orElseThrow();
		assertThat(tuyenQuang[2]).contains("Hà Giang");
		assertThat(tuyenQuang[4]).isEqualTo("1");

		List<String[]> dates = csv(
				get("/export/coverage.csv?documentKeys=" + encode(CT975) + "&cell=FIRST_REPORTED").body());
		assertThat(dates.stream().filter(r -> r[0].equals("02")).findFirst().orElseThrow()[4]).isEqualTo("2020-03-02");
	}

	@Test
	void shouldExportTheCoverageOfAPeriodAsCoverageCountsIt() throws Exception {
		// Nghệ An reported 975-CT/TW on 20-2-2020, Hà Giang on 2-3-2020; Nghệ An
		// 977-KL/TW on 21-3-2020.
		String path = "/export/coverage.csv?documentKeys=" + encode(CT975) + "&documentKeys=" + encode(KL977)
				+ "&units=PRE_2025";
		List<String[]> all = csv(get(path).body());
		List<String[]> march = csv(get(path + "&from=2020-03-01&to=2020-12-31").body());
		assertThat(march).hasSameSizeAs(all).hasSize(2 + 63);
		String[] ngheAnAll = all.stream().filter(r -> r[0].equals("40")).findFirst().orElseThrow();
		String[] ngheAn = march.stream().filter(r -> r[0].equals("40")).findFirst().orElseThrow();
		String[] haGiang = march.stream().filter(r -> r[0].equals("02")).findFirst().orElseThrow();
		assertThat(ngheAnAll[4]).isEqualTo("1");
		assertThat(ngheAn).containsExactly("40", ngheAnAll[1], "", "1", "0", "1");
		assertThat(haGiang[3]).isEqualTo("1");
		assertThat(haGiang[4]).isEqualTo("1");

		// The implementing units of 975-CT/TW in the file are those of coverage(from,
		// to).
		List<String> expected = this.graphQl.documentName("coverage")
			.variable("documentKey", CT975)
			.variable("units", "PRE_2025")
			.variable("from", "2020-03-01")
			.variable("to", "2020-12-31")
			.execute()
			.path("coverage.implemented[*].province.key")
			.entityList(String.class)
			.get();
		assertThat(march.subList(2, march.size()).stream().filter(r -> !r[4].equals("0")).map(r -> r[0]))
			.containsExactlyInAnyOrderElementsOf(expected)
			.containsExactly("02");

		List<String[]> february = csv(
				get("/export/coverage.csv?documentKeys=" + encode(CT975) + "&cell=FIRST_REPORTED&to=2020-02-29")
					.body());
		assertThat(february.stream().filter(r -> r[0].equals("40")).findFirst().orElseThrow()[4])
			.isEqualTo("2020-02-20");
		assertThat(february.stream().filter(r -> r[0].equals("02")).findFirst().orElseThrow()[4]).isEmpty();
	}

	@Test
	void shouldExportTheEvidenceOfAnImplementationLikeTheGraphQlAnswer() throws Exception {
		HttpResponse<byte[]> response = get("/export/evidence.csv?provinceKey=40&documentKey=" + encode(CT975));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).contains("evidence-40-975-CT-TW-TW-2020-02-01.csv"));
		List<String[]> rows = csv(response.body());
		assertThat(rows.get(0)).containsExactly("title", "source", "url", "publishedAt", "sentence", "relation",
				"fromKey", "toKey");
		List<Map<String, Object>> edges = this.graphQl.documentName("evidenceCitations")
			.variable("key", CT975)
			.execute()
			.path("document.implementedBy.edges[*].node")
			.entityList(MAP)
			.get();
		List<?> expected = (List<?>) edges.stream()
			.filter(e -> ((Map<?, ?>) e.get("province")).get("key").equals("40"))
			.findFirst()
			.orElseThrow()
			.get("evidence");
		List<String[]> items = rows.subList(1, rows.size());
		assertThat(items).hasSize(expected.size());
		for (int i = 0; i < items.size(); i++) {
			Map<?, ?> e = (Map<?, ?>) expected.get(i);
			Map<?, ?> article = (Map<?, ?>) e.get("article");
			assertThat(items.get(i)).containsExactly((String) article.get("title"), (String) article.get("source"),
					(String) article.get("url"), (String) article.get("publishedAt"), (String) e.get("sentence"),
					(String) e.get("relation"), (String) e.get("fromKey"), (String) e.get("toKey"));
		}
		assertThat(items).anySatisfy(r -> assertThat(r[6]).isEqualTo(ResearchGraph.KH976));
	}

	@Test
	void shouldExportANeighbourhoodAsGraphMlAndJsonLikeTheGraphQlAnswer() throws Exception {
		List<Map<String, Object>> nodes = this.graphQl.documentName("neighbourhood")
			.variable("id", CT975)
			.variable("depth", 2)
			.variable("limit", 1000)
			.execute()
			.path("neighbourhood.nodes")
			.entityList(MAP)
			.get();
		int edgeCount = this.graphQl.documentName("neighbourhood")
			.variable("id", CT975)
			.variable("depth", 2)
			.variable("limit", 1000)
			.execute()
			.path("neighbourhood.edges")
			.entityList(Object.class)
			.get()
			.size();
		Set<String> expectedIds = new HashSet<>();
		nodes.forEach(n -> expectedIds.add((String) n.get("id")));

		HttpResponse<byte[]> graphml = get("/export/neighbourhood.graphml?depth=2&id=" + encode(CT975));
		assertThat(graphml.statusCode()).isEqualTo(200);
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		var xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(graphml.body()));
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://graphml.graphdrawing.org/xmlns");
		Set<String> keys = new HashSet<>();
		NodeList xmlNodes = xml.getElementsByTagNameNS("*", "node");
		for (int i = 0; i < xmlNodes.getLength(); i++) {
			keys.add(data((Element) xmlNodes.item(i), "key"));
			assertThat(data((Element) xmlNodes.item(i), "kind")).isNotEmpty();
		}
		assertThat(keys).isEqualTo(expectedIds);
		NodeList xmlEdges = xml.getElementsByTagNameNS("*", "edge");
		assertThat(xmlEdges.getLength()).isEqualTo(edgeCount);
		List<String> types = new ArrayList<>();
		for (int i = 0; i < xmlEdges.getLength(); i++) {
			types.add(data((Element) xmlEdges.item(i), "type"));
		}
		assertThat(types).contains("IMPLEMENTS", "ISSUED_BY");

		HttpResponse<byte[]> json = get("/export/neighbourhood.json?depth=2&id=" + encode(CT975));
		assertThat(json.statusCode()).isEqualTo(200);
		Map<?, ?> subgraph = JsonMapper.builder().build().readValue(json.body(), Map.class);
		Set<Object> jsonIds = new HashSet<>();
		((List<?>) subgraph.get("nodes")).forEach(n -> jsonIds.add(((Map<?, ?>) n).get("id")));
		assertThat(jsonIds).isEqualTo(new HashSet<>(expectedIds));
		assertThat((List<?>) subgraph.get("edges")).hasSize(edgeCount);
	}

	@Test
	void shouldSayWhenANeighbourhoodDownloadIsCut() throws Exception {
		Map<String, Object> whole = this.graphQl.documentName("neighbourhoodView")
			.variable("id", CT975)
			.variable("limit", 1000)
			.execute()
			.path("neighbourhood")
			.entity(MAP)
			.get();
		int edges = ((List<?>) whole.get("edges")).size();
		assertThat(edges).isGreaterThan(2);

		HttpResponse<byte[]> full = get("/export/neighbourhood.graphml?id=" + encode(CT975));
		assertThat(full.headers().firstValue("Graph-Truncated")).hasValue("false");
		assertThat(full.headers().firstValue("Graph-Left-Out")).hasValue("0");
		assertThat(comments(full.body())).isEmpty();

		HttpResponse<byte[]> cut = get("/export/neighbourhood.graphml?limit=2&id=" + encode(CT975));
		assertThat(cut.headers().firstValue("Graph-Truncated")).hasValue("true");
		assertThat(cut.headers().firstValue("Graph-Left-Out")).hasValue(String.valueOf(edges - 2));
		assertThat(comments(cut.body())).singleElement()
			.asString()
			.contains("Cut", "limit of 2", CT975)
			.contains((edges - 2) + " more relationships");
		assertThat(xml(cut.body()).getElementsByTagNameNS("*", "edge").getLength()).isEqualTo(2);

		HttpResponse<byte[]> json = get("/export/neighbourhood.json?limit=2&id=" + encode(CT975));
		assertThat(json.headers().firstValue("Graph-Truncated")).hasValue("true");
		Map<?, ?> subgraph = JsonMapper.builder().build().readValue(json.body(), Map.class);
		assertThat(subgraph.get("truncated")).isEqualTo(true);
	}

	@Test
	void shouldExportTheViewAsDrawnAndSayWhatItLeavesOut() throws Exception {
		Map<String, Object> whole = this.graphQl.documentName("neighbourhoodView")
			.variable("id", CT975)
			.variable("limit", 1000)
			.execute()
			.path("neighbourhood")
			.entity(MAP)
			.get();
		List<Map<String, Object>> nodes = list(whole, "nodes");
		assertThat(nodes.size()).isGreaterThan(3);
		// The view: the document and two of its neighbours, as a page would have drawn
		// them.
		List<String> drawn = nodes.subList(0, 3).stream().map(n -> (String) n.get("id")).toList();
		long rootEdges = list(whole, "edges").stream()
			.filter(e -> drawn.contains(e.get("from")) && drawn.contains(e.get("to")))
			.count();
		int leftOut = list(whole, "edges").size() - (int) rootEdges;
		int expectedEdges = relationshipsBetween(drawn);
		assertThat(expectedEdges).isGreaterThanOrEqualTo((int) rootEdges);

		StringBuilder form = new StringBuilder("expanded=" + encode(CT975));
		drawn.forEach(id -> form.append("&id=").append(encode(id)));
		HttpResponse<byte[]> view = post("/export/view.graphml", form.toString());
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.headers().firstValue("Graph-Truncated")).hasValue("true");
		assertThat(view.headers().firstValue("Graph-Left-Out")).hasValue(String.valueOf(leftOut));
		assertThat(comments(view.body())).singleElement()
			.asString()
			.contains("Cut", "a view of 3 nodes", leftOut + " more relationships");
		var xml = xml(view.body());
		Set<String> keys = new HashSet<>();
		NodeList xmlNodes = xml.getElementsByTagNameNS("*", "node");
		for (int i = 0; i < xmlNodes.getLength(); i++) {
			keys.add(data((Element) xmlNodes.item(i), "key"));
		}
		assertThat(keys).containsExactlyInAnyOrderElementsOf(drawn);
		assertThat(xml.getElementsByTagNameNS("*", "edge").getLength()).isEqualTo(expectedEdges);

		// Every neighbour drawn: nothing left out, and the JSON says the same.
		StringBuilder all = new StringBuilder("expanded=" + encode(CT975));
		nodes.forEach(n -> all.append("&id=").append(encode((String) n.get("id"))));
		HttpResponse<byte[]> complete = post("/export/view.json", all.toString());
		assertThat(complete.headers().firstValue("Graph-Truncated")).hasValue("false");
		Map<?, ?> subgraph = JsonMapper.builder().build().readValue(complete.body(), Map.class);
		assertThat((List<?>) subgraph.get("nodes")).hasSize(nodes.size());
		assertThat((List<?>) subgraph.get("edges"))
			.hasSize(relationshipsBetween(nodes.stream().map(n -> (String) n.get("id")).toList()));

		assertThat(post("/export/view.graphml", "expanded=" + encode(CT975)).statusCode()).isEqualTo(400);
		assertThat(post("/export/view.graphml", "id=" + encode(CT975) + "&relationshipTypes=SECRET").statusCode())
			.isEqualTo(400);
	}

	@Test
	void shouldExportTheViewOfThePeriodDrawn() throws Exception {
		// Nghệ An reported implementing 975-CT/TW on 20-2-2020, Hà Giang on 2-3-2020.
		String form = "id=" + encode(CT975) + "&id=40&id=02&expanded=" + encode(CT975)
				+ "&relationshipTypes=IMPLEMENTS";
		assertThat(edgesOf(post("/export/view.json", form))).containsExactlyInAnyOrder("40>" + CT975, "02>" + CT975);
		HttpResponse<byte[]> february = post("/export/view.json", form + "&to=2020-02-29");
		assertThat(february.statusCode()).isEqualTo(200);
		assertThat(edgesOf(february)).containsExactly("40>" + CT975);
		Map<?, ?> subgraph = JsonMapper.builder().build().readValue(february.body(), Map.class);
		assertThat((List<?>) subgraph.get("nodes")).hasSize(3);
		assertThat(((List<?>) subgraph.get("around")).stream()
			.map(Map.class::cast)
			.filter(c -> "IMPLEMENTS".equals(c.get("type")) && "PROVINCE".equals(c.get("kind")))
			.mapToInt(c -> ((Number) c.get("total")).intValue())
			.sum()).as("around counts the period's reports").isEqualTo(1);
		HttpResponse<byte[]> march = post("/export/view.graphml", form + "&from=2020-03-01&to=2020-12-31");
		assertThat(march.statusCode()).isEqualTo(200);
		NodeList edges = xml(march.body()).getElementsByTagNameNS("*", "edge");
		assertThat(edges.getLength()).isEqualTo(1);
		// The nodes are written in the order given: n2 is Hà Giang.
		assertThat(((Element) edges.item(0)).getAttribute("source")).isEqualTo("n2");
		assertThat(post("/export/view.json", form + "&from=2020-06-01&to=2020-05-31").statusCode()).isEqualTo(400);
		assertThat(post("/export/view.graphml", form + "&from=someday").statusCode()).isEqualTo(400);
	}

	private static List<String> edgesOf(HttpResponse<byte[]> response) throws Exception {
		Map<?, ?> subgraph = JsonMapper.builder().build().readValue(response.body(), Map.class);
		return ((List<?>) subgraph.get("edges")).stream()
			.map(Map.class::cast)
			.map(e -> e.get("from") + ">" + e.get("to"))
			.toList();
	}

	/**
	 * The relationships a view follows between the given nodes, counted in the database.
	 */
	private int relationshipsBetween(List<String> ids) {
		try (var session = this.driver.session()) {
			return session.run("""
					MATCH (a)-[r]->(b)
					WHERE coalesce(a.key, a.id) IN $ids AND coalesce(b.key, b.id) IN $ids
					  AND type(r) IN ['IMPLEMENTS', 'ISSUED_BY', 'MENTIONS', 'PART_OF', 'OF_PROVINCE', 'MERGED_INTO']
					RETURN count(r) AS n""", Map.of("ids", ids)).single().get("n").asInt();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String field) {
		return (List<Map<String, Object>>) map.get(field);
	}

	private static org.w3c.dom.Document xml(byte[] body) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
	}

	/** The XML comments before the root element. */
	private static List<String> comments(byte[] body) throws Exception {
		List<String> comments = new ArrayList<>();
		NodeList children = xml(body).getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i).getNodeType() == org.w3c.dom.Node.COMMENT_NODE) {
				comments.add(children.item(i).getTextContent());
			}
		}
		return comments;
	}

	private HttpResponse<byte[]> post(String path, String form) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void shouldAnswerBadParametersWith400AndUnknownIdsWith404() throws Exception {
		problem("/export/coverage.csv?type=DIRECTIVE&documentKeys=" + encode(CT975), 400);
		problem("/export/coverage.csv?documentKeys=" + encode(CT975) + "&units=SOMEDAY", 400);
		problem("/export/coverage.csv?type=MEMO", 400);
		problem("/export/coverage.csv?fromYear=2021&toYear=2020", 400);
		problem("/export/coverage.csv?documentKeys=" + encode(CT975) + "&from=2020-06-01&to=2020-05-31", 400);
		problem("/export/coverage.csv?documentKeys=" + encode(CT975) + "&from=2020-13-01", 400);
		problem("/export/coverage.csv?documentKeys=" + encode(CT975) + "&to=yesterday", 400);
		problem("/export/neighbourhood.graphml?depth=9&id=" + encode(CT975), 400);
		problem("/export/neighbourhood.json?relationshipTypes=SECRET&id=" + encode(CT975), 400);
		problem("/export/neighbourhood.graphml", 400);
		problem("/export/evidence.csv?provinceKey=40", 400);
		problem("/export/coverage.csv?documentKeys=no-such-document", 404);
		problem("/export/neighbourhood.json?id=no-such-node", 404);
		problem("/export/evidence.csv?provinceKey=01&documentKey=" + encode(CT975), 404);
	}

	private void problem(String path, int status) throws Exception {
		HttpResponse<byte[]> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
		Map<?, ?> body = JsonMapper.builder().build().readValue(response.body(), Map.class);
		assertThat(body.get("status")).as(path).isEqualTo(status);
		assertThat((String) body.get("detail")).as(path).isNotBlank();
	}

	private HttpResponse<byte[]> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static List<String[]> csv(byte[] body) throws Exception {
		assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		List<String[]> rows = new ArrayList<>();
		CsvMapper.builder()
			.enable(CsvReadFeature.WRAP_AS_ARRAY)
			.build()
			.readerFor(String[].class)
			.<String[]>readValues(text)
			.forEachRemaining(rows::add);
		return rows;
	}

	private static String data(Element element, String key) {
		NodeList data = element.getElementsByTagNameNS("*", "data");
		for (int i = 0; i < data.getLength(); i++) {
			Element d = (Element) data.item(i);
			if (key.equals(d.getAttribute("key"))) {
				return d.getTextContent();
			}
		}
		return "";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
