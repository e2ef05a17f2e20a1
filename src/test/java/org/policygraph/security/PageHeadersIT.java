package org.policygraph.security;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, script, style sheet and API answer carries a Content-Security-Policy that
 * allows only this origin (and the pages' own inline code by hash), plus the other
 * browser hardening headers. That the pages still run under it is shown by the browser
 * tests in {@code org.policygraph.web}, which fail on any console error (a refused script
 * or style is one).
 */
class PageHeadersIT extends HarnessIntegrationTests {

	private static final List<String> PATHS = List.of("/graphiql?path=/graphql", "/dashboard", "/explore",
			"/dashboard.html", "/explore.html", "/js/api.js", "/header.css", "/graphiql-examples.js",
			"/webjars/graphiql/2.4.7/graphiql.min.js", "/graphql?query=%7Babout%7Bname%7D%7D", "/actuator/health");

	@LocalServerPort
	private int port;

	@Test
	void shouldSendTheHardeningHeadersEverywhere() throws Exception {
		RawHttp http = new RawHttp(this.port);
		for (String path : PATHS) {
			RawHttp.Answer answer = http.get(path, null, null);
			String csp = answer.header("Content-Security-Policy");
			assertThat(csp).as(path).isNotNull();
			assertThat(csp).as(path)
				.contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
						"connect-src 'self' ws://localhost:" + this.port + " wss://localhost:" + this.port)
				.doesNotContain("unsafe-inline", "unsafe-eval", "*");
			assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
		}
	}

	@Test
	void shouldAllowTheGraphiqlPagesOwnInlineScriptAndStyleByHash() throws Exception {
		RawHttp.Answer page = new RawHttp(this.port).get("/graphiql?path=/graphql", null, null);
		assertThat(page.status()).isEqualTo(200);
		String csp = page.header("Content-Security-Policy");
		String scriptSources = directive(csp, "script-src");
		String styleSources = directive(csp, "style-src");

		// The page keeps its code in files; whatever inline code it may carry is allowed
		// by its
		// hash alone, never by 'unsafe-inline'.
		assertThat(scriptSources).doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'");
		assertThat(styleSources).doesNotContain("'unsafe-inline'");
		var html = Jsoup.parse(page.body());
		assertThat(html.select("script[src]")).isNotEmpty();
		List<Element> scripts = html.select("script:not([src])");
		for (Element script : scripts) {
			assertThat(scriptSources).contains(ContentSecurityPolicy.hash(script.data()));
		}
		for (Element style : html.select("style")) {
			assertThat(styleSources).contains(ContentSecurityPolicy.hash(style.data()));
		}
		assertThat(scriptSources).doesNotContain(ContentSecurityPolicy.hash("alert(1)"));
	}

	private static String directive(String csp, String name) {
		for (String directive : csp.split(";")) {
			if (directive.strip().startsWith(name + " ")) {
				return directive.strip();
			}
		}
		throw new AssertionError("no " + name + " in " + csp);
	}

}
