package org.policygraph.ingest;

/**
 * Follows an ingest run as it goes: the command line draws a progress bar with it, the
 * GraphQL mutation collects per-record outcomes.
 */
public interface IngestListener {

	/** A listener that ignores everything. */
	IngestListener NONE = new IngestListener() {
	};

	/**
	 * One record's outcome is known.
	 * @param outcome the outcome
	 */
	default void onOutcome(ArticleOutcome outcome) {
	}

	/**
	 * Bytes were read from an input file.
	 * @param bytes how many, since the last call
	 */
	default void onBytes(long bytes) {
	}

	/**
	 * A batch was written (or checked).
	 * @param recordsSoFar records processed so far
	 */
	default void onBatch(long recordsSoFar) {
	}

}
