package org.policygraph.ingest.read;

/**
 * Size limits shared by the readers.
 */
public final class ReaderLimits {

	/**
	 * HTML pages, feeds and listing files are read whole, up to this many bytes (50 MiB).
	 */
	public static final int MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

	/**
	 * One NDJSON line may be at most this many bytes (16 MiB); a longer line is rejected
	 * and skipped.
	 */
	public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

	/**
	 * How many leading bytes are inspected for format detection and binary content (8
	 * KiB).
	 */
	public static final int HEAD_BYTES = 8 * 1024;

	private ReaderLimits() {
	}

}
