package org.policygraph.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.Plan;

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

	/**
	 * The operators of a statement's plan ({@code EXPLAIN}: nothing is executed), each as
	 * its type and details, in depth-first order, so a test can say how a statement reads
	 * the graph (from which index) as well as what it answers.
	 * @param cypher the statement
	 * @param parameters its parameters
	 * @return one line per operator, e.g.
	 * {@code NodeIndexSeek RANGE INDEX d:Document(type) …}
	 */
	public List<String> plan(String cypher, Map<String, Object> parameters) {
		try (var session = this.driver.session()) {
			List<String> operators = new ArrayList<>();
			collect(session.run("EXPLAIN " + cypher, parameters).consume().plan(), operators);
			return operators;
		}
	}

	private static void collect(Plan plan, List<String> operators) {
		operators.add(plan.operatorType() + " " + plan.arguments().get("Details"));
		for (Plan child : plan.children()) {
			collect(child, operators);
		}
	}

}
