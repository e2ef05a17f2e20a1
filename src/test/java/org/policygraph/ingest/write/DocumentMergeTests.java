package org.policygraph.ingest.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which document rows a batch need not send: only those that would leave a node already
 * in the graph as it is.
 */
class DocumentMergeTests {

	private static Map<String, Object> row(String subject, Integer year) {
		Map<String, Object> row = new HashMap<>();
		row.put("key", "22-NQ/TW|TW|2008");
		row.put("year", year);
		row.put("subject", subject);
		row.put("issuedOn", null);
		row.put("term", null);
		return row;
	}

	@Test
	void shouldSkipARowWhoseNodeAlreadyHasEverythingTheRowWouldComplete() {
		assertThat(DocumentMerge.changesNothing(row("xây dựng Đảng", 2008), List.of("year", "subject"))).isTrue();
		assertThat(DocumentMerge.changesNothing(row(null, null), List.of())).isTrue();
	}

	@Test
	void shouldSendARowThatCompletesAPropertyTheNodeLacks() {
		assertThat(DocumentMerge.changesNothing(row("xây dựng Đảng", 2008), List.of("year"))).isFalse();
		assertThat(DocumentMerge.changesNothing(row(null, 2008), List.of("subject"))).isFalse();
	}

	@Test
	void shouldSendARowWhoseNodeWasNotReadFromTheGraph() {
		assertThat(DocumentMerge.changesNothing(row(null, null), null)).isFalse();
	}

}
