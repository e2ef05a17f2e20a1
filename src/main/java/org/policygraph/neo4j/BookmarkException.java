package org.policygraph.neo4j;

/**
 * Bookmarks a client sent could not be honoured: they are not bookmarks, the database has
 * not reached them in time, or the database cannot be asked.
 */
public class BookmarkException extends RuntimeException {

	/** Why the bookmarks could not be honoured. */
	public enum Reason {

		/**
		 * Not a bookmark the database accepts, or too many or too long: the client's
		 * mistake.
		 */
		INVALID,

		/**
		 * Well-formed, but the database has not caught up with them within the wait
		 * timeout.
		 */
		NOT_REACHED,

		/** The database could not be reached. */
		DATABASE_UNAVAILABLE

	}

	private final Reason reason;

	/**
	 * @param reason why
	 * @param message what to tell the client
	 */
	public BookmarkException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * @param reason why
	 * @param message what to tell the client
	 * @param cause the driver's exception
	 */
	public BookmarkException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * @return why the bookmarks could not be honoured
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * @return the reason as reported to clients: {@code INVALID_BOOKMARK},
	 * {@code BOOKMARK_NOT_REACHED} or {@code DATABASE_UNAVAILABLE}
	 */
	public String code() {
		return switch (this.reason) {
			case INVALID -> "INVALID_BOOKMARK";
			case NOT_REACHED -> "BOOKMARK_NOT_REACHED";
			case DATABASE_UNAVAILABLE -> "DATABASE_UNAVAILABLE";
		};
	}

}
