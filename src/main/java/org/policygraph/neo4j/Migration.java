package org.policygraph.neo4j;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema migration file, named in neo4j-migrations style:
 * {@code V0001__Create_constraints.cypher}.
 *
 * @param version the version number from the file name
 * @param description the description from the file name, underscores as spaces
 * @param fileName the file name
 * @param script the file's text
 */
public record Migration(int version, String description, String fileName, String script) {

	private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.cypher");

	/**
	 * Parses a migration file.
	 * @param fileName the file name, e.g. {@code V0002__Add_index.cypher}
	 * @param script the contents
	 * @return the migration
	 * @throws IllegalArgumentException when the name does not follow the convention
	 */
	public static Migration of(String fileName, String script) {
		Matcher m = FILE_NAME.matcher(fileName);
		if (!m.matches()) {
			throw new IllegalArgumentException("Migration file '" + fileName
					+ "' does not follow the naming convention V<version>__<Description>.cypher");
		}
		return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName, script);
	}

	/**
	 * @return a SHA-256 of the script with line endings normalized, recorded when applied
	 */
	public String checksum() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.script.replace("\r\n", "\n").strip().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Splits the script into statements: separated by a semicolon at the end of a line;
	 * lines starting with {@code //} are comments.
	 * @return the statements in order
	 */
	public List<String> statements() {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : this.script.replace("\r\n", "\n").split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("//") || trimmed.isEmpty()) {
				continue;
			}
			current.append(line).append('\n');
			if (trimmed.endsWith(";")) {
				add(statements, current);
			}
		}
		add(statements, current);
		return statements;
	}

	private static void add(List<String> statements, StringBuilder current) {
		String statement = current.toString().strip();
		if (statement.endsWith(";")) {
			statement = statement.substring(0, statement.length() - 1).strip();
		}
		if (!statement.isEmpty()) {
			statements.add(statement);
		}
		current.setLength(0);
	}

}
