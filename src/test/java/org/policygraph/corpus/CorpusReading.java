package org.policygraph.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.policygraph.ingest.read.ArticleValidator;
import org.policygraph.ingest.read.NdjsonArticleReader;
import org.policygraph.ingest.read.ReadResult;

/** Test helper: a generated corpus as bytes, read back through the NDJSON reader. */
final class CorpusReading {

	/**
	 * The day after the last publication date a corpus can have: "now" for validation.
	 */
	static final Clock CLOCK = Clock.fixed(
			CorpusWorld.LAST_PUBLISHED.plusDays(1).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(),
			ZoneId.of("Asia/Ho_Chi_Minh"));

	private CorpusReading() {
	}

	/** The corpus and truth files of {@code count} articles of {@code seed}. */
	static String[] write(long seed, int count) {
		StringWriter corpus = new StringWriter();
		StringWriter truth = new StringWriter();
		try {
			CorpusGenerator.create(seed).write(count, corpus, truth);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new String[] { corpus.toString(), truth.toString() };
	}

	/** Every result the NDJSON reader gives for {@code ndjson}, in order. */
	static List<ReadResult> read(String ndjson) {
		List<ReadResult> results = new ArrayList<>();
		try {
			new NdjsonArticleReader(new ArticleValidator(CLOCK)).read("corpus.ndjson",
					new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), results::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return results;
	}

}
