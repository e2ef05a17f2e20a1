package org.policygraph.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of the pages and their assets (Spring Security's {@code no-store} default
 * stays on everything else: {@code /graphql}, exports, the actuator):
 * <ul>
 * <li>{@code /webjars/…}: the paths carry the library's version (and a version's files
 * never change), so they may be kept a year without asking again:
 * {@code Cache-Control: public, max-age=31536000, immutable}.</li>
 * <li>The pages and the application's own scripts, style sheets and data files, whose
 * paths do not change with a new release: {@code Cache-Control: no-cache} with an
 * {@code ETag} of the content, so a browser asks each time and gets
 * {@code 304 Not Modified} without the body when nothing changed. The tags are weak
 * ({@code W/"…"}): the servlet container does not compress a response with a strong tag,
 * and a compressed body is not byte-equal to the plain one anyway.</li>
 * <li>Queries over {@code GET /graphql}: {@code Cache-Control: no-cache} with an
 * {@code ETag} of the answer, so a browser or a proxy may keep an answer and a dashboard
 * polling the same query gets {@code 304 Not Modified} without the body while the answer
 * is unchanged (the query still runs: the tag is the answer's own). Requests with
 * credentials are not stored by shared caches (HTTP's rule for {@code Authorization});
 * {@code POST /graphql} keeps {@code no-store}.</li>
 * </ul>
 * Runs before Spring Security, which leaves a {@code Cache-Control} set here alone. It
 * also runs on the asynchronous dispatch that completes a GraphQL answer, where the tag
 * is computed.
 */
class HttpCachingFilter extends OncePerRequestFilter {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String REVALIDATE = "no-cache";

	private final ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();

	HttpCachingFilter() {
		this.etags.setWriteWeakETag(true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/webjars/")) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
			chain.doFilter(request, response);
		}
		else if (isPageOrAsset(path) || path.equals("/graphql")) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
			this.etags.doFilter(request, response, chain);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	/**
	 * The pages and the static files next to them; not the API, exports or the actuator.
	 */
	static boolean isPageOrAsset(String path) {
		return path.equals("/") || path.equals("/graphiql") || path.equals("/dashboard") || path.equals("/explore")
				|| path.startsWith("/js/") || path.endsWith(".js") || path.endsWith(".html") || path.endsWith(".css");
	}

}
