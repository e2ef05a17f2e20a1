package org.policygraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts GraphQL documents to the server over HTTP/1.1 (one connection per concurrent
 * caller, kept alive) and decodes the JSON answer, as a browser or script would.
 */
final class GraphQlClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI endpoint;

	private final String authorization;

	private final String forwardedFor;

	/**
	 * @param endpoint e.g. {@code http://127.0.0.1:8080/graphql}
	 * @param username a user for HTTP Basic, or {@code null}
	 * @param password the password, or {@code null}
	 */
	GraphQlClient(URI endpoint, String username, String password) {
		this(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build(), endpoint,
				(username != null && password != null) ? "Basic " + Base64.getEncoder()
					.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) : null,
				null);
	}

	private GraphQlClient(HttpClient http, URI endpoint, String authorization, String forwardedFor) {
		this.http = http;
		this.endpoint = endpoint;
		this.authorization = authorization;
		this.forwardedFor = forwardedFor;
	}

	/**
	 * The same client (connections shared) for a user at another address, sent in
	 * {@code X-Forwarded-For} as a reverse proxy would: a server that trusts the header
	 * ({@code server.forward-headers-strategy}) counts each such user as a client of its
	 * own in its per-client limits.
	 * @param address the user's address
	 * @return the client
	 */
	GraphQlClient forwardedFor(String address) {
		return new GraphQlClient(this.http, this.endpoint, this.authorization, address);
	}

	/**
	 * @param document the GraphQL document
	 * @param variables its variables
	 * @return the {@code data} of the answer
	 * @throws BenchException on a status other than 200, an {@code errors} entry or an
	 * I/O error
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> execute(String document, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		if (this.forwardedFor != null) {
			request.header("X-Forwarded-For", this.forwardedFor);
		}
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new BenchException("HTTP request failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted", ex);
		}
		if (response.statusCode() != 200) {
			throw new BenchException("HTTP " + response.statusCode() + ": "
					+ abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
		}
		Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
		Object errors = answer.get("errors");
		if (errors instanceof List<?> list && !list.isEmpty()) {
			throw new BenchException("GraphQL errors: " + abbreviate(String.valueOf(errors)));
		}
		Object data = answer.get("data");
		if (!(data instanceof Map<?, ?>)) {
			throw new BenchException("no data in the answer");
		}
		return (Map<String, Object>) data;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 500) ? text : text.substring(0, 500) + "…";
	}

	/** A failed request: counted as an error by the benchmark. */
	static final class BenchException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BenchException(String message) {
			super(message);
		}

		BenchException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
