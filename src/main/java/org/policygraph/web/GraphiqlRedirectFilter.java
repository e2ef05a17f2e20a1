package org.policygraph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Sends {@code GET /graphiql} without a {@code path} parameter on to the same address
 * with the GraphQL endpoints added ({@code path}, and {@code wsPath} for subscriptions),
 * keeping the request's own parameters exactly as they came.
 * <p>
 * Spring for GraphQL's GraphiQL handler does the same redirect, but encodes the query
 * string a second time: a shared link {@code /graphiql?query=%7B%20about%20%7D} arrived
 * in the editor as {@code %7B%20about%20%7D}. Requests with {@code path} still reach that
 * handler, which serves the page ({@code graphiql/index.html}).
 */
@Component
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class GraphiqlRedirectFilter extends OncePerRequestFilter {

	private final String page;

	private final String httpPath;

	private final String wsPath;

	GraphiqlRedirectFilter(GraphQlProperties properties) {
		this.page = properties.getGraphiql().getPath();
		this.httpPath = properties.getHttp().getPath();
		this.wsPath = properties.getWebsocket().getPath();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.GET.matches(request.getMethod())
				|| !request.getRequestURI().equals(request.getContextPath() + this.page)
				|| request.getParameter("path") != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String context = request.getContextPath();
		StringBuilder location = new StringBuilder(context).append(this.page).append('?');
		String query = request.getQueryString();
		if (StringUtils.hasLength(query)) {
			location.append(query).append('&');
		}
		location.append("path=").append(UriUtils.encodeQueryParam(context + this.httpPath, StandardCharsets.UTF_8));
		if (StringUtils.hasText(this.wsPath)) {
			location.append("&wsPath=")
				.append(UriUtils.encodeQueryParam(context + this.wsPath, StandardCharsets.UTF_8));
		}
		response.setStatus(HttpStatus.TEMPORARY_REDIRECT.value());
		response.setHeader(HttpHeaders.LOCATION, location.toString());
	}

}
