package org.policygraph.implementation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.graph.Document;
import org.policygraph.graph.Evidence;
import org.policygraph.graph.Province;
import org.policygraph.graphql.Batches;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind implementations: each method answers for many parents in one
 * statement.
 */
@Repository
@Transactional(readOnly = true)
class ImplementationQueries {

	private static final String BY_PROVINCES = """
			UNWIND $keys AS key
			MATCH (u:Province {key: key})
			WITH key, [u.key] + CASE WHEN $includePredecessors
			    THEN [(pre:Province)-[:MERGED_INTO]->(u) | pre.key] ELSE [] END AS provinceKeys
			CALL (provinceKeys) {
			  MATCH (p:Province)-[r:IMPLEMENTS]->(d:Document)
			  WHERE p.key IN provinceKeys AND ($type IS NULL OR d.type = $type)
			    AND ($afterDocument IS NULL OR d.key > $afterDocument
			         OR (d.key = $afterDocument AND p.key > $afterProvince))
			  WITH p, r, d
			  ORDER BY d.key, p.key
			  LIMIT $limit
			  RETURN collect({provinceKey: p.key, documentKey: d.key, firstReported: r.firstReported,
			                  lastReported: r.lastReported, articleCount: r.articleCount,
			                  province: p, document: d}) AS rows
			}
			CALL (provinceKeys) {
			  MATCH (p:Province)-[:IMPLEMENTS]->(d:Document)
			  WHERE p.key IN provinceKeys AND ($type IS NULL OR d.type = $type)
			  RETURN count(*) AS total
			}
			RETURN key, rows, total""";

	/*
	 * A province's implementations over a period: those that an article published in the
	 * period reports (its evidence), with that period's first and last report and article
	 * count. Undated articles are outside every period.
	 */
	private static final String BY_PROVINCES_IN_PERIOD = """
			UNWIND $keys AS key
			MATCH (u:Province {key: key})
			WITH key, [u.key] + CASE WHEN $includePredecessors
			    THEN [(pre:Province)-[:MERGED_INTO]->(u) | pre.key] ELSE [] END AS provinceKeys
			CALL (provinceKeys) {
			  MATCH (p:Province)-[r:IMPLEMENTS]->(d:Document)
			  WHERE p.key IN provinceKeys AND ($type IS NULL OR d.type = $type)
			  CALL (p, d) {
			    MATCH (a:Article)-[:ASSERTS]->(:Evidence {type: 'IMPLEMENTS', fromKey: p.key, toKey: d.key})
			    WHERE ($from IS NULL OR a.publishedAt >= $from) AND ($to IS NULL OR a.publishedAt <= $to)
			    RETURN min(a.publishedAt) AS firstReported, max(a.publishedAt) AS lastReported,
			           count(DISTINCT a) AS articleCount
			  }
			  WITH p, d, firstReported, lastReported, articleCount
			  WHERE articleCount > 0
			  RETURN collect({provinceKey: p.key, documentKey: d.key, firstReported: firstReported,
			                  lastReported: lastReported, articleCount: articleCount,
			                  province: p, document: d}) AS reported
			}
			WITH key, reported, size(reported) AS total
			CALL (reported) {
			  UNWIND reported AS row
			  WITH row
			  WHERE $afterDocument IS NULL OR row.documentKey > $afterDocument
			        OR (row.documentKey = $afterDocument AND row.provinceKey > $afterProvince)
			  WITH row
			  ORDER BY row.documentKey, row.provinceKey
			  LIMIT $limit
			  RETURN collect(row) AS rows
			}
			RETURN key, rows, total""";

	/*
	 * With $withVia, the chains into each document are followed once here and each row
	 * carries its province's local documents: Implementation.via then needs no statement
	 * of its own, and the evidence statement does not follow the chains again.
	 */
	private static final String BY_DOCUMENTS = """
			UNWIND $keys AS key
			CALL (key) {
			  WITH key WHERE $withVia
			  MATCH (v:Document)-[:IMPLEMENTS*1..4]->(:Document {key: key})
			  WHERE v.scope IS NOT NULL
			  WITH DISTINCT v
			  ORDER BY v.issuedOn, v.key
			  RETURN collect(v) AS locals
			}
			CALL (key, locals) {
			  MATCH (p:Province)-[r:IMPLEMENTS]->(d:Document {key: key})
			  WHERE $afterName IS NULL OR p.name > $afterName OR (p.name = $afterName AND p.key > $afterProvince)
			  WITH p, r, d
			  ORDER BY p.name, p.key
			  LIMIT $limit
			  RETURN collect({provinceKey: p.key, documentKey: d.key, provinceName: p.name,
			                  firstReported: r.firstReported, lastReported: r.lastReported,
			                  articleCount: r.articleCount, province: p, document: d,
			                  via: CASE WHEN $withVia
			                    THEN [v IN locals WHERE v.scope = p.key OR v.scope STARTS WITH p.key + ':'] END}) AS rows
			}
			CALL (key) {
			  MATCH (:Province)-[:IMPLEMENTS]->(:Document {key: key})
			  RETURN count(*) AS total
			}
			RETURN key, rows, total""";

