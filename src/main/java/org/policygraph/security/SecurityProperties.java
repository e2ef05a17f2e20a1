package org.policygraph.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credentials and the read policy.
 *
 * @param editor the account allowed to write; writes are impossible while its password is
 * empty
 * @param reader an account allowed to read, needed only when {@code readsRequireLogin} is
 * set
 * @param readsRequireLogin whether reading the API needs the reader (or editor) role
 * @param loginThrottle how failed logins are slowed down
 */
@ConfigurationProperties("policygraph.security")
public record SecurityProperties(Account editor, Account reader, boolean readsRequireLogin,
		LoginThrottleSettings loginThrottle) {

	public SecurityProperties {
		editor = (editor != null) ? editor : new Account("editor", "");
		reader = (reader != null) ? reader : new Account("reader", "");
		loginThrottle = (loginThrottle != null) ? loginThrottle : new LoginThrottleSettings(0, null, 0);
	}

	/**
	 * Failed-login throttling (see {@link LoginThrottle}).
	 *
	 * @param maxFailures failures of one client address, or against one user name, in one
	 * window before further attempts wait for the window to close (default 10)
	 * @param window the length of a window, from the first failure (default 5 minutes)
	 * @param maxKeys the most addresses, and the most user names, tracked at once
	 * (default 10,000)
	 */
	public record LoginThrottleSettings(int maxFailures, Duration window, long maxKeys) {

		public LoginThrottleSettings {
			maxFailures = (maxFailures > 0) ? maxFailures : 10;
			window = (window != null) ? window : Duration.ofMinutes(5);
			maxKeys = (maxKeys > 0) ? maxKeys : 10_000;
		}

	}

	/**
	 * An account.
	 *
	 * @param username the user name
	 * @param password the password, plain or with a Spring Security encoding prefix such
	 * as {@code {bcrypt}}; empty disables the account
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
