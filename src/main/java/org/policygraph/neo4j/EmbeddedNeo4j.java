package org.policygraph.neo4j;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;


import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j 5 database running inside this JVM with a Bolt connector on a loopback address.
 * The application talks to it through the driver over Bolt, exactly as it talks to an external
 * server, so both modes share one code path.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private volatile DatabaseManagementService service;

	private final EmbeddedNeo4jProperties properties;

	private final Path home;

	private final URI boltUri;

	private EmbeddedNeo4j(DatabaseManagementService service, EmbeddedNeo4jProperties properties, Path home,
			URI boltUri) {
		this.service = service;
		this.properties = properties;
		this.home = home;
		this.boltUri = boltUri;
	}

	/**
	 * Starts the database in the configured directory.
	 * @param properties the embedded settings
	 * @return the running database
	 * @throws EmbeddedNeo4jStartException when the directory is in use by another process or
	 * cannot be written
	 */
	public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
		Path home = properties.dataDirectory().toAbsolutePath().normalize();
		Started started = startService(properties, home, properties.boltPort());
		return new EmbeddedNeo4j(started.service(), properties, home, started.boltUri());
	}

	/**
	 * Stops the database, runs work on its files (e.g. replacing the store with an imported one)
	 * and starts it again on the same Bolt address, whether the work succeeds or not. Clients
	 * connected over Bolt reconnect.
	 * @param work gets the data directory (Neo4j home) while no database is running
	 */
	public synchronized void whileStopped(Consumer<Path> work) {
		close();
		try {
			work.accept(this.home);
		}
		finally {
			this.service = startService(this.properties, this.home, this.boltUri.getPort()).service();
		}
	}

	private static Started startService(EmbeddedNeo4jProperties properties, Path home, int boltPort) {
		try {
			Files.createDirectories(home);
		}
		catch (IOException ex) {
			throw new EmbeddedNeo4jStartException(home, "the data directory cannot be created: " + ex.getMessage(), ex);
		}
		long started = System.nanoTime();
		DatabaseManagementService service;
		try {
			service = new DatabaseManagementServiceBuilder(home)
				.setConfig(BoltConnector.enabled, true)
				.setConfig(BoltConnector.listen_address,
						new SocketAddress(properties.boltAddress(), boltPort))
				.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
				.setConfig(GraphDatabaseSettings.auth_enabled, false)
				.setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCache().toBytes())
				.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
						properties.transactionMemory().toBytes())
				.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
				// The Bolt server shuts down after the databases, with no work left: Netty's quiet
				// period (5 s by default, waited twice) would only delay every stop (and the
				// restart around a bulk import) by that much.
				.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
				// The graph grows fast during an ingest; the application's statements are index
				// seeks whose best plan does not change with size, so replanning them often is waste.
				.setConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofMinutes(10))
				// Neo4j's in-JVM "local" Bolt channel is incompatible with the netty that Boot
				// manages; TCP Bolt on loopback is used instead.
				.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
				.build();
		}
		catch (RuntimeException ex) {
			throw EmbeddedNeo4jStartException.from(home, ex);
		}
		GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		try {
			if (!db.isAvailable(Duration.ofSeconds(60).toMillis())) {
				service.shutdown();
				throw new EmbeddedNeo4jStartException(home, "the database did not become available within 60 s", null);
			}
		}
		catch (RuntimeException ex) {
			service.shutdown();
			throw EmbeddedNeo4jStartException.from(home, ex);
		}
		var address = db.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		URI uri = URI.create("bolt://" + address.getHost() + ":" + address.getPort());
		log.info("Embedded Neo4j started in {} ms: data in {}, Bolt at {}",
				Duration.ofNanos(System.nanoTime() - started).toMillis(), home, uri);
		return new Started(service, uri);
	}

	private record Started(DatabaseManagementService service, URI boltUri) {
	}

	/**
	 * @return the Bolt URI the driver connects to
	 */
	public URI boltUri() {
		return this.boltUri;
	}

	/**
	 * @return the absolute data directory
	 */
	public Path home() {
		return this.home;
	}

	@Override
	public void close() {
		long started = System.nanoTime();
		this.service.shutdown();
		log.info("Embedded Neo4j stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

}
