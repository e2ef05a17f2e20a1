package org.policygraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort key of the last item seen, encoded as URL-safe Base64
 * of its parts separated by a unit separator. Clients treat it as an opaque string.
 *
 * @param parts the sort key values, as strings
 */
public record Cursor(List<String> parts) {

	private static final String SEPARATOR = "\u001f";

	private static final String PREFIX = "c1" + SEPARATOR;

	/**
	 * @param parts the sort key values
	 * @return the cursor
	 */
	public static Cursor of(String... parts) {
		return new Cursor(List.of(parts));
	}

	/**
	 * @return the opaque string form
	 */
	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + String.join(SEPARATOR, this.parts)).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes a cursor produced by {@link #encode()}.
	 * @param value the opaque string
	 * @param expectedParts how many parts the sort key has
	 * @return the cursor
	 * @throws InvalidArgumentException when the string is not such a cursor
	 */
	public static Cursor decode(String value, int expectedParts) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException("after", "'" + value + "' is not a cursor returned by this API");
		}
		if (!text.startsWith(PREFIX)) {
			throw new InvalidArgumentException("after", "'" + value + "' is not a cursor returned by this API");
		}
		List<String> parts = List.of(text.substring(PREFIX.length()).split(SEPARATOR, -1));
		if (parts.size() != expectedParts) {
			throw new InvalidArgumentException("after", "'" + value + "' is a cursor of another list");
		}
		return new Cursor(parts);
	}

}
