package org.policygraph.traversal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * The neighbourhood of a node with its arguments checked, for the GraphQL API and the exports.
 */
@Service
public class Neighbourhoods {

	/** The relationship types a view may follow (evidence is reached through implementations). */
	public static final List<String> TYPES = List.of("IMPLEMENTS", "ISSUED_BY", "MENTIONS", "PART_OF", "OF_PROVINCE",
			"MERGED_INTO");

	/** The most relationships a neighbourhood may have. */
	public static final int MAX_LIMIT = 1000;

	private final TraversalQueries queries;

	Neighbourhoods(TraversalQueries queries) {
		this.queries = queries;
	}

	/**
	 * @param id the key of a province, party body or document, or an article id
	 * @param depth the steps, 1 to 3 (default 1)
	 * @param relationshipTypes the types to follow (default all of {@link #TYPES})
	 * @param limit the most relationships, 1 to {@value #MAX_LIMIT} (default 200)
	 * @return the nodes within {@code depth} steps and the relationships between them
	 * @throws InvalidArgumentException for an argument out of range or an unknown type
	 * @throws NotFoundException when no node has the id
	 */
	public Subgraph neighbourhood(String id, @Nullable Integer depth, @Nullable List<String> relationshipTypes,
			@Nullable Integer limit) {
		int steps = range("depth", depth, 1, 1, 3);
		int max = range("limit", limit, 200, 1, MAX_LIMIT);
		return this.queries.neighbourhood(id, steps, types(relationshipTypes), max)
			.orElseThrow(() -> new NotFoundException("No province, party body, document or article has the id '" + id + "'"));
	}

	static List<String> types(@Nullable List<String> requested) {
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

	static int range(String name, @Nullable Integer value, int fallback, int min, int max) {
		int v = (value != null) ? value : fallback;
		if (v < min || v > max) {
			throw new InvalidArgumentException(name, "must be between " + min + " and " + max + ", was " + v);
		}
		return v;
	}

}
