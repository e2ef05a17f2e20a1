package org.policygraph.security;

import org.junit.jupiter.api.Test;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running application keeps the editor's password, configured in plain text, only as
 * a bcrypt hash, and new hashes are bcrypt.
 */
class StoredPasswordsIT extends HarnessIntegrationTests {

	@Autowired
	private UserDetailsService users;

	@Autowired
	private PasswordEncoder encoder;

	@Test
	void shouldKeepTheConfiguredPlainPasswordAsABcryptHash() {
		String kept = this.users.loadUserByUsername("editor").getPassword();

		assertThat(kept).startsWith("{bcrypt}$2").doesNotContain(EDITOR_PASSWORD);
		assertThat(this.encoder.matches(EDITOR_PASSWORD, kept)).isTrue();
		assertThat(this.encoder.encode("x")).startsWith("{bcrypt}");
	}

}
