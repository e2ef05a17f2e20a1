package org.policygraph.support;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.policygraph.neo4j.MigrationRunner;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * What a {@link CypherSliceTest} starts: a driver to the in-process Neo4j, migrated once
 * per JVM with the files the application ships
 * ({@code classpath*:cypher/migrations/*.cypher}), a {@link Neo4jClient} and a
 * {@link TestGraph}.
 */
@TestConfiguration(proxyBeanMethods = false)
class CypherSliceConfiguration {

	private static final String MIGRATIONS = "classpath*:cypher/migrations/*.cypher";

	private static boolean migrated;

	@Bean(destroyMethod = "close")
	Driver cypherSliceDriver() {
		Driver driver = InProcessNeo4j.driver();
		migrate(driver);
		return driver;
	}

	@Bean
	Neo4jClient neo4jClient(Driver driver) {
		return Neo4jClient.create(driver);
	}

	@Bean
	TestGraph testGraph(Driver driver) {
		return new TestGraph(driver);
	}

	private static synchronized void migrate(Driver driver) {
		if (!migrated) {
			new MigrationRunner(driver, SessionConfig.defaultConfig())
				.migrate(MigrationRunner.load(new PathMatchingResourcePatternResolver(), MIGRATIONS));
			migrated = true;
		}
	}

}
