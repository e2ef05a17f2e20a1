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
import org.policygraph.implementation.Implementation.CarriedEvidence;
import org.policygraph.implementation.Implementation.EvidenceRequest;

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

	/** What Province.of maps, for a map projection. */
	private static final String PROVINCE_PROPERTIES = ".key, .name, .gsoCode, .type, .era, .aliases, .mergedIntoKey";

	/** What Document.of maps, for a map projection. */
	private static final String DOCUMENT_PROPERTIES = ".key, .code, .name, .type, .number, .issuedOn, .year, .term, .subject, .level";

	/*
	 * The local documents a province's IMPLEMENTS (r) keeps (localDocumentKeys, in the
	 * order shown), one row each (v), in that order.
	 */
	private static final String LOCAL_DOCUMENTS = """
			UNWIND range(0, size(coalesce(r.localDocumentKeys, [])) - 1) AS i
			MATCH (v:Document {key: r.localDocumentKeys[i]})
			WITH i, v
			ORDER BY i""";

	/*
	 * The first $evidenceLimit evidence items of some IMPLEMENTS relationships (rows of
	 * link, fromKey, toKey), newest article first, with the article (without its text
	 * unless asked for) when asked for. Each relationship keeps its first evidence items
	 * in this order (evidenceArticleIds, and the dates of the dated ones among them,
	 * which come last, in evidenceArticleDates), so the first of all are among the first
	 * of each: a relationship is read from what it keeps when that is enough (at least
	 * $evidenceLimit kept, or all of its evidence), and from all its evidence only
	 * otherwise (a page larger than is kept); in that case only is the relation index
	 * sought (its key is null otherwise: the planner places the condition after the
	 * seek). The first $evidenceLimit of all are chosen from the kept ids and dates,
	 * before any article is read: only their articles and evidence are read. A kept
	 * article's evidence is found from the article (its few ASSERTS, which lead to
	 * Evidence nodes only; no label, so that the planner does not read all of the
	 * relation's evidence through the index for each article). The two parts cannot give
	 * the same row (a relationship is read one way or the other, and keeps an article
	 * once): UNION ALL, without the distinct rows' hashing.
	 */
	private static final String EVIDENCE_OF_LINKS = """
			WITH link, fromKey, toKey, link.evidenceArticleIds AS kept,
			     coalesce(link.evidenceArticleDates, []) AS dates
			WITH fromKey, toKey, kept, dates,
			     kept IS NOT NULL AND (size(kept) >= $evidenceLimit OR size(kept) >= link.articleCount) AS enough
			CALL (fromKey, toKey, kept, dates, enough) {
			  WITH fromKey, toKey, kept, dates WHERE enough
			  UNWIND range(0, CASE WHEN size(kept) < $evidenceLimit THEN size(kept) ELSE $evidenceLimit END - 1) AS i
			  WITH fromKey, toKey, kept[i] AS articleId, size(kept) - size(dates) AS undated, dates, i
			  RETURN articleId, CASE WHEN i >= undated THEN dates[i - undated] END AS publishedAt,
			         fromKey AS linkFrom, toKey AS linkTo
			  UNION ALL
			  WITH CASE WHEN NOT enough THEN fromKey END AS allFrom, toKey
			  MATCH (a:Article)-[:ASSERTS]->(:Evidence {type: 'IMPLEMENTS', fromKey: allFrom, toKey: toKey})
			  RETURN a.id AS articleId, a.publishedAt AS publishedAt, allFrom AS linkFrom, toKey AS linkTo
			}
			WITH articleId, publishedAt, linkFrom, linkTo
			ORDER BY publishedAt DESC, articleId, linkFrom, linkTo
			LIMIT $evidenceLimit
			MATCH (a:Article {id: articleId})
			MATCH (a)-[:ASSERTS]->(e)
			WHERE e.type = 'IMPLEMENTS' AND e.fromKey = linkFrom AND e.toKey = linkTo
			WITH a, e
			ORDER BY a.publishedAt DESC, a.id, e.type, e.fromKey, e.toKey
			RETURN collect({articleId: a.id, sentence: e.sentence, relation: e.type, fromKey: e.fromKey,
			                toKey: e.toKey, article: CASE WHEN $withArticle
			                  THEN a {.id, .url, .title, .publishedAt, .source, .provinceKey, .unresolvedCitations,
			                          text: CASE WHEN $withArticleText THEN a.text END} END}) AS evidence""";

	/*
	 * With $withVia, each row of the page carries its province's local documents, read
	 * from what its relationship keeps (localDocumentKeys, as BY_DOCUMENTS reads them):
	 * Implementation.via then needs no statement of its own (which walked the chains out
	 * of every document of the province, a third of the time of a province's page of 100
	 * with its plans).
	 */
	private static final String BY_PROVINCES = """
			UNWIND $keys AS key
			MATCH (u:Province {key: key})
			WITH key, [u] + CASE WHEN $includePredecessors
			    THEN [(pre:Province)-[:MERGED_INTO]->(u) | pre] ELSE [] END AS units
			WITH key, [x IN units | x.key] AS provinceKeys, [x IN units | x {%s}] AS provinces
			CALL (provinceKeys) {
			  MATCH (p:Province)-[r:IMPLEMENTS]->(d:Document)
			  WHERE p.key IN provinceKeys AND ($type IS NULL OR d.type = $type)
			    AND ($afterDocument IS NULL OR d.key > $afterDocument
			         OR (d.key = $afterDocument AND p.key > $afterProvince))
			  WITH p, r, d
			  ORDER BY d.key, p.key
			  LIMIT $limit
			  CALL (r) {
			    WITH r WHERE $withVia
			    %s
			    RETURN collect(v {%s}) AS mine
			  }
			  RETURN collect({provinceKey: p.key, documentKey: d.key, firstReported: r.firstReported,
			                  lastReported: r.lastReported, articleCount: r.articleCount,
			                  document: d {%s}, via: CASE WHEN $withVia THEN mine END}) AS rows
			}
			CALL (provinceKeys) {
			  MATCH (p:Province)-[:IMPLEMENTS]->(d:Document)
			  WHERE p.key IN provinceKeys AND ($type IS NULL OR d.type = $type)
			  RETURN count(*) AS total
			}
			RETURN key, provinces, rows, total""".formatted(PROVINCE_PROPERTIES, LOCAL_DOCUMENTS, DOCUMENT_PROPERTIES,
			DOCUMENT_PROPERTIES);

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
	 * With $withVia, each row carries its province's local documents, read from what its
	 * relationship keeps (localDocumentKeys: the keys of the province's documents from
	 * which a chain leads to the document, in the order shown; the writers keep them):
	 * only the page's local documents are read, not the chains into the document nor the
	 * other provinces' local documents. Implementation.via then needs no statement of its
	 * own.
	 *
	 * With $withEvidence (which implies $withVia), each row carries its evidence too, as
	 * EVIDENCE_OF_PAIR reads it: the evidence statement is not needed at all (the
	 * province's relationship and its distinct local documents' are different
	 * relationships: UNION ALL). Nodes are returned as maps of what the read model maps,
	 * not whole.
	 */
	static final String BY_DOCUMENTS = """
			UNWIND $keys AS key
			OPTIONAL MATCH (d:Document {key: key})
			CALL (d) {
			  MATCH (p:Province)-[r:IMPLEMENTS]->(d)
			  WHERE $afterName IS NULL OR p.name > $afterName OR (p.name = $afterName AND p.key > $afterProvince)
			  WITH p, r, d
			  ORDER BY p.name, p.key
			  LIMIT $limit
			  CALL (r) {
			    WITH r WHERE $withVia
			    %s
			    RETURN collect({node: v, key: v.key, document: v {%s}}) AS mine
			  }
			  CALL (p, r, d, mine) {
			    WITH p, r, d, mine WHERE $withEvidence
			    CALL (p, r, d, mine) {
			      RETURN r AS link, p.key AS fromKey, d.key AS toKey
			      UNION ALL
			      WITH d, mine, [l IN mine | l.key] AS localKeys
			      UNWIND mine AS l
			      WITH d, localKeys, l.key AS start, l.node AS v
			      MATCH (v)-[link:IMPLEMENTS]->(x:Document)
			      WHERE x = d OR x.key IN localKeys
			      RETURN link, start AS fromKey, x.key AS toKey
			    }
			    %s
			  }
			  RETURN collect({provinceKey: p.key, provinceName: p.name,
			                  firstReported: r.firstReported, lastReported: r.lastReported,
			                  articleCount: r.articleCount, province: p {%s},
			                  via: CASE WHEN $withVia THEN [l IN mine | l.document] END,
			                  evidence: CASE WHEN $withEvidence THEN evidence END}) AS rows
			}
			CALL (d) {
			  MATCH (:Province)-[:IMPLEMENTS]->(d)
			  RETURN count(*) AS total
			}
			RETURN key, d {%s} AS document, rows, total""".formatted(LOCAL_DOCUMENTS, DOCUMENT_PROPERTIES,
			EVIDENCE_OF_LINKS, PROVINCE_PROPERTIES, DOCUMENT_PROPERTIES);

	/*
	 * BY_DOCUMENTS without local documents and evidence: the same rows, without the two
	 * subqueries each row would enter for nothing (half the statement's time for a
	 * document's 86 implementers).
	 */
	static final String BY_DOCUMENTS_PLAIN = """
			UNWIND $keys AS key
			OPTIONAL MATCH (d:Document {key: key})
			CALL (d) {
			  MATCH (p:Province)-[r:IMPLEMENTS]->(d)
			  WHERE $afterName IS NULL OR p.name > $afterName OR (p.name = $afterName AND p.key > $afterProvince)
			  WITH p, r
			  ORDER BY p.name, p.key
			  LIMIT $limit
			  RETURN collect({provinceKey: p.key, provinceName: p.name,
			                  firstReported: r.firstReported, lastReported: r.lastReported,
			                  articleCount: r.articleCount, province: p {%s}}) AS rows
			}
			CALL (d) {
			  MATCH (:Province)-[:IMPLEMENTS]->(d)
			  RETURN count(*) AS total
			}
			RETURN key, d {%s} AS document, rows, total""".formatted(PROVINCE_PROPERTIES, DOCUMENT_PROPERTIES);

	/*
	 * The evidence of one province and document (EVIDENCE_OF_LINKS): that of the
	 * relationships from the province to the document (found between its two ends) and
	 * from its local documents in the chain.
	 */
	private static final String EVIDENCE_OF_PAIR = """
			CALL (documentKey, provinceKey, localKeys) {
			  CALL (documentKey, provinceKey, localKeys) {
			    MATCH (p:Province {key: provinceKey})
			    MATCH (d:Document {key: documentKey})
			    MATCH (p)-[link:IMPLEMENTS]->(d)
			    RETURN link, provinceKey AS fromKey, documentKey AS toKey
			    UNION
			    UNWIND localKeys AS start
			    MATCH (:Document {key: start})-[link:IMPLEMENTS]->(x:Document)
			    WHERE x.key = documentKey OR x.key IN localKeys
			    RETURN link, start AS fromKey, x.key AS toKey
			  }
			  %s
			}
			RETURN provinceKey, documentKey, evidence""".formatted(EVIDENCE_OF_LINKS);

	/*
	 * Evidence of a province implementing a document: its own (found by the full key of
	 * the relation index) and that of its local documents in the chain, which its
	 * relationship keeps (localDocumentKeys).
	 */
	private static final String EVIDENCE = """
			UNWIND $pairs AS pair
			WITH pair.documentKey AS documentKey, pair.provinceKey AS provinceKey
			CALL (documentKey, provinceKey) {
			  OPTIONAL MATCH (p:Province {key: provinceKey})
			  OPTIONAL MATCH (d:Document {key: documentKey})
			  OPTIONAL MATCH (p)-[r:IMPLEMENTS]->(d)
			  RETURN coalesce(r.localDocumentKeys, []) AS localKeys
			}
			""" + EVIDENCE_OF_PAIR;

	/**
	 * The same, for pairs whose local documents are known already (each pair has
	 * {@code localKeys}).
	 */
	static final String EVIDENCE_WITH_LOCALS = """
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
	 * few documents (a document's implementers): each document's implementing provinces'
	 * relationships are read once per document, and the batch's keep their local
	 * documents (localDocumentKeys).
	 */
	private static final String VIA_BY_DOCUMENT = """
			UNWIND $pairs AS pair
			WITH pair.documentKey AS documentKey, collect(pair.provinceKey) AS provinceKeys
			MATCH (d:Document {key: documentKey})
			CALL (d, provinceKeys) {
			  MATCH (d)<-[r:IMPLEMENTS]-(p:Province)
			  WHERE r.localDocumentKeys IS NOT NULL AND p.key IN provinceKeys
			  RETURN r, p.key AS provinceKey
			}
			CALL (r) {
			  %s
			  RETURN collect(v) AS documents
			}
			RETURN provinceKey, documentKey, documents""".formatted(LOCAL_DOCUMENTS);

	/*
	 * Few provinces and many documents (a province's page): the chains out of the
	 * province's own documents (found by the scope index) are followed forwards, once per
	 * province. (A province's relationships are thousands: reading them all to find the
	 * page's costs more than these walks, which start from a few hundred documents.)
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

	/**
	 * @param keys the provinces
	 * @param includePredecessors whether the provinces merged into each count as it
	 * @param type only documents of this type, or all
	 * @param from only what an article published from this day reports, or all
	 * @param to and until this day
	 * @param afterDocument the page's cursor: the last document key of the previous page
	 * @param afterProvince and its province key
	 * @param limit the page size
	 * @param withVia whether each row carries its province's local documents (without a
	 * period only; in a period, and otherwise, {@link #via} reads them)
	 * @return each province's page
	 */
	Map<String, Page> byProvinces(List<String> keys, boolean includePredecessors, @Nullable String type,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String afterDocument,
			@Nullable String afterProvince, int limit, boolean withVia) {
		Map<String, Object> params = new HashMap<>();
		params.put("withVia", withVia);
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
	 * @param withVia whether to read each implementation's local documents too (kept on
	 * its relationship), for {@link Implementation#via()}
	 * @return a page per document
	 */
	Map<String, Page> byDocuments(List<String> keys, @Nullable String afterName, @Nullable String afterProvince,
			int limit, boolean withVia) {
		return byDocuments(keys, afterName, afterProvince, limit, withVia, null);
	}

	/**
	 * @param keys the documents
	 * @param afterName the page's cursor: the last province name of the previous page
	 * @param afterProvince and its key
	 * @param limit the implementations per document
	 * @param withVia whether to read each implementation's local documents too (kept on
	 * its relationship), for {@link Implementation#via()}
	 * @param evidence the evidence to read with each implementation
	 * ({@link Implementation#evidence()}, which needs the local documents: read whatever
	 * {@code withVia}), {@code null} for none
	 * @return a page per document
	 */
	Map<String, Page> byDocuments(List<String> keys, @Nullable String afterName, @Nullable String afterProvince,
			int limit, boolean withVia, @Nullable EvidenceRequest evidence) {
		Map<String, Object> params = new HashMap<>();
		params.put("keys", keys);
		params.put("afterName", afterName);
		params.put("afterProvince", afterProvince);
		params.put("limit", limit);
		params.put("withVia", withVia || evidence != null);
		params.put("withEvidence", evidence != null);
		params.put("evidenceLimit", (evidence != null) ? evidence.first() : 0);
		params.put("withArticle", evidence != null && evidence.withArticle());
		params.put("withArticleText", evidence != null && evidence.withArticleText());
		String statement = (withVia || evidence != null) ? BY_DOCUMENTS : BY_DOCUMENTS_PLAIN;
		return Batches.keyed(this.client.query(statement).bindAll(params), r -> r.get("key").asString(), r -> {
			// the document once for its page, not once per row
			String documentKey = r.get("key").asString();
			Value document = r.get("document");
			Document read = document.isNull() ? null : Document.of(document);
			return new Page(r.get("rows")
				.asList(v -> new Row(implementation(v, documentKey, read, evidence),
						v.get("provinceName").asString(null))),
					r.get("total").asLong());
		});
	}

	/**
	 * @param pairs province and document keys ({@code provinceKey}, {@code documentKey}),
	 * each with the keys of its local documents ({@code localKeys}) when they are known;
	 * read from the province's relationship for the pairs without
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
					.bindAll(Map.of("pairs", pairs, "evidenceLimit", limit, "withArticle", withArticle,
							"withArticleText", withArticleText)),
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
	 * rather than read what each document's implementers' relationships keep
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
		return Batches.keyed(this.client.query(cypher).bindAll(params), r -> r.get("key").asString(), r -> {
			// the province and its predecessors read once for the page (BY_PROVINCES),
			// not with each row
			Map<String, Province> provinces = new HashMap<>();
			Value units = r.get("provinces");
			if (!units.isNull()) {
				units.asList(Province::of).forEach(province -> provinces.put(province.key(), province));
			}
			return new Page(r.get("rows").asList(v -> {
				Implementation read = implementation(v);
				Province province = provinces.get(read.provinceKey());
				return new Row((read.province() != null || province == null) ? read : read.withProvince(province),
						v.get("provinceName").asString(null));
			}), r.get("total").asLong());
		});
	}

	private static Implementation implementation(Value v) {
		Value document = v.get("document");
		return implementation(v, v.get("documentKey").asString(), document.isNull() ? null : Document.of(document),
				null);
	}

	private static Implementation implementation(Value v, String documentKey, @Nullable Document document,
			@Nullable EvidenceRequest request) {
		Value province = v.get("province");
		Value via = v.get("via");
		Value evidence = v.get("evidence");
		return new Implementation(v.get("provinceKey").asString(), documentKey, date(v.get("firstReported")),
				date(v.get("lastReported")), v.get("articleCount").asInt(0),
				province.isNull() ? null : Province.of(province), document,
				via.isNull() ? null : via.asList(Document::of), (request == null || evidence.isNull()) ? null
						: new CarriedEvidence(request, evidence.asList(Evidence::of)));
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
