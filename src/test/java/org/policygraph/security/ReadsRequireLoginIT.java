package org.policygraph.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policygraph.support.InProcessNeo4j;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code policygraph.security.reads-require-login}, reading needs the reader (or
 * editor) account; health stays open for load balancers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "policygraph.security.reads-require-login=true",
				"policygraph.security.reader.password=read-secret", "policygraph.security.editor.password=edit-secret",
				"policygraph.sample.enabled=false" })
class ReadsRequireLoginIT {

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", () -> InProcessNeo4j.boltUri().toString());
	}

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private int post(String user, String password) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ about { name } }\"}"));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@Test
	void shouldRefuseAnonymousReadsAsAGraphQlErrorWithoutChallenge() throws Exception {
		RawHttp.Answer answer = new RawHttp(this.port).graphQl("{ about { name } }", Map.of(), null, null, null);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.hasHeader("WWW-Authenticate")).as("WWW-Authenticate").isFalse();
		assertThat(answer.classification()).isEqualTo("UNAUTHORIZED");
		assertThat(answer.json().has("data")).as("data").isFalse();
	}

	@Test
	void shouldRefuseAWrongPasswordAsAGraphQlError() throws Exception {
		RawHttp.Answer answer = new RawHttp(this.port).graphQl("{ about { name } }", Map.of(), "reader", "wrong", null);

		assertThat(answer.hasHeader("WWW-Authenticate")).as("WWW-Authenticate").isFalse();
		assertThat(answer.classification()).isEqualTo("UNAUTHORIZED");
		assertThat(answer.json().has("data")).as("data").isFalse();
	}

	@Test
	void shouldRefuseAnonymousPagesWithTheBasicChallengeABrowserSignsInWith() throws Exception {
		RawHttp.Answer answer = new RawHttp(this.port).get("/export/evidence.csv", null, null);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
	}

	@Test
	void shouldAnswerAReaderWritingWithForbidden() throws Exception {
		RawHttp.Answer answer = new RawHttp(this.port).graphQl("mutation { checkWriteAccess }", Map.of(), "reader",
				"read-secret", null);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.classification()).isEqualTo("FORBIDDEN");
	}

	@Test
	void shouldLetTheReaderAndTheEditorRead() throws Exception {
		assertThat(post("reader", "read-secret")).isEqualTo(200);
		assertThat(post("editor", "edit-secret")).isEqualTo(200);
	}

	@Test
	void shouldKeepHealthOpen() throws Exception {
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(60))
			.build();
		assertThat(this.http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
	}

}
