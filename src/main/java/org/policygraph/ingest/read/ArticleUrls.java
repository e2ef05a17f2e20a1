package org.policygraph.ingest.read;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An article's address as an identity: relative and protocol-relative addresses resolved against the page's own
 * absolute address, the fragment and the parameters that only track a visit dropped.
 *
 * <p>Dropped parameters: {@code utm_*}, {@code fbclid}, {@code gclid}, {@code dclid}, {@code zarsrc},
 * {@code gidzl}, {@code _ga}, {@code mc_cid}, {@code mc_eid}, and the portlet state of Liferay portals
 * ({@code p_p_*}, {@code _NNN_INSTANCE_*}); every other parameter is kept as written
 * ({@code ChiTietTin.aspx?ID=4100&CatID=12} names the article).
 */
final class ArticleUrls {

	private static final Pattern TRACKING = Pattern.compile(
			"(?i)(utm_[a-z0-9_]*|fbclid|gclid|dclid|zarsrc|gidzl|_ga|mc_cid|mc_eid|p_p_[a-z_]*|_\\d+_INSTANCE_.*)");

	private ArticleUrls() {
	}

	/**
	 * {@code value} resolved against {@code base} (when it is relative and a base is known) and
	 * {@linkplain #clean(String) cleaned}; {@code null} when it is blank or does not become an absolute http(s) URL.
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
