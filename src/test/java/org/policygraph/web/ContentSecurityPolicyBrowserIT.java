package org.policygraph.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages under the application's Content-Security-Policy in Chromium: their scripts
 * run and the browser refuses nothing of theirs, while an inline script injected into a
 * page is refused. This test looks only for the browser's policy messages, so that a slow
 * server (which the pages' own tests wait for) does not hide what it checks.
 */
class ContentSecurityPolicyBrowserIT extends BrowserTests {

	private static final String POLICY = "Content Security Policy";

	@Test
	void shouldRunGraphiqlWithNothingRefused() {
		open("/graphiql?path=/graphql");
		waitFor(".graphiql-container");

		assertThat(policyMessages()).isEmpty();
	}

	@Test
	void shouldRunTheDashboardWithNothingRefused() {
		open("/dashboard");
		this.browser.waiting()
			.withMessage("the dashboard's script to set its status")
			.until(driver -> !textOf("#document-status").isBlank());

		assertThat(policyMessages()).isEmpty();
	}

	@Test
	void shouldRunTheExplorerAndCytoscapeWithNothingRefused() {
		open("/explore");
		waitFor("canvas");

		assertThat(policyMessages()).isEmpty();
		String position = this.browser.script("""
				return getComputedStyle(document.querySelector('.__________cytoscape_container')).position;""");
		assertThat(position).as("Cytoscape's own style element applied").isEqualTo("relative");
	}

	@Test
	void shouldRefuseAnInjectedInlineScript() {
		open("/dashboard");
		policyMessages();
		this.browser.script("""
				const s = document.createElement('script');
				s.textContent = 'window.injected = true;';
				document.body.appendChild(s);
				return null;""");

		Boolean injected = this.browser.script("return window.injected === true;");
		assertThat(injected).isFalse();
		assertThat(policyMessages()).anySatisfy(m -> assertThat(m).contains("script-src"));
	}

	private List<String> policyMessages() {
		return this.browser.consoleErrors().stream().filter(m -> m.contains(POLICY)).toList();
	}

}
