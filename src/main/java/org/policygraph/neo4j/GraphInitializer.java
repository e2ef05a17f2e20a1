package org.policygraph.neo4j;

import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Brings the database up to date once all beans exist and before the server takes requests:
 * schema migrations first, then each {@link GraphInitializationStep} in order.
 */
@Component
class GraphInitializer implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(GraphInitializer.class);

	private final Driver driver;

	private final GraphInitializationProperties properties;

	private final ResourcePatternResolver resolver;

	private final ObjectProvider<GraphInitializationStep> steps;

	GraphInitializer(Driver driver, GraphInitializationProperties properties, ResourcePatternResolver resolver,
			ObjectProvider<GraphInitializationStep> steps) {
		this.driver = driver;
		this.properties = properties;
		this.resolver = resolver;
		this.steps = steps;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Migration> migrations = MigrationRunner.load(this.resolver, this.properties.migrations());
		new MigrationRunner(this.driver, sessionConfig()).migrate(migrations);
		List<GraphInitializationStep> ordered = this.steps.orderedStream().toList();
		for (GraphInitializationStep step : ordered) {
			long started = System.nanoTime();
			step.run(this.driver, this.properties.database());
			log.debug("Initialization step {} took {} ms", step.getClass().getSimpleName(),
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	private SessionConfig sessionConfig() {
		String db = this.properties.database();
		return db.isBlank() ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(db);
	}


}
