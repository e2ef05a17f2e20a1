package org.policygraph.ingest.read;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import com.ibm.icu.text.IDNA;

/**
 * The identity form of an article URL (RFC 3986 section 6.2.2-6.2.3, the parts that cannot change
 * which page is meant): scheme and host in lower case, an internationalised host in its ASCII
 * (Punycode) form by UTS #46, the default port (80 for http, 443 for https) dropped, an empty path
 * written {@code /}, the fragment dropped. Path and query stay as they were sent, byte for byte:
 * servers may tell their case, order and escapes apart.
 * <p>
 * A URL with a user name or password ({@code https://user:secret@host/...}) is refused: it would
 * store a credential in the graph and show it in every answer and export, and the same page would
 * get a second identity.
 */
public final class ArticleUrls {

	private static final IDNA IDNA_ASCII = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI
			| IDNA.CHECK_CONTEXTJ | IDNA.USE_STD3_RULES);

	private ArticleUrls() {
	}

	/**
	 * The outcome of {@link #normalize}: a URL or why there is none.
	 *
	 * @param url the identity form, or {@code null} when refused
	 * @param problem why the URL is refused (never repeating a user name or password), or {@code null}
	 */
	public record Normalized(String url, String problem) {

		boolean ok() {
			return this.url != null;
		}

	}

	/**
	 * @param url an absolute URL, stripped
	 * @return its identity form, or the reason it is not an acceptable article URL
	 */
	public static Normalized normalize(String url) {
		int colon = url.indexOf(':');
		String scheme = (colon > 0) ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || !url.startsWith("//", colon + 1)) {
			return refused("is not an http(s) URL");
		}
		int authorityStart = colon + 3;
		int authorityEnd = indexOfAny(url, authorityStart, "/?#");
		String authority = url.substring(authorityStart, authorityEnd);
		if (authority.indexOf('@') >= 0) {
			return new Normalized(null, "url has a user name or password before its host (scheme://user:password@host); "
					+ "give the address without them");
		}
		String host;
		String port = "";
		int portColon;
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			if (close < 0) {
				return refused("has an unclosed IPv6 address");
			}
			host = authority.substring(0, close + 1).toLowerCase(Locale.ROOT);
			portColon = (close + 1 < authority.length() && authority.charAt(close + 1) == ':') ? close + 1 : -1;
			if (portColon < 0 && close + 1 < authority.length()) {
				return refused("is not an http(s) URL");
			}
		}
		else {
			portColon = authority.lastIndexOf(':');
			String name = (portColon < 0) ? authority : authority.substring(0, portColon);
			host = asciiHost(name);
			if (host == null) {
				return refused("has a host name that is not valid");
			}
		}
		if (portColon >= 0) {
			port = authority.substring(portColon + 1);
			if (!port.isEmpty() && !isPort(port)) {
				return refused("has a port that is not a number from 1 to 65535");
			}
			port = port.replaceFirst("^0+(?=\\d)", "");
			if (port.equals(scheme.equals("http") ? "80" : "443")) {
				port = "";
			}
		}
		if (host.isEmpty() || host.equals("[]")) {
			return refused("has no host");
		}
		int fragment = url.indexOf('#', authorityEnd);
		String rest = url.substring(authorityEnd, (fragment < 0) ? url.length() : fragment);
		if (!rest.startsWith("/")) {
			rest = "/" + rest;
		}
		String normalized = scheme + "://" + host + (port.isEmpty() ? "" : ":" + port) + rest;
		try {
			URI uri = new URI(normalized);
			if (uri.getHost() == null) {
				return refused("is not an http(s) URL");
			}
		}
		catch (URISyntaxException ex) {
			return refused("is not an http(s) URL");
		}
		return new Normalized(normalized, null);
	}

	private static Normalized refused(String why) {
		return new Normalized(null, why);
	}

	/** A host name in lower-case ASCII, international names in Punycode; {@code null} if invalid. */
	private static String asciiHost(String name) {
		if (name.isEmpty()) {
			return "";
		}
		boolean ascii = name.chars().allMatch(c -> c < 0x80);
		if (ascii) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!lower.contains("xn--")) {
				return lower;
			}
		}
		StringBuilder out = new StringBuilder();
		IDNA.Info info = new IDNA.Info();
		IDNA_ASCII.nameToASCII(name, out, info);
		return info.hasErrors() ? null : out.toString();
	}

	private static boolean isPort(String port) {
		if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		int value = Integer.parseInt(port);
		return value >= 1 && value <= 65_535;
	}

	private static int indexOfAny(String s, int from, String chars) {
		for (int i = from; i < s.length(); i++) {
			if (chars.indexOf(s.charAt(i)) >= 0) {
				return i;
			}
		}
		return s.length();
	}

}
