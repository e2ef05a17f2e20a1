package org.policygraph.traversal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.ProvinceUnit;
import org.policygraph.traversal.Subgraph.GraphEdge;
import org.policygraph.traversal.Subgraph.GraphNode;
import org.policygraph.traversal.Subgraph.NeighbourCount;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind graph views. A node is found by its key (provinces, bodies,
 * documents: label {@code Entity}) or its id (articles); evidence nodes are never part of
 * a view. The neighbourhood grows one step per statement pair, each bounded by the edges
 * still allowed, so a province mentioned by thousands of articles cannot blow a view up:
 * each step first takes the provinces, bodies and documents around the frontier, then
 * articles with the room left, so a limit cuts articles before the implementers and
 * issuers of a much-cited document.
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
			RETURN elementId(n) AS eid, labels(n) AS labels,
			       n {.key, .id, .name, .title, .issuedOn, .publishedAt, .year, .level, .scope, .provinceKey, .era} AS props""";

	/*
	 * A period keeps the relationships reported in it: an article's MENTIONS when the
	 * article was published in it, an IMPLEMENTS or ISSUED_BY when an article published
	 * in it supports it (its evidence); relationships without reports (PART_OF,
	 * OF_PROVINCE, MERGED_INTO) always. Undated articles are outside every period.
	 */

	private static final String IN_PERIOD = """

			AND ((startNode(r):Article AND startNode(r).publishedAt >= $from AND startNode(r).publishedAt <= $to)
			  OR (NOT startNode(r):Article AND NOT type(r) IN ['IMPLEMENTS', 'ISSUED_BY'])
			  OR EXISTS {
			    MATCH (e:Evidence)
			    WHERE e.type = type(r) AND e.fromKey = startNode(r).key AND e.toKey = endNode(r).key
			    MATCH (a:Article)-[:ASSERTS]->(e)
			    WHERE a.publishedAt >= $from AND a.publishedAt <= $to
			  })""";

	/** One step to the provinces, party bodies and documents around the frontier. */
	private static final String ENTITY_STEP = """
			UNWIND $frontier AS eid
			MATCH (n) WHERE elementId(n) = eid
			MATCH (n)-[r]-(m:Entity)
			WHERE type(r) IN $types AND NOT elementId(r) IN $seen%s
			WITH DISTINCT r, m
			LIMIT $limit
			RETURN elementId(r) AS rid, elementId(m) AS eid, labels(m) AS labels,
			       m {.key, .id, .name, .title, .issuedOn, .publishedAt, .year, .level, .scope, .provinceKey, .era} AS props,
			       {type: type(r), from: coalesce(startNode(r).key, startNode(r).id),
			        to: coalesce(endNode(r).key, endNode(r).id),
			        articleCount: r.articleCount, firstReported: r.firstReported} AS edge""";

	/** One step to the articles around the frontier. */
	private static final String ARTICLE_STEP = """
			UNWIND $frontier AS eid
			MATCH (n) WHERE elementId(n) = eid
			MATCH (n)-[r]-(m:Article)
			WHERE type(r) IN $types AND NOT elementId(r) IN $seen%s
			WITH DISTINCT r, m
			LIMIT $limit
			RETURN elementId(r) AS rid, elementId(m) AS eid, labels(m) AS labels,
			       m {.key, .id, .name, .title, .issuedOn, .publishedAt, .year, .level, .scope, .provinceKey, .era} AS props,
			       {type: type(r), from: coalesce(startNode(r).key, startNode(r).id),
			        to: coalesce(endNode(r).key, endNode(r).id),
			        articleCount: r.articleCount, firstReported: r.firstReported} AS edge""";

	/**
	 * The relationships of the start node by type, direction and kind of neighbour (in
	 * the period).
	 */
	private static final String AROUND = """
			MATCH (n) WHERE elementId(n) = $eid
			MATCH (n)-[r]-(m)
			WHERE type(r) IN $types AND (m:Entity OR m:Article)%s
			RETURN type(r) AS type, startNode(r) = n AS outgoing,
			       CASE WHEN m:Article THEN 'ARTICLE' WHEN m:Province THEN 'PROVINCE'
			            WHEN m:PartyBody THEN 'PARTY_BODY' ELSE 'DOCUMENT' END AS kind,
			       count(*) AS total""";

	/** The nodes of a view by key or id, in the order given. */
	private static final String VIEW_NODES = """
			UNWIND range(0, size($ids) - 1) AS i
			CALL (i) {
			  MATCH (n:Entity {key: $ids[i]}) RETURN n
			  UNION
			  MATCH (n:Article {id: $ids[i]}) RETURN n
			}
			RETURN i, labels(n) AS labels,
			       n {.key, .id, .name, .title, .issuedOn, .publishedAt, .year, .level, .scope, .provinceKey, .era} AS props
			ORDER BY i""";

	/** The relationships of the types asked between the nodes of a view. */
	private static final String VIEW_EDGES = """
			UNWIND $ids AS id
			CALL (id) {
			  MATCH (n:Entity {key: id}) RETURN n
			  UNION
			  MATCH (n:Article {id: id}) RETURN n
			}
			MATCH (n)-[r]->(m)
			WHERE type(r) IN $types AND (m:Entity OR m:Article) AND coalesce(m.key, m.id) IN $ids%s
			RETURN {type: type(r), from: coalesce(n.key, n.id), to: coalesce(m.key, m.id),
			        articleCount: r.articleCount, firstReported: r.firstReported} AS edge
			ORDER BY edge.from, edge.type, edge.to""";

	/**
	 * The relationships of the opened nodes of a view by type, direction and neighbour
	 * kind, and how many of them lead to a node of the view.
	 */
	private static final String VIEW_AROUND = """
			UNWIND $expanded AS id
			CALL (id) {
			  MATCH (n:Entity {key: id}) RETURN n
			  UNION
			  MATCH (n:Article {id: id}) RETURN n
			}
			MATCH (n)-[r]-(m)
			WHERE type(r) IN $types AND (m:Entity OR m:Article)%s
			RETURN type(r) AS type, startNode(r) = n AS outgoing,
			       CASE WHEN m:Article THEN 'ARTICLE' WHEN m:Province THEN 'PROVINCE'
			            WHEN m:PartyBody THEN 'PARTY_BODY' ELSE 'DOCUMENT' END AS kind,
			       count(*) AS total, count(CASE WHEN coalesce(m.key, m.id) IN $ids THEN 1 END) AS included
			ORDER BY type, outgoing, kind""";

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
			RETURN [n IN nodes(path) | {labels: labels(n),
			         props: n {.key, .id, .name, .title, .issuedOn, .publishedAt, .year, .level, .scope, .provinceKey, .era}}] AS nodes,
			       [r IN relationships(path) | {type: type(r), from: coalesce(startNode(r).key, startNode(r).id),
			         to: coalesce(endNode(r).key, endNode(r).id),
			         articleCount: r.articleCount, firstReported: r.firstReported}] AS edges""";

	private final Neo4jClient client;

	private final ProvinceGazetteer provinces = ProvinceGazetteer.load();

	TraversalQueries(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * @param id the start node's key or article id
	 * @param depth the steps
	 * @param types the relationship types to follow
	 * @param limit the most relationships
	 * @param articleLimit the most article nodes (each step takes articles only with the
	 * room left by provinces, party bodies and documents)
	 * @param from the first day of the period whose reports are followed, {@code null}
	 * for open
	 * @param to the last day of that period, {@code null} for open
	 * @return the subgraph, empty when no node has the id
	 */
	Optional<Subgraph> neighbourhood(String id, int depth, List<String> types, int limit, int articleLimit,
			@Nullable LocalDate from, @Nullable LocalDate to) {
		Optional<StepRow> start = this.client.query(START)
			.bind(id)
			.to("id")
			.fetchAs(StepRow.class)
			.mappedBy((t, r) -> new StepRow("", r.get("eid").asString(), node(r.get("labels"), r.get("props")), null))
			.one();
		if (start.isEmpty()) {
			return Optional.empty();
		}
		GraphNode root = start.get().node();
		Map<String, GraphNode> nodes = new LinkedHashMap<>();
		nodes.put(start.get().nodeElementId(), root);
		Set<String> seenEdges = new LinkedHashSet<>();
		List<GraphEdge> edges = new ArrayList<>();
		List<String> frontier = List.of(start.get().nodeElementId());
		boolean truncated = false;
		int articles = 0;
		for (int step = 0; step < depth && !frontier.isEmpty() && !truncated; step++) {
			List<String> next = new ArrayList<>();
			for (boolean articleStep : new boolean[] { false, true }) {
				int room = limit - edges.size();
				if (articleStep) {
					if (articles >= articleLimit) {
						continue;
					}
					room = Math.min(room, articleLimit - articles);
				}
				Map<String, Object> params = new HashMap<>();
				params.put("frontier", frontier);
				params.put("types", types);
				params.put("seen", List.copyOf(seenEdges));
				params.put("limit", room + 1);
				bindPeriod(params, from, to);
				List<StepRow> rows = List
					.copyOf(this.client.query(inPeriod(articleStep ? ARTICLE_STEP : ENTITY_STEP, from, to))
						.bindAll(params)
						.fetchAs(StepRow.class)
						.mappedBy((t, r) -> new StepRow(r.get("rid").asString(), r.get("eid").asString(),
								node(r.get("labels"), r.get("props")), edge(r.get("edge"))))
						.all());
				for (StepRow row : rows) {
					if (edges.size() == limit) {
						truncated = true;
						break;
					}
					boolean newNode = !nodes.containsKey(row.nodeElementId());
					if (articleStep && newNode && articles == articleLimit) {
						// Left out on request, counted in `around` for the start node.
						break;
					}
					if (seenEdges.add(row.relationshipId())) {
						edges.add(row.edge());
					}
					if (newNode) {
						nodes.put(row.nodeElementId(), row.node());
						next.add(row.nodeElementId());
						if (articleStep) {
							articles++;
						}
					}
				}
				if (truncated) {
					break;
				}
			}
			frontier = next;
		}
		List<NeighbourCount> around = around(start.get().nodeElementId(), root.id(), types, from, to, edges, nodes);
		return Optional.of(new Subgraph(List.copyOf(nodes.values()), edges, truncated, around));
	}

	private List<NeighbourCount> around(String elementId, String rootId, List<String> types, @Nullable LocalDate from,
			@Nullable LocalDate to, List<GraphEdge> edges, Map<String, GraphNode> nodes) {
		Map<String, String> kinds = new HashMap<>();
		nodes.values().forEach(n -> kinds.put(n.id(), n.kind()));
		return List.copyOf(this.client.query(inPeriod(AROUND, from, to))
			.bindAll(aroundParams(elementId, types, from, to))
			.fetchAs(NeighbourCount.class)
			.mappedBy((t, r) -> {
				String type = r.get("type").asString();
				boolean outgoing = r.get("outgoing").asBoolean();
				String kind = r.get("kind").asString();
				int included = (int) edges.stream()
					.filter(e -> e.type().equals(type) && (outgoing ? e.from().equals(rootId) : e.to().equals(rootId)))
					.filter(e -> kind.equals(kinds.get(outgoing ? e.to() : e.from())))
					.count();
				return new NeighbourCount(type, outgoing, kind, r.get("total").asInt(), included);
			})
			.all()
			.stream()
			.sorted(java.util.Comparator.comparing(NeighbourCount::type)
				.thenComparing(NeighbourCount::outgoing)
				.thenComparing(NeighbourCount::kind))
			.toList());
	}

	private static Map<String, Object> aroundParams(String elementId, List<String> types, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("eid", elementId);
		params.put("types", types);
		bindPeriod(params, from, to);
		return params;
	}

	/**
	 * The statement with the period's condition, or without any when the period is open
	 * at both ends.
	 */
	private static String inPeriod(String statement, @Nullable LocalDate from, @Nullable LocalDate to) {
		return statement.formatted((from == null && to == null) ? "" : IN_PERIOD);
	}

	/** The period's bounds, an open end as the earliest or latest day. */
	private static void bindPeriod(Map<String, Object> params, @Nullable LocalDate from, @Nullable LocalDate to) {
		params.put("from", (from != null) ? from : LocalDate.of(1, 1, 1));
		params.put("to", (to != null) ? to : LocalDate.of(9999, 12, 31));
	}

	/**
	 * @param ids the keys and article ids of the nodes a view shows (unknown ones are
	 * skipped)
	 * @param expanded those of them whose neighbourhood the view opened
	 * @param types the relationship types the view follows
	 * @param from with {@code to}, the period whose reported relationships are kept (as
	 * in a neighbourhood); every date when both are null
	 * @param to the period's last day
	 * @return the nodes, the relationships of those types between them, and around the
	 * opened nodes what the view leaves out
	 */
	Subgraph view(List<String> ids, List<String> expanded, List<String> types, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		params.put("expanded", expanded);
		params.put("types", types);
		bindPeriod(params, from, to);
		List<GraphNode> nodes = List.copyOf(this.client.query(VIEW_NODES)
			.bindAll(params)
			.fetchAs(GraphNode.class)
			.mappedBy((t, r) -> node(r.get("labels"), r.get("props")))
			.all());
		List<GraphEdge> edges = List.copyOf(this.client.query(inPeriod(VIEW_EDGES, from, to))
			.bindAll(params)
			.fetchAs(GraphEdge.class)
			.mappedBy((t, r) -> edge(r.get("edge")))
			.all());
		List<NeighbourCount> around = List.copyOf(this.client.query(inPeriod(VIEW_AROUND, from, to))
			.bindAll(params)
			.fetchAs(NeighbourCount.class)
			.mappedBy((t, r) -> new NeighbourCount(r.get("type").asString(), r.get("outgoing").asBoolean(),
					r.get("kind").asString(), r.get("total").asInt(), r.get("included").asInt()))
			.all());
		return new Subgraph(nodes, edges, false, around);
	}

	Optional<Subgraph> shortestPath(String from, String to, int maxLength, List<String> types) {
		return this.client.query(SHORTEST_PATH)
			.bindAll(Map.of("from", from, "to", to, "maxLength", maxLength, "types", types))
			.fetchAs(Subgraph.class)
			.mappedBy((t, r) -> new Subgraph(r.get("nodes").asList(n -> node(n.get("labels"), n.get("props"))),
					r.get("edges").asList(TraversalQueries::edge), false))
			.one();
	}

	/**
	 * A node's view from its labels and properties: kind, label and what tells it apart.
	 */
	private GraphNode node(Value labels, Value props) {
		List<String> names = labels.asList(Value::asString);
		String kind = names.contains("Article") ? "ARTICLE"
				: names.contains("Province") ? "PROVINCE" : names.contains("PartyBody") ? "PARTY_BODY" : "DOCUMENT";
		String id = kind.equals("ARTICLE") ? props.get("id").asString() : props.get("key").asString();
		String label = switch (kind) {
			case "ARTICLE" -> props.get("title").asString("");
			case "DOCUMENT" -> props.get("name").asString(id);
			default -> props.get("name").asString("");
		};
		String provinceKey = switch (kind) {
			case "PROVINCE" -> id;
			case "DOCUMENT" -> localScope(props.get("scope").asString(null));
			default -> props.get("provinceKey").asString(null);
		};
		Optional<ProvinceUnit> unit = (provinceKey != null) ? this.provinces.byKey(provinceKey) : Optional.empty();
		String era = kind.equals("PROVINCE") ? props.get("era").asString(unit.map(u -> u.era().name()).orElse(null))
				: unit.map(u -> u.era().name()).orElse(null);
		Value date = kind.equals("ARTICLE") ? props.get("publishedAt") : props.get("issuedOn");
		return new GraphNode(id, kind, label, date.isNull() ? null : date.asLocalDate(),
				props.get("year").isNull() ? null : props.get("year").asInt(), props.get("level").asString(null),
				provinceKey, unit.map(ProvinceUnit::name).orElse(null), era);
	}

	private static @Nullable String localScope(@Nullable String scope) {
		if (scope == null || scope.equals("TW")) {
			return null;
		}
		int colon = scope.indexOf(':');
		return (colon < 0) ? scope : scope.substring(0, colon);
	}

	private static GraphEdge edge(Value e) {
		return new GraphEdge(e.get("type").asString(), e.get("from").asString(), e.get("to").asString(),
				e.get("articleCount").isNull() ? null : e.get("articleCount").asInt(),
				e.get("firstReported").isNull() ? null : e.get("firstReported").asLocalDate());
	}

	private record StepRow(String relationshipId, String nodeElementId, GraphNode node, @Nullable GraphEdge edge) {
	}

}
