package org.policygraph.security;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policygraph.support.InProcessNeo4j;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing over HTTP: after a few failures the client is answered 429 with
 * {@code Retry-After} before any password is checked, anonymous reads go on, and once the
 * window has closed the right password is accepted again. A short window keeps the test
 * short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "policygraph.security.editor.password=" + LoginThrottleIT.PASSWORD,
				"policygraph.security.login-throttle.max-failures=3", "policygraph.security.login-throttle.window=4s",
				"policygraph.sample.enabled=false" })
class LoginThrottleIT {

	static final String PASSWORD = "throttle-editor-secret";

	private static final String CHECK = "mutation { checkWriteAccess }";

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", () -> InProcessNeo4j.boltUri().toString());
	}

	@LocalServerPort
	private int port;

	@Test
	void shouldAnswer429WithRetryAfterAfterRepeatedFailuresAndAcceptTheRightPasswordAfterTheWindow() throws Exception {
		RawHttp http = new RawHttp(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(http.graphQl(CHECK, Map.of(), "editor", "guess-" + i, null).classification())
				.isEqualTo("UNAUTHORIZED");
		}

		RawHttp.Answer held = http.graphQl(CHECK, Map.of(), "editor", PASSWORD, null);
		assertThat(held.status()).as(held.body()).isEqualTo(429);
		long retryAfter = Long.parseLong(held.header("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 4L);
		assertThat(held.hasHeader("WWW-Authenticate")).isFalse();
		assertThat(held.classification()).isEqualTo("UNAUTHORIZED");
		var extensions = held.json().path("errors").get(0).path("extensions");
		assertThat(extensions.path("reason").asString()).isEqualTo("TOO_MANY_FAILED_LOGINS");
		assertThat(extensions.path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
		assertThat(http.get("/export/evidence.csv?provinceKey=40&documentKey=x", "editor", PASSWORD).status())
			.as("every path")
			.isEqualTo(429);

		RawHttp.Answer anonymous = http.graphQl("{ about { name } }", Map.of(), null, null, null);
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().path("data").path("about").path("name").isString()).isTrue();

		Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(200).toMillis());
		RawHttp.Answer after = http.graphQl(CHECK, Map.of(), "editor", PASSWORD, null);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.json().path("data").path("checkWriteAccess").asBoolean()).as(after.body()).isTrue();

		// The success cleared the count: two more failures are below the limit again.
		http.graphQl(CHECK, Map.of(), "editor", "guess-a", null);
		http.graphQl(CHECK, Map.of(), "editor", "guess-b", null);
		assertThat(http.graphQl(CHECK, Map.of(), "editor", PASSWORD, null).status()).isEqualTo(200);
	}

}
