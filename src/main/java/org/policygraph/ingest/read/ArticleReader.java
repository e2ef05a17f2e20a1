package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one source of a given {@link SourceFormat} and hands every record to a sink,
 * accepted or rejected.
 *
 * <p>
 * Implementations stream where the format allows it (NDJSON line by line, JSON arrays
 * element by element) and otherwise read at most {@link ReaderLimits#MAX_DOCUMENT_BYTES}
 * bytes. They skip a leading UTF-8 byte order mark, decode strictly as UTF-8 and apply an
 * {@link ArticleValidator} to every record.
 */
public interface ArticleReader {

	/** The format this reader understands. */
	SourceFormat format();

	/**
	 * Reads {@code in} (not closed by this method) and sends one {@link ReadResult} per
	 * record to {@code sink}.
	 * @param sourceName the name used in locations, usually the file name
	 * @throws IOException when the stream itself fails; bad content is reported to the
	 * sink instead
	 */
	void read(String sourceName, InputStream in, Consumer<ReadResult> sink) throws IOException;

}
