package org.policygraph.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write with no or wrong credentials is refused as a GraphQL error the GraphiQL page
 * can show, never with a login challenge that would make a browser open its password
 * dialog.
 */
class GraphQlRefusalIT extends HarnessIntegrationTests {

	private static final String INGEST = """
			mutation ($input: IngestArticlesInput!) { ingestArticles(input: $input) { newCount } }""";

	private static final String URL = "https://refusal.example.org/bai-viet";

	@LocalServerPort
	private int port;

	@Autowired
	private Neo4jClient neo4j;

	private RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	private static Map<String, Object> oneArticle() {
		return Map.of("input", Map.of("articles", List.of(Map.of("url", URL, "title", "Nghệ An thực hiện Chỉ thị",
				"text", "Tỉnh ủy Nghệ An thực hiện Chỉ thị số 905-CT/TW ngày 2-2-2019 của Ban Bí thư."))));
	}

	private long stored() {
		return this.neo4j.query("MATCH (a:Article {url: $url}) RETURN count(a)")
			.bind(URL)
			.to("url")
			.fetchAs(Long.class)
			.one()
			.orElseThrow();
	}

	@Test
	void shouldAnswerAWrongPasswordWithAGraphQlUnauthorizedErrorAndNoChallenge() throws Exception {
		RawHttp.Answer answer = this.http.graphQl(INGEST, oneArticle(), "editor", "wrong", "application/json");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.hasHeader("WWW-Authenticate")).as("WWW-Authenticate").isFalse();
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.classification()).isEqualTo("UNAUTHORIZED");
		assertThat(answer.json().path("errors").get(0).path("message").asString()).contains("password");
		assertThat(stored()).isZero();
	}

	@Test
	void shouldUseStatus401WithoutChallengeForGraphQlResponseMediaType() throws Exception {
		RawHttp.Answer answer = this.http.graphQl(INGEST, oneArticle(), "editor", "wrong",
				"application/graphql-response+json, application/json;q=0.9");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.hasHeader("WWW-Authenticate")).as("WWW-Authenticate").isFalse();
		assertThat(answer.header("Content-Type")).startsWith("application/graphql-response+json");
		assertThat(answer.classification()).isEqualTo("UNAUTHORIZED");
		assertThat(stored()).isZero();
	}

	@Test
	void shouldAnswerAMissingLoginOnAMutationWithUnauthorizedAndNoChallenge() throws Exception {
		RawHttp.Answer answer = this.http.graphQl(INGEST, oneArticle(), null, null, null);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.hasHeader("WWW-Authenticate")).as("WWW-Authenticate").isFalse();
		assertThat(answer.classification()).isEqualTo("UNAUTHORIZED");
		assertThat(stored()).isZero();
	}

	@Test
	void shouldStillAcceptTheRightPassword() throws Exception {
		RawHttp.Answer answer = this.http.graphQl("mutation { checkWriteAccess }", Map.of(), "editor", EDITOR_PASSWORD,
				null);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("data").path("checkWriteAccess").asBoolean()).isTrue();
	}

}