	/*
	 * The evidence of one province and document, newest article first, with the article
	 * (without its text unless asked for) when asked for. It is that of the relationships
	 * from the province to the document and from its local documents in the chain; each
	 * relationship keeps its first evidence items in this order (evidenceArticleIds), so
	 * the first $limit of all are among the first $limit of each: a relationship is read
	 * from what it keeps when that is enough (at least $limit kept, or all of its
	 * evidence), and from all its evidence only otherwise (a page larger than is kept). A
	 * kept article's evidence is found from the article (its few ASSERTS), not by the
	 * relation's index, which would read all of the relation's evidence for each.
	 */
	private static final String EVIDENCE_OF_PAIR = """
			CALL (documentKey, provinceKey, localKeys) {
			  CALL (documentKey, provinceKey, localKeys) {
			    MATCH (:Province {key: provinceKey})-[r:IMPLEMENTS]->(:Document {key: documentKey})
			    RETURN r
			    UNION
			    UNWIND localKeys AS start
			    MATCH (:Document {key: start})-[r:IMPLEMENTS]->(x:Document)
			    WHERE x.key = documentKey OR x.key IN localKeys
			    RETURN r
			  }
			  WITH r, startNode(r).key AS fromKey, endNode(r).key AS toKey, r.evidenceArticleIds AS kept
			  CALL (r, fromKey, toKey, kept) {
			    WITH r, fromKey, toKey, kept
			    WHERE kept IS NOT NULL AND (size(kept) >= $limit OR size(kept) >= r.articleCount)
			    UNWIND kept[0..$limit] AS articleId
			    MATCH (a:Article {id: articleId})
			    UNWIND [(a)-[:ASSERTS]->(x:Evidence)
			            WHERE x.type = 'IMPLEMENTS' AND x.fromKey = fromKey AND x.toKey = toKey | x] AS e
			    RETURN a, e
			    UNION
			    WITH r, fromKey, toKey, kept
			    WHERE kept IS NULL OR (size(kept) < $limit AND size(kept) < r.articleCount)
			    MATCH (a:Article)-[:ASSERTS]->(e:Evidence {type: 'IMPLEMENTS', fromKey: fromKey, toKey: toKey})
			    RETURN a, e
			  }
			  WITH a, e
			  ORDER BY a.publishedAt DESC, a.id, e.type, e.fromKey, e.toKey
			  LIMIT $limit
			  RETURN collect({articleId: a.id, sentence: e.sentence, relation: e.type, fromKey: e.fromKey,
			                  toKey: e.toKey, article: CASE WHEN $withArticle
			                    THEN a {.id, .url, .title, .publishedAt, .source, .provinceKey, .unresolvedCitations,
			                            text: CASE WHEN $withArticleText THEN a.text END} END}) AS evidence
			}
			RETURN provinceKey, documentKey, evidence""";

	/*
	 * Evidence of a province implementing a document: its own (found by the full key of
	 * the relation index) and that of its local documents in the chain. The chains into
	 * each document are followed once per document and shared out to the provinces by
	 * scope.
	 */
	private static final String EVIDENCE = """
			UNWIND $pairs AS pair
			WITH pair.documentKey AS documentKey, collect(pair.provinceKey) AS provinceKeys
			OPTIONAL MATCH (target:Document {key: documentKey})
			CALL (target) {
			  OPTIONAL MATCH (v:Document)-[:IMPLEMENTS*1..4]->(target)
			  WHERE v.scope IS NOT NULL
			  RETURN collect(DISTINCT v) AS locals
			}
			UNWIND provinceKeys AS provinceKey
			WITH documentKey, provinceKey,
			     [v IN locals WHERE v.scope = provinceKey OR v.scope STARTS WITH provinceKey + ':' | v.key] AS localKeys
			""" + EVIDENCE_OF_PAIR;

	/**
	 * The same, for pairs whose local documents are known already (each pair has
	 * {@code localKeys}).
	 */
	private static final String EVIDENCE_WITH_LOCALS = """
			UNWIND $pairs AS pair
			WITH pair.documentKey AS documentKey, pair.provinceKey AS provinceKey, pair.localKeys AS localKeys
			""" + EVIDENCE_OF_PAIR;

	private static final String DOWNWARDS = """
			UNWIND $keys AS key
			MATCH path = (:Document {key: key})<-[:IMPLEMENTS*1..5]-(x:Document)
			WHERE length(path) <= $depth
			WITH key, x, min(length(path)) AS distance
			ORDER BY distance, x.key
			RETURN key, collect({documentKey: x.key, distance: distance}) AS steps""";

