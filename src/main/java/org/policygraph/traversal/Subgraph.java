package org.policygraph.traversal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Nodes and edges for a graph view.
 *
 * @param nodes the nodes
 * @param edges the relationships
 * @param truncated whether a limit cut the result short
 */
public record Subgraph(List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {

	/**
	 * A node.
	 *
	 * @param id key or article id
	 * @param kind ARTICLE, PROVINCE, PARTY_BODY or DOCUMENT
	 * @param label a human label
	 */
	public record GraphNode(String id, String kind, String label) {
	}

	/**
	 * A relationship.
	 *
	 * @param type the type
	 * @param from start node id
	 * @param to end node id
	 * @param articleCount supporting articles of a derived relationship
	 * @param firstReported first report of a derived relationship
	 */
	public record GraphEdge(String type, String from, String to, @Nullable Integer articleCount,
			@Nullable LocalDate firstReported) {
	}

}
