package org.policygraph.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graph.SearchText;
import org.policygraph.graph.ProvinceUnits;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Dashboard aggregates: coverage, counts, mentions per month and the most mentioned
 * documents. Their responses are kept for a while by the cache package's response cache
 * (the fields are marked {@code @cached} in the schema), not here.
 */
@Controller
class AnalyticsController {

	/** The largest ranking a client may ask for. */
	static final int MAX_TOP = 100;

	/** The most documents a picker may ask for at once. */
	static final int MAX_CHOICES = 100;

	/** The longest text a picker may send. */
	static final int MAX_CHOICE_TEXT = 200;

	/**
	 * A folded word as the full-text index stores it (anything else is left out of the
	 * query).
	 */
	private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private final AnalyticsQueries queries;

	AnalyticsController(AnalyticsQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	@Nullable Coverage coverage(@Argument String documentKey, @Argument @Nullable ProvinceUnits units,
			@Argument @Nullable LocalDate from, @Argument @Nullable LocalDate to) {
		InvalidArgumentException.requirePeriod(from, to);
		ProvinceUnits set = (units != null) ? units : ProvinceUnits.PRE_2025;
		return this.queries.coverage(documentKey, set, from, to).orElse(null);
	}

	@QueryMapping
	List<CountBucket> counts(@Argument CountDimension by, @Argument @Nullable ProvinceUnits units,
			@Argument @Nullable LocalDate from, @Argument @Nullable LocalDate to) {
		InvalidArgumentException.requirePeriod(from, to);
		if (units != null && by != CountDimension.PROVINCE) {
			throw new InvalidArgumentException("units", "applies only to counts by PROVINCE");
		}
		return this.queries.counts(by, units, from, to);
	}

	@QueryMapping
	List<MonthCount> mentionsPerMonth(@Argument @Nullable String documentKey, @Argument @Nullable String provinceKey,
			@Argument @Nullable LocalDate from, @Argument @Nullable LocalDate to) {
		InvalidArgumentException.requirePeriod(from, to);
		return this.queries.mentionsPerMonth(documentKey, provinceKey, from, to);
	}

	@QueryMapping
	List<DocumentRank> topDocuments(@Argument @Nullable LocalDate from, @Argument @Nullable LocalDate to,
			@Argument @Nullable String type, @Argument @Nullable Integer first) {
		InvalidArgumentException.requirePeriod(from, to);
		int limit = InvalidArgumentException.requireBetween("first", first, 10, 1, MAX_TOP);
		return this.queries.topDocuments(from, to, type, limit);
	}

	/**
	 * The documents a picker offers. The words typed are folded as the search folds them;
	 * the last one is taken as a prefix. A number typed alone (or first) lists the
	 * documents of that number first.
	 */
	@QueryMapping
	List<DocumentChoice> documentChoices(@Argument @Nullable String text, @Argument @Nullable DocumentScope scope,
			@Argument @Nullable Integer first) {
		int limit = InvalidArgumentException.requireBetween("first", first, 20, 1, MAX_CHOICES);
		if (text != null && text.length() > MAX_CHOICE_TEXT) {
			throw new InvalidArgumentException("text",
					"must be at most " + MAX_CHOICE_TEXT + " characters, was " + text.length());
		}
		List<String> words = (text != null)
				? SearchText.parse(text).terms().stream().filter(w -> WORD.matcher(w).matches()).toList() : List.of();
		// Every word in the name or the subject (the fields a document has in the index,
		// so that
		// the many articles matching a common word are not read at all); the last one a
		// prefix.
		String query = words.isEmpty() ? null : IntStream.range(0, words.size()).mapToObj(i -> {
			String word = words.get(i) + ((i == words.size() - 1) ? "*" : "");
			return "+(name:" + word + " subject:" + word + ")";
		}).collect(Collectors.joining(" "));
		String number = (!words.isEmpty() && DIGITS.matcher(words.get(0)).matches()) ? words.get(0) : null;
		return this.queries.documentChoices(query, number, scope, limit);
	}

}
