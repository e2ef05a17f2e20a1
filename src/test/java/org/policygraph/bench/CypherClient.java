package org.policygraph.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.policygraph.neo4j.EmbeddedNeo4jPassword;

/**
 * Runs hand-written Cypher over Bolt with the Neo4j Java driver: the floor each GraphQL
 * operation is measured against, and the look-ups that choose realistic parameters.
 */
final class CypherClient implements AutoCloseable {

	private final Driver driver;

	/**
	 * @param uri the server's Bolt address (the embedded database listens on loopback)
	 * @param dataDirectory the embedded database's data directory, which holds its
	 * password
	 */
	CypherClient(URI uri, Path dataDirectory) {
		this.driver = GraphDatabase.driver(uri,
				AuthTokens.basic(EmbeddedNeo4jPassword.USER, EmbeddedNeo4jPassword.read(dataDirectory)),
				Config.builder()
					.withMaxConnectionPoolSize(256)
					.withoutEncryption()
					.withLogging(Logging.none())
					.build());
		this.driver.verifyConnectivity();
	}

	/**
	 * @param uri a server's Bolt address that needs no authentication (a test's
	 * in-process database)
	 */
	CypherClient(URI uri) {
		this.driver = GraphDatabase.driver(uri, AuthTokens.none(),
				Config.builder().withoutEncryption().withLogging(Logging.none()).build());
		this.driver.verifyConnectivity();
	}

	/**
	 * @param cypher a statement returning one row with a column {@code data}
	 * @param parameters its parameters
	 * @return the value of {@code data} as plain Java maps and lists
	 */
	Object data(String cypher, Map<String, Object> parameters) {
		List<Record> records = rows(cypher, parameters);
		if (records.size() != 1) {
			throw new GraphQlClient.BenchException("expected one row, got " + records.size());
		}
		return records.get(0).get("data").asObject();
	}

	/**
	 * @param cypher a read statement
	 * @param parameters its parameters
	 * @return every row, fetched eagerly in one read transaction
	 */
	List<Record> rows(String cypher, Map<String, Object> parameters) {
		return this.driver.executableQuery(cypher)
			.withParameters(parameters)
			.withConfig(QueryConfig.builder().withRouting(RoutingControl.READ).build())
			.execute()
			.records();
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
