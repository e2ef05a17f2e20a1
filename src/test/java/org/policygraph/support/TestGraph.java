package org.policygraph.support;

import java.util.Map;

import org.neo4j.driver.Driver;

/**
 * The small graph a {@link CypherSliceTest} reads, written in Cypher by the test.
 */
public final class TestGraph {

	private static final String CLEAR = """
			MATCH (n)
			WHERE NOT n:__Migration
			CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS""";

	private final Driver driver;

	TestGraph(Driver driver) {
		this.driver = driver;
	}

	/**
	 * Removes every node but the migrations' records, then runs the statement.
	 * @param cypher one statement writing the test's graph
	 * @return this graph
	 */
	public TestGraph replace(String cypher) {
		try (var session = this.driver.session()) {
			session.run(CLEAR).consume();
		}
		return run(cypher, Map.of());
	}

	/**
	 * Runs a statement in a write transaction.
	 * @param cypher the statement
	 * @param parameters its parameters
	 * @return this graph
	 */
	public TestGraph run(String cypher, Map<String, Object> parameters) {
		try (var session = this.driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run(cypher, parameters).consume());
		}
		return this;
	}

	/**
	 * Waits until the full-text index ({@code search_text}, eventually consistent) shows
	 * what was written.
	 * @return this graph
	 */
	public TestGraph awaitSearchIndex() {
		try (var session = this.driver.session()) {
			session.run("CALL db.awaitIndexes(60)").consume();
			session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume();
		}
		return this;
	}

}
