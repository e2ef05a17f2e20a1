package org.policygraph.neo4j;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What happens to the database at start-up.
 *
 * @param migrations where the schema migrations are read from
 * @param database the Neo4j database name, or empty for the server's default
 * @param retryInterval how often to try again when the database is unavailable at
 * start-up
 */
@ConfigurationProperties("policygraph.init")
public record GraphInitializationProperties(String migrations, String database, Duration retryInterval) {

	public GraphInitializationProperties {
		migrations = (migrations != null) ? migrations : "classpath*:cypher/migrations/*.cypher";
		database = (database != null) ? database : "";
		retryInterval = (retryInterval != null) ? retryInterval : Duration.ofSeconds(10);
	}

}
