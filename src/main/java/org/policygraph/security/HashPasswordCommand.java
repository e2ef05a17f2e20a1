package org.policygraph.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar policy-graph.jar hash-password}: reads a password and prints its
 * {@code {bcrypt}} hash, to put in {@code POLICYGRAPH_SECURITY_EDITOR_PASSWORD} (or the
 * reader's) instead of the password itself. On a terminal the password is asked for
 * without echo; otherwise the first line of standard input is the password
 * ({@code printf '%s' "$PASSWORD" | java -jar policy-graph.jar hash-password}). Runs
 * without starting the application.
 */
public final class HashPasswordCommand {

	private HashPasswordCommand() {
	}

	/**
	 * @param console the terminal, or {@code null} when standard input is not one
	 * @return the exit status: 0 with the hash printed, 2 for a missing or empty password
	 */
	public static int run(String[] args, Console console, InputStream in, PrintStream out, PrintStream err) {
		if (args.length > 0) {
			err.println(
					"usage: hash-password (reads the password from the terminal or the first line of standard input)");
			return 2;
		}
		String password;
		try {
			password = read(console, in);
		}
		catch (IOException ex) {
			err.println("Could not read the password: " + ex.getMessage());
			return 2;
		}
		if (password == null || password.isEmpty()) {
			err.println("No password given: type it, or send it as the first line of standard input");
			return 2;
		}
		out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
		return 0;
	}

	private static String read(Console console, InputStream in) throws IOException {
		if (console != null) {
			char[] typed = console.readPassword("Password: ");
			return (typed != null) ? new String(typed) : null;
		}
		String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
		if (line != null && line.endsWith("\r")) {
			line = line.substring(0, line.length() - 1);
		}
		return line;
	}

}
