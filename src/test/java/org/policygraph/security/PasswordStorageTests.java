package org.policygraph.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Configured passwords are kept as bcrypt hashes, and {@code hash-password} makes one.
 */
class PasswordStorageTests {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Test
	void shouldHashAPlainPasswordWithBcrypt() {
		String kept = SecurityConfiguration.hashed("correct horse", "editor");

		assertThat(kept).startsWith("{bcrypt}$2a$10$").doesNotContain("correct horse");
		assertThat(this.encoder.matches("correct horse", kept)).isTrue();
		assertThat(this.encoder.matches("wrong horse", kept)).isFalse();
	}

	@Test
	void shouldHashANoopPasswordToo() {
		String kept = SecurityConfiguration.hashed("{noop}correct horse", "editor");

		assertThat(kept).startsWith("{bcrypt}");
		assertThat(this.encoder.matches("correct horse", kept)).isTrue();
	}

	@Test
	void shouldKeepABcryptHashAsGivenAndRefuseABrokenOneOrAnotherEncoding() {
		String hash = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("pw");

		assertThat(SecurityConfiguration.hashed(hash, "editor")).isEqualTo(hash);
		assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.hashed("{bcrypt}pw", "editor"))
			.withMessageContaining("hash-password");
		assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.hashed("{MD5}abc", "editor"))
			.withMessageContaining("{bcrypt}");
	}

	@Test
	void shouldPrintTheBcryptHashOfTheFirstLineOfStandardInput() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int status = HashPasswordCommand.run(new String[0], null,
				new ByteArrayInputStream("mật khẩu dài\r\nsecond line\n".getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		String hash = out.toString(StandardCharsets.UTF_8).strip();
		assertThat(status).isZero();
		assertThat(hash).startsWith("{bcrypt}$2a$10$");
		assertThat(this.encoder.matches("mật khẩu dài", hash)).isTrue();
		assertThat(SecurityConfiguration.hashed(hash, "editor")).as("accepted as configuration").isEqualTo(hash);
	}

	@Test
	void shouldRefuseAnEmptyPassword() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int status = HashPasswordCommand.run(new String[0], null, new ByteArrayInputStream(new byte[0]),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(status).isEqualTo(2);
		assertThat(out.size()).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("No password");
	}

}
