package org.policygraph.ingest.bulk;

/**
 * A bulk load that cannot start or did not complete; the message says why and what to do
 * instead. The database is as it was before the load.
 */
public class BulkLoadException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	BulkLoadException(String message) {
		super(message);
	}

}
