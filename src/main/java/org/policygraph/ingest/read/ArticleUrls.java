package org.policygraph.ingest.read;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.IDNA;

/**
 * The identity form of an article URL (RFC 3986 section 6.2.2-6.2.3, the parts that
 * cannot change which page is meant): scheme and host in lower case, an internationalised
 * host in its ASCII (Punycode) form by UTS #46, the default port (80 for http, 443 for
 * https) dropped, an empty path written {@code /}, the fragment dropped. Path and query
 * stay as they were sent, byte for byte: servers may tell their case, order and escapes
 * apart.
 * <p>
 * A URL with a user name or password ({@code https://user:secret@host/...}) is refused:
 * it would store a credential in the graph and show it in every answer and export, and
 * the same page would get a second identity.
 * <p>
 * Readers also {@linkplain #resolve resolve} the addresses a page or feed gives (relative
 * and protocol-relative ones against the page's own address) and {@linkplain #clean
 * clean} them of the fragment and of the parameters that only track a visit:
 * {@code utm_*}, {@code fbclid}, {@code gclid}, {@code dclid}, {@code zarsrc},
 * {@code gidzl}, {@code _ga}, {@code mc_cid}, {@code mc_eid}, and the portlet state of
 * Liferay portals ({@code p_p_*}, {@code _NNN_INSTANCE_*}); every other parameter is kept
 * as written ({@code ChiTietTin.aspx?ID=4100&CatID=12} names the article).
 */
public final class ArticleUrls {

	private static final IDNA IDNA_ASCII = IDNA
		.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.USE_STD3_RULES);

	private static final Pattern TRACKING = Pattern.compile(
			"(?i)(utm_[a-z0-9_]*|fbclid|gclid|dclid|zarsrc|gidzl|_ga|mc_cid|mc_eid|p_p_[a-z_]*|_\\d+_INSTANCE_.*)");

	private ArticleUrls() {
	}

	/**
	 * The outcome of {@link #normalize}: a URL or why there is none.
	 *
	 * @param url the identity form, or {@code null} when refused
	 * @param problem why the URL is refused (never repeating a user name or password), or
	 * {@code null}
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
			return new Normalized(null,
					"url has a user name or password before its host (scheme://user:password@host); "
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

	/**
	 * A host name in lower-case ASCII, international names in Punycode; {@code null} if
	 * invalid.
	 */
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

	/**
	 * {@code value} resolved against {@code base} (when it is relative and a base is
	 * known) and {@linkplain #clean(String) cleaned}; {@code null} when it is blank or
	 * does not become an absolute http(s) URL.
	 */
	static String resolve(String value, String base) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (!ArticleValidator.isHttpUrl(v)) {
			if (base == null && v.startsWith("//")) {
				base = "https:";
			}
			if (base == null) {
				return null;
			}
			try {
				v = new URI(base).resolve(new URI(v.replace(" ", "%20"))).toString();
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				return null;
			}
		}
		return ArticleValidator.isHttpUrl(v) ? clean(v) : null;
	}

	/** {@code url} without its fragment and tracking parameters. */
	static String clean(String url) {
		if (url == null) {
			return null;
		}
		String s = url.strip();
		int hash = s.indexOf('#');
		if (hash >= 0) {
			s = s.substring(0, hash);
		}
		int question = s.indexOf('?');
		if (question < 0) {
			return s;
		}
		StringBuilder kept = new StringBuilder();
		for (String parameter : s.substring(question + 1).split("&")) {
			if (parameter.isEmpty()) {
				continue;
			}
			int equals = parameter.indexOf('=');
			String name = equals < 0 ? parameter : parameter.substring(0, equals);
			if (TRACKING.matcher(name).matches()) {
				continue;
			}
			kept.append(kept.length() == 0 ? "" : "&").append(parameter);
		}
		return kept.length() == 0 ? s.substring(0, question) : s.substring(0, question + 1) + kept;
	}

	/** Whether {@code value} is an absolute http(s) URL (any case of the scheme). */
	static boolean isAbsolute(String value) {
		return value != null && ArticleValidator.isHttpUrl(value.strip())
				&& value.strip().toLowerCase(Locale.ROOT).startsWith("http");
	}

}