	private static final String UPWARDS = """
			UNWIND $keys AS key
			MATCH path = (:Document {key: key})-[:IMPLEMENTS*1..5]->(x:Document)
			WITH key, x, min(length(path)) AS distance
			ORDER BY distance, x.key
			RETURN key, collect({documentKey: x.key, distance: distance}) AS steps""";

	private static final String BY_PAIRS = """
			UNWIND $pairs AS pair
			MATCH (p:Province {key: pair.provinceKey})-[r:IMPLEMENTS]->(d:Document {key: pair.documentKey})
			RETURN p.key AS provinceKey, d.key AS documentKey, r.firstReported AS firstReported,
			       r.lastReported AS lastReported, r.articleCount AS articleCount""";

	/*
	 * A province's own documents that carry a document out, directly or through others.
	 * Two ways to the same answer, chosen by the shape of the batch. Many provinces and
	 * few documents (a document's implementers): the chains into each document are
	 * followed once per document (not once per province, which for a document most
	 * provinces implement repeats the same walk dozens of times), then shared out by
	 * scope.
	 */
	private static final String VIA_BY_DOCUMENT = """
			UNWIND $pairs AS pair
			WITH pair.documentKey AS documentKey, collect(pair.provinceKey) AS provinceKeys
			MATCH (target:Document {key: documentKey})
			CALL (target) {
			  MATCH (v:Document)-[:IMPLEMENTS*1..4]->(target)
			  WHERE v.scope IS NOT NULL
			  RETURN collect(DISTINCT v) AS locals
			}
			UNWIND provinceKeys AS provinceKey
			UNWIND [v IN locals WHERE v.scope = provinceKey OR v.scope STARTS WITH provinceKey + ':'] AS d
			WITH provinceKey, documentKey, d
			ORDER BY d.issuedOn, d.key
			RETURN provinceKey, documentKey, collect(DISTINCT d) AS documents""";

	/*
	 * Few provinces and many documents (a province's page): the chains out of the
	 * province's own documents (found by the scope index) are followed forwards, once per
	 * province. A much implemented document has thousands of chains into it from every
	 * province; a province has a few hundred documents of its own.
	 */
	private static final String VIA_BY_PROVINCE = """
			UNWIND $pairs AS pair
			WITH pair.provinceKey AS provinceKey, collect(pair.documentKey) AS documentKeys
			CALL (provinceKey, documentKeys) {
			  MATCH (v:Document)
			  USING INDEX v:Document(scope)
			  WHERE v.scope = provinceKey OR v.scope STARTS WITH provinceKey + ':'
			  MATCH (v)-[:IMPLEMENTS*1..4]->(target:Document)
			  WHERE target.key IN documentKeys
			  RETURN DISTINCT target.key AS documentKey, v AS d
			}
			WITH provinceKey, documentKey, d
			ORDER BY d.issuedOn, d.key
			RETURN provinceKey, documentKey, collect(d) AS documents""";

	private final Neo4jClient client;

	ImplementationQueries(Neo4jClient client) {
		this.client = client;
	}

	Map<String, Page> byProvinces(List<String> keys, boolean includePredecessors, @Nullable String type,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String afterDocument,
			@Nullable String afterProvince, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		params.put("keys", keys);
		params.put("includePredecessors", includePredecessors);
		params.put("type", type);
		params.put("afterDocument", afterDocument);
		params.put("afterProvince", afterProvince);
		params.put("limit", limit);
		return pages((from == null && to == null) ? BY_PROVINCES : BY_PROVINCES_IN_PERIOD, params);
	}

	/**
	 * @param keys the documents
	 * @param afterName the page's cursor: the last province name of the previous page
	 * @param afterProvince and its key
	 * @param limit the implementations per document
	 * @param withVia whether to follow the chains into each document too, for
	 * {@link Implementation#via()}
	 * @return a page per document
	 */
	Map<String, Page> byDocuments(List<String> keys, @Nullable String afterName, @Nullable String afterProvince,
			int limit, boolean withVia) {
		Map<String, Object> params = new HashMap<>();
		params.put("keys", keys);
		params.put("afterName", afterName);
		params.put("afterProvince", afterProvince);
		params.put("limit", limit);
		params.put("withVia", withVia);
		return pages(BY_DOCUMENTS, params);
	}

