package org.policygraph.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The {@code Content-Security-Policy} of every response. The pages load everything from
 * the application itself (webjars, {@code /js/}, {@code /header.css}); an inline
 * {@code <script>} or {@code <style>} runs only when its SHA-256 is listed. The hashes
 * are taken at start from the pages as packaged ({@code static/*.html},
 * {@code graphiql/index.html}): static files, never filled with data, so hashing them at
 * start allows exactly what was shipped and nothing injected later.
 * <p>
 * {@code connect-src} names {@code ws:} and {@code wss:} of the request's own host
 * besides {@code 'self'} (older browsers do not count web sockets as {@code 'self'}):
 * GraphiQL's subscriptions. Images and fonts may also be {@code data:} URLs (GraphiQL's
 * style sheet embeds its fonts). No page may be framed ({@code frame-ancestors 'none'}),
 * no plug-ins, no {@code <base>} elsewhere, forms post only here.
 */
final class ContentSecurityPolicy implements HeaderWriter {

	static final String HEADER = "Content-Security-Policy";

	/**
	 * The style element Cytoscape (the explorer's graph library) adds to the page once,
	 * with this fixed text, to position its container.
	 */
	static final String CYTOSCAPE_STYLE = ".__________cytoscape_container { position: relative; }";

	/**
	 * A host, an IPv4 address or a bracketed IPv6 address, with an optional port: nothing
	 * else is echoed.
	 */
	private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(?::\\d{1,5})?");

	private final String head;

	private final String tail;

	private ContentSecurityPolicy(Set<String> scriptHashes, Set<String> styleHashes) {
		this.head = "default-src 'self'; script-src 'self'" + sources(scriptHashes) + "; style-src 'self'"
				+ sources(styleHashes) + "; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";
		this.tail = "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}

	/**
	 * The policy with the hashes of the inline scripts and styles of the packaged pages.
	 */
	static ContentSecurityPolicy ofPackagedPages() {
		ResourcePatternResolver resources = new PathMatchingResourcePatternResolver(
				ContentSecurityPolicy.class.getClassLoader());
		Set<String> scripts = new LinkedHashSet<>();
		Set<String> styles = new LinkedHashSet<>();
		styles.add(hash(CYTOSCAPE_STYLE));
		try {
			for (String pattern : List.of("classpath*:static/**/*.html", "classpath*:graphiql/*.html")) {
				for (Resource page : resources.getResources(pattern)) {
					try (InputStream in = page.getInputStream()) {
						Document html = Jsoup.parse(in, StandardCharsets.UTF_8.name(), "");
						for (Element script : html.select("script:not([src])")) {
							scripts.add(hash(script.data()));
						}
						for (Element style : html.select("style")) {
							styles.add(hash(style.data()));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the pages to hash their inline scripts", ex);
		}
		return new ContentSecurityPolicy(scripts, styles);
	}

	/** The policy for one request. */
	String policy(HttpServletRequest request) {
		String host = request.getHeader("Host");
		String sockets = (host != null && HOST.matcher(host).matches()) ? " ws://" + host + " wss://" + host : "";
		return this.head + sockets + this.tail;
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, policy(request));
		}
	}

	/** {@code 'sha256-…'} of a script's or style's text. */
	static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sources(Set<String> hashes) {
		return hashes.isEmpty() ? "" : " " + String.join(" ", hashes);
	}

}
