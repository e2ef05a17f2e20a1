package org.policygraph.neo4j;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
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
 * after them. The {@link EmbeddedNeo4j} bean waits for it ({@link #join()}); a failure
 * reaches that bean as it would have without the thread.
 * <p>
 * Nothing changes for readiness: {@link GraphInitializer} still runs the migrations
 * (finding them applied) and the initialization steps before the server takes requests. A
 * migration that fails here is only logged: the initializer runs it again and reports it
 * as always.
 */
final class EmbeddedNeo4jStarter implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jStarter.class);

	private @Nullable Environment environment;

	private @Nullable CompletableFuture<EmbeddedNeo4j> started;

	private volatile boolean handedOver;

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
			Thread thread = new Thread(() -> {
				try {
					EmbeddedNeo4j database = EmbeddedNeo4j.start(properties);
					migrate(database, init);
					future.complete(database);
				}
				catch (Throwable ex) {
					future.completeExceptionally(ex);
				}
			}, "embedded-neo4j-start");
			thread.start();
			this.started = future;
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
	 */
	private static void migrate(EmbeddedNeo4j database, GraphInitializationProperties init) {
		long started = System.nanoTime();
		try (Driver driver = GraphDatabase.driver(database.boltUri(), database.authToken())) {
			List<Migration> migrations = MigrationRunner.load(new PathMatchingResourcePatternResolver(),
					init.migrations());
			SessionConfig config = init.database().isBlank() ? SessionConfig.defaultConfig()
					: SessionConfig.forDatabase(init.database());
			new MigrationRunner(driver, config).migrate(migrations);
			log.debug("Migrations checked while the application started, in {} ms",
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.debug("Migrations left to the initializer: {}", ex.getMessage());
		}
	}

	/**
	 * Waits for the database.
	 * @return the started database, now owned by the caller
	 * @throws EmbeddedNeo4jStartException when it did not start
	 */
	EmbeddedNeo4j join() {
		try {
			EmbeddedNeo4j database = start().join();
			this.handedOver = true;
			return database;
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
	 * Stops a database that was started but never handed over (the application failed to
	 * start before it needed it).
	 */
	@Override
	public void destroy() {
		CompletableFuture<EmbeddedNeo4j> future = this.started;
		if (future == null || this.handedOver) {
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
