package org.policygraph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class EmbeddedNeo4jPasswordTests {

	@TempDir
	Path home;

	@Test
	void shouldSetAnInitialPasswordThatBeginsWithADash() throws Exception {
		// Generated passwords are URL-safe Base64: one in 64 begins with '-', which the
		// command
		// line parser took for an option (exit status 64) and the database did not start.
		assertThatCode(() -> EmbeddedNeo4jPassword.setInitialPassword(this.home, "-Ab3_secret-password"))
			.doesNotThrowAnyException();
		try (var files = Files.walk(this.home)) {
			assertThat(files.filter(f -> f.getFileName().toString().equals("auth.ini"))).isNotEmpty();
		}
	}

}
