package org.policygraph.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * HTTP security: stateless HTTP Basic, no sessions or CSRF tokens (the API takes no
 * cookies). Refusals on the GraphQL endpoint are GraphQL errors without a login challenge
 * ({@link GraphQlAwareEntryPoint}); failed logins are throttled ({@link LoginThrottle});
 * every response carries a {@link ContentSecurityPolicy},
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and
 * {@code Referrer-Policy: same-origin}. Mutations check the {@code EDITOR} role in their
 * controllers; reads are open unless {@code policygraph.security.reads-require-login} is
 * set.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String EDITOR = "EDITOR";

	static final String READER = "READER";

	private static final String BCRYPT_ID = "{bcrypt}";

	private static final String NOOP_ID = "{noop}";

	/** What Spring Security's delegating encoder would read as an encoding id. */
	private static final Pattern ENCODING_ID = Pattern.compile("\\{[A-Za-z0-9@_.-]+}");

	private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, LoginThrottle throttle,
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) throws Exception {
		RequestMatcher graphQl = PathPatternRequestMatcher.withDefaults().matcher(graphQlPath);
		GraphQlAwareEntryPoint refusals = new GraphQlAwareEntryPoint(graphQl);
		http.csrf(csrf -> csrf.disable())
			.addFilterBefore(new LoginThrottleFilter(throttle, graphQl), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.realmName(GraphQlAwareEntryPoint.REALM).authenticationEntryPoint(refusals))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(ContentSecurityPolicy.ofPackagedPages()))
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
	LoginThrottle loginThrottle(SecurityProperties properties) {
		SecurityProperties.LoginThrottleSettings settings = properties.loginThrottle();
		return new LoginThrottle(settings.maxFailures(), settings.window(), settings.maxKeys(), Clock.systemUTC());
	}

	/**
	 * Checks {@code {bcrypt}} hashes (and the other ids of Spring Security's delegating
	 * encoder a stored hash might carry); new hashes are bcrypt.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(SecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		if (properties.editor().enabled()) {
			users.add(user(properties.editor(), "editor", EDITOR, READER));
		}
		else {
			log.info("No editor password configured (POLICYGRAPH_SECURITY_EDITOR_PASSWORD): "
					+ "mutations such as ingestArticles are refused");
		}
		if (properties.reader().enabled()) {
			users.add(user(properties.reader(), "reader", READER));
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static UserDetails user(SecurityProperties.Account account, String which, String... roles) {
		return User.withUsername(account.username()).password(hashed(account.password(), which)).roles(roles).build();
	}

	/**
	 * The password as kept in memory: a {@code {bcrypt}} hash as given; a plain password
	 * (or one marked {@code {noop}}) hashed with bcrypt here, so that no plain password
	 * stays in the user store. Any other {@code {id}} prefix is refused at start: a typo
	 * in a hash would otherwise become the password itself.
	 */
	static String hashed(String password, String which) {
		if (password.startsWith(BCRYPT_ID)) {
			if (!BCRYPT_HASH.matcher(password.substring(BCRYPT_ID.length())).matches()) {
				throw new IllegalStateException("The " + which + "'s {bcrypt} password is not a bcrypt hash "
						+ "($2a$, $2b$ or $2y$, cost, 53 characters); make one with: java -jar policy-graph.jar hash-password");
			}
			return password;
		}
		String plain = password;
		if (password.startsWith(NOOP_ID)) {
			plain = password.substring(NOOP_ID.length());
		}
		else if (ENCODING_ID.matcher(password).lookingAt()) {
			throw new IllegalStateException("The " + which + "'s password starts with an encoding id other than "
					+ "{bcrypt}: give a {bcrypt} hash (java -jar policy-graph.jar hash-password) or the plain password");
		}
		return BCRYPT_ID + BCRYPT.encode(plain);
	}

}
