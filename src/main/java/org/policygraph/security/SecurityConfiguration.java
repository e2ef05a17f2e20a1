package org.policygraph.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * HTTP security: stateless HTTP Basic, no sessions or CSRF tokens (the API takes no cookies).
 * Refusals on the GraphQL endpoint are GraphQL errors without a login challenge
 * ({@link GraphQlAwareEntryPoint}).
 * Mutations check the {@code EDITOR} role in their controllers; reads are open unless
 * {@code policygraph.security.reads-require-login} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String EDITOR = "EDITOR";

	static final String READER = "READER";

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) throws Exception {
		GraphQlAwareEntryPoint refusals = new GraphQlAwareEntryPoint(
				PathPatternRequestMatcher.withDefaults().matcher(graphQlPath));
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.realmName(GraphQlAwareEntryPoint.REALM).authenticationEntryPoint(refusals))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll();
				if (properties.readsRequireLogin()) {
					requests.anyRequest().hasAnyRole(READER, EDITOR);
				}
				else {
					requests.anyRequest().permitAll();
				}
			});
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(SecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		if (properties.editor().enabled()) {
			users.add(user(properties.editor(), EDITOR, READER));
		}
		else {
			log.info("No editor password configured (POLICYGRAPH_SECURITY_EDITOR_PASSWORD): "
					+ "mutations such as ingestArticles are refused");
		}
		if (properties.reader().enabled()) {
			users.add(user(properties.reader(), READER));
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static UserDetails user(SecurityProperties.Account account, String... roles) {
		String password = account.password().startsWith("{") ? account.password() : "{noop}" + account.password();
		return User.withUsername(account.username()).password(password).roles(roles).build();
	}

}
