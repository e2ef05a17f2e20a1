package org.policygraph.neo4j;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The embedded database could not start; the message says why in the user's terms.
 */
public class EmbeddedNeo4jStartException extends RuntimeException {

	private final Path dataDirectory;

	private final boolean locked;

	EmbeddedNeo4jStartException(Path dataDirectory, String reason, @Nullable Throwable cause) {
		this(dataDirectory, reason, false, cause);
	}

	private EmbeddedNeo4jStartException(Path dataDirectory, String reason, boolean locked,
			@Nullable Throwable cause) {
		super("Embedded Neo4j could not start in " + dataDirectory + ": " + reason, cause);
		this.dataDirectory = dataDirectory;
		this.locked = locked;
	}

	static EmbeddedNeo4jStartException from(Path home, RuntimeException ex) {
		if (isLockFailure(ex)) {
			return new EmbeddedNeo4jStartException(home,
					"the data directory is locked by another running instance", true, ex);
		}
		return new EmbeddedNeo4jStartException(home, rootMessage(ex), false, ex);
	}

	private static boolean isLockFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t.getClass().getSimpleName().equals("FileLockException")
					|| (t.getMessage() != null && t.getMessage().contains("Lock file has been locked"))) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	/**
	 * @return the data directory the database tried to open
	 */
	public Path getDataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * @return whether another process holds the directory's lock
	 */
	public boolean isLocked() {
		return this.locked;
	}

}
