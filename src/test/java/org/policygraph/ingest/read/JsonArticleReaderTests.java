package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class JsonArticleReaderTests {

	private final JsonArticleReader reader = new JsonArticleReader(Collector.VALIDATOR);

	private Collector read(String name, byte[] bytes) throws IOException {
		Collector collector = new Collector();
		reader.read(name, new ByteArrayInputStream(bytes), collector);
		return collector;
	}

	private Collector read(String json) throws IOException {
		return read("request", json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldMapFieldsAndFallBackFromTextToSummary() throws IOException {
		Collector collector = read("articles.json", Collector.resource("ingest/articles.json"));

		assertThat(collector.articles()).hasSize(2);
		RawArticle first = collector.articles().get(0);
		assertThat(first).isEqualTo(new RawArticle(
				"\"Ba điểm nhấn\" trong công tác tổ chức xây dựng đảng của Bắc Giang",
				"Ban Tổ chức Tỉnh ủy Bắc Giang hiện có 31 cán bộ, nhân viên.\n\nNăm 2018 là năm sơ kết giữa nhiệm kỳ.",
				"https://www.xaydungdang.org.vn/nghien-cuu/bac-giang-ba-diem-nhan-20004.html",
				LocalDate.of(2018, 11, 20), "Tạp chí Xây dựng Đảng", "Nghiên cứu", "articles.json[0]"));
		RawArticle second = collector.articles().get(1);
		assertThat(second.text()).startsWith("70 năm qua");
		assertThat(second.publishedAt()).isEqualTo(LocalDate.of(2018, 11, 20));
		assertThat(second.url()).isNull();
	}

	@Test
	void shouldRejectNonObjectElementAndBlankTitleButKeepReading() throws IOException {
		Collector collector = read("articles.json", Collector.resource("ingest/articles.json"));

		assertThat(collector.rejections()).containsExactly(
				new Rejection("articles.json[2]", "expected a JSON object, found a string"),
				new Rejection("articles.json[3]", "missing title"));
	}

	@Test
	void shouldKeepCompleteElementsOfTruncatedArrayAndNameTheLine() throws IOException {
		Collector collector = read("truncated.json", Collector.resource("ingest/truncated.json"));

		assertThat(collector.titles())
			.containsExactly("Một số kết quả trong công tác tổ chức xây dựng đảng của Đảng bộ tỉnh Hà Tĩnh");
		assertThat(collector.rejections())
			.containsExactly(new Rejection("truncated.json[1]", "truncated JSON: unexpected end of input at line 3"));
	}

	@Test
	void shouldRejectArrayMissingItsClosingBracket() throws IOException {
		Collector collector = read("[{\"title\": \"Hà Tĩnh\"},\n");

		assertThat(collector.titles()).containsExactly("Hà Tĩnh");
		assertThat(collector.rejections())
			.containsExactly(new Rejection("request[1]", "truncated JSON: unexpected end of input at line 2"));
	}

	@Test
	void shouldRejectSyntaxErrorWithLineAndColumnAndStop() throws IOException {
		Collector collector = read("[\n{\"title\": \"Một\"},\n{\"title\" \"Hai\"},\n{\"title\": \"Ba\"}\n]");

		assertThat(collector.titles()).containsExactly("Một");
		assertThat(collector.rejections()).singleElement().satisfies(rejection -> {
			assertThat(rejection.location()).isEqualTo("request[1]");
			assertThat(rejection.reason()).startsWith("malformed JSON at line 3, column ");
		});
	}

	@Test
	void shouldReadSingleObjectAndObjectSequence() throws IOException {
		Collector collector = read("{\n  \"title\": \"Một\"\n}\n{\n  \"title\": \"Hai\"\n}\n");

		assertThat(collector.titles()).containsExactly("Một", "Hai");
		assertThat(collector.articles().get(1).location()).isEqualTo("request[1]");
	}

	@Test
	void shouldRejectScalarRoot() throws IOException {
		Collector collector = read("42");

		assertThat(collector.results)
			.containsExactly(ReadResult.rejected("request", "JSON root is a number, expected an array of objects"));
	}

	@Test
	void shouldRejectObjectValuedFieldAndAcceptNumberAsString() throws IOException {
		Collector collector = read("[{\"title\": {\"vi\": \"x\"}}, {\"title\": 2024, \"text\": true}]");

		assertThat(collector.rejections())
			.containsExactly(new Rejection("request[0]", "field 'title' must be a string, found an object"));
		assertThat(collector.articles()).singleElement().satisfies(article -> {
			assertThat(article.title()).isEqualTo("2024");
			assertThat(article.text()).isEqualTo("true");
		});
	}

	@Test
	void shouldRejectInvalidUtf8WithByteOffsetAfterKeepingEarlierElements() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("[{\"title\": \"Một\"}, {\"title\": \"H".getBytes(StandardCharsets.UTF_8));
		int badOffset = bytes.size();
		bytes.write(0xFF);
		bytes.writeBytes("\"}]".getBytes(StandardCharsets.UTF_8));

		Collector collector = read("bad.json", bytes.toByteArray());

		assertThat(collector.titles()).containsExactly("Một");
		assertThat(collector.rejections())
			.containsExactly(new Rejection("bad.json[1]", "invalid UTF-8 at byte " + badOffset));
	}

	@Test
	void shouldStreamLargeArrayWithoutHoldingIt() throws IOException {
		int count = 20_000;
		InputStream generated = new InputStream() {
			private int element = -1;

			private byte[] chunk = "[".getBytes(StandardCharsets.UTF_8);

			private int position;

			@Override
			public int read() {
				while (position >= chunk.length) {
					element++;
					if (element > count) {
						return -1;
					}
					String next = element == count ? "]" : (element == 0 ? "" : ",") + "{\"title\": \"Bài số " + element
							+ "\", \"text\": \"" + "Nội dung ".repeat(50) + "\"}\n";
					chunk = next.getBytes(StandardCharsets.UTF_8);
					position = 0;
				}
				return chunk[position++] & 0xFF;
			}
		};
		int[] seen = { 0 };

		reader.read("big.json", generated, result -> {
			assertThat(result.ok()).isTrue();
			seen[0]++;
		});

		assertThat(seen[0]).isEqualTo(count);
	}

}
