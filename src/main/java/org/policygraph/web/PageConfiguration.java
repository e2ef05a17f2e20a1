package org.policygraph.web;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Maps the browser pages to short URLs: {@code /explore} and {@code /dashboard} serve the
 * static pages {@code explore.html} and {@code dashboard.html}.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration {

	/*
	 * Served directly rather than forwarded to the static file: a forwarded response is
	 * complete when the forward returns, before the ETag filter could tag it.
	 */
	@Bean
	RouterFunction<ServerResponse> pages() {
		return RouterFunctions.route()
			.GET("/explore", request -> page("static/explore.html"))
			.GET("/dashboard", request -> page("static/dashboard.html"))
			.build();
	}

	private static ServerResponse page(String location) {
		return ServerResponse.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(new ClassPathResource(location));
	}

	/**
	 * The pages' HTTP caching ({@link HttpCachingFilter}), before Spring Security's
	 * filters (which would mark every response {@code no-store}) and after the body
	 * limit.
	 */
	@Bean
	FilterRegistrationBean<HttpCachingFilter> httpCachingFilter() {
		FilterRegistrationBean<HttpCachingFilter> registration = new FilterRegistrationBean<>(new HttpCachingFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

}
