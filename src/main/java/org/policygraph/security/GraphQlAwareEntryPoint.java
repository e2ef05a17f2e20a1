package org.policygraph.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Answers a request the security filter refuses. On the GraphQL endpoint: a GraphQL error
 * classified {@code UNAUTHORIZED} (no or wrong credentials) or {@code FORBIDDEN} (a role
 * too weak), without a {@code WWW-Authenticate} challenge (see
 * {@link GraphQlErrorResponses}). Elsewhere (the pages and the exports when reads need a
 * login) the usual HTTP Basic challenge, which is how a browser user signs in to read
 * them.
 */
final class GraphQlAwareEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "policy-graph";

	private final RequestMatcher graphQl;

	private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

	private final AccessDeniedHandler denied = new AccessDeniedHandlerImpl();

	GraphQlAwareEntryPoint(RequestMatcher graphQl) {
		this.graphQl = graphQl;
		this.basic.setRealmName(REALM);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (!this.graphQl.matches(request)) {
			this.basic.commence(request, response, ex);
			return;
		}
		String message = (ex instanceof BadCredentialsException) ? "Wrong user name or password (HTTP Basic)."
				: "This request needs a login: send the reader's or the editor's credentials (HTTP Basic).";
		GraphQlErrorResponses.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", message, Map.of());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, jakarta.servlet.ServletException {
		if (!this.graphQl.matches(request)) {
			this.denied.handle(request, response, ex);
			return;
		}
		GraphQlErrorResponses.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN",
				"This account may not make this request.", Map.of());
	}

}
