package org.policygraph.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions over a real WebSocket with the graphql-ws protocol
 * ({@code graphql-transport-ws}): a subscriber sees an article and a new implementation
 * as soon as an ingest commits them.
 */
class SubscriptionIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/subscription-it/";

	@LocalServerPort
	private int port;

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@Autowired
	private ObjectMapper json;

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldPushIngestedArticlesAndNewImplementationsToSubscribers() throws Exception {
		GraphQlWsClient client = GraphQlWsClient.connect(URI.create("ws://localhost:" + this.port + "/graphql"),
				this.json);
		try {
			client.subscribe("1", "subscription { articleIngested { id title province { key } } }");
			client.subscribe("2",
					"subscription { implementationAdded { province { key } document { key } articleCount } }");
			Thread.sleep(300);

			this.ingest.ingestRecords(List.of(ReadResult.ok(new RawArticle("Điện Biên thực hiện Chỉ thị số 971-CT/TW",
					"Ban Thường vụ Tỉnh ủy Điện Biên đã ban hành Kế hoạch để thực hiện Chỉ thị số 971-CT/TW ngày 2-2-2021 của Ban Bí thư.",
					PREFIX + "dien-bien", LocalDate.of(2021, 3, 3), "test", null, "sub[0]"))), IngestOptions.defaults(),
					IngestListener.NONE);

			JsonNode article = client.next("1");
			assertThat(article.at("/articleIngested/id").asString()).isEqualTo(PREFIX + "dien-bien");
			assertThat(article.at("/articleIngested/province/key").asString()).isEqualTo("11");
			JsonNode implementation = client.next("2");
			assertThat(implementation.at("/implementationAdded/province/key").asString()).isEqualTo("11");
			assertThat(implementation.at("/implementationAdded/document/key").asString())
				.isEqualTo("971-CT/TW|TW|2021-02-02");
			assertThat(implementation.at("/implementationAdded/articleCount").asInt()).isEqualTo(1);
		}
		finally {
			client.close();
		}
	}

	/** A minimal graphql-ws client on the JDK's WebSocket. */
	static final class GraphQlWsClient implements WebSocket.Listener {

		private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

		private final StringBuilder partial = new StringBuilder();

		private final ObjectMapper json;

		private WebSocket socket;

		private GraphQlWsClient(ObjectMapper json) {
			this.json = json;
		}

		static GraphQlWsClient connect(URI uri, ObjectMapper json) throws Exception {
			GraphQlWsClient client = new GraphQlWsClient(json);
			client.socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.subprotocols("graphql-transport-ws")
				.buildAsync(uri, client)
				.get(10, TimeUnit.SECONDS);
			client.send(Map.of("type", "connection_init"));
			JsonNode ack = client.poll();
			assertThat(ack.path("type").asString()).isEqualTo("connection_ack");
			return client;
		}

		void subscribe(String id, String query) {
			send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
		}

		JsonNode next(String id) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (true) {
				assertThat(System.nanoTime()).as("a 'next' message for subscription " + id + " within 15 s")
					.isLessThan(deadline);
				JsonNode message = poll();
				if (message.path("id").asString().equals(id) && message.path("type").asString().equals("next")) {
					assertThat(message.at("/payload/errors").isMissingNode()).as(message.toString()).isTrue();
					return message.at("/payload/data");
				}
				this.messages.add(message);
				Thread.sleep(50);
			}
		}

		private JsonNode poll() {
			try {
				JsonNode message = this.messages.poll(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
				assertThat(message).as("a message within 15 s").isNotNull();
				return message;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private void send(Object message) {
			this.socket.sendText(this.json.writeValueAsString(message), true).join();
		}

		void close() {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.messages.add(this.json.readTree(this.partial.toString()));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
