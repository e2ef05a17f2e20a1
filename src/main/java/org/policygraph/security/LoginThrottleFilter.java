package org.policygraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of HTTP Basic: a request with credentials from a
 * client or for a user name that failed too often is answered 429 with
 * {@code Retry-After} before its password is checked (on the GraphQL endpoint as a
 * GraphQL error, classification {@code UNAUTHORIZED}, reason
 * {@code TOO_MANY_FAILED_LOGINS}, with {@code retryAfterSeconds}). Failures and successes
 * are counted by the throttle from Spring Security's authentication events. Requests
 * without credentials pass: anonymous reads are not logins.
 * <p>
 * The client address is the connection's ({@code getRemoteAddr()}); behind a reverse
 * proxy set {@code server.forward-headers-strategy} so that it is the client's, not the
 * proxy's.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private static final String BASIC = "Basic ";

	private final LoginThrottle throttle;

	private final RequestMatcher graphQl;

	LoginThrottleFilter(LoginThrottle throttle, RequestMatcher graphQl) {
		this.throttle = throttle;
		this.graphQl = graphQl;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String name = basicUserName(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (name != null) {
			Duration wait = this.throttle.retryAfter(request.getRemoteAddr(), name);
			if (!wait.isZero()) {
				refuse(request, response, wait);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
		long seconds = Math.max(1, wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		String message = "Too many failed logins: try again in " + seconds + " s.";
		if (this.graphQl.matches(request)) {
			GraphQlErrorResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS,
					"UNAUTHORIZED", message, Map.of("reason", "TOO_MANY_FAILED_LOGINS", "retryAfterSeconds", seconds));
		}
		else {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	/** The user name of an HTTP Basic {@code Authorization} header, or null. */
	static String basicUserName(String header) {
		if (header == null || header.length() <= BASIC.length()
				|| !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
