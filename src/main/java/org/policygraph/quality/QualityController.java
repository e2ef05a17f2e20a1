package org.policygraph.quality;

import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.InvalidArgumentException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code graphQuality}: the graph's known weak spots, counted and listed. */
@Controller
class QualityController {

	/** The longest list a client may ask for. */
	static final int MAX_ITEMS = 100;

	private final QualityQueries queries;

	QualityController(QualityQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	GraphQuality graphQuality(@Argument @Nullable Integer first) {
		int items = InvalidArgumentException.requireBetween("first", first, 20, 1, MAX_ITEMS);
		return this.queries.report(items);
	}

}
