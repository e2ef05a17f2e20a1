package org.policygraph.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP requests to the running application, with every header of the answer visible
 * (the GraphQL tester hides the status line and the challenge headers these tests are
 * about).
 */
final class RawHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/** A POST of a GraphQL request to {@code /graphql}. */
	Answer graphQl(String query, Map<String, Object> variables, String user, String password, String accept)
			throws Exception {
		String body = json.writeValueAsString(Map.of("query", query, "variables", variables));
		HttpRequest.Builder request = request("/graphql", user, password).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (accept != null) {
			request.header("Accept", accept);
		}
		return send(request);
	}

	/** A GET of a path. */
	Answer get(String path, String user, String password) throws Exception {
		return send(request(path, user, password).GET());
	}

	private HttpRequest.Builder request(String path, String user, String password) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private Answer send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response);
	}

	record Answer(HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		boolean hasHeader(String name) {
			return this.response.headers().firstValue(name).isPresent();
		}

		String body() {
			return this.response.body();
		}

		JsonNode json() {
			return RawHttp.json.readTree(this.response.body());
		}

		/** The classification of the first GraphQL error, or null without errors. */
		String classification() {
			JsonNode errors = json().path("errors");
			return errors.isEmpty() ? null : errors.get(0).path("extensions").path("classification").asString(null);
		}

	}

}
