package org.policygraph.neo4j;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the database: the embedded instance and its connection details when no external URI is
 * configured; otherwise Spring Boot's own {@code spring.neo4j.*} connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ EmbeddedNeo4jProperties.class, GraphInitializationProperties.class })
class Neo4jConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnEmbeddedNeo4jCondition.class)
	@ConditionalOnMissingBean(Neo4jConnectionDetails.class)
	static class EmbeddedDatabaseConfiguration {

		@Bean(destroyMethod = "close")
		EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties) {
			return EmbeddedNeo4j.start(properties);
		}

		@Bean
		Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j embeddedNeo4j) {
			return new Neo4jConnectionDetails() {

				@Override
				public URI getUri() {
					return embeddedNeo4j.boltUri();
				}

				@Override
				public AuthToken getAuthToken() {
					return AuthTokens.none();
				}

			};
		}

	}

}
