package org.policygraph.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.policygraph.support.HarnessIntegrationTests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The introspection queries that GraphiQL, Apollo's tools and other graphql-js clients
 * send are answered in full over HTTP, whatever the limits on data queries; an abusive
 * introspection is still refused.
 */
class IntrospectionContractIT extends HarnessIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest
	@CsvSource({ "introspection-graphql-js-default.graphql, IntrospectionQuery",
			"introspection-graphql-js-all-options.graphql, IntrospectionQuery",
			"introspection-graphiql.graphql, IntrospectionQuery",
			"introspection-apollo-rover.graphql, GraphIntrospectQuery" })
	void shouldAnswerTheStandardIntrospectionQuery(String file, String operationName) {
		JsonNode response = post(document(file), operationName);

		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		JsonNode schema = response.path("data").path("__schema");
		String queryType = schema.path("queryType").path("name").asString();
		assertThat(queryType).isEqualTo("Query");
		List<String> queryFields = new ArrayList<>();
		for (JsonNode type : schema.path("types")) {
			if (type.path("name").asString().equals(queryType)) {
				type.path("fields").forEach(field -> queryFields.add(field.path("name").asString()));
			}
		}
		assertThat(queryFields).contains("about", "articles", "province", "neighbourhood", "search");
		assertThat(schema.path("directives").size()).isPositive();
	}

	@Test
	void shouldServeEveryDescriptionAsFlowingParagraphs() {
		JsonNode response = post(document("introspection-graphql-js-all-options.graphql"), "IntrospectionQuery");

		List<String> descriptions = new ArrayList<>();
		collectDescriptions(response.path("data").path("__schema"), descriptions);
		assertThat(descriptions).hasSizeGreaterThan(500);
		assertThat(descriptions).filteredOn(text -> !text.equals(DescriptionParagraphs.join(text)))
			.as("descriptions with a line break inside a paragraph (GraphiQL shows each as a break)")
			.isEmpty();
		assertThat(descriptions)
			.anyMatch(text -> text.contains("since when, on how many articles, and which units " + "are missing"));
	}

	private static void collectDescriptions(JsonNode node, List<String> descriptions) {
		if (node.isObject()) {
			JsonNode description = node.path("description");
			if (description.isString()) {
				descriptions.add(description.asString());
			}
			node.forEach(child -> collectDescriptions(child, descriptions));
		}
		else if (node.isArray()) {
			node.forEach(child -> collectDescriptions(child, descriptions));
		}
	}

	@Test
	void shouldRefuseAnEndlessNestingOfOfType() {
		StringBuilder deep = new StringBuilder("{ __type(name: \"Query\") { fields { type { ");
		for (int i = 0; i < 30; i++) {
			deep.append("ofType { ");
		}
		deep.append("name");
		deep.append(" }".repeat(30)).append(" } } } }");

		JsonNode response = post(deep.toString(), null);

		assertThat(response.path("data").path("__type").isMissingNode() || response.path("data").isNull()
				|| response.path("data").path("__type").isNull())
			.isTrue();
		assertThat(response.path("errors").get(0).path("message").asString())
			.contains("maximum introspection depth exceeded");
	}

	@Test
	void shouldRefuseFieldsOfTheTypesOfFields() {
		String loop = "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }";

		JsonNode response = post(loop, null);

		assertThat(response.path("errors").size()).as(response.toString()).isPositive();
		assertThat(response.path("data").path("__schema").isMissingNode() || response.path("data").isNull()
				|| response.path("data").path("__schema").isNull())
			.isTrue();
	}

	@Test
	void shouldStillRefuseADataQueryDeeperThanTheLimit() {
		String deep = "{ __typename articles { edges { node { documents { implementedBy { edges { node { province { "
				+ "implements { edges { node { document { issuedBy { parent { children { key } } } } } } } } } } } } } } } }";

		JsonNode response = post(deep, null);

		assertThat(response.path("errors").get(0).path("message").asString()).contains("maximum query depth exceeded");
	}

	private JsonNode post(String query, String operationName) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		if (operationName != null) {
			body.put("operationName", operationName);
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String document(String file) {
		try {
			return new ClassPathResource("graphql-test/" + file).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
