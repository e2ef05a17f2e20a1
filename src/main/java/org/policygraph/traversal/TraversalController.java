package org.policygraph.traversal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code neighbourhood} and {@code shortestPath}: arguments checked in
 * {@link Neighbourhoods}, traversal in {@link TraversalQueries}.
 */
@Controller
class TraversalController {

	private final Neighbourhoods neighbourhoods;

	private final TraversalQueries queries;

	TraversalController(Neighbourhoods neighbourhoods, TraversalQueries queries) {
		this.neighbourhoods = neighbourhoods;
		this.queries = queries;
	}

	@QueryMapping
	Subgraph neighbourhood(@Argument String id, @Argument @Nullable Integer depth,
			@Argument @Nullable List<String> relationshipTypes, @Argument @Nullable Integer limit,
			@Argument @Nullable Integer articleLimit, @Argument @Nullable LocalDate from,
			@Argument @Nullable LocalDate to) {
		return this.neighbourhoods.neighbourhood(id, depth, relationshipTypes, limit, articleLimit, from, to);
	}

	@QueryMapping
	@Nullable Subgraph shortestPath(@Argument String from, @Argument String to, @Argument @Nullable Integer maxLength,
			@Argument @Nullable List<String> relationshipTypes) {
		int length = Neighbourhoods.range("maxLength", maxLength, 6, 1, 10);
		return this.queries.shortestPath(from, to, length, Neighbourhoods.types(relationshipTypes)).orElse(null);
	}

}
