package org.policygraph.neo4j;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What happens to the database at start-up.
 *
 * @param migrations where the schema migrations are read from
 * @param database the Neo4j database name, or empty for the server's default
 */
@ConfigurationProperties("policygraph.init")
public record GraphInitializationProperties(String migrations, String database) {

	public GraphInitializationProperties {
		migrations = (migrations != null) ? migrations : "classpath*:cypher/migrations/*.cypher";
		database = (database != null) ? database : "";
	}

}
