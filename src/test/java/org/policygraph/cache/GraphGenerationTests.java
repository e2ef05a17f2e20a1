package org.policygraph.cache;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphGenerationTests {

	@Test
	void shouldStartANewGenerationAndEmptyEveryRegisteredCacheOnEachChangeOfTheGraph() {
		GraphGeneration generation = new GraphGeneration();
		List<String> emptied = new ArrayList<>();
		generation.onChange(() -> emptied.add("aggregates"));
		generation.onChange(() -> emptied.add("orders"));
		long before = generation.current();

		generation.onGraphChanged(GraphChanged.written());

		assertThat(generation.current()).isEqualTo(before + 1);
		assertThat(emptied).containsExactly("aggregates", "orders");

		generation.onGraphChanged(GraphChanged.written());

		assertThat(generation.current()).isEqualTo(before + 2);
		assertThat(emptied).hasSize(4);
	}

}
