package org.policygraph.ingest;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngestGenerationTests {

	@Test
	void shouldStartANewGenerationAndEmptyEveryRegisteredCacheOnEachIngest() {
		IngestGeneration generation = new IngestGeneration();
		List<String> emptied = new ArrayList<>();
		generation.onIngest(() -> emptied.add("aggregates"));
		generation.onIngest(() -> emptied.add("orders"));
		long before = generation.current();

		generation.onArticlesIngested(new ArticlesIngestedEvent(List.of("a1")));

		assertThat(generation.current()).isEqualTo(before + 1);
		assertThat(emptied).containsExactly("aggregates", "orders");

		generation.onArticlesIngested(new ArticlesIngestedEvent(List.of("a2")));

		assertThat(generation.current()).isEqualTo(before + 2);
		assertThat(emptied).hasSize(4);
	}

}
