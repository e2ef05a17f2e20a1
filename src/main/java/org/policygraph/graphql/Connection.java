package org.policygraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a Relay connection with the total count of matching items.
 *
 * @param <T> the node type
 * @param edges the items on this page with their cursors
 * @param pageInfo where the page sits
 * @param totalCount the number of matching items on all pages
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

	/**
	 * Builds a page from the rows of a query that fetched one row more than the page
	 * size.
	 * @param <T> the node type
	 * @param rows up to {@code request.first() + 1} rows in order
	 * @param request the page request
	 * @param cursorOf the cursor of a node
	 * @param totalCount the number of matching items
	 * @return the page
	 */
	public static <T> Connection<T> of(List<T> rows, PageRequest request, Function<T, Cursor> cursorOf,
			long totalCount) {
		boolean hasNext = rows.size() > request.first();
		List<T> page = hasNext ? rows.subList(0, request.first()) : rows;
		List<Edge<T>> edges = new ArrayList<>(page.size());
		for (T node : page) {
			edges.add(new Edge<>(cursorOf.apply(node).encode(), node));
		}
		PageInfo info = new PageInfo(hasNext, request.after() != null, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, info, totalCount);
	}

	/**
	 * An item on a page.
	 *
	 * @param <T> the node type
	 * @param cursor the opaque position of the item
	 * @param node the item
	 */
	public record Edge<T>(String cursor, T node) {
	}

	/**
	 * Relay page information.
	 *
	 * @param hasNextPage whether another page follows
	 * @param hasPreviousPage whether a page precedes
	 * @param startCursor the first cursor on the page
	 * @param endCursor the last cursor on the page
	 */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
