package org.policygraph.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP request a fuzzer sends to {@code /graphql}, with what is known about it for
 * checking the response.
 *
 * @param kind what sort of request it is (e.g. {@code valid-query},
 * {@code mutated-document})
 * @param method the HTTP method
 * @param query the URL query string, or {@code null}
 * @param headers the request headers, in order
 * @param body the body bytes (empty for none)
 * @param rootKeys the response keys a successful answer's {@code data} may have, or
 * {@code null} when the request is not a valid GraphQL operation
 * @param ingest whether the request is an {@code ingestArticles} call whose results to
 * check
 */
public record FuzzRequest(String kind, String method, String query, Map<String, String> headers, byte[] body,
		Set<String> rootKeys, boolean ingest) {

	private static final int SHOWN_BODY_CHARS = 4_000;

	/**
	 * @param kind what sort of request
	 * @param headers the headers
	 * @param body the body
	 * @return a POST request with no expectations on the data
	 */
	public static FuzzRequest post(String kind, Map<String, String> headers, byte[] body) {
		return new FuzzRequest(kind, "POST", null, new LinkedHashMap<>(headers), body, null, false);
	}

	/**
	 * @param keys the root response keys the data may have
	 * @return this request, expecting a response shaped by these keys
	 */
	public FuzzRequest expectingRootKeys(Set<String> keys) {
		return new FuzzRequest(this.kind, this.method, this.query, this.headers, this.body, keys, this.ingest);
	}

	/**
	 * @return this request, flagged as an ingest call
	 */
	public FuzzRequest asIngest() {
		return new FuzzRequest(this.kind, this.method, this.query, this.headers, this.body, this.rootKeys, true);
	}

	/**
	 * @return the request as text for a failure message: method, query, headers
	 * (credentials masked) and the body (as UTF-8 when it is, else base64), abbreviated
	 * when long
	 */
	public String describe() {
		StringBuilder s = new StringBuilder(this.kind).append(": ").append(this.method).append(" /graphql");
		if (this.query != null) {
			s.append('?').append(this.query);
		}
		this.headers.forEach((name, value) -> s.append("\n  ")
			.append(name)
			.append(": ")
			.append(name.equalsIgnoreCase("Authorization") ? value.replaceAll("(?<=Basic ).+", "<editor>") : value));
		String text = utf8(this.body);
		s.append("\n  body (")
			.append(this.body.length)
			.append(" bytes")
			.append(text == null ? ", not UTF-8, base64" : "")
			.append("): ");
		String shown = (text != null) ? text : java.util.Base64.getEncoder().encodeToString(this.body);
		if (shown.length() > SHOWN_BODY_CHARS) {
			shown = shown.substring(0, SHOWN_BODY_CHARS) + "… (" + (shown.length() - SHOWN_BODY_CHARS) + " more)";
		}
		return s.append(shown).toString();
	}

	/**
	 * @return the body decoded as UTF-8, or {@code null} when it is not valid UTF-8
	 */
	public String bodyText() {
		return utf8(this.body);
	}

	private static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
