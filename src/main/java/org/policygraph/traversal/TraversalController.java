package org.policygraph.traversal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.NotFoundException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code neighbourhood} and {@code shortestPath}: arguments checked here, traversal in
 * {@link TraversalQueries}.
 */
@Controller
class TraversalController {

	/** The relationship types a view may follow (evidence is reached through implementations). */
	static final List<String> TYPES = List.of("IMPLEMENTS", "ISSUED_BY", "MENTIONS", "PART_OF", "OF_PROVINCE",
			"MERGED_INTO");

	private final TraversalQueries queries;

	TraversalController(TraversalQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	Subgraph neighbourhood(@Argument String id, @Argument @Nullable Integer depth,
			@Argument @Nullable List<String> relationshipTypes, @Argument @Nullable Integer limit) {
		int steps = range("depth", depth, 1, 1, 3);
		int max = range("limit", limit, 200, 1, 1000);
		return this.queries.neighbourhood(id, steps, types(relationshipTypes), max)
			.orElseThrow(() -> new NotFoundException("No province, party body, document or article has the id '" + id + "'"));
	}

	@QueryMapping
	@Nullable Subgraph shortestPath(@Argument String from, @Argument String to, @Argument @Nullable Integer maxLength,
			@Argument @Nullable List<String> relationshipTypes) {
		int length = range("maxLength", maxLength, 6, 1, 10);
		return this.queries.shortestPath(from, to, length, types(relationshipTypes)).orElse(null);
	}

	private static List<String> types(@Nullable List<String> requested) {
		if (requested == null || requested.isEmpty()) {
			return TYPES;
		}
		List<String> types = requested.stream().map(t -> t.toUpperCase(Locale.ROOT)).distinct().toList();
		for (String type : types) {
			if (!Set.copyOf(TYPES).contains(type)) {
				throw new InvalidArgumentException("relationshipTypes",
						"unknown type '" + type + "'; expected some of " + String.join(", ", TYPES));
			}
		}
		return types;
	}

	private static int range(String name, @Nullable Integer value, int fallback, int min, int max) {
		int v = (value != null) ? value : fallback;
		if (v < min || v > max) {
			throw new InvalidArgumentException(name, "must be between " + min + " and " + max + ", was " + v);
		}
		return v;
	}

}
