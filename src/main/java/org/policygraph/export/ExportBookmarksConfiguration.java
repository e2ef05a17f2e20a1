package org.policygraph.export;

import java.util.Collections;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.neo4j.GraphBookmarks;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Downloads honour the {@code Neo4j-Bookmarks} request header like GraphQL requests do: before
 * the export is looked up, the database must have reached the bookmarks (see
 * {@link GraphBookmarks#await}); otherwise the answer is a problem detail (400 for bookmarks the
 * database does not accept, 503 when the write is not yet visible or the database is down).
 */
@Configuration(proxyBeanMethods = false)
class ExportBookmarksConfiguration implements WebMvcConfigurer {

	private static final String SOURCE = "the " + GraphBookmarks.HEADER + " header";

	private final GraphBookmarks bookmarks;

	ExportBookmarksConfiguration(GraphBookmarks bookmarks) {
		this.bookmarks = bookmarks;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				var values = Collections.list(request.getHeaders(GraphBookmarks.HEADER));
				ExportBookmarksConfiguration.this.bookmarks.await(GraphBookmarks.parse(values, SOURCE), SOURCE);
				return true;
			}
		}).addPathPatterns("/export/**");
	}

}
