package org.policygraph.ingest;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one input record.
 *
 * @param location where the record came from ({@code file.ndjson:12}, {@code input[3]})
 * @param index the record's place in the run's input, from 0 (in a list of records handed
 * to the pipeline, its index in that list)
 * @param articleId the article's identity, absent for a rejected record
 * @param status the outcome
 * @param reason why a record was rejected or failed
 */
public record ArticleOutcome(String location, long index, @Nullable String articleId, Status status,
		@Nullable String reason) {

	/** The outcome of one record. */
	public enum Status {

		/** A new article was written. */
		NEW,
		/**
		 * A known article had changed and was replaced with its new mentions and
		 * evidence.
		 */
		CHANGED,
		/** A known article was unchanged; nothing was written. */
		UNCHANGED,
		/** The same article occurred earlier in the same batch; written once. */
		DUPLICATE,
		/** A dry run extracted the article and wrote nothing. */
		CHECKED,
		/** The record was rejected before writing: see the reason. */
		REJECTED,
		/**
		 * The record's batch could not be written (the database failed); nothing of it
		 * was written.
		 */
		FAILED,
		/**
		 * The run's time was up before the record's batch was written (or its transaction
		 * ran out of time and was rolled back): nothing of it was written. Send it again
		 * to complete the work.
		 */
		NOT_PROCESSED

	}

}
