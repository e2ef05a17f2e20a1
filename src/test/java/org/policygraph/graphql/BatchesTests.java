package org.policygraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchesTests {

	private record Parent(String key, @Nullable String child) {
	}

	@Test
	void shouldLookUpOnlyTheChildrenTheParentsDoNotCarry() {
		List<List<String>> lookUps = new ArrayList<>();
		List<Parent> parents = List.of(new Parent("a", "carried a"), new Parent("b", null), new Parent("c", null),
				new Parent("b", null));

		Map<Parent, String> children = Batches.carriedOrLookedUp(parents, Parent::child, Parent::key, keys -> {
			lookUps.add(keys);
			return Map.of("b", "found b");
		});

		assertThat(lookUps).containsExactly(List.of("b", "c"));
		assertThat(children).containsEntry(new Parent("a", "carried a"), "carried a")
			.containsEntry(new Parent("b", null), "found b")
			.containsEntry(new Parent("c", null), null);
	}

	@Test
	void shouldNotLookUpAnythingWhenEveryParentCarriesItsChild() {
		List<Parent> parents = List.of(new Parent("a", "x"), new Parent("b", "y"));

		Map<Parent, String> children = Batches.carriedOrLookedUp(parents, Parent::child, Parent::key, keys -> {
			throw new AssertionError("looked up " + keys);
		});

		assertThat(children).containsValues("x", "y");
	}

	@Test
	void shouldTakeTheFirstChildOfEachKey() {
		assertThat(Batches.firstOfEach(Map.of("a", List.of("1", "2"), "b", List.of()))).isEqualTo(Map.of("a", "1"));
	}

}
