package org.policygraph.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy's web-socket sources come from the request's {@code Host}, never more than a
 * host.
 */
class ContentSecurityPolicyTests {

	private final ContentSecurityPolicy policy = ContentSecurityPolicy.ofPackagedPages();

	@Test
	void shouldAllowWebSocketsToTheRequestsOwnHost() {
		assertThat(this.policy.policy(request("graph.example.org:8080")))
			.contains("connect-src 'self' ws://graph.example.org:8080 wss://graph.example.org:8080;");
		assertThat(this.policy.policy(request("[::1]:8080"))).contains("ws://[::1]:8080 wss://[::1]:8080;");
	}

	@Test
	void shouldNotEchoAForgedHost() {
		String csp = this.policy.policy(request("evil.example; script-src *"));

		assertThat(csp).doesNotContain("evil").doesNotContain("script-src *").contains("connect-src 'self';");
	}

	@Test
	void shouldHashTheInlineStyleCytoscapeAdds() {
		assertThat(this.policy.policy(request("localhost")))
			.contains(ContentSecurityPolicy.hash(ContentSecurityPolicy.CYTOSCAPE_STYLE));
	}

	private static MockHttpServletRequest request(String host) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dashboard");
		request.addHeader("Host", host);
		return request;
	}

}
