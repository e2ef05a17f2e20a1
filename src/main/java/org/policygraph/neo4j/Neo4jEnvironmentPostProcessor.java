package org.policygraph.neo4j;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Accepts the conventional {@code NEO4J_URI}, {@code NEO4J_USERNAME} and
 * {@code NEO4J_PASSWORD} environment variables as aliases of Spring's
 * {@code spring.neo4j.*} properties. Explicit {@code spring.neo4j.*} settings win.
 */
class Neo4jEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "policygraphNeo4jEnvironment";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> aliases = new HashMap<>();
		alias(environment, "NEO4J_URI", "spring.neo4j.uri", aliases);
		alias(environment, "NEO4J_USERNAME", "spring.neo4j.authentication.username", aliases);
		alias(environment, "NEO4J_PASSWORD", "spring.neo4j.authentication.password", aliases);
		if (!aliases.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, aliases));
		}
	}

	private static void alias(ConfigurableEnvironment environment, String variable, String property,
			Map<String, Object> aliases) {
		String value = environment.getProperty(variable);
		if (StringUtils.hasText(value) && !environment.containsProperty(property)) {
			aliases.put(property, value);
		}
	}

}
