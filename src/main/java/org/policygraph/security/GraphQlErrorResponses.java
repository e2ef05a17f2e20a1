package org.policygraph.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Writes a refusal of the security filter as a GraphQL response ({@code {"errors":
 * [...]}} with an {@code extensions.classification}), for requests to the GraphQL
 * endpoint.
 * <p>
 * Status, following GraphQL over HTTP: a client that accepts {@code application/json} (or
 * sends no {@code Accept}) gets 200, because with that media type only a 200 tells it the
 * body is a GraphQL response and not the page of some proxy; a client that prefers
 * {@code application/graphql-response+json} gets the status that fits (401, 403), since
 * that media type itself marks the body as a GraphQL response. No
 * {@code WWW-Authenticate} challenge is sent either way, so that a browser never opens
 * its login dialog over the GraphiQL or dashboard page.
 */
final class GraphQlErrorResponses {

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private static final JsonMapper json = JsonMapper.builder().build();

	private GraphQlErrorResponses() {
	}

	/**
	 * Writes one error.
	 * @param statusForGraphQlResponse the status used when the client prefers
	 * {@code application/graphql-response+json}
	 * @param extensions more entries of the error's {@code extensions}, after the
	 * classification
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus statusForGraphQlResponse,
			String classification, String message, Map<String, Object> extensions) throws IOException {
		write(request, response, HttpStatus.OK, statusForGraphQlResponse, classification, message, extensions);
	}

	/**
	 * Writes one error with a status of the caller's choosing for
	 * {@code application/json} as well (a refusal that is about the HTTP request, not its
	 * GraphQL content, such as 429).
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus statusForJson,
			HttpStatus statusForGraphQlResponse, String classification, String message, Map<String, Object> extensions)
			throws IOException {
		boolean graphQlResponse = prefersGraphQlResponse(request.getHeader("Accept"));
		response.setStatus(graphQlResponse ? statusForGraphQlResponse.value() : statusForJson.value());
		response.setContentType((graphQlResponse ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON) + ";charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		Map<String, Object> allExtensions = new LinkedHashMap<>();
		allExtensions.put("classification", classification);
		allExtensions.putAll(extensions);
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("extensions", allExtensions);
		response.getOutputStream().write(json.writeValueAsBytes(Map.of("errors", List.of(error))));
	}

	/**
	 * Whether the client accepts {@code application/graphql-response+json} at least as
	 * much as {@code application/json} (named explicitly; a tie goes to the newer type,
	 * as Spring for GraphQL's own content negotiation prefers it).
	 */
	static boolean prefersGraphQlResponse(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			double graphQl = 0;
			double json = 0;
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				if (GRAPHQL_RESPONSE.equalsTypeAndSubtype(type)) {
					graphQl = Math.max(graphQl, type.getQualityValue());
				}
				else if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
					json = Math.max(json, type.getQualityValue());
				}
			}
			return graphQl > 0 && graphQl >= json;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
