package org.policygraph.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison of a GraphQL answer with its Cypher floor: driver types and JSON types
 * meet, list order can be ignored, and a difference is located.
 */
class AnswersTests {

	private static Object norm(Object value) {
		return Answers.normalize(value, Set.of("snippet"));
	}

	@Test
	void shouldTreatJsonAndDriverValuesAlike() {
		Object json = norm(Map.of("count", 3, "day", "2020-01-02", "avg", 2.5, "whole", 4.0));
		Object driver = norm(Map.of("count", 3L, "day", LocalDate.of(2020, 1, 2), "avg", 2.5, "whole", 4L));

		assertThat(Answers.difference(json, driver, false)).isEmpty();
	}

	@Test
	void shouldIgnoreListOrderOnlyWhenAskedAndLeaveOutIgnoredKeys() {
		Object a = norm(Map.of("hits", List.of(Map.of("key", "a", "snippet", "x"), Map.of("key", "b"))));
		Object b = norm(Map.of("hits", List.of(Map.of("key", "b"), Map.of("key", "a"))));

		assertThat(Answers.difference(a, b, true)).isEmpty();
		assertThat(Answers.difference(a, b, false))
			.hasValueSatisfying(d -> assertThat(d).startsWith("data.hits[0].key"));
	}

	@Test
	void shouldLocateTheFirstDifference() {
		Object a = norm(Map.of("document", Map.of("key", "k", "edges", List.of(Map.of("count", 1)))));
		Object b = norm(Map.of("document", Map.of("key", "k", "edges", List.of(Map.of("count", 2)))));
		Object c = norm(Map.of("document", Map.of("key", "k", "edges", List.of())));

		assertThat(Answers.difference(a, b, true)).contains("data.document.edges[0].count: 1 <> 2");
		assertThat(Answers.difference(a, c, true)).hasValueSatisfying(d -> assertThat(d).contains("1 items against 0"));
	}

}
