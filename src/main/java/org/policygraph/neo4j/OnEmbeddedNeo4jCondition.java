package org.policygraph.neo4j;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the embedded database should run: it is enabled and no external URI is
 * set.
 */
class OnEmbeddedNeo4jCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment env = context.getEnvironment();
		if (!env.getProperty("policygraph.neo4j.embedded.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("policygraph.neo4j.embedded.enabled is false");
		}
		String uri = env.getProperty("spring.neo4j.uri");
		if (StringUtils.hasText(uri)) {
			return ConditionOutcome.noMatch("an external Neo4j is configured: " + uri);
		}
		return ConditionOutcome.match("no external Neo4j URI configured");
	}

}
