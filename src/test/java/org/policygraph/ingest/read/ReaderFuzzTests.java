package org.policygraph.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.policygraph.fuzz.FuzzSettings;
import org.policygraph.fuzz.FuzzStrings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Random and mutated bytes in every format, through format detection ({@link Readers})
 * and through each {@link ArticleReader} directly: whatever the bytes, the outcome is
 * accepted articles that satisfy the validator's rules and located rejections, never an
 * exception, within a time bound. Seeds are the test files and the sample listing;
 * mutations flip, drop, insert and repeat bytes, cut the input, splice formats together,
 * insert invalid UTF-8, NUL bytes and byte order marks, nest JSON and markup deeply, and
 * add XML entity tricks (an entity bomb, an external entity naming a local file). The
 * seed is printed; replay with {@code -Dfuzz.seed=…}.
 */
class ReaderFuzzTests {

	private static final List<String> SEEDS = List.of("ingest/articles.ndjson", "ingest/articles.json",
			"ingest/article.html", "ingest/feed-rss.xml", "ingest/feed-atom.xml", "ingest/bad-dates.ndjson",
			"ingest/duplicate-urls.json", "ingest/truncated.json", "ingest/no-article.html", "sample/listing.txt");

	private static final List<String> NAMES = List.of("a.ndjson", "a.json", "a.html", "a.xml", "a.txt", "a", "a.rss",
			"a.jsonl", "a.htm", "a.atom");

	private final Readers readers = Readers.defaults(Collector.CLOCK);

	private final FuzzSettings settings = FuzzSettings.fromSystemProperties(400, Duration.ofSeconds(60));

	@Test
	void shouldOnlyAcceptValidArticlesOrRejectWithALocationWhateverTheBytes() {
		System.out.println(this.settings.banner(getClass().getSimpleName()));
		List<byte[]> seeds = SEEDS.stream().map(Collector::resource).toList();
		for (int i = 0; i < this.settings.iterations(); i++) {
			if (!this.settings.runs(i)) {
				continue;
			}
			Random r = this.settings.random(i);
			byte[] input = input(r, seeds);
			String name = FuzzStrings.pick(r, NAMES);
			SourceFormat format = r.nextInt(3) == 0 ? null : FuzzStrings.pick(r, List.of(SourceFormat.values()));
			String replay = this.settings.replay(i) + " " + name + " as " + format + ", " + input.length + " bytes";

			Collector viaReaders = new Collector();
			assertTimeoutPreemptively(this.settings.timeout(),
					() -> this.readers.read(name, new ByteArrayInputStream(input), format, viaReaders), replay);
			check(viaReaders, name, replay);

			SourceFormat direct = (format != null) ? format : SourceFormat.detect(name, head(input));
			Collector viaReader = new Collector();
			assertTimeoutPreemptively(this.settings.timeout(),
					() -> this.readers.reader(direct).read(name, new ByteArrayInputStream(input), viaReader),
					replay + " (reader " + direct + ")");
			check(viaReader, name, replay + " (reader " + direct + ")");
		}
	}

	@Test
	void shouldNotExpandXmlEntitiesFromFilesOrWithoutBound() {
		String external = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>
				<rss version="2.0"><channel><title>t</title><item><title>Bài &x;</title><description>&x;</description>
				<link>https://example.org/a</link></item></channel></rss>""";
		StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a0 \"ha\">");
		for (int i = 1; i < 12; i++) {
			bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
		}
		bomb.append(
				"]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>&a11;</title></item></channel></rss>");

		for (String feed : List.of(external, bomb.toString())) {
			Collector collector = new Collector();
			assertTimeoutPreemptively(Duration.ofSeconds(60), () -> this.readers.read("feed.xml",
					new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), SourceFormat.FEED, collector));

