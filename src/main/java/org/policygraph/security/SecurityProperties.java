package org.policygraph.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credentials and the read policy.
 *
 * @param editor the account allowed to write; writes are impossible while its password is empty
 * @param reader an account allowed to read, needed only when {@code readsRequireLogin} is set
 * @param readsRequireLogin whether reading the API needs the reader (or editor) role
 */
@ConfigurationProperties("policygraph.security")
public record SecurityProperties(Account editor, Account reader, boolean readsRequireLogin) {

	public SecurityProperties {
		editor = (editor != null) ? editor : new Account("editor", "");
		reader = (reader != null) ? reader : new Account("reader", "");
	}

	/**
	 * An account.
	 *
	 * @param username the user name
	 * @param password the password, plain or with a Spring Security encoding prefix such as
	 * {@code {bcrypt}}; empty disables the account
	 */
	public record Account(String username, String password) {

		public Account {
			username = (username != null) ? username : "";
			password = (password != null) ? password : "";
		}

		boolean enabled() {
			return !this.username.isBlank() && !this.password.isBlank();
		}

	}

}
