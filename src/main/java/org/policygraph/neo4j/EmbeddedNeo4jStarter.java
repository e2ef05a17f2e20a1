package org.policygraph.neo4j;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Starts the embedded database, and applies the schema migrations to it, on a thread of
 * its own as soon as the application's configuration has been read: Neo4j then starts
 * while Spring creates the web server, the GraphQL schema and the other beans, instead of
 * before them.
 * <p>
 * No bean has to wait for it: the driver is made with the address and the password, both
 * known before the database runs (the password file is read, or written on a first start,
 * at once; the address is the configured one unless the port is picked at start,
 * {@code 0}, in which case the driver waits for the database as before), and a driver
 * connects only when it is used. {@link GraphInitializer} waits for the start
 * ({@link #join()}) once all beans exist, before anything uses the database; a failure
 * reaches it as it would have without the thread. It runs the migrations itself only when
 * they were not applied here, so a start applies (or checks) them once.
 * <p>
 * The starter owns the database: it stops it when the context closes, after every bean
 * that uses it.
 */
final class EmbeddedNeo4jStarter implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jStarter.class);

	private @Nullable Environment environment;

	private volatile @Nullable CompletableFuture<EmbeddedNeo4j> started;

	private @Nullable URI configuredBoltUri;

	private @Nullable EmbeddedNeo4jPassword password;

	private volatile boolean migrated;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		start();
	}

	private synchronized CompletableFuture<EmbeddedNeo4j> start() {
		if (this.started == null) {
			Binder binder = Binder.get(environmentOrFail());
			EmbeddedNeo4jProperties properties = binder.bindOrCreate("policygraph.neo4j.embedded",
					EmbeddedNeo4jProperties.class);
			GraphInitializationProperties init = binder.bindOrCreate("policygraph.init",
					GraphInitializationProperties.class);
			CompletableFuture<EmbeddedNeo4j> future = new CompletableFuture<>();
			this.started = future;
			EmbeddedNeo4jPassword password;
			try {
				password = EmbeddedNeo4j.preparePassword(properties);
			}
			catch (RuntimeException ex) {
				future.completeExceptionally(ex);
				return future;
			}
			this.password = password;
			this.configuredBoltUri = EmbeddedNeo4j.configuredBoltUri(properties);
			Thread thread = new Thread(() -> {
				try {
					EmbeddedNeo4j database = EmbeddedNeo4j.start(properties, password);
					this.migrated = migrate(database, init);
					future.complete(database);
				}
				catch (Throwable ex) {
					future.completeExceptionally(ex);
				}
			}, "embedded-neo4j-start");
			thread.start();
		}
		return this.started;
	}

	private Environment environmentOrFail() {
		if (this.environment == null) {
			throw new IllegalStateException("no environment");
		}
		return this.environment;
	}

	/**
	 * Applies the migrations that are not applied yet, over a driver of its own.
	 * @return whether they are all applied
	 */
	private static boolean migrate(EmbeddedNeo4j database, GraphInitializationProperties init) {
		long started = System.nanoTime();
		try (Driver driver = GraphDatabase.driver(database.boltUri(), database.authToken())) {
			List<Migration> migrations = MigrationRunner.load(new PathMatchingResourcePatternResolver(),
					init.migrations());
			SessionConfig config = init.database().isBlank() ? SessionConfig.defaultConfig()
					: SessionConfig.forDatabase(init.database());
			new MigrationRunner(driver, config).migrate(migrations);
			log.debug("Migrations checked while the application started, in {} ms",
					(System.nanoTime() - started) / 1_000_000);
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Migrations left to the initializer: {}", ex.getMessage());
			return false;
		}
	}

	/**
	 * The address the driver connects to: the configured one, without waiting, unless the
	 * port is picked at start.
	 * @return the Bolt URI
	 * @throws EmbeddedNeo4jStartException when the port is picked at start and the
	 * database did not start
	 */
	URI boltUri() {
		start();
		URI configured = this.configuredBoltUri;
		return (configured != null) ? configured : join().boltUri();
	}

	/**
	 * The credentials the driver logs in with, without waiting for the database.
	 * @return the auth token
	 * @throws EmbeddedNeo4jStartException when the password could not be read or made
	 */
	AuthToken authToken() {
		start();
		EmbeddedNeo4jPassword known = this.password;
		return (known != null) ? AuthTokens.basic(EmbeddedNeo4jPassword.USER, known.value()) : join().authToken();
	}

	/**
	 * Waits for the database.
	 * @return the started database
	 * @throws EmbeddedNeo4jStartException when it did not start
	 */
	EmbeddedNeo4j join() {
		CompletableFuture<EmbeddedNeo4j> future = this.started;
		try {
			return ((future != null) ? future : start()).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/**
	 * Waits for the database and says whether the migrations were applied on the start
	 * thread (when not, for instance after a failing migration, the caller applies them
	 * and reports what fails).
	 * @return whether every migration is applied
	 * @throws EmbeddedNeo4jStartException when the database did not start
	 */
	boolean joinMigrated() {
		join();
		return this.migrated;
	}

	/**
	 * Stops the database (waiting for a start still under way): the starter is the first
	 * bean created, so it is destroyed last, after every bean that uses the database.
	 */
	@Override
	public void destroy() {
		CompletableFuture<EmbeddedNeo4j> future = this.started;
		if (future == null) {
			return;
		}
		try {
			future.join().close();
		}
		catch (CompletionException ex) {
			// It did not start: nothing to stop.
		}
	}

}
