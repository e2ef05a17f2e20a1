package org.policygraph.source;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.neo4j.driver.Driver;
import org.policygraph.support.TestArticles;

/**
 * Test helpers for sources: removal of what a test wrote (its articles, sources and
 * items, all under its test server's base URL), and waiting for a condition.
 */
final class SourceGraph {

	private SourceGraph() {
	}

	static void remove(Driver driver, String base) {
		TestArticles.remove(driver, base);
		try (var session = driver.session()) {
			session.run("""
					MATCH (n) WHERE (n:Source OR n:SourceItem) AND n.url STARTS WITH $prefix
					DETACH DELETE n""", Map.of("prefix", base)).consume();
		}
	}

	static long count(Driver driver, String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			return session.run(cypher, parameters).single().get(0).asLong();
		}
	}

	static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within " + timeout);
			}
			Thread.sleep(100);
		}
	}

}
