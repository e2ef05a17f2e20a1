package org.policygraph.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.policygraph.support.HarnessIntegrationTests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP transport as a client pool, a browser and an HTTP cache meet it, over real
 * HTTP: one connection serves more than Tomcat's default 100 requests, JSON and scripts
 * are compressed, versioned webjars are cached for a year and pages revalidate by ETag
 * (304), queries run over GET (revalidated by ETag) and mutations never do, and wrongly
 * typed parameters are a 400.
 */
class HttpTransportIT extends HarnessIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PROVINCES = "{ provinces { key name } }";

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@Test
	void shouldServeMoreThanAHundredRequestsOnOneKeptAliveConnection() throws Exception {
		byte[] body = json.writeValueAsBytes(Map.of("query", "{ about { name } }"));
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			for (int i = 1; i <= 150; i++) {
				String headers = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + body.length + "\r\n\r\n";
				out.write(headers.getBytes(StandardCharsets.US_ASCII));
				out.write(body);
				out.flush();
				Raw response = Raw.read(in);
				assertThat(response.status()).as("request %d", i).isEqualTo(200);
				assertThat(response.header("connection")).as("request %d", i).isNotEqualToIgnoringCase("close");
				assertThat(json.readTree(response.body()).path("data").path("about").path("name").asString())
					.as("request %d", i)
					.isNotEmpty();
			}
		}
	}

	@Test
	void shouldCompressJsonAnswersAndScriptsForAClientThatAcceptsGzip() throws Exception {
		for (String accept : new String[] { "application/json", "application/graphql-response+json" }) {
			HttpResponse<byte[]> answer = send(
					post(PROVINCES).header("Accept", accept).header("Accept-Encoding", "gzip"));
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.headers().firstValue("Content-Encoding")).as(accept).hasValue("gzip");
			assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith(accept);
			JsonNode provinces = json.readTree(gunzip(answer.body())).path("data").path("provinces");
			assertThat(provinces.size()).as(accept).isGreaterThan(30);
		}
		for (String script : new String[] { "/webjars/graphiql/2.4.7/graphiql.min.js", "/js/dashboard.js" }) {
			HttpResponse<byte[]> answer = send(get(script).header("Accept-Encoding", "gzip"));
			assertThat(answer.statusCode()).as(script).isEqualTo(200);
			assertThat(answer.headers().firstValue("Content-Encoding")).as(script).hasValue("gzip");
			assertThat(new String(gunzip(answer.body()), StandardCharsets.UTF_8)).as(script).contains("function");
		}
		HttpResponse<byte[]> plain = send(post(PROVINCES));
		assertThat(plain.headers().firstValue("Content-Encoding")).as("no Accept-Encoding").isEmpty();
	}

	@Test
	void shouldCacheVersionedWebjarsForAYearAndRevalidatePagesByTheirETag() throws Exception {
		HttpResponse<byte[]> webjar = send(get("/webjars/react/18.3.1/umd/react.production.min.js"));
		assertThat(webjar.statusCode()).isEqualTo(200);
		assertThat(webjar.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "immutable")
			.doesNotContain("no-store");

		for (String page : new String[] { "/dashboard", "/explore", "/graphiql?path=/graphql", "/js/api.js",
				"/app.css" }) {
			HttpResponse<byte[]> first = send(get(page));
			assertThat(first.statusCode()).as(page).isEqualTo(200);
			String etag = first.headers().firstValue("ETag").orElse(null);
			assertThat(etag).as(page).isNotNull();
			assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).as(page)
				.contains("no-cache")
				.doesNotContain("no-store");
			assertThat(first.headers().firstValue("Content-Security-Policy")).as(page).isPresent();

			HttpResponse<byte[]> again = send(get(page).header("If-None-Match", etag));
			assertThat(again.statusCode()).as(page).isEqualTo(304);
			assertThat(again.body()).as(page).isEmpty();

			HttpResponse<byte[]> other = send(get(page).header("If-None-Match", "W/\"0123456789\""));
			assertThat(other.statusCode()).as(page + " with another tag").isEqualTo(200);
		}

		HttpResponse<byte[]> api = send(post(PROVINCES));
		assertThat(api.headers().firstValue("Cache-Control").orElseThrow()).as("/graphql").contains("no-store");
	}

	@Test
	void shouldLetAClientKeepAQueryAnsweredOverGetAndRevalidateItByItsETag() throws Exception {
		String url = "/graphql?query=" + encode(PROVINCES);
		HttpResponse<byte[]> first = send(get(url));
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(json.readTree(first.body()).path("data").path("provinces").size()).isGreaterThan(30);
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-cache");
		String etag = first.headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> again = send(get(url).header("If-None-Match", etag));
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();

		HttpResponse<byte[]> other = send(
				get("/graphql?query=" + encode("{ provinces { key } }")).header("If-None-Match", etag));
		assertThat(other.statusCode()).as("another query").isEqualTo(200);
		assertThat(other.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);

		HttpResponse<byte[]> zipped = send(get(url).header("Accept-Encoding", "gzip"));
		assertThat(zipped.statusCode()).isEqualTo(200);
		assertThat(json.readTree(gunzip(zipped.body())).path("data").path("provinces").size()).isGreaterThan(30);
	}

	@Test
	void shouldRunAQueryOverGet() throws Exception {
		HttpResponse<byte[]> answer = send(
				get("/graphql?query=" + encode("query P($name: String!) { province(name: $name) { key } }")
						+ "&variables=" + encode("{\"name\":\"Nghệ An\"}")));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(json.readTree(answer.body()).path("data").path("province").path("key").asString()).isEqualTo("40");
	}

	@Test
	void shouldRefuseAMutationOverGetWith405AndAGraphQlError() throws Exception {
		String mutation = "mutation { ingestArticles(input: {articles: []}) { newCount } }";
		for (String accept : new String[] { "application/json", "application/graphql-response+json" }) {
			HttpResponse<byte[]> answer = send(get("/graphql?query=" + encode(mutation)).header("Accept", accept));

			assertThat(answer.statusCode()).as(accept).isEqualTo(405);
			assertThat(answer.headers().firstValue("Allow")).as(accept).hasValue("POST");
			assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).as(accept).startsWith(accept);
			JsonNode body = json.readTree(answer.body());
			assertThat(body.path("data").isMissingNode()).isTrue();
			assertThat(body.path("errors").get(0).path("message").asString()).contains("mutation", "POST");
		}
		// The operation named decides, not the first one in the document.
		String both = "query Q { about { name } } mutation M { ingestArticles(input: {articles: []}) { newCount } }";
		assertThat(send(get("/graphql?operationName=M&query=" + encode(both))).statusCode()).isEqualTo(405);
		assertThat(send(get("/graphql?operationName=Q&query=" + encode(both))).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldAnswerWronglyTypedParametersWith400() throws Exception {
		String query = encode("{ about { name } }");
		for (String variables : new String[] { "[1]", "\"text\"", "7", "{not json" }) {
			HttpResponse<byte[]> answer = send(get("/graphql?query=" + query + "&variables=" + encode(variables)));
			assertThat(answer.statusCode()).as("GET variables=" + variables).isEqualTo(400);
			assertThat(json.readTree(answer.body()).path("errors").get(0).path("message").asString())
				.as("GET variables=" + variables)
				.contains("variables");
		}
		assertThat(send(get("/graphql?variables=%7B%7D")).statusCode()).as("GET without query").isEqualTo(400);

		for (Object variables : new Object[] { "text", 7, java.util.List.of(1) }) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", "{ about { name } }");
			body.put("variables", variables);
			HttpResponse<byte[]> answer = send(post(body));
			assertThat(answer.statusCode()).as("POST variables=" + variables).isEqualTo(400);
		}
		for (Object document : new Object[] { 7, java.util.List.of("{ about { name } }") }) {
			HttpResponse<byte[]> answer = send(post(Map.of("query", document)));
			assertThat(answer.statusCode()).as("POST query=" + document).isEqualTo(400);
		}
	}

	@Test
	void shouldExplainAnUnreadablePostBodyWithAGraphQlError() throws Exception {
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("{not json", "JSON");
		bodies.put("[1, 2]", "not a JSON object");
		bodies.put("null", "not a JSON object");
		bodies.put("{\"query\": 7}", "'query' must be a string");
		bodies.put("{\"query\": \"{ about { name } }\", \"variables\": [1]}", "'variables' must be an object");
		bodies.put("{}", "query");
		for (Map.Entry<String, String> body : bodies.entrySet()) {
			for (String accept : new String[] { "application/graphql-response+json", "application/json" }) {
				HttpResponse<byte[]> answer = send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
							.timeout(Duration.ofSeconds(60))
							.header("Content-Type", "application/json")
							.header("Accept", accept)
							.POST(HttpRequest.BodyPublishers.ofString(body.getKey())));
				assertThat(answer.statusCode()).as(body.getKey()).isEqualTo(400);
				assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(body.getKey()).startsWith(accept);
				JsonNode error = json.readTree(answer.body()).path("errors").path(0);
				assertThat(error.path("message").asString()).as(body.getKey()).containsIgnoringCase(body.getValue());
				assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
			}
		}

		HttpResponse<byte[]> plain = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "text/plain")
					.POST(HttpRequest.BodyPublishers.ofString("{ about { name } }")));
		assertThat(plain.statusCode()).isEqualTo(415);
		assertThat(json.readTree(plain.body()).path("errors").path(0).path("message").asString()).contains("text/plain",
				"application/json");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.GET();
	}

	private HttpRequest.Builder post(String query) {
		return post(Map.of("query", query));
	}

	private HttpRequest.Builder post(Map<String, Object> body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

	/**
	 * One HTTP/1.1 response read off a kept-alive connection (by its length, or chunked).
	 */
	private record Raw(int status, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		static Raw read(InputStream in) throws IOException {
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = line(in); !line.isEmpty(); line = line(in)) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer
					.parseInt(line(in).trim(), 16)) {
					body.write(in.readNBytes(size));
					line(in);
				}
				line(in);
			}
			else if (headers.containsKey("content-length")) {
				body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
			}
			return new Raw(status, headers, body.toByteArray());
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					throw new IOException("The connection was closed");
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.US_ASCII);
		}

	}

}
