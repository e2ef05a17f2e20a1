package org.policygraph.traversal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Value;
import org.policygraph.traversal.Subgraph.GraphEdge;
import org.policygraph.traversal.Subgraph.GraphNode;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind graph views. A node is found by its key (provinces, bodies, documents: label
 * {@code Entity}) or its id (articles); evidence nodes are never part of a view. The
 * neighbourhood grows one step per statement, each bounded by the edges still allowed, so a
 * province mentioned by thousands of articles cannot blow a view up.
 */
@Repository
@Transactional(readOnly = true)
class TraversalQueries {

	private static final String START = """
			CALL () {
			  MATCH (n:Entity {key: $id}) RETURN n
			  UNION
			  MATCH (n:Article {id: $id}) RETURN n
			}
			WITH n LIMIT 1
			RETURN elementId(n) AS eid,
			       CASE
			         WHEN n:Article THEN {id: n.id, kind: 'ARTICLE', label: n.title}
			         WHEN n:Province THEN {id: n.key, kind: 'PROVINCE', label: n.name}
			         WHEN n:PartyBody THEN {id: n.key, kind: 'PARTY_BODY', label: n.name}
			         ELSE {id: n.key, kind: 'DOCUMENT', label: coalesce(n.name, n.key)}
			       END AS view""";

	private static final String STEP = """
			UNWIND $frontier AS eid
			MATCH (n) WHERE elementId(n) = eid
			MATCH (n)-[r]-(m)
			WHERE type(r) IN $types AND (m:Entity OR m:Article) AND NOT elementId(r) IN $seen
			WITH DISTINCT r, m
			LIMIT $limit
			RETURN elementId(r) AS rid, elementId(m) AS eid,
			       CASE
			         WHEN m:Article THEN {id: m.id, kind: 'ARTICLE', label: m.title}
			         WHEN m:Province THEN {id: m.key, kind: 'PROVINCE', label: m.name}
			         WHEN m:PartyBody THEN {id: m.key, kind: 'PARTY_BODY', label: m.name}
			         ELSE {id: m.key, kind: 'DOCUMENT', label: coalesce(m.name, m.key)}
			       END AS view,
			       {type: type(r), from: coalesce(startNode(r).key, startNode(r).id),
			        to: coalesce(endNode(r).key, endNode(r).id),
			        articleCount: r.articleCount, firstReported: r.firstReported} AS edge""";

	private static final String SHORTEST_PATH = """
			CALL () {
			  MATCH (n:Entity {key: $from}) RETURN n
			  UNION
			  MATCH (n:Article {id: $from}) RETURN n
			}
			WITH n AS a LIMIT 1
			CALL () {
			  MATCH (n:Entity {key: $to}) RETURN n
			  UNION
			  MATCH (n:Article {id: $to}) RETURN n
			}
			WITH a, n AS b LIMIT 1
			MATCH path = shortestPath((a)-[*0..10]-(b))
			WHERE length(path) <= $maxLength AND all(r IN relationships(path) WHERE type(r) IN $types)
			RETURN [n IN nodes(path) |
			         CASE
			           WHEN n:Article THEN {id: n.id, kind: 'ARTICLE', label: n.title}
			           WHEN n:Province THEN {id: n.key, kind: 'PROVINCE', label: n.name}
			           WHEN n:PartyBody THEN {id: n.key, kind: 'PARTY_BODY', label: n.name}
			           ELSE {id: n.key, kind: 'DOCUMENT', label: coalesce(n.name, n.key)}
			         END] AS nodes,
			       [r IN relationships(path) | {type: type(r), from: coalesce(startNode(r).key, startNode(r).id),
			         to: coalesce(endNode(r).key, endNode(r).id),
			         articleCount: r.articleCount, firstReported: r.firstReported}] AS edges""";

	private final Neo4jClient client;

	TraversalQueries(Neo4jClient client) {
		this.client = client;
	}

	Optional<Subgraph> neighbourhood(String id, int depth, List<String> types, int limit) {
		Optional<Map.Entry<String, GraphNode>> start = this.client.query(START).bind(id).to("id")
			.fetchAs(Map.Entry.class)
			.mappedBy((t, r) -> Map.entry(r.get("eid").asString(), node(r.get("view"))))
			.one()
			.map(e -> castEntry(e));
		if (start.isEmpty()) {
			return Optional.empty();
		}
		Map<String, GraphNode> nodes = new LinkedHashMap<>();
		nodes.put(start.get().getKey(), start.get().getValue());
		Set<String> seenEdges = new LinkedHashSet<>();
		List<GraphEdge> edges = new ArrayList<>();
		List<String> frontier = List.of(start.get().getKey());
		boolean truncated = false;
		for (int step = 0; step < depth && !frontier.isEmpty() && !truncated; step++) {
			int remaining = limit - edges.size();
			Map<String, Object> params = new HashMap<>();
			params.put("frontier", frontier);
			params.put("types", types);
			params.put("seen", List.copyOf(seenEdges));
			params.put("limit", remaining + 1);
			List<String> next = new ArrayList<>();
			List<StepRow> rows = List.copyOf(this.client.query(STEP).bindAll(params).fetchAs(StepRow.class)
				.mappedBy((t, r) -> new StepRow(r.get("rid").asString(), r.get("eid").asString(), node(r.get("view")),
						edge(r.get("edge"))))
				.all());
			for (StepRow row : rows) {
				if (edges.size() == limit) {
					truncated = true;
					break;
				}
				if (seenEdges.add(row.relationshipId())) {
					edges.add(row.edge());
				}
				if (!nodes.containsKey(row.nodeElementId())) {
					nodes.put(row.nodeElementId(), row.node());
					next.add(row.nodeElementId());
				}
			}
			frontier = next;
		}
		return Optional.of(new Subgraph(List.copyOf(nodes.values()), edges, truncated));
	}

	Optional<Subgraph> shortestPath(String from, String to, int maxLength, List<String> types) {
		return this.client.query(SHORTEST_PATH)
			.bindAll(Map.of("from", from, "to", to, "maxLength", maxLength, "types", types))
			.fetchAs(Subgraph.class)
			.mappedBy((t, r) -> new Subgraph(r.get("nodes").asList(TraversalQueries::node),
					r.get("edges").asList(TraversalQueries::edge), false))
			.one();
	}

	@SuppressWarnings("unchecked")
	private static Map.Entry<String, GraphNode> castEntry(Map.Entry<?, ?> entry) {
		return (Map.Entry<String, GraphNode>) entry;
	}

	private static GraphNode node(Value n) {
		return new GraphNode(n.get("id").asString(), n.get("kind").asString(), n.get("label").asString(""));
	}

	private static GraphEdge edge(Value e) {
		return new GraphEdge(e.get("type").asString(), e.get("from").asString(), e.get("to").asString(),
				e.get("articleCount").isNull() ? null : e.get("articleCount").asInt(),
				e.get("firstReported").isNull() ? null : e.get("firstReported").asLocalDate());
	}

	private record StepRow(String relationshipId, String nodeElementId, GraphNode node, GraphEdge edge) {
	}

}