	/**
	 * @param pairs province and document keys ({@code provinceKey}, {@code documentKey}),
	 * each with the keys of its local documents ({@code localKeys}) when they are known;
	 * the chains into the documents are followed for the pairs without
	 * @param limit the evidence per pair
	 * @param withArticle whether to read each evidence's article too
	 * @param withArticleText whether to read the articles' text
	 * @return the evidence per pair, newest article first
	 */
	Map<List<String>, List<Evidence>> evidence(List<Map<String, Object>> pairs, int limit, boolean withArticle,
			boolean withArticleText) {
		Map<List<String>, List<Evidence>> result = new HashMap<>();
		List<Map<String, Object>> known = pairs.stream().filter(pair -> pair.get("localKeys") != null).toList();
		List<Map<String, Object>> unknown = pairs.stream().filter(pair -> pair.get("localKeys") == null).toList();
		if (!known.isEmpty()) {
			result.putAll(evidence(EVIDENCE_WITH_LOCALS, known, limit, withArticle, withArticleText));
		}
		if (!unknown.isEmpty()) {
			result.putAll(evidence(EVIDENCE, unknown, limit, withArticle, withArticleText));
		}
		return result;
	}

	private Map<List<String>, List<Evidence>> evidence(String cypher, List<Map<String, Object>> pairs, int limit,
			boolean withArticle, boolean withArticleText) {
		return Batches.keyed(
				this.client.query(cypher)
					.bindAll(Map.of("pairs", pairs, "limit", limit, "withArticle", withArticle, "withArticleText",
							withArticleText)),
				ImplementationQueries::pair, r -> r.get("evidence").asList(Evidence::of));
	}

	/** The province and document keys of a row, the key of a pair's answer. */
	private static List<String> pair(Record r) {
		return List.of(r.get("provinceKey").asString(), r.get("documentKey").asString());
	}

	Map<List<String>, List<Document>> via(List<Map<String, String>> pairs) {
		long provinces = pairs.stream().map(pair -> pair.get("provinceKey")).distinct().count();
		long documents = pairs.stream().map(pair -> pair.get("documentKey")).distinct().count();
		return via(pairs, provinces < documents);
	}

	/**
	 * @param pairs province and document keys
	 * @param byProvince whether to follow the chains out of each province's documents,
	 * rather than into each document
	 */
	Map<List<String>, List<Document>> via(List<Map<String, String>> pairs, boolean byProvince) {
		if (pairs.isEmpty()) {
			return new HashMap<>();
		}
		return Batches.keyed(this.client.query(byProvince ? VIA_BY_PROVINCE : VIA_BY_DOCUMENT).bind(pairs).to("pairs"),
				ImplementationQueries::pair, r -> r.get("documents").asList(Document::of));
	}

	List<Implementation> byPairs(List<Map<String, String>> pairs) {
		return List.copyOf(this.client.query(BY_PAIRS)
			.bind(pairs)
			.to("pairs")
			.fetchAs(Implementation.class)
			.mappedBy((t, r) -> new Implementation(r.get("provinceKey").asString(), r.get("documentKey").asString(),
					date(r.get("firstReported")), date(r.get("lastReported")), r.get("articleCount").asInt(0), null,
					null))
			.all());
	}

	Map<String, List<DocumentStep>> downwards(List<String> keys, int depth) {
		return steps(DOWNWARDS, Map.of("keys", keys, "depth", depth));
	}

	Map<String, List<DocumentStep>> upwards(List<String> keys) {
		return steps(UPWARDS, Map.of("keys", keys));
	}

	private Map<String, List<DocumentStep>> steps(String cypher, Map<String, Object> params) {
		return Batches.keyed(this.client.query(cypher).bindAll(params), r -> r.get("key").asString(),
				r -> r.get("steps")
					.asList(v -> new DocumentStep(v.get("documentKey").asString(), v.get("distance").asInt())));
	}

	private Map<String, Page> pages(String cypher, Map<String, Object> params) {
		return Batches.keyed(this.client.query(cypher).bindAll(params), r -> r.get("key").asString(),
				r -> new Page(
						r.get("rows").asList(v -> new Row(implementation(v), v.get("provinceName").asString(null))),
						r.get("total").asLong()));
	}

	private static Implementation implementation(Value v) {
		Value province = v.get("province");
		Value document = v.get("document");
		Value via = v.get("via");
		return new Implementation(v.get("provinceKey").asString(), v.get("documentKey").asString(),
				date(v.get("firstReported")), date(v.get("lastReported")), v.get("articleCount").asInt(0),
				province.isNull() ? null : Province.of(province), document.isNull() ? null : Document.of(document),
				via.isNull() ? null : via.asList(Document::of));
	}

	private static @Nullable LocalDate date(Value value) {
		return value.isNull() ? null : value.asLocalDate();
	}

	/**
	 * One parent's page.
	 *
	 * @param rows the implementations, one more than the page size when another page
	 * follows
	 * @param total the number on all pages
	 */
	record Page(List<Row> rows, long total) {
	}

	/**
	 * An implementation with what its cursor needs.
	 *
	 * @param implementation the implementation
	 * @param provinceName the province's name (sort key of a document's implementations)
	 */
	record Row(Implementation implementation, @Nullable String provinceName) {
	}

}
