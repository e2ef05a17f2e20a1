package org.policygraph.neo4j;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded Neo4j, used when no external database URI is configured.
 *
 * @param enabled whether the embedded database may start (it never starts when
 * {@code spring.neo4j.uri} or {@code NEO4J_URI} is set)
 * @param dataDirectory where the database files live; survives restarts
 * @param boltAddress the loopback address Bolt listens on
 * @param boltPort the Bolt port ({@code 0} picks a free port); the {@code ingest}
 * command's database always takes a free port of its own
 * @param pageCache memory for Neo4j's page cache
 * @param transactionMemory the maximum memory of all transactions together ({@code 0}
 * means unlimited)
 */
@ConfigurationProperties("policygraph.neo4j.embedded")
public record EmbeddedNeo4jProperties(boolean enabled, Path dataDirectory, String boltAddress, int boltPort,
		DataSize pageCache, DataSize transactionMemory) {

	public EmbeddedNeo4jProperties {
		dataDirectory = (dataDirectory != null) ? dataDirectory : Path.of("data");
		boltAddress = (boltAddress != null) ? boltAddress : "127.0.0.1";
		pageCache = (pageCache != null) ? pageCache : DataSize.ofMegabytes(256);
		transactionMemory = (transactionMemory != null) ? transactionMemory : DataSize.ofBytes(0);
	}

}
