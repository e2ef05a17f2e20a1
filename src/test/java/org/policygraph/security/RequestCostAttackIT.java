package org.policygraph.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.TransientException;
import org.policygraph.corpus.CorpusGenerator;
import org.policygraph.corpus.GeneratedArticle;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker found and what a client of the largest documented request needs,
 * against the running application over HTTP: oversized bodies are refused unread, alias
 * floods are refused or kept from slowing cheap queries, an oversized extract is refused
 * and no extraction runs on, and the largest ingest batch completes with a result per
 * article.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestCostAttackIT extends HarnessIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final long SEED = 917_3L;

	private static final String CORPUS_PREFIX = "https://corpus.policygraph.example/" + SEED + "/";

	private static final String CHEAP = "query Cheap { province(name: \"Nghệ An\") { key name } }";

	@LocalServerPort
	private int port;

	@Autowired
	private Driver driver;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@AfterAll
	void removeCorpus() throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				TestArticles.remove(this.driver, CORPUS_PREFIX);
				return;
			}
			catch (TransientException ex) {
				if (attempt == 5) {
					throw ex;
				}
				Thread.sleep(1000);
			}
		}
	}

	// --- Item: request bodies
	// -------------------------------------------------------------------

	@Test
	@Order(1)
	void shouldRefuseFourConcurrentHugeBodiesWith413AndKeepTheHeap() throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<RawResponse>> responses = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				responses.add(clients.submit(() -> sendHugeBody(95_000_000L, true)));
			}
			for (Future<RawResponse> future : responses) {
				RawResponse response = future.get();
				assertThat(response.status()).isEqualTo(413);
				JsonNode error = json.readTree(response.body()).path("errors").get(0);
				assertThat(error.path("message").asString()).contains("95,000,000 bytes", "limit");
				assertThat(error.path("extensions").path("reason").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
			}
		}
		finally {
			clients.shutdownNow();
		}
		System.gc();
		long heapAfter = memory.getHeapMemoryUsage().getUsed();
		assertThat(heapAfter - heapBefore).as("heap grown by the refused bodies").isLessThan(64L * 1024 * 1024);
		assertThat(post(CHEAP, null).path("data").path("province").path("key").asString()).isEqualTo("40");
	}

	@Test
	@Order(2)
	void shouldRefuseAChunkedBodyOverTheLimitOnceItPassesTheLimit() throws Exception {
		RawResponse response = sendHugeBody(17_000_000L, false);

		assertThat(response.status()).isEqualTo(413);
		assertThat(json.readTree(response.body()).path("errors").get(0).path("extensions").path("reason").asString())
			.isEqualTo("PAYLOAD_TOO_LARGE");
	}

	// --- Item: extract
	// --------------------------------------------------------------------------

	@Test
	@Order(3)
	void shouldRefuseATenMegabyteExtractAndRunNoExtractionAfterwards() throws Exception {
		String sentence = "Tỉnh ủy Nghệ An ban hành Kế hoạch số 12-KH/TU thực hiện Nghị quyết số 21-NQ/TW. ";
		String text = sentence.repeat(10_000_000 / sentence.getBytes(StandardCharsets.UTF_8).length + 1);
		String query = "query Extract($input: ExtractInput!) { extract(input: $input) { articleProvinceKey } }";

		JsonNode response = post(query, Map.of("input", Map.of("title", "Nghệ An", "text", text)));

		JsonNode error = response.path("errors").get(0);
		assertThat(error.path("message").asString()).contains("input.text", "1048576");
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(extractingThreads()).as("threads still extracting").isZero();
	}

	// --- Item: the largest ingest batch
	// ---------------------------------------------------------

	@Test
	@Order(4)
	void shouldIngestTheLargestDocumentedBatchWithAResultPerArticleAndTheSameOnARetry() throws Exception {
		List<GeneratedArticle> articles = CorpusGenerator.create(SEED).articles(1_000).toList();
		List<Map<String, Object>> input = new ArrayList<>();
		for (GeneratedArticle a : articles) {
			input.add(Map.of("url", a.url(), "title", a.title(), "text", a.text(), "publishedAt",
					a.publishedAt().toString(), "source", a.source()));
		}
		String mutation = "mutation Ingest($input: IngestArticlesInput!) { ingestArticles(input: $input) {"
				+ " newCount unchangedCount rejectedCount failedCount results { index articleId status reason } } }";

		long started = System.nanoTime();
		JsonNode first = postAsEditor(mutation, Map.of("input", Map.of("articles", input)));
		long firstMillis = (System.nanoTime() - started) / 1_000_000;
		started = System.nanoTime();
		JsonNode retry = postAsEditor(mutation, Map.of("input", Map.of("articles", input)));
		long retryMillis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("ingestArticles of 1,000 articles: %d ms; the same again: %d ms%n", firstMillis, retryMillis);

		JsonNode payload = first.path("data").path("ingestArticles");
		assertThat(first.path("errors").isMissingNode()).as(first.path("errors").toString()).isTrue();
		assertThat(payload.isObject()).as(abbreviated(first)).isTrue();
		assertThat(payload.path("results").size()).isEqualTo(1_000);
		assertThat(payload.path("failedCount").asInt()).isZero();
		assertThat(payload.path("newCount").asInt() + payload.path("rejectedCount").asInt()
				+ payload.path("unchangedCount").asInt())
			.isGreaterThan(990);
		JsonNode again = retry.path("data").path("ingestArticles");
		assertThat(again.path("results").size()).isEqualTo(1_000);
		assertThat(again.path("newCount").asInt()).isZero();
		assertThat(again.path("failedCount").asInt()).isZero();
		assertThat(again.path("unchangedCount").asInt())
			.isEqualTo(payload.path("newCount").asInt() + payload.path("unchangedCount").asInt());
	}

	// --- Item: cost
	// -----------------------------------------------------------------------------

	@Test
	@Order(5)
	void shouldRefuseTheAliasFloodsThatWereSeen() {
		JsonNode traversals = post(aliases(200, "neighbourhood(id: \"40\", depth: 3, limit: 1000) { truncated }"),
				null);
		JsonNode searches = post(aliases(249, "articles(text: \"nghị quyết\") { totalCount }"), null);

		assertThat(traversals.path("errors").get(0).path("message").asString()).contains("maximum query cost exceeded");
		assertThat(searches.path("errors").get(0).path("message").asString()).contains("maximum query cost exceeded");
	}

	@Test
	@Order(6)
	void shouldKeepACheapQueryAnsweringWhileExpensiveOnesFloodTheService() throws Exception {
		// Near the most an attacker may still send in one query, from several clients at
		// once.
		String flood = aliases(3, "neighbourhood(id: \"40\", depth: 2, limit: 1000) { truncated nodes { id } }");
		long idle = medianNanos(15);

		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger answered = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		ExecutorService attackers = Executors.newFixedThreadPool(8);
		long underFlood;
		try {
			for (int i = 0; i < 8; i++) {
				attackers.submit(() -> {
					for (int n = 0; n < 200 && !stop.get(); n++) {
						HttpResponse<String> response = send(flood, null, null);
						(response.statusCode() == 200 ? answered : refused).incrementAndGet();
						if (response.statusCode() == 429) {
							Thread.sleep(50);
						}
					}
					return null;
				});
			}
			Thread.sleep(500);
			underFlood = medianNanos(15);
		}
		finally {
			stop.set(true);
			attackers.shutdown();
			attackers.awaitTermination(120, TimeUnit.SECONDS);
		}
		double ratio = (double) underFlood / idle;
		System.out
			.printf("cheap query: idle median %.1f ms, under the flood %.1f ms (%.1f×); flood requests answered %d,"
					+ " refused %d%n", idle / 1e6, underFlood / 1e6, ratio, answered.get(), refused.get());
		assertThat(answered.get()).as("expensive requests answered").isPositive();
		assertThat(ratio).as("cheap query under the flood / idle").isLessThan(8.0);
	}

	private long medianNanos(int samples) {
		long[] times = new long[samples];
		for (int i = 0; i < samples; i++) {
			long started = System.nanoTime();
			JsonNode response = post(CHEAP, null);
			times[i] = System.nanoTime() - started;
			assertThat(response.path("data").path("province").path("key").asString()).isEqualTo("40");
		}
		Arrays.sort(times);
		return times[samples / 2];
	}

	// Threads now running the extractor (the request threads, workers and ingest's).
	private static int extractingThreads() throws InterruptedException {
		int extracting = 0;
		for (int attempt = 0; attempt < 20; attempt++) {
			extracting = 0;
			for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
				if (Arrays.stream(info.getStackTrace())
					.anyMatch(frame -> frame.getClassName().startsWith("org.policygraph.extraction."))) {
					extracting++;
				}
			}
			if (extracting == 0) {
				return 0;
			}
			Thread.sleep(100);
		}
		return extracting;
	}

	private static String abbreviated(JsonNode response) {
		String text = response.toString();
		return (text.length() > 2000) ? text.substring(0, 2000) + "…" : text;
	}

	private static String aliases(int count, String field) {
		StringBuilder query = new StringBuilder("{");
		for (int i = 0; i < count; i++) {
			query.append(" a").append(i).append(": ").append(field);
		}
		return query.append(" }").toString();
	}

	/**
	 * Sends a JSON body of the given length, generated as it goes, as an attacker would:
	 * with its length announced, or chunked; the answer is read while the body is still
	 * being sent (a server that refuses it unread answers before the body is through).
	 */
	private RawResponse sendHugeBody(long length, boolean withLength) throws IOException, InterruptedException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			String headers = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ (withLength ? "Content-Length: " + length : "Transfer-Encoding: chunked") + "\r\n\r\n";
			out.write(headers.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread sender = new Thread(() -> {
				byte[] chunk = new byte[64 * 1024];
				Arrays.fill(chunk, (byte) 'a');
				chunk[0] = '{';
				try {
					for (long sent = 0; sent < length; sent += chunk.length) {
						int n = (int) Math.min(chunk.length, length - sent);
						if (!withLength) {
							out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						}
						out.write(chunk, 0, n);
						if (!withLength) {
							out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						}
						chunk[0] = 'a';
					}
					if (!withLength) {
						out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.flush();
				}
				catch (IOException ex) {
					// The server answered and closed the connection before the body was
					// through.
				}
			}, "huge-body-sender");
			sender.setDaemon(true);
			sender.start();
			RawResponse response = RawResponse.read(socket.getInputStream());
			socket.close();
			sender.join(10_000);
			return response;
		}
	}

	/** A status and body read off the wire. */
	private record RawResponse(int status, String body) {

		static RawResponse read(InputStream in) throws IOException {
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			long length = -1;
			boolean chunked = false;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				String lower = header.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring("content-length:".length()).trim());
				}
				if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
			}
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			if (chunked) {
				for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer
					.parseInt(line(in).trim(), 16)) {
					body.write(in.readNBytes(size));
					line(in);
				}
			}
			else if (length >= 0) {
				body.write(in.readNBytes((int) length));
			}
			return new RawResponse(status, body.toString(StandardCharsets.UTF_8));
		}

		private static String line(InputStream in) throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

	}

	private JsonNode post(String query, Map<String, Object> variables) {
		return json.readTree(send(query, variables, null).body());
	}

	private JsonNode postAsEditor(String query, Map<String, Object> variables) {
		return json
			.readTree(
					send(query, variables,
							"Basic " + Base64.getEncoder()
								.encodeToString(("editor:" + EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
						.body());
	}

	private HttpResponse<String> send(String query, Map<String, Object> variables, String authorization) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		if (variables != null) {
			body.put("variables", variables);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(180))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