			assertThat(collector.results).isNotEmpty();
			for (RawArticle article : collector.articles()) {
				assertThat(article.title().length() + article.text().length()).isLessThan(10_000);
				assertThat(article.title()).doesNotContain(hostname());
			}
		}
	}

	private static String hostname() {
		try (InputStream in = new java.io.FileInputStream("/etc/hostname")) {
			String name = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
			return name.isEmpty() ? "\u0000" : name;
		}
		catch (IOException ex) {
			return "\u0000";
		}
	}

	private static void check(Collector collector, String name, String replay) {
		for (ReadResult result : collector.results) {
			assertThat(result.location()).as(replay).startsWith(name);
			if (result.ok()) {
				RawArticle a = result.article();
				assertThat(a.title()).as(replay).isNotBlank();
				assertThat(a.title().codePointCount(0, a.title().length())).as(replay)
					.isLessThanOrEqualTo(ArticleValidator.MAX_TITLE_CHARS);
				assertThat(a.text()).as(replay).isNotNull();
				assertThat(Utf8.byteLength(a.text())).as(replay).isLessThanOrEqualTo(ArticleValidator.MAX_TEXT_BYTES);
				if (a.url() != null) {
					assertThat(ArticleValidator.isHttpUrl(a.url())).as(replay + " url " + a.url()).isTrue();
					assertThat(Utf8.byteLength(a.url())).as(replay).isLessThanOrEqualTo(ArticleValidator.MAX_URL_BYTES);
				}
				if (a.publishedAt() != null) {
					assertThat(a.publishedAt()).as(replay)
						.isBetween(LocalDate.parse(ArticleValidator.EARLIEST_DATE),
								LocalDate.now(Collector.CLOCK).plusDays(1));
				}
				assertThat(a.title() + a.text()).as(replay).doesNotContain("\u0000");
			}
			else {
				assertThat(result.rejection().reason()).as(replay).isNotBlank();
			}
		}
	}

	private static byte[] head(byte[] input) {
		return java.util.Arrays.copyOf(input, Math.min(input.length, ReaderLimits.HEAD_BYTES));
	}

	private static byte[] input(Random r, List<byte[]> seeds) {
		byte[] bytes = FuzzStrings.pick(r, seeds).clone();
		int rounds = 1 + r.nextInt(4);
		for (int round = 0; round < rounds; round++) {
			bytes = mutate(r, bytes, seeds);
		}
		return bytes;
	}

	private static byte[] mutate(Random r, byte[] in, List<byte[]> seeds) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = (in.length == 0) ? 0 : r.nextInt(in.length);
		switch (r.nextInt(14)) {
			case 0 -> {
				byte[] copy = in.clone();
				for (int k = 0; k < 1 + r.nextInt(10) && copy.length > 0; k++) {
					copy[r.nextInt(copy.length)] ^= (byte) (1 << r.nextInt(8));
				}
				return copy;
			}
			case 1 -> {
				return java.util.Arrays.copyOf(in, at);
			}
			case 2 -> {
				out.write(in, 0, at);
				byte[] noise = new byte[1 + r.nextInt(64)];
				r.nextBytes(noise);
				out.writeBytes(noise);
				out.write(in, at, in.length - at);
			}
			case 3 -> {
				out.write(in, 0, at);
				byte[][] bad = { { (byte) 0xFF }, { (byte) 0xC0, (byte) 0xAF },
						{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xE1, (byte) 0xBA }, { (byte) 0x80 }, { 0 },
						{ (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
						{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 } };
				out.writeBytes(bad[r.nextInt(bad.length)]);
				out.write(in, at, in.length - at);
			}
			case 4 -> {
				int length = Math.min(in.length - at, 1 + r.nextInt(200));
				out.write(in, 0, at);
				out.write(in, at + length, in.length - at - length);
			}
			case 5 -> {
				int length = Math.min(in.length - at, 1 + r.nextInt(500));
				out.write(in, 0, at + length);
				int times = 1 + r.nextInt(r.nextInt(10) == 0 ? 5_000 : 20);
				for (int k = 0; k < times; k++) {
					out.write(in, at, length);
				}
				out.write(in, at + length, in.length - at - length);
			}
			case 6 -> {
				byte[] other = FuzzStrings.pick(r, seeds);
				out.write(in, 0, at);
				out.write(other, 0, r.nextInt(other.length + 1));
			}
			case 7 -> {
				byte[] garbage = new byte[r.nextInt(r.nextBoolean() ? 100 : 20_000)];
				r.nextBytes(garbage);
				return garbage;
			}
			case 8 -> {
				out.write(in, 0, at);
				String text = FuzzStrings.any(r);
				out.writeBytes(r.nextBoolean() ? text.getBytes(StandardCharsets.UTF_8)
						: ("\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
							.getBytes(StandardCharsets.UTF_8));
				out.write(in, at, in.length - at);
			}
			case 9 -> {
				int depth = 100 + r.nextInt(20_000);
				String open = FuzzStrings.pick(r, List.of("[", "{\"a\":", "<div>", "<b><i>", "<![CDATA["));
				out.write(in, 0, at);
				out.writeBytes(open.repeat(depth).getBytes(StandardCharsets.UTF_8));
				out.write(in, at, in.length - at);
			}
			case 10 -> {
				String token = FuzzStrings.pick(r, List.of("{\"title\": null}\n", "{\"title\": 5, \"text\": []}\n",
						"{\"title\": \"t\", \"publishedAt\": \"-999999999-01-01\"}\n", "[1e999999, -0, NaN]",
						"{\"title\": \"t\", \"url\": \"https://x/" + "a".repeat(5_000) + "\"}\n",
						"<item><title></title></item>", "<entry><title>t</title><updated>9999-99-99</updated></entry>",
						"<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<!DOCTYPE html>",
						"<meta charset=\"windows-1258\">", "\uFEFF", "\r", "\r\n\r\n", "\n\n\n", "<script>", "</html>",
						"]]>", "&#0;", "&#xD800;", "&amp;&lt;&nbsp;", "\\u0000", "\\ud800"));
				out.write(in, 0, at);
				out.writeBytes(token.getBytes(StandardCharsets.UTF_8));
				out.write(in, at, in.length - at);
			}
			case 11 -> {
				return new byte[0];
			}
			case 12 -> {
				out.writeBytes(" \n\t".repeat(r.nextInt(4_000)).getBytes(StandardCharsets.UTF_8));
				out.writeBytes(in);
			}
			default -> {
				byte[] copy = in.clone();
				for (int k = 0; k < 1 + r.nextInt(20) && copy.length > 0; k++) {
					copy[r.nextInt(copy.length)] = (byte) FuzzStrings
						.pick(r, List.of('{', '}', '[', ']', '<', '>', '"', '\\', ',', ':', '\n', '&', ';', '/'))
						.charValue();
				}
				return copy;
			}
		}
		return out.toByteArray();
	}

}
