package org.policygraph.ingest;

import org.jspecify.annotations.Nullable;
import org.policygraph.ingest.read.SourceFormat;

/**
 * How to ingest.
 *
 * @param format the input format, or {@code null} to detect it from the content
 * @param dryRun extract and report without writing anything
 * @param batchSize articles per write transaction
 */
public record IngestOptions(@Nullable SourceFormat format, boolean dryRun, int batchSize) {

	/** The batch size when none is given. */
	public static final int DEFAULT_BATCH_SIZE = 500;

	public IngestOptions {
		if (batchSize < 1 || batchSize > 10_000) {
			throw new IllegalArgumentException("batch size must be between 1 and 10000, was " + batchSize);
		}
	}

	/**
	 * @return detect the format, write, default batch size
	 */
	public static IngestOptions defaults() {
		return new IngestOptions(null, false, DEFAULT_BATCH_SIZE);
	}

}
