package org.policygraph.source;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A fetch that brought nothing usable back, with the reason in words and as a kind.
 */
final class FetchException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Why a fetch failed. */
	enum Reason {

		/** No answer in time (connection, headers or body). */
		TIMEOUT(true),
		/** The connection failed or was cut off. */
		NETWORK(true),
		/**
		 * The server answered 429 or 5xx and kept doing so; {@link #retryAfter()} says
		 * when to come back.
		 */
		UNAVAILABLE(true),
		/** An HTTP status that will not change by asking again (404, 410, 403 …). */
		HTTP_STATUS(false),
		/** The body was larger than allowed. */
		TOO_LARGE(false),
		/** Redirects went on longer than allowed (or in a loop). */
		TOO_MANY_REDIRECTS(false),
		/** The site's robots.txt does not allow the URL for this crawler. */
		DISALLOWED(false),
		/** Not an http(s) URL. */
		UNSUPPORTED(false);

		private final boolean transient_;

		Reason(boolean transient_) {
			this.transient_ = transient_;
		}

		/**
		 * @return whether asking again later may succeed
		 */
		boolean isTransient() {
			return this.transient_;
		}

	}

	private final Reason reason;

	private final int status;

	private final @Nullable Instant retryAfter;

	private final int requests;

	FetchException(Reason reason, String message, int status, @Nullable Instant retryAfter, int requests) {
		super(message);
		this.reason = reason;
		this.status = status;
		this.retryAfter = retryAfter;
		this.requests = requests;
	}

	FetchException(Reason reason, String message, int requests) {
		this(reason, message, 0, null, requests);
	}

	Reason reason() {
		return this.reason;
	}

	/**
	 * @return the last HTTP status, 0 when none arrived
	 */
	int status() {
		return this.status;
	}

	/**
	 * @return the earliest time the server asked to be asked again, if it said
	 */
	@Nullable Instant retryAfter() {
		return this.retryAfter;
	}

	/**
	 * @return the HTTP requests made before giving up
	 */
	int requests() {
		return this.requests;
	}

}
