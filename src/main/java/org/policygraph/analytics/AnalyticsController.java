package org.policygraph.analytics;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.InvalidArgumentException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Dashboard aggregates: coverage, counts, mentions per month and the most mentioned documents.
 */
@Controller
class AnalyticsController {

	/** The largest ranking a client may ask for. */
	static final int MAX_TOP = 100;

	private final AnalyticsQueries queries;

	AnalyticsController(AnalyticsQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	@Nullable Coverage coverage(@Argument String documentKey, @Argument @Nullable ProvinceUnits units) {
		return this.queries.coverage(documentKey, (units != null) ? units : ProvinceUnits.PRE_2025).orElse(null);
	}

	@QueryMapping
	List<CountBucket> counts(@Argument CountDimension by, @Argument @Nullable LocalDate from,
			@Argument @Nullable LocalDate to) {
		checkPeriod(from, to);
		return this.queries.counts(by, from, to);
	}

	@QueryMapping
	List<MonthCount> mentionsPerMonth(@Argument @Nullable String documentKey, @Argument @Nullable String provinceKey,
			@Argument @Nullable LocalDate from, @Argument @Nullable LocalDate to) {
		checkPeriod(from, to);
		return this.queries.mentionsPerMonth(documentKey, provinceKey, from, to);
	}

	@QueryMapping
	List<DocumentRank> topDocuments(@Argument @Nullable LocalDate from, @Argument @Nullable LocalDate to,
			@Argument @Nullable String type, @Argument @Nullable Integer first) {
		checkPeriod(from, to);
		int limit = (first != null) ? first : 10;
		if (limit < 1 || limit > MAX_TOP) {
			throw new InvalidArgumentException("first", "must be between 1 and " + MAX_TOP + ", was " + limit);
		}
		return this.queries.topDocuments(from, to, type, limit);
	}

	private static void checkPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidArgumentException("to", "must not be before 'from' (" + from + "), was " + to);
		}
	}

}
