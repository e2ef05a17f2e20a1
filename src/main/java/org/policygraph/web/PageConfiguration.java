package org.policygraph.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Maps the browser pages to short URLs: {@code /explore} and {@code /dashboard} forward to the
 * static pages {@code explore.html} and {@code dashboard.html}.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/explore").setViewName("forward:/explore.html");
		registry.addViewController("/dashboard").setViewName("forward:/dashboard.html");
	}

}
