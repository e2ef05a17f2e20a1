package org.policygraph.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Value;
import org.policygraph.graph.SearchText;

/**
 * The benchmarked operations: the GraphQL requests the dashboard, the explorer and a
 * researcher send, each with a hand-written Cypher statement computing the same answer,
 * and parameters drawn from the data so that they are realistic at every corpus size.
 */
final class Operations {

	/** Pages of the paginated walk. */
	static final int WALK_PAGES = 5;

	/** Articles per page of the paginated walk. */
	static final int WALK_PAGE_SIZE = 20;

	private Operations() {
	}

	/**
	 * What the parameters are drawn from, looked up once per run.
	 *
	 * @param resolutions the resolutions mentioned most (what the dashboard offers first)
	 * @param implementedDocuments the documents with the most implementing provinces
	 * @param provinces every province key
	 * @param mentionedProvinces the provinces mentioned by at least one article
	 * @param searchTexts document, province and party body names, as a user would type
	 * them
	 */
	record Choices(List<String> resolutions, List<String> implementedDocuments, List<String> provinces,
			List<String> mentionedProvinces, List<String> searchTexts) {

		static Choices lookUp(CypherClient cypher) {
			List<String> resolutions = strings(cypher, """
					MATCH (a:Article)-[:MENTIONS]->(d:Document {type: 'RESOLUTION'})
					WITH d, count(a) AS mentions
					ORDER BY mentions DESC, d.key
					LIMIT 20
					RETURN d.key AS value""");
			List<String> implemented = strings(cypher, """
					MATCH (p:Province)-[:IMPLEMENTS]->(d:Document)
					WITH d, count(p) AS provinces
					ORDER BY provinces DESC, d.key
					LIMIT 30
					RETURN d.key AS value""");
			List<String> provinces = strings(cypher, "MATCH (p:Province) RETURN p.key AS value ORDER BY value");
			List<String> mentioned = strings(cypher, """
					MATCH (p:Province) WHERE EXISTS { (p)<-[:MENTIONS]-(:Article) }
					RETURN p.key AS value ORDER BY value""");
			List<String> texts = new ArrayList<>(strings(cypher, """
					MATCH (a:Article)-[:MENTIONS]->(d:Document)
					WITH d, count(a) AS mentions
					ORDER BY mentions DESC, d.key
					LIMIT 20
					RETURN d.name AS value"""));
			texts.addAll(strings(cypher, "MATCH (p:Province) RETURN p.name AS value ORDER BY p.key"));
			texts.addAll(strings(cypher, """
					MATCH (a:Article)-[:MENTIONS]->(b:PartyBody)
					WITH b, count(a) AS mentions
					ORDER BY mentions DESC, b.key
					LIMIT 10
					RETURN b.name AS value"""));
			return new Choices(resolutions, implemented, provinces, mentioned, texts);
		}

		private static List<String> strings(CypherClient cypher, String statement) {
			return cypher.rows(statement, Map.of())
				.stream()
				.map(r -> r.get("value"))
				.filter(v -> !v.isNull())
				.map(Value::asString)
				.toList();
		}

		Map<String, Object> asMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("resolutions", this.resolutions.size());
			map.put("implementedDocuments", this.implementedDocuments.size());
			map.put("provinces", this.provinces.size());
			map.put("mentionedProvinces", this.mentionedProvinces.size());
			map.put("searchTexts", this.searchTexts.size());
			map.put("mostMentionedResolution", this.resolutions.isEmpty() ? null : this.resolutions.get(0));
			map.put("mostImplementedDocument",
					this.implementedDocuments.isEmpty() ? null : this.implementedDocuments.get(0));
			return map;
		}

	}

	static List<Operation> all(Choices choices) {
		return List.of(documentImplementedBy(choices), provinceImplements(choices), dashboardLists(),
				dashboardCoverage(choices), countsByProvince(), search(choices), deepArticles(choices),
				articleWalk(choices));
	}

	private static Map<String, Object> one(String name, Random random, List<String> values) {
		Map<String, Object> params = new HashMap<>();
		params.put(name, values.get(random.nextInt(values.size())));
		return params;
	}

	/**
	 * The explorer's document panel: who implements a document, through which plans, on
	 * what evidence.
	 */
	static Operation documentImplementedBy(Choices choices) {
		return Operation.of("documentImplementedBy", "researcher traversal",
				"A much-implemented document: its issuers, the provinces implementing it (50), their local plans and 3 evidence sentences each",
				false, r -> one("key", r, choices.implementedDocuments()), """
						query DocumentDetails($key: ID!) {
						  document(key: $key) {
						    key name code type issuedOn year term subject level
						    issuedBy { key name }
						    implements { key name }
						    implementedBy(first: 50) {
						      totalCount
						      edges { node {
						        province { key name }
						        via { key name issuedOn }
						        firstReported lastReported articleCount
						        evidence(first: 3) { sentence article { id title url publishedAt } }
						      } }
						    }
						  }
						}""",
				"""
						MATCH (d:Document {key: $key})
						CALL (d) {
						  MATCH (p:Province)-[r:IMPLEMENTS]->(d)
						  WITH p, r ORDER BY p.name, p.key
						  RETURN count(p) AS total, collect({p: p, r: r})[0..50] AS page
						}
						CALL (d, page) {
						  UNWIND page AS row
						  WITH d, row.p AS p, row.r AS r
						  CALL (r) {
						    UNWIND range(0, size(coalesce(r.localDocumentKeys, [])) - 1) AS i
						    MATCH (v:Document {key: r.localDocumentKeys[i]})
						    WITH i, v ORDER BY i
						    RETURN collect({node: v, shown: v {.key, .name, .issuedOn}}) AS mine
						  }
						  WITH d, p, r, mine, [v IN mine | v.node] AS locals
						  CALL (d, r, locals) {
						    CALL (d, r, locals) {
						      RETURN r AS link
						      UNION
						      UNWIND locals AS v
						      MATCH (v)-[link:IMPLEMENTS]->(x:Document)
						      WHERE x = d OR x IN locals
						      RETURN link
						    }
						    WITH startNode(link).key AS fromKey, endNode(link).key AS toKey, link.evidenceArticleIds AS kept,
						         coalesce(link.evidenceArticleDates, []) AS dates
						    UNWIND range(0, size(kept) - 1)[0..3] AS i
						    WITH fromKey, toKey, kept[i] AS id,
						         CASE WHEN i >= size(kept) - size(dates) THEN dates[i - size(kept) + size(dates)] END AS date
						    ORDER BY date DESC, id, fromKey, toKey LIMIT 3
						    MATCH (a:Article {id: id})-[:ASSERTS]->(e)
						    WHERE e.type = 'IMPLEMENTS' AND e.fromKey = fromKey AND e.toKey = toKey
						    WITH a, e ORDER BY a.publishedAt DESC, a.id, e.fromKey, e.toKey
						    RETURN collect({sentence: e.sentence, article: a {.id, .title, .url, .publishedAt}}) AS evidence
						  }
						  RETURN collect({node: {province: p {.key, .name}, via: [v IN mine | v.shown],
						          firstReported: r.firstReported, lastReported: r.lastReported,
						          articleCount: r.articleCount, evidence: evidence}}) AS edges
						}
						RETURN {document: d {.key, .name, .code, .type, .issuedOn, .year, .term, .subject, .level,
						  issuedBy: [(d)-[:ISSUED_BY]->(b:PartyBody) | b {.key, .name}],
						  implements: [(d)-[:IMPLEMENTS]->(x:Document) | x {.key, .name}],
						  implementedBy: {totalCount: total, edges: edges}}} AS data""");
	}

	/**
	 * The dashboard's province panel: what a province (and, for a merged unit, its
	 * predecessors) implements.
	 */
	static Operation provinceImplements(Choices choices) {
		return Operation.of("provinceImplements", "researcher traversal",
				"A random province: the documents it implements (100), with local plans, first report and article count",
				false, r -> one("key", r, choices.provinces()), """
						query ProvinceImplements($key: String!) {
						  province(name: $key) {
						    key name
						    implements(first: 100) {
						      totalCount
						      edges { node {
						        province { key name }
						        document { key name year }
						        via { key name }
						        firstReported articleCount
						      } }
						    }
						  }
						}""", """
						MATCH (u:Province {key: $key})
						CALL (u) {
						  UNWIND [u] + [(pre:Province)-[:MERGED_INTO]->(u) | pre] AS p
						  MATCH (p)-[r:IMPLEMENTS]->(d:Document)
						  WITH p, r, d ORDER BY d.key, p.key
						  RETURN count(*) AS total, collect({p: p, r: r, d: d})[0..100] AS page
						}
						CALL (page) {
						  UNWIND page AS row
						  WITH row.p AS p, row.r AS r, row.d AS d
						  CALL (r) {
						    UNWIND range(0, size(coalesce(r.localDocumentKeys, [])) - 1) AS i
						    MATCH (v:Document {key: r.localDocumentKeys[i]})
						    WITH i, v ORDER BY i
						    RETURN collect(v {.key, .name}) AS via
						  }
						  RETURN collect({node: {province: p {.key, .name}, document: d {.key, .name, .year}, via: via,
						          firstReported: r.firstReported, articleCount: r.articleCount}}) AS edges
						}
						RETURN {province: u {.key, .name, implements: {totalCount: total, edges: edges}}} AS data""");
	}

	/**
	 * The dashboard's opening request: the resolutions to choose from, their ranking, the
	 * provinces.
	 */
	static Operation dashboardLists() {
		return Operation.of("dashboardLists", "dashboard aggregate",
				"The dashboard's first request: 100 resolutions, the 100 most mentioned with implementing-province counts, all provinces",
				true, r -> new HashMap<>(),
				"""
						query DashboardLists {
						  documents(type: RESOLUTION, first: 100) { edges { node { key name year issuedOn } } }
						  topDocuments(type: RESOLUTION, first: 100) { document { key } mentionCount implementingProvinceCount }
						  provinces { key name era }
						}""",
				"""
						CALL () {
						  MATCH (d:Document {type: 'RESOLUTION'})
						  WITH d ORDER BY coalesce(d.year, -1) DESC, d.key LIMIT 100
						  RETURN collect({node: d {.key, .name, .year, .issuedOn}}) AS edges
						}
						CALL () {
						  MATCH (d:Document {type: 'RESOLUTION'})
						  WITH d, COUNT { (d)<-[:MENTIONS]-() } AS mentions WHERE mentions > 0
						  ORDER BY mentions DESC, d.key LIMIT 100
						  RETURN collect({document: {key: d.key}, mentionCount: mentions,
						                  implementingProvinceCount: COUNT { (:Province)-[:IMPLEMENTS]->(d) }}) AS top
						}
						CALL () {
						  MATCH (p:Province)
						  WITH p ORDER BY p.name, p.key
						  RETURN collect(p {.key, .name, .era}) AS provinces
						}
						RETURN {documents: {edges: edges}, topDocuments: top, provinces: provinces} AS data""");
	}

	/**
	 * The dashboard's document view: coverage over the 63 provinces and mentions per
	 * month.
	 */
	static Operation dashboardCoverage(Choices choices) {
		return Operation.of("dashboardCoverage", "dashboard aggregate",
				"A top resolution: which of the 63 provinces implement it since when, which do not, and its mentions per month",
				true, r -> one("key", r, choices.resolutions()), """
						query Coverage($key: ID!) {
						  coverage(documentKey: $key, units: PRE_2025) {
						    document { key name subject }
						    units totalUnits implementedCount
						    implemented { province { key name } firstReported articleCount via { key name } }
						    missing { key name }
						  }
						  mentionsPerMonth(documentKey: $key) { month count }
						}""",
				"""
						MATCH (d:Document {key: $key})
						CALL (d) {
						  MATCH (u:Province) WHERE u.era IN ['PRE_2025', 'BOTH']
						  OPTIONAL MATCH (u)-[r:IMPLEMENTS]->(d)
						  WITH u, r ORDER BY coalesce(r.firstReported, date('9999-12-31')), u.name, u.key
						  RETURN count(u) AS totalUnits,
						         collect(CASE WHEN r IS NOT NULL THEN {province: u {.key, .name},
						           firstReported: r.firstReported, articleCount: r.articleCount, via: []} END) AS implemented,
						         collect(CASE WHEN r IS NULL THEN u {.key, .name} END) AS missing
						}
						CALL (d) {
						  MATCH (d)<-[:MENTIONS]-(a:Article) WHERE a.publishedAt IS NOT NULL
						  WITH date.truncate('month', a.publishedAt) AS month, count(a) AS n
						  ORDER BY month
						  WITH collect({month: month, n: n}) AS counted
						  UNWIND CASE WHEN size(counted) = 0 THEN []
						         ELSE range(0, duration.inMonths(counted[0].month, counted[-1].month).months) END AS i
						  WITH counted, counted[0].month + duration({months: i}) AS month
						  RETURN collect({month: substring(toString(month), 0, 7),
						                  count: coalesce(head([c IN counted WHERE c.month = month | c.n]), 0)}) AS months
						}
						RETURN {coverage: {document: d {.key, .name, .subject}, units: 'PRE_2025', totalUnits: totalUnits,
						         implementedCount: size(implemented), implemented: implemented, missing: missing},
						        mentionsPerMonth: months} AS data""");
	}

	/** A dashboard chart: articles per province over the whole corpus. */
	static Operation countsByProvince() {
		return Operation.of("countsByProvince", "dashboard aggregate",
				"Articles mentioning each province, most first (a bar chart over the whole corpus)", true,
				r -> new HashMap<>(), """
						query Counts {
						  counts(by: PROVINCE) { key label count }
						}""", """
						MATCH (p:Province)
						WITH p, COUNT { (p)<-[:MENTIONS]-() } AS n WHERE n > 0
						ORDER BY n DESC, p.name, p.key
						RETURN {counts: collect({key: p.key, label: p.name, count: n})} AS data""");
	}

	/** Full-text search as a user types it: a document, province or party body name. */
	static Operation search(Choices choices) {
		return Operation
			.of("search", "full-text search",
					"A document, province or party body name typed into the search box: the 10 best hits of every kind",
					false, r -> one("text", r, choices.searchTexts()), """
							query Search($text: String!) {
							  search(text: $text, first: 10) {
							    kind score snippet
							    article { id title }
							    document { key name }
							    province { key name }
							    partyBody { key name }
							  }
							}""",
					"""
							CALL () {
							  CALL db.index.fulltext.queryNodes('search_text', $query, {limit: 11}) YIELD node, score
							  RETURN count(*) AS seen, collect({node: node, score: score}) AS hits
							}
							CALL () {
							  WITH $documentQuery AS documentQuery WHERE documentQuery IS NOT NULL
							  CALL db.index.fulltext.queryNodes('search_text', documentQuery) YIELD node, score
							  WITH node, score
							  WHERE node:Document AND (node.number IN $numbers
							        OR $codeText CONTAINS ('-' + replace(toLower(replace(replace(node.code, 'Đ', 'D'), 'đ', 'd')), '/', '-') + '-'))
							  RETURN collect({node: node, score: score}) AS ranked
							}
							WITH seen, hits, ranked, [r IN ranked | r.node] AS rankedNodes, 10 - size(ranked) AS needed
							WITH seen, hits, ranked, rankedNodes, needed, [h IN hits WHERE NOT h.node IN rankedNodes] AS rest
							WITH ranked, rankedNodes, needed,
							     CASE WHEN needed <= 0 OR seen < 11 OR (size(rest) >= needed AND last(hits).score < rest[needed - 1].score)
							          THEN ranked + CASE WHEN needed <= 0 THEN [] WHEN size(rest) < needed THEN rest
							                             ELSE [h IN rest WHERE h.score >= rest[needed - 1].score] END END AS found
							CALL (ranked, rankedNodes, needed, found) {
							  WITH found WHERE found IS NOT NULL
							  RETURN found AS candidates
							  UNION ALL
							  WITH ranked, rankedNodes, needed, found WHERE found IS NULL
							  CALL () {
							    CALL db.index.fulltext.queryNodes('search_text', $query, {limit: 110}) YIELD node, score
							    RETURN count(*) AS seen, collect({node: node, score: score}) AS hits
							  }
							  WITH ranked, needed, seen, hits, [h IN hits WHERE NOT h.node IN rankedNodes] AS rest
							  WITH CASE WHEN seen < 110 OR (size(rest) >= needed AND last(hits).score < rest[needed - 1].score)
							            THEN ranked + CASE WHEN size(rest) < needed THEN rest
							                               ELSE [h IN rest WHERE h.score >= rest[needed - 1].score] END END AS foundWide
							  CALL (foundWide) {
							    WITH foundWide WHERE foundWide IS NOT NULL
							    RETURN foundWide AS candidates
							    UNION ALL
							    WITH foundWide WHERE foundWide IS NULL
							    CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
							    RETURN collect({node: node, score: score}) AS candidates
							  }
							  RETURN candidates
							}
							UNWIND candidates AS hit
							WITH hit.node AS node, hit.score AS score
							WITH node, score,
							     CASE WHEN NOT node:Document THEN 0
							          WHEN $codeText CONTAINS ('-' + replace(toLower(replace(replace(node.code, 'Đ', 'D'), 'đ', 'd')), '/', '-') + '-') THEN 2
							          WHEN node.number IN $numbers THEN 1
							          ELSE 0 END AS exact
							WITH node, score, exact, CASE WHEN exact > 0 AND node.scope = 'TW' THEN 1 ELSE 0 END AS central
							ORDER BY exact DESC, central DESC, score DESC, coalesce(node.key, node.id) LIMIT 10
							RETURN {search: collect({
							  kind: CASE WHEN node:Article THEN 'ARTICLE' WHEN node:Document THEN 'DOCUMENT'
							             WHEN node:Province THEN 'PROVINCE' ELSE 'PARTY_BODY' END,
							  score: score,
							  article: CASE WHEN node:Article THEN node {.id, .title} END,
							  document: CASE WHEN node:Document THEN node {.key, .name} END,
							  province: CASE WHEN node:Province THEN node {.key, .name} END,
							  partyBody: CASE WHEN node:PartyBody THEN node {.key, .name} END})} AS data""")
			.ignoring("snippet")
			.withCypherParameters(p -> {
				SearchText text = SearchText.parse((String) p.get("text"));
				Map<String, Object> params = new HashMap<>();
				params.put("query", text.query());
				params.put("numbers", text.numbers());
				params.put("codeText", text.codeText());
				params.put("documentQuery", text.numbers().isEmpty() ? null : documentQuery(text.query()));
				return params;
			});
	}

	/**
	 * The documents a number in the text ranks first are found by the same words, each
	 * required in a document's name or subject (as search does).
	 */
	private static String documentQuery(String query) {
		List<String> clauses = new ArrayList<>();
		Matcher clause = Pattern.compile("\\+(\"[^\"]*\"|\\S+)").matcher(query);
		while (clause.find()) {
			clauses.add("+(name:" + clause.group(1) + " subject:" + clause.group(1) + ")");
		}
		return String.join(" ", clauses);
	}

	/**
	 * A deep nested query: articles, what they name, and from their documents on to
	 * issuers, implementers and evidence.
	 */
	static Operation deepArticles(Choices choices) {
		return Operation.of("deepArticles", "deep nested query",
				"The 10 newest articles about a random province, six levels deep: provinces, bodies, documents, issuers, implementations, evidence, lineage",
				false, r -> one("provinceKey", r, choices.mentionedProvinces()),
				"""
						query DeepArticles($provinceKey: ID) {
						  articles(first: 10, provinceKey: $provinceKey) {
						    totalCount
						    edges {
						      node {
						        title
						        province { name mergedInto { name } }
						        provinces { key articleCount }
						        partyBodies { key parent { key } province { key } }
						        documents {
						          key
						          issuedBy { key children { key } }
						          implements { key }
						          implementedByProvinces { key }
						          implementedBy(first: 5) {
						            totalCount
						            edges { node { province { key } via { key } evidence(first: 2) { sentence article { id } } } }
						          }
						          lineage { distance document { key } }
						        }
						      }
						    }
						  }
						}""",
				"""
						MATCH (:Province {key: $provinceKey})<-[:MENTIONS]-(a:Article)
						WITH a ORDER BY coalesce(a.publishedAt, date('0001-01-01')) DESC, a.id
						WITH collect(a) AS matching
						CALL (matching) {
						  UNWIND matching[0..10] AS a
						  CALL (a) {
						    MATCH (a)-[:MENTIONS]->(d:Document)
						    WITH d ORDER BY d.key
						    CALL (d) {
						      MATCH (p:Province)-[:IMPLEMENTS]->(d)
						      WITH p ORDER BY p.name, p.key
						      RETURN count(p) AS total, collect(p)[0..5] AS firstFive
						    }
						    CALL (d, firstFive) {
						      UNWIND firstFive AS p
						      CALL (d, p) {
						        MATCH (p)-[r:IMPLEMENTS]->(d)
						        UNWIND range(0, size(coalesce(r.localDocumentKeys, [])) - 1) AS i
						        MATCH (v:Document {key: r.localDocumentKeys[i]})
						        WITH i, v ORDER BY i
						        RETURN collect(v) AS locals
						      }
						      CALL (d, p, locals) {
						        CALL (d, p, locals) {
						          MATCH (p)-[link:IMPLEMENTS]->(d)
						          RETURN link
						          UNION
						          UNWIND locals AS v
						          MATCH (v)-[link:IMPLEMENTS]->(x:Document)
						          WHERE x = d OR x IN locals
						          RETURN link
						        }
						        WITH startNode(link).key AS fromKey, endNode(link).key AS toKey, link.evidenceArticleIds[0..2] AS kept
						        UNWIND kept AS id
						        MATCH (ea:Article {id: id})
						        UNWIND [(ea)-[:ASSERTS]->(x:Evidence)
						                WHERE x.type = 'IMPLEMENTS' AND x.fromKey = fromKey AND x.toKey = toKey | x] AS e
						        WITH ea, e ORDER BY ea.publishedAt DESC, ea.id, e.fromKey, e.toKey LIMIT 2
						        RETURN collect({sentence: e.sentence, article: {id: ea.id}}) AS evidence
						      }
						      RETURN collect({node: {province: {key: p.key}, via: [v IN locals | {key: v.key}], evidence: evidence}}) AS edges
						    }
						    CALL (d) {
						      MATCH path = (d)-[:IMPLEMENTS*1..5]->(x:Document)
						      WITH x, min(length(path)) AS distance ORDER BY distance, x.key
						      RETURN collect({distance: distance, document: {key: x.key}}) AS lineage
						    }
						    RETURN collect({key: d.key,
						      issuedBy: COLLECT { MATCH (d)-[:ISSUED_BY]->(b:PartyBody) WITH b ORDER BY b.name
						                          RETURN {key: b.key, children: COLLECT { MATCH (c:PartyBody)-[:PART_OF]->(b)
						                            WITH c ORDER BY c.name RETURN {key: c.key} }} },
						      implements: COLLECT { MATCH (d)-[:IMPLEMENTS]->(x:Document) WITH x ORDER BY x.key RETURN {key: x.key} },
						      implementedByProvinces: COLLECT { MATCH (p:Province)-[:IMPLEMENTS]->(d) WITH p ORDER BY p.name
						                                        RETURN {key: p.key} },
						      implementedBy: {totalCount: total, edges: edges},
						      lineage: lineage}) AS documents
						  }
						  RETURN collect({node: {
						    title: a.title,
						    province: head(COLLECT { MATCH (h:Province {key: a.provinceKey})
						                             RETURN {name: h.name, mergedInto: head([(h)-[:MERGED_INTO]->(m:Province) | {name: m.name}])} }),
						    provinces: COLLECT { MATCH (a)-[:MENTIONS]->(p:Province) WITH p ORDER BY p.name
						                         RETURN {key: p.key, articleCount: COUNT { (p)<-[:MENTIONS]-() }} },
						    partyBodies: COLLECT { MATCH (a)-[:MENTIONS]->(b:PartyBody) WITH b ORDER BY b.name
						                           RETURN {key: b.key, parent: head([(b)-[:PART_OF]->(x:PartyBody) | {key: x.key}]),
						                                   province: head([(b)-[:OF_PROVINCE]->(x:Province) | {key: x.key}])} },
						    documents: documents}}) AS edges
						}
						RETURN {articles: {totalCount: size(matching), edges: edges}} AS data""");
	}

	/**
	 * A paginated walk: the articles about a province, page after page, following
	 * {@code endCursor}.
	 */
	static Operation articleWalk(Choices choices) {
		String page = """
				query ArticlePage($provinceKey: ID, $after: String) {
				  articles(first: %d, after: $after, provinceKey: $provinceKey) {
				    pageInfo { hasNextPage endCursor }
				    edges { node { id title publishedAt } }
				  }
				}""".formatted(WALK_PAGE_SIZE);
		// A client of the database walks pages too: one statement per page, from the last
		// row's sort key.
		String floor = """
				MATCH (:Province {key: $provinceKey})<-[:MENTIONS]-(a:Article)
				WITH a, coalesce(a.publishedAt, date('0001-01-01')) AS sortDate
				WHERE $afterDate IS NULL OR sortDate < $afterDate OR (sortDate = $afterDate AND a.id > $afterId)
				WITH a, sortDate ORDER BY sortDate DESC, a.id LIMIT $limit + 1
				WITH collect(a {.id, .title, .publishedAt}) AS rows, collect(sortDate) AS dates
				RETURN {items: rows[0..$limit], hasNextPage: size(rows) > $limit,
				        lastDate: dates[$limit - 1], lastId: rows[$limit - 1].id} AS data""";
		return new Operation("articleWalk", "paginated walk",
				"The articles about a random province, " + WALK_PAGES + " pages of " + WALK_PAGE_SIZE
						+ " following endCursor (" + WALK_PAGES + " requests; the floor walks " + WALK_PAGES
						+ " pages too, one statement each, from the last row's sort key)",
				false, r -> one("provinceKey", r, choices.mentionedProvinces()), (client, p) -> walk(client, page, p),
				(client, p) -> walkFloor(client, floor, p), Set.of(), true);
	}

	@SuppressWarnings("unchecked")
	private static Object walkFloor(CypherClient client, String statement, Map<String, Object> parameters) {
		List<Object> items = new ArrayList<>();
		boolean hasNext = true;
		Object afterDate = null;
		Object afterId = null;
		for (int i = 0; i < WALK_PAGES && hasNext; i++) {
			Map<String, Object> params = new HashMap<>(parameters);
			params.put("limit", WALK_PAGE_SIZE);
			params.put("afterDate", afterDate);
			params.put("afterId", afterId);
			Map<String, Object> page = (Map<String, Object>) client.data(statement, params);
			items.addAll((List<Object>) page.get("items"));
			hasNext = Boolean.TRUE.equals(page.get("hasNextPage"));
			afterDate = page.get("lastDate");
			afterId = page.get("lastId");
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", items);
		answer.put("hasNextPage", hasNext);
		return answer;
	}

	@SuppressWarnings("unchecked")
	private static Object walk(GraphQlClient client, String document, Map<String, Object> parameters) {
		List<Object> items = new ArrayList<>();
		boolean hasNext = true;
		String after = null;
		for (int i = 0; i < WALK_PAGES && hasNext; i++) {
			Map<String, Object> variables = new HashMap<>(parameters);
			variables.put("after", after);
			Map<String, Object> articles = (Map<String, Object>) client.execute(document, variables).get("articles");
			for (Object edge : (List<Object>) articles.get("edges")) {
				items.add(((Map<String, Object>) edge).get("node"));
			}
			Map<String, Object> info = (Map<String, Object>) articles.get("pageInfo");
			hasNext = Boolean.TRUE.equals(info.get("hasNextPage"));
			after = (String) info.get("endCursor");
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", items);
		answer.put("hasNextPage", hasNext);
		return answer;
	}

}
