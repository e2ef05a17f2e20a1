package org.policygraph.traversal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * The neighbourhood of a node with its arguments checked, for the GraphQL API and the
 * exports.
 */
@Service
public class Neighbourhoods {

	/**
	 * The relationship types a view may follow (evidence is reached through
	 * implementations).
	 */
	public static final List<String> TYPES = List.of("IMPLEMENTS", "ISSUED_BY", "MENTIONS", "PART_OF", "OF_PROVINCE",
			"MERGED_INTO");

	/** The most relationships a neighbourhood may have. */
	public static final int MAX_LIMIT = 1000;

	/** The most nodes a view export may name. */
	public static final int MAX_VIEW_NODES = 2000;

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
		return neighbourhood(id, depth, relationshipTypes, limit, null);
	}

	/**
	 * @param id the key of a province, party body or document, or an article id
	 * @param depth the steps, 1 to 3 (default 1)
	 * @param relationshipTypes the types to follow (default all of {@link #TYPES})
	 * @param limit the most relationships, 1 to {@value #MAX_LIMIT} (default 200)
	 * @param articleLimit the most article nodes, 0 to {@code limit} (default: as many as
	 * the limit leaves room for); provinces, party bodies and documents always come first
	 * @return the nodes within {@code depth} steps and the relationships between them
	 * @throws InvalidArgumentException for an argument out of range or an unknown type
	 * @throws NotFoundException when no node has the id
	 */
	public Subgraph neighbourhood(String id, @Nullable Integer depth, @Nullable List<String> relationshipTypes,
			@Nullable Integer limit, @Nullable Integer articleLimit) {
		return neighbourhood(id, depth, relationshipTypes, limit, articleLimit, null, null);
	}

	/**
	 * @param id the key of a province, party body or document, or an article id
	 * @param depth the steps, 1 to 3 (default 1)
	 * @param relationshipTypes the types to follow (default all of {@link #TYPES})
	 * @param limit the most relationships, 1 to {@value #MAX_LIMIT} (default 200)
	 * @param articleLimit the most article nodes, 0 to {@code limit} (default: as many as
	 * the limit leaves room for); provinces, party bodies and documents always come first
	 * @param from follow only what was reported on or after this day (open when
	 * {@code null}): the MENTIONS of articles published then, the IMPLEMENTS and
	 * ISSUED_BY that articles published then support; relationships without reports are
	 * always followed
	 * @param to the same, on or before this day
	 * @return the nodes within {@code depth} steps and the relationships between them
	 * @throws InvalidArgumentException for an argument out of range, an unknown type or a
	 * period ending before it starts
	 * @throws NotFoundException when no node has the id
	 */
	public Subgraph neighbourhood(String id, @Nullable Integer depth, @Nullable List<String> relationshipTypes,
			@Nullable Integer limit, @Nullable Integer articleLimit, @Nullable LocalDate from, @Nullable LocalDate to) {
		InvalidArgumentException.requirePeriod(from, to);
		int steps = range("depth", depth, 1, 1, 3);
		int max = range("limit", limit, 200, 1, MAX_LIMIT);
		int articles = range("articleLimit", articleLimit, max, 0, max);
		return this.queries.neighbourhood(id, steps, types(relationshipTypes), max, articles, from, to)
			.orElseThrow(() -> new NotFoundException(
					"No province, party body, document or article has the id '" + id + "'"));
	}

	/**
	 * A view as drawn: the nodes it shows and the relationships of its types between
	 * them, with what it leaves out around the nodes it opened.
	 * @param ids the keys and article ids of the nodes shown, at most
	 * {@value #MAX_VIEW_NODES}
	 * @param expanded those whose neighbourhood was opened (others are ignored)
	 * @param relationshipTypes the types followed (default all of {@link #TYPES})
	 * @return the view; nodes not found are skipped
	 * @throws InvalidArgumentException for no ids, too many, or an unknown type
	 */
	public Subgraph view(List<String> ids, @Nullable List<String> expanded, @Nullable List<String> relationshipTypes) {
		return view(ids, expanded, relationshipTypes, null, null);
	}

	/**
	 * A view over a period: only the relationships reported in it between the nodes (and
	 * around the opened ones), as {@link #neighbourhood} keeps them.
	 * @param from the period's first day; open when null
	 * @param to the period's last day; open when null
	 */
	public Subgraph view(List<String> ids, @Nullable List<String> expanded, @Nullable List<String> relationshipTypes,
			@Nullable LocalDate from, @Nullable LocalDate to) {
		InvalidArgumentException.requirePeriod(from, to);
		List<String> distinct = ids.stream().filter(id -> !id.isBlank()).distinct().toList();
		if (distinct.isEmpty()) {
			throw new InvalidArgumentException("id", "name at least one node");
		}
		if (distinct.size() > MAX_VIEW_NODES) {
			throw new InvalidArgumentException("id",
					"a view has at most " + MAX_VIEW_NODES + " nodes, was " + distinct.size());
		}
		List<String> opened = (expanded == null) ? List.of()
				: expanded.stream().distinct().filter(Set.copyOf(distinct)::contains).toList();
		return this.queries.view(distinct, opened, types(relationshipTypes), from, to);
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
		return InvalidArgumentException.requireBetween(name, value, fallback, min, max);
	}

}
