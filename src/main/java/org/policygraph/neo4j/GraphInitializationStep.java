package org.policygraph.neo4j;

import org.neo4j.driver.Driver;

import org.springframework.core.Ordered;

/**
 * A start-up step that runs after the schema migrations, in {@link #getOrder()} order:
 * loading reference data, loading the sample articles.
 */
public interface GraphInitializationStep extends Ordered {

	/**
	 * Runs the step. Steps are idempotent: running one twice changes nothing the second
	 * time.
	 * @param driver the driver
	 * @param database the database name, empty for the default
	 */
	void run(Driver driver, String database);

}
