package org.policygraph.search;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.Selections;
import org.policygraph.graph.SearchText;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code search} query.
 */
@Controller
class SearchController {

	/** The most hits one call returns. */
	static final int MAX_HITS = 50;

	/** The longest input accepted. */
	static final int MAX_TEXT_LENGTH = 500;

	private final SearchQueries queries;

	SearchController(SearchQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument @Nullable List<SearchType> types,
			@Argument @Nullable Integer first, DataFetchingFieldSelectionSet selection) {
		if (text.isBlank()) {
			throw new InvalidArgumentException("text", "must not be blank");
		}
		if (text.length() > MAX_TEXT_LENGTH) {
			throw new InvalidArgumentException("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
		}
		int limit = InvalidArgumentException.requireBetween("first", first, 10, 1, MAX_HITS);
		SearchText parsed = SearchText.parse(text);
		if (parsed.isEmpty()) {
			return List.of();
		}
		// Snippets, and the article text they are cut from, only when asked for.
		return this.queries.search(parsed, (types == null || types.isEmpty()) ? null : types, limit,
				Selections.asks(selection, "snippet"), Selections.asks(selection, "article/text"));
	}

}
