package org.policygraph.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graphql-ws message larger than the limit (256 KB by default) closes the connection
 * with "message too big" (1009) before it is parsed; a message under the limit is
 * answered.
 */
class WebSocketMessageLimitIT extends HarnessIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void shouldCloseTheConnectionOnAMessageOverTheLimit() throws Exception {
		Listener listener = new Listener();
		WebSocket socket = connect(listener);
		socket.sendText("{\"type\":\"connection_init\"}", true).get(10, TimeUnit.SECONDS);
		assertThat(listener.firstMessage.get(10, TimeUnit.SECONDS)).contains("connection_ack");

		String padding = "x".repeat(300 * 1024);
		socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ about { articleCount } }\","
				+ "\"extensions\":{\"padding\":\"" + padding + "\"}}}", true);

		assertThat(listener.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1009);
	}

	@Test
	void shouldAnswerAMessageUnderTheLimit() throws Exception {
		Listener listener = new Listener();
		WebSocket socket = connect(listener);
		socket.sendText("{\"type\":\"connection_init\"}", true).get(10, TimeUnit.SECONDS);
		assertThat(listener.firstMessage.get(10, TimeUnit.SECONDS)).contains("connection_ack");
		assertThat(listener.closed).isNotDone();
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
	}

	private WebSocket connect(Listener listener) throws Exception {
		return HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/graphql"), listener)
			.get(10, TimeUnit.SECONDS);
	}

	private static final class Listener implements WebSocket.Listener {

		final CompletableFuture<String> firstMessage = new CompletableFuture<>();

		final CompletableFuture<Integer> closed = new CompletableFuture<>();

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.firstMessage.complete(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closed.completeExceptionally(error);
		}

	}

}
