package org.policygraph.ingest.bulk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCsvTests {

	@TempDir
	Path directory;

	@Test
	void shouldNoteAFieldThatSpansLines() throws Exception {
		Path flat = this.directory.resolve("flat.csv");
		Path broken = this.directory.resolve("broken.csv");
		try (ImportCsv one = new ImportCsv(flat, List.of(":ID(Article)", "title"));
				ImportCsv other = new ImportCsv(broken, List.of(":ID(Article)", "text"))) {
			one.row("a1", "Nghệ An thực hiện \"Nghị quyết\" 21");
			other.row("a1", "first paragraph");
			other.row("a2", "first paragraph\nsecond paragraph");

			assertThat(one.hasLineBreaks()).isFalse();
			assertThat(other.hasLineBreaks()).isTrue();
		}
		assertThat(Files.readString(flat, StandardCharsets.UTF_8))
			.isEqualTo(":ID(Article),title\n\"a1\",\"Nghệ An thực hiện \"\"Nghị quyết\"\" 21\"\n");
	}

	@Test
	void shouldWriteFieldsLongerThanItsBufferWholeWithTheirQuotesDoubled() throws Exception {
		Path file = this.directory.resolve("long.csv");
		String paragraph = "Tỉnh ủy Đắk Lắk ban hành \"Kế hoạch\" số 12-KH/TU; ";
		String text = paragraph.repeat(40_000);
		try (ImportCsv csv = new ImportCsv(file, List.of(":ID(Article)", "text", "year:long"))) {
			csv.row(1L, "ngắn", 2025L);
			csv.row(2L, text, null);
			csv.row(3L, null, 2026L);
		}

		String expected = ":ID(Article),text,year:long\n1,\"ngắn\",2025\n2,\"" + text.replace("\"", "\"\"")
				+ "\",\n3,,2026\n";
		assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1 << 21);
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected);
	}

	@Test
	void shouldEncodeEveryCharacterAsJavaDoesWhereverTheBufferEnds() throws Exception {
		// One to four bytes per character, quotes doubled, an unpaired surrogate as '?',
		// at every
		// offset against the end of the buffer.
		char[] alphabet = "a\"\né\u1EC7\u0110\uD83D\uDE00\uD800x,".toCharArray();
		java.util.Random random = new java.util.Random(20261201);
		Path file = this.directory.resolve("random.csv");
		StringBuilder expected = new StringBuilder(":ID(Article),text\n");
		try (ImportCsv csv = new ImportCsv(file, List.of(":ID(Article)", "text"))) {
			for (long row = 0; row < 3_000; row++) {
				StringBuilder b = new StringBuilder();
				for (int n = random.nextInt(2_000); n > 0; n--) {
					b.append(alphabet[random.nextInt(alphabet.length)]);
				}
				String text = b.toString();
				csv.row(row, text);
				expected.append(row).append(",\"").append(text.replace("\"", "\"\"")).append("\"\n");
			}
		}

		assertThat(Files.readAllBytes(file)).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldParseAsStreamsOnlyTheFilesInWhichAFieldSpansLines() {
		Path work = Path.of("work");

		assertThat(Arrays.asList(
				BulkLoader.importArguments(work, List.of(work.resolve("articles.csv"), work.resolve("entities.csv")))))
			.contains("--multiline-fields-format=v2",
					"--multiline-fields=" + work.resolve("articles.csv") + "," + work.resolve("entities.csv"));
		assertThat(Arrays.asList(BulkLoader.importArguments(work, List.of())))
			.noneMatch(a -> a.startsWith("--multiline-fields"));
	}

}
