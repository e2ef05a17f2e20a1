package org.policygraph.ingest;

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
	void shouldParseAsStreamsOnlyTheFilesInWhichAFieldSpansLines() {
		Path work = Path.of("work");

		assertThat(Arrays.asList(BulkLoader.importArguments(work,
				List.of(work.resolve("articles.csv"), work.resolve("entities.csv")))))
			.contains("--multiline-fields-format=v2", "--multiline-fields=" + work.resolve("articles.csv") + ","
					+ work.resolve("entities.csv"));
		assertThat(Arrays.asList(BulkLoader.importArguments(work, List.of())))
			.noneMatch(a -> a.startsWith("--multiline-fields"));
	}

}
