package org.policygraph.neo4j;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed embedded start into a short explanation and an action, instead of a
 * stack trace.
 */
class EmbeddedNeo4jFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedNeo4jStartException> {

	/** The property that sets the embedded database's Bolt port. */
	static final String BOLT_PORT_PROPERTY = "policygraph.neo4j.embedded.bolt-port";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedNeo4jStartException cause) {
		return switch (cause.getReason()) {
			case LOCKED -> new FailureAnalysis("The embedded Neo4j data directory " + cause.getDataDirectory()
					+ " is in use by another running policy-graph instance (or another Neo4j): its store lock is held.",
					"Stop the other instance, or give this one its own directory with "
							+ "--policygraph.neo4j.embedded.data-directory=<dir>, or connect both to one "
							+ "Neo4j server with NEO4J_URI.",
					cause);
			case BOLT_PORT_IN_USE -> new FailureAnalysis("The embedded Neo4j's Bolt port " + cause.getBoltAddress()
					+ " is already in use by another process (another policy-graph server, Neo4j Desktop, a Neo4j "
					+ "server ...).",
					"Stop that process, or give the embedded database another port with --" + BOLT_PORT_PROPERTY
							+ "=<port> (or the environment variable POLICYGRAPH_NEO4J_EMBEDDED_BOLT_PORT); 0 picks a "
							+ "free port, logged at start-up.",
					cause);
			case OTHER -> new FailureAnalysis(cause.getMessage(),
					"Check that the directory is writable and has free space, or point the application at "
							+ "an external Neo4j with NEO4J_URI.",
					cause);
		};
	}

}
