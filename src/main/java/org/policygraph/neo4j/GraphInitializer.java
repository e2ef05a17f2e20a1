package org.policygraph.neo4j;

import java.time.Duration;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Brings the database up to date once all beans exist and before the server takes
 * requests: schema migrations first, then each {@link GraphInitializationStep} in order.
 * <p>
 * When the database cannot be reached (an external server that is down), the application
 * starts anyway: health reports Neo4j DOWN, queries get a "database unavailable" error,
 * and initialization is retried in the background until the database answers.
 */
@Component
public class GraphInitializer implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GraphInitializer.class);

	private final Driver driver;

	private final GraphInitializationProperties properties;

	private final ResourcePatternResolver resolver;

	private final ObjectProvider<GraphInitializationStep> steps;

	private final ObjectProvider<EmbeddedNeo4jStarter> embeddedStart;

	private volatile boolean initialized;

	private volatile Thread retrying;

	GraphInitializer(Driver driver, GraphInitializationProperties properties, ResourcePatternResolver resolver,
			ObjectProvider<GraphInitializationStep> steps, ObjectProvider<EmbeddedNeo4jStarter> embeddedStart) {
		this.driver = driver;
		this.properties = properties;
		this.resolver = resolver;
		this.steps = steps;
		this.embeddedStart = embeddedStart;
	}

	/**
	 * Waits for the embedded database, if it is the one in use (it starts beside the
	 * creation of the beans, which do not wait for it), then initializes the graph. The
	 * migrations that the embedded database's start applied are not checked again.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		EmbeddedNeo4jStarter starter = this.embeddedStart.getIfAvailable();
		boolean migrated = starter != null && starter.joinMigrated();
		try {
			if (starter == null) {
				// An external database: checked once without the driver's retries (see
				// initialize()).
				this.driver.verifyConnectivity();
			}
			initialize(migrated ? List.of() : MigrationRunner.load(this.resolver, this.properties.migrations()),
					!migrated);
		}
		catch (RuntimeException ex) {
			if (!isUnavailable(ex)) {
				throw ex;
			}
			log.warn("Neo4j is unavailable ({}); starting without it and retrying every {} s", ex.getMessage(),
					this.properties.retryInterval().toSeconds());
			Thread thread = new Thread(this::retry, "graph-initializer");
			thread.setDaemon(true);
			thread.start();
			this.retrying = thread;
		}
	}

	/**
	 * @return whether migrations and initialization steps have run against the database
	 */
	boolean isInitialized() {
		return this.initialized;
	}

	/**
	 * Runs the migrations and initialization steps again, e.g. after the store was
	 * replaced by a bulk import: every step is idempotent.
	 */
	public void reinitialize() {
		initialize();
	}

	/**
	 * {@link #reinitialize()} for a store just written by the bulk importer, which has
	 * data but no schema: the full-text indexes are created first, so that their
	 * population (the longest: it analyses every article's text) runs in the background
	 * while the constraints build theirs.
	 */
	public void reinitializeAfterImport() {
		List<Migration> migrations = MigrationRunner.load(this.resolver, this.properties.migrations());
		new MigrationRunner(this.driver, sessionConfig()).startFulltextIndexes(migrations);
		initialize(migrations, true);
	}

	/**
	 * Each background attempt (and a reinitialization): the connection is checked first,
	 * without the driver's retries, so that a database that is down sends the start on at
	 * once (the migrations' managed transactions would retry for half a minute and more)
	 * and a database that comes back is initialized within one retry interval.
	 */
	private void initialize() {
		this.driver.verifyConnectivity();
		initialize(MigrationRunner.load(this.resolver, this.properties.migrations()), true);
	}

	private void initialize(List<Migration> migrations, boolean migrate) {
		if (migrate) {
			new MigrationRunner(this.driver, sessionConfig()).migrate(migrations);
		}
		List<GraphInitializationStep> ordered = this.steps.orderedStream().toList();
		for (GraphInitializationStep step : ordered) {
			long started = System.nanoTime();
			step.run(this.driver, this.properties.database());
			log.debug("Initialization step {} took {} ms", step.getClass().getSimpleName(),
					(System.nanoTime() - started) / 1_000_000);
		}
		this.initialized = true;
	}

	private void retry() {
		Duration interval = this.properties.retryInterval();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(interval.toMillis());
				initialize();
				log.info("Neo4j is available again; the graph is initialized");
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!isUnavailable(ex)) {
					log.error("Initializing the graph failed; not retrying", ex);
					return;
				}
				log.debug("Neo4j still unavailable: {}", ex.getMessage());
			}
		}
	}

	static boolean isUnavailable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
				return true;
			}
		}
		return false;
	}

	private SessionConfig sessionConfig() {
		String db = this.properties.database();
		return db.isBlank() ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(db);
	}

	@Override
	public void destroy() {
		Thread thread = this.retrying;
		if (thread != null) {
			thread.interrupt();
		}
	}

}
