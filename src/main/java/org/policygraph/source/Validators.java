package org.policygraph.source;

import org.jspecify.annotations.Nullable;

/**
 * What a server said identifies a version of a resource, sent back on the next request
 * ({@code If-None-Match}, {@code If-Modified-Since}) so that an unchanged resource costs
 * a {@code 304} and no body.
 *
 * @param etag the {@code ETag}
 * @param lastModified the {@code Last-Modified} date, as the server wrote it
 */
record Validators(@Nullable String etag, @Nullable String lastModified) {

	/** No validators: an unconditional request. */
	static final Validators NONE = new Validators(null, null);

	/**
	 * @return whether there is anything to send
	 */
	boolean present() {
		return this.etag != null || this.lastModified != null;
	}

}
