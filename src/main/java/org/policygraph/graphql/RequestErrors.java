package org.policygraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A GraphQL request refused before it runs, answered as GraphQL over HTTP describes: the
 * status (400, 405, 415) and a body with one GraphQL error saying why, as
 * {@code application/graphql-response+json} when the client accepts it, else
 * {@code application/json}. A client (curl, a script, GraphiQL) reads the reason where it
 * reads every other error.
 */
final class RequestErrors {

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private RequestErrors() {
	}

	static ServerResponse answer(JsonMapper json, ServerRequest request, HttpStatus status, String message) {
		boolean graphQlResponse = request.headers()
			.accept()
			.stream()
			.anyMatch(type -> type.isCompatibleWith(GRAPHQL_RESPONSE) && !type.isWildcardType());
		Map<String, Object> error = Map.of("message", message, "extensions",
				Map.of("classification", classification(status)));
		ServerResponse.BodyBuilder response = ServerResponse.status(status)
			.contentType(new MediaType(graphQlResponse ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON,
					StandardCharsets.UTF_8));
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			response.header(HttpHeaders.ALLOW, HttpMethod.POST.name());
		}
		if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
			response.header("Accept-Post", MediaType.APPLICATION_JSON_VALUE);
		}
		return response.body(json.writeValueAsString(Map.of("errors", List.of(error))));
	}

	private static String classification(HttpStatus status) {
		return switch (status) {
			case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
			case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
			default -> "BAD_REQUEST";
		};
	}

}
