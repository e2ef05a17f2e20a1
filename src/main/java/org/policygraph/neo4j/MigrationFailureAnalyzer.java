package org.policygraph.neo4j;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a migration failure at start-up without a stack trace.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Released migrations in cypher/migrations are never edited: restore the file and put the "
						+ "change in a new file with the next version number.",
				cause);
	}

}
