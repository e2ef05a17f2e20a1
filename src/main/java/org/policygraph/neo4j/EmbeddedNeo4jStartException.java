package org.policygraph.neo4j;

import java.net.BindException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The embedded database could not start; the message says why in the user's terms.
 */
public class EmbeddedNeo4jStartException extends RuntimeException {

	/** Why the database could not start. */
	public enum Reason {

		/**
		 * Another process (a running server, another Neo4j) holds the data directory's
		 * store lock.
		 */
		LOCKED,

		/** Another process listens on the configured Bolt address. */
		BOLT_PORT_IN_USE,

		/** Anything else: the directory cannot be written, the store is damaged, ... */
		OTHER

	}

	private final Path dataDirectory;

	private final Reason reason;

	private final @Nullable String boltAddress;

	EmbeddedNeo4jStartException(Path dataDirectory, String reason, @Nullable Throwable cause) {
		this(dataDirectory, "Embedded Neo4j could not start in " + dataDirectory + ": " + reason, Reason.OTHER, null,
				cause);
	}

	private EmbeddedNeo4jStartException(Path dataDirectory, String message, Reason reason, @Nullable String boltAddress,
			@Nullable Throwable cause) {
		super(message, cause);
		this.dataDirectory = dataDirectory;
		this.reason = reason;
		this.boltAddress = boltAddress;
	}

	static EmbeddedNeo4jStartException from(Path home, String boltHost, int boltPort, RuntimeException ex) {
		if (isLockFailure(ex)) {
			return new EmbeddedNeo4jStartException(home,
					"Embedded Neo4j could not start in " + home
							+ ": the data directory is locked by another running instance (its store lock is held)",
					Reason.LOCKED, null, ex);
		}
		if (isBindFailure(ex)) {
			String address = boltHost + ":" + boltPort;
			return new EmbeddedNeo4jStartException(home, "Embedded Neo4j could not start: its Bolt port " + address
					+ " is already in use by another process", Reason.BOLT_PORT_IN_USE, address, ex);
		}
		return new EmbeddedNeo4jStartException(home, rootMessage(ex), ex);
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

	private static boolean isBindFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof BindException) {
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
	 * @return why the database could not start
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * @return whether another process holds the directory's lock
	 */
	public boolean isLocked() {
		return this.reason == Reason.LOCKED;
	}

	/**
	 * @return the Bolt address ({@code host:port}) that was taken, when that is the
	 * reason
	 */
	public @Nullable String getBoltAddress() {
		return this.boltAddress;
	}

}
