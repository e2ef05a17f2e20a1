package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test sink: keeps every result in order, with shortcuts for articles and rejections.
 */
final class Collector implements Consumer<ReadResult> {

	/** 2024-06-01 07:00 in Hà Nội: the "now" of all tests. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

	static final ArticleValidator VALIDATOR = new ArticleValidator(CLOCK);

	final List<ReadResult> results = new ArrayList<>();

	@Override
	public void accept(ReadResult result) {
		results.add(result);
	}

	List<RawArticle> articles() {
		return results.stream().filter(ReadResult::ok).map(ReadResult::article).toList();
	}

	List<Rejection> rejections() {
		return results.stream().filter(r -> !r.ok()).map(ReadResult::rejection).toList();
	}

	List<String> titles() {
		return articles().stream().map(RawArticle::title).toList();
	}

	static byte[] resource(String path) {
		try (InputStream in = Collector.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
