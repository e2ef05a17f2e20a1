package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NdjsonArticleReaderTests {

	private final NdjsonArticleReader reader = new NdjsonArticleReader(Collector.VALIDATOR);

	private Collector read(String name, byte[] bytes) throws IOException {
		Collector collector = new Collector();
		reader.read(name, new ByteArrayInputStream(bytes), collector);
		return collector;
	}

	@Test
	void shouldReadObjectsPerLineSkippingBlankLines() throws IOException {
		Collector collector = read("articles.ndjson", Collector.resource("ingest/articles.ndjson"));

		assertThat(collector.rejections()).isEmpty();
		assertThat(collector.articles()).hasSize(2);
		RawArticle first = collector.articles().get(0);
		assertThat(first.location()).isEqualTo("articles.ndjson:1");
		assertThat(first.publishedAt()).isEqualTo(LocalDate.of(2024, 5, 1));
		assertThat(first.source()).isEqualTo("Báo điện tử Chính phủ");
		assertThat(first.category()).isEqualTo("Xây dựng Đảng");
		RawArticle second = collector.articles().get(1);
		assertThat(second.location()).isEqualTo("articles.ndjson:3");
		assertThat(second.text()).isEqualTo("Năm 2017, Tỉnh ủy Long An thống nhất tiếp tục việc đánh giá.");
		assertThat(second.publishedAt()).isEqualTo(LocalDate.of(2024, 5, 2));
	}

	@Test
	void shouldRejectBadLinesInTheMiddleAndKeepReading() throws IOException {
		Collector collector = read("bad-line.ndjson", Collector.resource("ingest/bad-line.ndjson"));

		assertThat(collector.titles()).containsExactly("Bắc Giang nâng cao chất lượng sinh hoạt chi bộ",
				"Sóc Trăng cụ thể hóa hướng dẫn");
		assertThat(collector.rejections()).containsExactly(
				new Rejection("bad-line.ndjson:2", "truncated JSON: unexpected end of input at line 2"),
				new Rejection("bad-line.ndjson:3", "expected a JSON object, found an array"));
		assertThat(collector.results).extracting(ReadResult::location)
			.containsExactly("bad-line.ndjson:1", "bad-line.ndjson:2", "bad-line.ndjson:3", "bad-line.ndjson:4");
	}

	@Test
	void shouldRejectMalformedLineWithColumn() throws IOException {
		Collector collector = read("x.ndjson",
				"{\"title\": \"a\"}\n{\"title\": \"b\",}\n".getBytes(StandardCharsets.UTF_8));

		assertThat(collector.titles()).containsExactly("a");
		assertThat(collector.rejections()).singleElement().satisfies(rejection -> {
			assertThat(rejection.location()).isEqualTo("x.ndjson:2");
			assertThat(rejection.reason()).startsWith("malformed JSON at line 2, column ");
		});
	}

	@Test
	void shouldRejectTrailingContentAfterObject() throws IOException {
		Collector collector = read("x.ndjson",
				"{\"title\": \"a\"} {\"title\": \"b\"}\n".getBytes(StandardCharsets.UTF_8));

		assertThat(collector.articles()).isEmpty();
		assertThat(collector.rejections()).containsExactly(
				new Rejection("x.ndjson:1", "unexpected content after the JSON value at line 1, column 16"));
	}

	@Test
	void shouldRejectOnlyTheLineWithInvalidUtf8() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("{\"title\": \"Một\"}\r\n{\"title\": \"".getBytes(StandardCharsets.UTF_8));
		int badOffset = bytes.size();
		bytes.write(0xE1);
		bytes.write(0x41);
		bytes.writeBytes("\"}\n{\"title\": \"Ba\"}".getBytes(StandardCharsets.UTF_8));

		Collector collector = read("x.ndjson", bytes.toByteArray());

		assertThat(collector.titles()).containsExactly("Một", "Ba");
		assertThat(collector.rejections())
			.containsExactly(new Rejection("x.ndjson:2", "invalid UTF-8 at byte " + badOffset));
	}

	@Test
	void shouldRejectFutureAndUnparseableDatesNamingTheValue() throws IOException {
		Collector collector = read("bad-dates.ndjson", Collector.resource("ingest/bad-dates.ndjson"));

		assertThat(collector.rejections()).containsExactly(
				new Rejection("bad-dates.ndjson:1", "publishedAt '2031-01-01' is in the future"),
				new Rejection("bad-dates.ndjson:2",
						"publishedAt 'abc' is not a date (expected yyyy-MM-dd or ISO-8601)"),
				new Rejection("bad-dates.ndjson:3",
						"publishedAt '31/02/2024' is not a date (expected yyyy-MM-dd or ISO-8601)"));
		assertThat(collector.articles()).singleElement()
			.extracting(RawArticle::publishedAt)
			.isEqualTo(LocalDate.of(2024, 6, 2));
	}

	@Test
	void shouldRejectTextOverOneMebibyte() throws IOException {
		String big = "Đảng ".repeat(200_000);
		String line = "{\"title\": \"Bài rất dài\", \"text\": \"" + big + "\"}\n{\"title\": \"Bài ngắn\"}\n";
		long expectedBytes = big.strip().getBytes(StandardCharsets.UTF_8).length;

		Collector collector = read("big.ndjson", line.getBytes(StandardCharsets.UTF_8));

		assertThat(expectedBytes).isGreaterThan(ArticleValidator.MAX_TEXT_BYTES);
		assertThat(collector.titles()).containsExactly("Bài ngắn");
		assertThat(collector.rejections()).containsExactly(new Rejection("big.ndjson:1", "text is "
				+ String.format(java.util.Locale.ROOT, "%,d", expectedBytes) + " bytes; the limit is 1,048,576"));
	}

}
