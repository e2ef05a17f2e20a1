package org.policygraph.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL over HTTP with {@code GET} (the GraphQL-over-HTTP specification, "GET"): the
 * request is read from the URL's parameters {@code query}, {@code operationName},
 * {@code variables} and {@code extensions} (the last two JSON-encoded objects) and runs
 * as the same request sent with {@code POST} would, through the same limits and caches. A
 * GET request can be cached, linked and bookmarked, so dashboards can be served by an
 * HTTP cache.
 * <p>
 * Only queries: the operation a GET would run is found in the document first, and a
 * mutation or subscription is answered {@code 405 Method Not Allowed} with
 * {@code Allow: POST} and a GraphQL error, without running (a link, an image or a
 * prefetch must never write). Parameters of the wrong shape (no {@code query},
 * {@code variables} that are not a JSON object, a parameter given twice) are answered
 * {@code 400} with a GraphQL error. A document that does not parse is left to the
 * execution, which reports the syntax error as for {@code POST}.
 */
final class GraphQlGetHandler {

	private final GraphQlHttpConfiguration.BusyAwareHandler handler;

	private final JsonMapper json;

	GraphQlGetHandler(GraphQlHttpConfiguration.BusyAwareHandler handler, JsonMapper json) {
		this.handler = handler;
		this.json = json;
	}

	ServerResponse handle(ServerRequest request) {
		Map<String, List<String>> params = request.params();
		for (String name : List.of("query", "operationName", "variables", "extensions")) {
			if (params.getOrDefault(name, List.of()).size() > 1) {
				return error(request, HttpStatus.BAD_REQUEST, "The parameter '" + name + "' is given more than once.");
			}
		}
		String query = request.param("query").orElse(null);
		if (query == null || query.isBlank()) {
			return error(request, HttpStatus.BAD_REQUEST,
					"A GET request needs the parameter 'query' with the GraphQL document.");
		}
		String operationName = request.param("operationName").filter(name -> !name.isEmpty()).orElse(null);
		Map<String, Object> variables;
		Map<String, Object> extensions;
		try {
			variables = object(request.param("variables").orElse(null), "variables");
			extensions = object(request.param("extensions").orElse(null), "extensions");
		}
		catch (IllegalArgumentException ex) {
			return error(request, HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		OperationDefinition.Operation operation = operation(query, operationName);
		if (operation != null && operation != OperationDefinition.Operation.QUERY) {
			return error(request, HttpStatus.METHOD_NOT_ALLOWED,
					"A " + operation.name().toLowerCase() + " is never run over GET: send it with POST.");
		}
		return this.handler.handle(request, new DefaultGraphQlRequest(query, operationName, variables, extensions));
	}

	/** A JSON-encoded object parameter, or {@code null} when absent. */
	private @Nullable Map<String, Object> object(@Nullable String value, String name) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		JsonNode node;
		try {
			node = this.json.readTree(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The parameter '" + name + "' is not JSON.");
		}
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			throw new IllegalArgumentException("The parameter '" + name + "' must be a JSON object.");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = this.json.convertValue(node, LinkedHashMap.class);
		return map;
	}

	/**
	 * The kind of operation the document would run: the one named, or the only one;
	 * {@code null} when that cannot be told here (the execution reports why).
	 */
	private static OperationDefinition.@Nullable Operation operation(String query, @Nullable String operationName) {
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (RuntimeException ex) {
			// Invalid syntax: execution reports it as the POST route does.
			return null;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operationName != null) {
			return operations.stream()
				.filter(op -> operationName.equals(op.getName()))
				.map(OperationDefinition::getOperation)
				.findFirst()
				.orElse(null);
		}
		return (operations.size() == 1) ? operations.get(0).getOperation() : null;
	}

	private ServerResponse error(ServerRequest request, HttpStatus status, String message) {
		return RequestErrors.answer(this.json, request, status, message);
	}

}
