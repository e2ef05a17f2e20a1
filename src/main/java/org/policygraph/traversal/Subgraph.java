package org.policygraph.traversal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Nodes and edges for a graph view.
 *
 * @param nodes the nodes, the start node first
 * @param edges the relationships
 * @param truncated whether the limit cut the result short
 * @param around the relationships of the start node by type, direction and neighbour
 * kind: how many it has and how many of them are in {@code edges}
 */
public record Subgraph(List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated, List<NeighbourCount> around) {

	/**
	 * A subgraph without counts around its start (a path).
	 * @param nodes the nodes
	 * @param edges the relationships
	 * @param truncated whether a limit cut the result short
	 */
	public Subgraph(List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {
		this(nodes, edges, truncated, List.of());
	}

	/**
	 * @return the relationships around the start node that are not in {@code edges}
	 */
	public int leftOut() {
		return this.around.stream().mapToInt(c -> c.total() - c.included()).sum();
	}

	/**
	 * A node, with what tells it apart from others of the same label.
	 *
	 * @param id key or article id
	 * @param kind ARTICLE, PROVINCE, PARTY_BODY or DOCUMENT
	 * @param label a human label
	 * @param date a document's issue date or an article's publication date
	 * @param year a document's issue year
	 * @param level a document's or party body's level ({@code CENTRAL},
	 * {@code PROVINCIAL} …)
	 * @param provinceKey a province's own key, or the province of a local document, party
	 * body or article
	 * @param provinceName the name of that province
	 * @param era the era of that province ({@code PRE_2025}, {@code POST_2025},
	 * {@code BOTH})
	 */
	public record GraphNode(String id, String kind, String label, @Nullable LocalDate date, @Nullable Integer year,
			@Nullable String level, @Nullable String provinceKey, @Nullable String provinceName, @Nullable String era) {

		/**
		 * A node with a label only.
		 * @param id key or article id
		 * @param kind the kind
		 * @param label the label
		 */
		public GraphNode(String id, String kind, String label) {
			this(id, kind, label, null, null, null, null, null, null);
		}

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

	/**
	 * How many relationships of one type, direction and neighbour kind the start node
	 * has.
	 *
	 * @param type the relationship type
	 * @param outgoing whether the start node is the relationship's start
	 * @param kind the kind of the node at the other end
	 * @param total how many such relationships the start node has
	 * @param included how many of them the subgraph holds
	 */
	public record NeighbourCount(String type, boolean outgoing, String kind, int total, int included) {
	}

}
