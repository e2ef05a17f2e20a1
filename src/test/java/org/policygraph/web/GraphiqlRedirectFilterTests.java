package org.policygraph.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redirect that adds the GraphQL endpoints to a GraphiQL address keeps the address's
 * own parameters as they came, so that a shared operation opens unchanged.
 */
class GraphiqlRedirectFilterTests {

	@Test
	void shouldAddTheEndpointsAndKeepASharedQueryEncodedOnce() throws Exception {
		MockHttpServletResponse response = get("", "/graphiql",
				"query=%7B%20about%20%7B%20articleCount%20%7D%20%7D&variables=%7B%7D");

		assertThat(response.getStatus()).isEqualTo(307);
		assertThat(response.getHeader("Location")).isEqualTo(
				"/graphiql?query=%7B%20about%20%7B%20articleCount%20%7D%20%7D&variables=%7B%7D&path=/graphql&wsPath=/graphql");
	}

	@Test
	void shouldKeepCharactersABrowserSendsUnencoded() throws Exception {
		MockHttpServletResponse response = get("", "/graphiql", "query={about{articleCount}}");

		assertThat(response.getHeader("Location"))
			.isEqualTo("/graphiql?query={about{articleCount}}&path=/graphql&wsPath=/graphql");
	}

	@Test
	void shouldPrefixTheContextPathAndLeaveOutAMissingWebSocketPath() throws Exception {
		GraphQlProperties properties = properties();
		properties.getWebsocket().setPath(null);
		MockHttpServletResponse response = get(properties, "/policy", "/policy/graphiql", null);

		assertThat(response.getHeader("Location")).isEqualTo("/policy/graphiql?path=/policy/graphql");
	}

	@Test
	void shouldPassOnTheAddressesItDoesNotRedirect() throws Exception {
		assertThat(get("", "/graphiql", "path=/graphql&wsPath=/graphql&query=x").getStatus()).isEqualTo(200);
		assertThat(get("", "/graphiql.css", null).getStatus()).isEqualTo(200);
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/graphiql");
		MockHttpServletResponse response = new MockHttpServletResponse();
		new GraphiqlRedirectFilter(properties()).doFilter(post, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(200);
	}

	private static MockHttpServletResponse get(String context, String uri, String query) throws Exception {
		return get(properties(), context, uri, query);
	}

	private static MockHttpServletResponse get(GraphQlProperties properties, String context, String uri, String query)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setContextPath(context);
		if (query != null) {
			request.setQueryString(query);
			for (String pair : query.split("&")) {
				String[] parts = pair.split("=", 2);
				request.addParameter(parts[0], parts.length > 1 ? parts[1] : "");
			}
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		new GraphiqlRedirectFilter(properties).doFilter(request, response, new MockFilterChain());
		return response;
	}

	private static GraphQlProperties properties() {
		GraphQlProperties properties = new GraphQlProperties();
		properties.getHttp().setPath("/graphql");
		properties.getGraphiql().setPath("/graphiql");
		properties.getWebsocket().setPath("/graphql");
		return properties;
	}

}
