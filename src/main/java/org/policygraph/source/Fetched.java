package org.policygraph.source;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * A response the fetcher accepted: a page or feed (body in UTF-8, whatever the server's
 * charset was), or {@code 304 Not Modified} (empty body).
 *
 * @param uri the URI that answered, after redirects
 * @param status the HTTP status, 2xx or 304
 * @param body the body, decompressed and transcoded to UTF-8
 * @param contentType the {@code Content-Type} header
 * @param validators the response's {@code ETag} and {@code Last-Modified}, for the next
 * conditional request
 * @param requests the HTTP requests it took (redirects and retries included)
 */
record Fetched(URI uri, int status, byte[] body, @Nullable String contentType, Validators validators, int requests) {

	/**
	 * @return whether the server answered that nothing changed since the validators sent
	 */
	boolean notModified() {
		return this.status == 304;
	}

}
