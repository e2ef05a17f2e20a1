package org.policygraph.neo4j;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed embedded start into a short explanation and an action, instead of a stack
 * trace.
 */
class EmbeddedNeo4jFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedNeo4jStartException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedNeo4jStartException cause) {
		if (cause.isLocked()) {
			return new FailureAnalysis(
					"The embedded Neo4j data directory " + cause.getDataDirectory()
							+ " is in use by another running policy-graph instance (or another Neo4j).",
					"Stop the other instance, or give this one its own directory with "
							+ "--policygraph.neo4j.embedded.data-directory=<dir>, or connect both to one "
							+ "Neo4j server with NEO4J_URI.",
					cause);
		}
		return new FailureAnalysis(cause.getMessage(),
				"Check that the directory is writable and has free space, or point the application at "
						+ "an external Neo4j with NEO4J_URI.",
				cause);
	}

}
