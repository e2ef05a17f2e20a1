package org.policygraph.neo4j;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j 5 database running inside this JVM with a Bolt connector on a loopback address.
 * The application talks to it through the driver over Bolt, exactly as it talks to an
 * external server, so both modes share one code path.
 * <p>
 * Other processes on the host can reach that port too, so the database is locked down as
 * a server would be: authentication is on, with a password generated for the data
 * directory ({@link EmbeddedNeo4jPassword}); {@code LOAD CSV} cannot read local files
 * (file URLs are off and the import directory is an empty one inside the data directory);
 * Bolt over WebSocket, which a web page could use, is refused ({@link BoltHttpRefusal});
 * failed logins do not lock the user out, which would only let any local process stop the
 * application's own logins.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	/**
	 * The directory, in the data directory, that {@code LOAD CSV} file URLs would be
	 * confined to.
	 */
	static final String IMPORT_DIRECTORY = "import";

	private static final String SET_PASSWORD = "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED";

	private volatile DatabaseManagementService service;

	private final EmbeddedNeo4jProperties properties;

	private final Path home;

	private final URI boltUri;

	private final EmbeddedNeo4jPassword password;

	private EmbeddedNeo4j(DatabaseManagementService service, EmbeddedNeo4jProperties properties, Path home, URI boltUri,
			EmbeddedNeo4jPassword password) {
		this.service = service;
		this.properties = properties;
		this.home = home;
		this.boltUri = boltUri;
		this.password = password;
	}

	/**
	 * Starts the database in the configured directory.
	 * @param properties the embedded settings
	 * @return the running database
	 * @throws EmbeddedNeo4jStartException when the directory is in use by another process
	 * or cannot be written, or the Bolt port is taken
	 */
	public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
		return start(properties, preparePassword(properties));
	}

	/**
	 * Creates the data directory and reads its password, or generates one on a first
	 * start: what the driver needs to log in is known before the database runs.
	 * @param properties the embedded settings
	 * @return the data directory's password
	 * @throws EmbeddedNeo4jStartException when the directory or the password file cannot
	 * be created or read
	 */
	static EmbeddedNeo4jPassword preparePassword(EmbeddedNeo4jProperties properties) {
		Path home = home(properties);
		createDirectories(home);
		try {
			return EmbeddedNeo4jPassword.readOrCreate(home);
		}
		catch (RuntimeException ex) {
			throw new EmbeddedNeo4jStartException(home, ex.getMessage(), ex);
		}
	}

	/**
	 * Starts the database in the configured directory with the password that
	 * {@link #preparePassword} returned.
	 * @param properties the embedded settings
	 * @param password the data directory's password
	 * @return the running database
	 */
	static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties, EmbeddedNeo4jPassword password) {
		Path home = home(properties);
		Started started = startService(properties, home, properties.boltPort(), password);
		if (password.created()) {
			log.warn("The embedded database now requires a login: user '{}', password in {} (readable by its owner "
					+ "only; delete it to get a new password at the next start). Connect with: cypher-shell -a {} -u {} "
					+ "-p \"$(cat {})\"", EmbeddedNeo4jPassword.USER, password.file(), started.boltUri(),
					EmbeddedNeo4jPassword.USER, password.file());
		}
		return new EmbeddedNeo4j(started.service(), properties, home, started.boltUri(), password);
	}

	/**
	 * Stops the database, runs work on its files (e.g. replacing the store with an
	 * imported one) and starts it again on the same Bolt address, whether the work
	 * succeeds or not. Clients connected over Bolt reconnect.
	 * @param work gets the data directory (Neo4j home) while no database is running
	 */
	public synchronized void whileStopped(Consumer<Path> work) {
		close();
		try {
			work.accept(this.home);
		}
		finally {
			this.service = startService(this.properties, this.home, this.boltUri.getPort(), this.password).service();
		}
	}

	private static Path home(EmbeddedNeo4jProperties properties) {
		return properties.dataDirectory().toAbsolutePath().normalize();
	}

	/**
	 * The Bolt URI of a database that will listen on a fixed port, known before it runs.
	 * @param properties the embedded settings
	 * @return the URI, or {@code null} when the port is picked at start ({@code 0})
	 */
	static @Nullable URI configuredBoltUri(EmbeddedNeo4jProperties properties) {
		if (properties.boltPort() == 0) {
			return null;
		}
		return URI.create("bolt://" + new SocketAddress(properties.boltAddress(), properties.boltPort()));
	}

	private static void createDirectories(Path home) {
		try {
			Files.createDirectories(home.resolve(IMPORT_DIRECTORY));
		}
		catch (IOException ex) {
			throw new EmbeddedNeo4jStartException(home, "the data directory cannot be created: " + ex.getMessage(), ex);
		}
	}

	private static Started startService(EmbeddedNeo4jProperties properties, Path home, int boltPort,
			EmbeddedNeo4jPassword password) {
		long started = System.nanoTime();
		DatabaseManagementService service;
		try {
			service = new DatabaseManagementServiceBuilder(home).setConfig(BoltConnector.enabled, true)
				.setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltAddress(), boltPort))
				.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
				.setConfig(GraphDatabaseSettings.auth_enabled, true)
				// A lockout after failed logins would let any local process lock the
				// application
				// out; the generated password is too long to guess.
				.setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
				// An application's database reports no usage data to Neo4j (the collector
				// also started a job of its own at every start).
				.setConfig(GraphDatabaseSettings.udc_enabled, false)
				// Nor does it write Neo4j's diagnostics (the JVM, the machine, every
				// store
				// file, the configuration: about 150 lines of debug.log) at every start;
				// warnings and errors are logged as before.
				.setConfig(GraphDatabaseInternalSettings.dump_diagnostics, false)
				// LOAD CSV reads no local file: file URLs are off, and the import
				// directory they
				// would be confined to is an empty one of the database's own.
				.setConfig(GraphDatabaseSettings.allow_file_urls, false)
				.setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve(IMPORT_DIRECTORY))
				.setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCache().toBytes())
				.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
						properties.transactionMemory().toBytes())
				.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
				// The Bolt server shuts down after the databases, with no work left:
				// Netty's quiet
				// period (5 s by default, waited twice) would only delay every stop (and
				// the
				// restart around a bulk import) by that much.
				.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
				// The graph grows fast during an ingest; the application's statements are
				// index
				// seeks whose best plan does not change with size, so replanning them
				// often is waste.
				.setConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofMinutes(10))
				// Neo4j's in-JVM "local" Bolt channel is incompatible with the netty that
				// Boot
				// manages; TCP Bolt on loopback is used instead.
				.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
				.build();
		}
		catch (RuntimeException ex) {
			throw EmbeddedNeo4jStartException.from(home, properties.boltAddress(), boltPort, ex);
		}
		GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		try {
			if (!db.isAvailable(Duration.ofSeconds(60).toMillis())) {
				throw new EmbeddedNeo4jStartException(home, "the database did not become available within 60 s", null);
			}
			refuseHttp(db);
			ensurePassword(service, db, password);
		}
		catch (EmbeddedNeo4jStartException ex) {
			service.shutdown();
			throw ex;
		}
		catch (RuntimeException ex) {
			service.shutdown();
			throw EmbeddedNeo4jStartException.from(home, properties.boltAddress(), boltPort, ex);
		}
		URI uri = boltUri(db);
		log.info("Embedded Neo4j started in {} ms: data in {}, Bolt at {}",
				Duration.ofNanos(System.nanoTime() - started).toMillis(), home, uri);
		return new Started(service, uri);
	}

	private static URI boltUri(GraphDatabaseAPI db) {
		var address = db.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		return URI.create("bolt://" + address.getHost() + ":" + address.getPort());
	}

	private static void refuseHttp(GraphDatabaseAPI db) {
		BoltHttpRefusal refusal = new BoltHttpRefusal();
		for (Connector<?> connector : db.getDependencyResolver().resolveDependency(BoltServer.class).getConnectors()) {
			connector.registerListener(refusal);
		}
	}

	/**
	 * The password file is the truth: when its password does not log in (the file was
	 * deleted and made anew after the user had a password, or someone changed the
	 * password over Bolt), Neo4j ignores an initial password, so it is set here, through
	 * the system database in this JVM. The login is checked in this JVM too, by the
	 * database's own authentication, as a Bolt login would be, without a driver and a
	 * connection of its own (its start cost a few seconds of the database's start).
	 */
	private static void ensurePassword(DatabaseManagementService service, GraphDatabaseAPI db,
			EmbeddedNeo4jPassword password) {
		if (logsIn(db, password)) {
			return;
		}
		GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		system.executeTransactionally(SET_PASSWORD, Map.of("password", password.value()));
		log.info("The password of the embedded database's user {} was set from {}", EmbeddedNeo4jPassword.USER,
				password.file());
	}

	/**
	 * @return whether the password logs in as the user (Neo4j's own check, as for a Bolt
	 * login)
	 */
	static boolean logsIn(GraphDatabaseAPI db, EmbeddedNeo4jPassword password) {
		AuthManager auth = db.getDependencyResolver().resolveDependency(AuthManager.class);
		try {
			LoginContext login = auth.login(org.neo4j.kernel.api.security.AuthToken.newBasicAuthToken(
					EmbeddedNeo4jPassword.USER, password.value()), ClientConnectionInfo.EMBEDDED_CONNECTION);
			return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
		}
		catch (InvalidAuthTokenException ex) {
			return false;
		}
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
	 * @return the credentials the driver logs in with
	 */
	public AuthToken authToken() {
		return AuthTokens.basic(EmbeddedNeo4jPassword.USER, this.password.value());
	}

	/**
	 * The default database of this instance, for the reads that run in this JVM without
	 * Bolt ({@link InProcessReads}). While the store is being replaced
	 * ({@link #whileStopped}) it is the stopped instance's, and using it fails.
	 * @return the default database
	 */
	GraphDatabaseAPI database() {
		return (GraphDatabaseAPI) this.service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
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
