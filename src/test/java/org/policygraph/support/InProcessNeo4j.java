package org.policygraph.support;

import java.net.URI;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One in-process Neo4j (neo4j-harness) per test JVM, reached over Bolt like any external
 * server. Started on first use and stopped when the JVM exits.
 */
public final class InProcessNeo4j {

	private static Neo4j instance;

	private InProcessNeo4j() {
	}

	/**
	 * @return the running database, started on first call
	 */
	public static synchronized Neo4j get() {
		if (instance == null) {
			instance = Neo4jBuilders.newInProcessBuilder()
				.withDisabledServer()
				.withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
				// Like the compose deployment: a transaction waiting for a bookmark gives
				// up as
				// soon as the application does (BookmarksIT), not 30 s later.
				.withConfig(GraphDatabaseSettings.bookmark_ready_timeout, java.time.Duration.ofSeconds(2))
				.build();
			Neo4j started = instance;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "neo4j-harness-shutdown"));
		}
		return instance;
	}

	/**
	 * @return the Bolt URI of the running database
	 */
	public static URI boltUri() {
		return get().boltURI();
	}

	/**
	 * @return a new driver to the database; close it after use
	 */
	public static Driver driver() {
		return GraphDatabase.driver(boltUri(), AuthTokens.none());
	}

}
