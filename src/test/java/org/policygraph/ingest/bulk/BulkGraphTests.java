package org.policygraph.ingest.bulk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BulkGraphTests {

	@TempDir
	Path directory;

	@Test
	void shouldKeepItsCountsButRefuseMoreWorkOnceItsFilesAreWritten() throws Exception {
		BulkGraph graph = new BulkGraph(this.directory, ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
		graph.addExisting(List.of("Province", "Entity"), Map.of("key", "40", "name", "Nghệ An"));
		graph.addExisting(List.of("Province", "Entity"), Map.of("key", "38", "name", "Thanh Hóa"));

		graph.finish();

		assertThat(graph.nodes()).isEqualTo(2);
		assertThat(Files.readAllLines(this.directory.resolve(BulkGraph.ENTITIES))).hasSize(3);
		assertThat(graph.filesWithLineBreaks()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> graph.write(List.of())).withMessageContaining("finished");
		assertThatIllegalStateException().isThrownBy(() -> graph.contentHashes(List.of("a")));
		assertThatIllegalStateException().isThrownBy(graph::finish);
		assertThat(Files.readAllLines(this.directory.resolve(BulkGraph.ENTITIES))).hasSize(3);
	}

}
