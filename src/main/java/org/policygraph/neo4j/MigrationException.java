package org.policygraph.neo4j;

/**
 * The schema migrations cannot be applied: a released file was changed, a name is
 * invalid, or a statement failed. Start-up stops with this message.
 */
public class MigrationException extends RuntimeException {

	MigrationException(String message) {
		super(message);
	}

	MigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
