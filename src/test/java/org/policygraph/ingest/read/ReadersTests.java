package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTests {

	private final Readers readers = Readers.defaults(Collector.CLOCK);

	@TempDir
	Path dir;

	private Collector read(String name, byte[] bytes, SourceFormat format) {
		Collector collector = new Collector();
		readers.read(name, new ByteArrayInputStream(bytes), format, collector);
		return collector;
	}

	@Test
	void shouldRejectEmptyFile() throws IOException {
		Path empty = dir.resolve("empty.txt");
		Files.write(empty, Collector.resource("ingest/empty.txt"));
		Collector collector = new Collector();

		readers.read(empty, null, collector);

		assertThat(collector.results).containsExactly(ReadResult.rejected("empty.txt", "file is empty"));
	}

	@Test
	void shouldRejectWhitespaceOnlyFile() {
		Collector collector = read("blank.ndjson", "\uFEFF \n\n\t\n".getBytes(StandardCharsets.UTF_8), null);

		assertThat(collector.results).containsExactly(ReadResult.rejected("blank.ndjson", "file has only whitespace"));
	}

	@Test
	void shouldRejectBinaryGarbageOnce() {
		byte[] garbage = new byte[20_000];
		new Random(42).nextBytes(garbage);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		System.arraycopy(png, 0, garbage, 0, png.length);

		Collector collector = read("anh.json", garbage, null);

		assertThat(collector.results)
			.containsExactly(ReadResult.rejected("anh.json", "not a text file (binary content)"));
	}

	@Test
	void shouldTreatMostlyInvalidUtf8WithoutNulAsBinary() {
		byte[] bytes = new byte[1000];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i % 2 == 0 ? 0xFF : 'a');
		}

		assertThat(Readers.looksBinary(bytes)).isTrue();
		assertThat(Readers.looksBinary("Đảng bộ tỉnh Hà Tĩnh\n".repeat(100).getBytes(StandardCharsets.UTF_8)))
			.isFalse();
	}

	@Test
	void shouldRejectInvalidUtf8ListingLineWithByteOffset() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("Tiêu đề một\n\nMở đầu một.\n\nTiêu đề hai\n\nMở đầu ".getBytes(StandardCharsets.UTF_8));
		int badOffset = bytes.size();
		bytes.write(0xC0);
		bytes.writeBytes(" hai.\n".getBytes(StandardCharsets.UTF_8));
		Path file = dir.resolve("latin.txt");
		Files.write(file, bytes.toByteArray());
		Collector collector = new Collector();

		readers.read(file, null, collector);

		assertThat(collector.titles()).containsExactly("Tiêu đề một");
		assertThat(collector.rejections())
			.containsExactly(new Rejection("latin.txt:5", "invalid UTF-8 at byte " + badOffset + " (line 7)"));
	}

	@Test
	void shouldAcceptByteOrderMarkAndCountItInOffsets() {
		byte[] body = "{\"title\": \"Một\"}\n{\"title\": \"x\u00ff\"}\n".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[body.length + 3];
		bytes[0] = (byte) 0xEF;
		bytes[1] = (byte) 0xBB;
		bytes[2] = (byte) 0xBF;
		System.arraycopy(body, 0, bytes, 3, body.length);
		int badAt = 3 + "{\"title\": \"Một\"}\n{\"title\": \"x".getBytes(StandardCharsets.UTF_8).length;
		bytes[badAt] = (byte) 0xFF;

		Collector collector = read("bom.ndjson", bytes, null);

		assertThat(collector.titles()).containsExactly("Một");
		assertThat(collector.rejections())
			.containsExactly(new Rejection("bom.ndjson:2", "invalid UTF-8 at byte " + badAt));
	}

	@Test
	void shouldRejectLaterDuplicateUrlsNamingTheFirstLocation() throws IOException {
		Path file = dir.resolve("duplicate-urls.json");
		Files.write(file, Collector.resource("ingest/duplicate-urls.json"));
		Collector collector = new Collector();

		readers.read(file, null, collector);

		assertThat(collector.titles()).containsExactly("Bài gốc về công tác cán bộ", "Bài khác");
		assertThat(collector.rejections()).containsExactly(new Rejection("duplicate-urls.json[2]",
				"duplicate url https://www.xaydungdang.org.vn/co-so-dang/bai-goc-20010.html "
						+ "(first seen at duplicate-urls.json[0])"));
	}

	@Test
	void shouldReadDirectoryRecursivelyInPathOrderSkippingHiddenAndDetectingEachFormat() throws IOException {
		Files.createDirectories(dir.resolve("b/feeds"));
		Files.createDirectories(dir.resolve(".cache"));
		Files.write(dir.resolve("a-listing.txt"), Collector.resource("seed/listing.txt"));
		Files.write(dir.resolve("b/feeds/tin.xml"), Collector.resource("ingest/feed-atom.xml"));
		Files.write(dir.resolve("b/export.txt"), Collector.resource("ingest/articles.ndjson"));
		Files.write(dir.resolve("c.html"), Collector.resource("ingest/article.html"));
		Files.write(dir.resolve(".hidden.json"), "[{\"title\": \"ẩn\"}]".getBytes(StandardCharsets.UTF_8));
		Files.write(dir.resolve(".cache/x.json"), "[{\"title\": \"ẩn\"}]".getBytes(StandardCharsets.UTF_8));
		Collector collector = new Collector();

		readers.read(dir, null, collector);

		assertThat(collector.rejections()).isEmpty();
		assertThat(collector.articles()).hasSize(7 + 2 + 2 + 1);
		assertThat(collector.articles()).extracting(RawArticle::location)
			.containsSubsequence("a-listing.txt:1", "b/export.txt:1", "b/feeds/tin.xml#item 1", "c.html");
	}

	@Test
	void shouldDetectDuplicatesAcrossFilesOfOneDirectoryRead() throws IOException {
		Files.write(dir.resolve("1.ndjson"),
				"{\"title\": \"Một\", \"url\": \"https://baochinhphu.vn/a\"}\n".getBytes(StandardCharsets.UTF_8));
		Files.write(dir.resolve("2.ndjson"),
				"{\"title\": \"Hai\", \"url\": \"https://baochinhphu.vn/a\"}\n".getBytes(StandardCharsets.UTF_8));
		Collector collector = new Collector();

		readers.read(dir, null, collector);

		assertThat(collector.titles()).containsExactly("Một");
		assertThat(collector.rejections()).containsExactly(
				new Rejection("2.ndjson:1", "duplicate url https://baochinhphu.vn/a (first seen at 1.ndjson:1)"));
	}

	@Test
	void shouldUseCallerFormatOverDetection() {
		byte[] json = "[{\"title\": \"Một\"}]".getBytes(StandardCharsets.UTF_8);

		Collector detected = read("a.json", json, null);
		Collector forced = read("a.json", json, SourceFormat.LISTING);

		assertThat(detected.titles()).containsExactly("Một");
		assertThat(forced.titles()).containsExactly("[{\"title\": \"Một\"}]");
	}

	@Test
	void shouldRejectMissingPath() {
		Collector collector = new Collector();

		readers.read(dir.resolve("khong-co.json"), null, collector);

		assertThat(collector.results)
			.containsExactly(ReadResult.rejected("khong-co.json", "no such file or directory"));
	}

	@Test
	void shouldReadTruncatedJsonThroughFacade() {
		Collector collector = read("truncated.json", Collector.resource("ingest/truncated.json"), null);

		assertThat(collector.articles()).hasSize(1);
		assertThat(collector.rejections())
			.containsExactly(new Rejection("truncated.json[1]", "truncated JSON: unexpected end of input at line 3"));
	}

}
