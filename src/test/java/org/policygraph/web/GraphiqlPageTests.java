package org.policygraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphiQL page loads only files of its own server, all of which exist on the
 * classpath (the webjar versions it names are the ones the build packs), and has no
 * inline script or event handler, so that a Content-Security-Policy with
 * {@code script-src 'self'} allows it.
 */
class GraphiqlPageTests {

	@Test
	void everyScriptAndStyleShouldBeAFileOfThisServerThatExists() throws IOException {
		Document page = page();
		List<String> sources = page.select("script[src], link[rel=stylesheet]")
			.stream()
			.map(element -> element.hasAttr("src") ? element.attr("src") : element.attr("href"))
			.toList();
		assertThat(sources).contains("/webjars/graphiql/2.4.7/graphiql.min.js", "/js/graphiql.js",
				"/graphiql-examples.js", "/graphiql-page.css");
		for (String source : sources) {
			assertThat(source).as("served by the application").startsWith("/").doesNotStartWith("//");
			String resource = source.startsWith("/webjars/") ? "META-INF/resources" + source : "static" + source;
			assertThat(getClass().getClassLoader().getResource(resource)).as(resource + " on the classpath")
				.isNotNull();
		}
	}

	@Test
	void thePageShouldHaveNoInlineScriptsOrHandlers() throws IOException {
		Document page = page();
		for (Element script : page.select("script")) {
			assertThat(script.hasAttr("src")).as("script without src: " + script).isTrue();
			assertThat(script.data()).isBlank();
		}
		for (Element element : page.getAllElements()) {
			assertThat(element.attributes().asList()).as("inline handlers or styles on <" + element.tagName() + ">")
				.noneMatch(attribute -> attribute.getKey().startsWith("on") || attribute.getKey().equals("style"));
		}
		assertThat(page.select("style")).isEmpty();
	}

	private Document page() throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("graphiql/index.html")) {
			assertThat(in).isNotNull();
			return Jsoup.parse(in, StandardCharsets.UTF_8.name(), "");
		}
	}

}
