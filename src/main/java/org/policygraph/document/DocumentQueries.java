package org.policygraph.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Document;
import org.policygraph.graph.PartyBody;
import org.policygraph.graph.Province;
import org.policygraph.graphql.Batches;
import org.policygraph.graphql.PageRequest;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind the document API.
 */
@Repository
@Transactional(readOnly = true)
class DocumentQueries {

	/**
	 * Documents sort by year, newest first; those without a year last, by this stand-in.
	 */
	static final int NO_YEAR = -1;

	/*
	 * With a type, the list starts from the type's index; otherwise from every document.
	 * The conditions are the same either way.
	 */

	private static final String ALL_DOCUMENTS = """
			MATCH (d:Document)
			""";

	private static final String DOCUMENTS_OF_TYPE = """
			MATCH (d:Document {type: $type})
			""";

	private static final String FILTER = """
			WHERE ($type IS NULL OR d.type = $type)
			  AND ($level IS NULL OR d.level = $level)
			  AND ($term IS NULL OR d.term = $term)
			  AND ($fromYear IS NULL OR d.year >= $fromYear)
			  AND ($toYear IS NULL OR d.year <= $toYear)
			  AND ($issuedByKey IS NULL OR EXISTS { (d)-[:ISSUED_BY]->(:PartyBody {key: $issuedByKey}) })
			  AND ($implementedByProvinceKey IS NULL
			       OR EXISTS { (d)<-[:IMPLEMENTS]-(:Province {key: $implementedByProvinceKey}) })
			""";

	private static final String PAGE = """
			WITH d, coalesce(d.year, $noYear) AS sortYear
			WHERE $afterYear IS NULL OR sortYear < $afterYear OR (sortYear = $afterYear AND d.key > $afterKey)
			RETURN d
			ORDER BY sortYear DESC, d.key ASC
			LIMIT $limit""";

	/*
	 * The list without a type, body or province filter: the dated documents in the order
	 * of the year index (document_year; the planner stops after the page instead of
	 * sorting every document), then, when the page is not full and no year bound excludes
	 * them, the undated ones in the order of the key constraint's index (an UNWIND of no
	 * rows skips that scan: a WHERE on the page's size was merged into the scan's filter
	 * by the planner). The same order and cursors as PAGE.
	 */
	private static final String ORDERED_PAGE = """
			CALL () {
			  MATCH (d:Document)
			  WHERE d.year >= $lowerYear AND d.year <= $upperYear
			    AND ($level IS NULL OR d.level = $level)
			    AND ($term IS NULL OR d.term = $term)
			    AND ($afterYear IS NULL OR d.year < $afterYear OR d.key > $afterKey)
			  WITH d
			  ORDER BY d.year DESC, d.key ASC
			  LIMIT $limit
			  RETURN collect(d) AS dated
			}
			CALL (dated) {
			  UNWIND CASE WHEN size(dated) < $limit AND $fromYear IS NULL AND $toYear IS NULL
			              THEN [true] ELSE [] END AS wanted
			  MATCH (d:Document)
			  WHERE d.key IS NOT NULL AND d.year IS NULL
			    AND ($level IS NULL OR d.level = $level)
			    AND ($term IS NULL OR d.term = $term)
			    AND ($afterYear IS NULL OR $afterYear > $noYear OR ($afterYear = $noYear AND d.key > $afterKey))
			  WITH d
			  ORDER BY d.key ASC
			  LIMIT $limit
			  RETURN collect(d) AS undated
			}
			UNWIND (dated + undated)[0..$limit] AS d
			RETURN d""";

	private static final String COUNT = "RETURN count(d) AS n";

	/**
	 * The document with this key, else the one a key was merged into ({@code mergedKeys}:
	 * a citation first stored undated, by year or by term, then found to be a dated
	 * document), found through the code index.
	 */
	private static final String FIND = """
			CALL () {
			  MATCH (d:Document {key: $key})
			  RETURN d
			  UNION
			  MATCH (d:Document {code: $code})
			  WHERE d.scope = $scope AND $key IN d.mergedKeys
			  RETURN d
			}
			WITH d ORDER BY d.key LIMIT 1
			""";

	private static final String BY_KEY = FIND + "RETURN d";

	/**
	 * The document with its issuers and the documents it implements, in the orders of
	 * ISSUERS and IMPLEMENTED.
	 */
	private static final String BY_KEY_WITH_LISTS = FIND
			+ """
					RETURN d,
					       CASE WHEN $withIssuers
					         THEN COLLECT { MATCH (d)-[:ISSUED_BY]->(b:PartyBody) RETURN b ORDER BY b.name } END AS issuers,
					       CASE WHEN $withImplemented
					         THEN COLLECT { MATCH (d)-[:IMPLEMENTS]->(x:Document) RETURN x ORDER BY x.key } END AS implemented""";

	private static final String ISSUERS = """
			UNWIND $keys AS key
			MATCH (:Document {key: key})-[:ISSUED_BY]->(b:PartyBody)
			RETURN key, b
			ORDER BY b.name""";

	private static final String BY_CODE = """
			MATCH (d:Document {code: $code})
			RETURN d
			ORDER BY d.issuedOn, d.year, d.key""";

	private static final String IMPLEMENTED = """
			UNWIND $keys AS key
			MATCH (:Document {key: key})-[:IMPLEMENTS]->(d:Document)
			RETURN key, d
			ORDER BY d.key""";

	private static final String IMPLEMENTING = """
			UNWIND $keys AS key
			MATCH (d:Document)-[:IMPLEMENTS]->(:Document {key: key})
			RETURN key, d
			ORDER BY d.key""";

	private static final String IMPLEMENTING_PROVINCES = """
			UNWIND $keys AS key
			MATCH (p:Province)-[:IMPLEMENTS]->(:Document {key: key})
			RETURN key, p
			ORDER BY p.name""";

	private final Neo4jClient client;

	DocumentQueries(Neo4jClient client) {
		this.client = client;
	}

	List<Document> page(DocumentFilter filter, PageRequest page) {
		Map<String, Object> params = filter.parameters();
		params.put("noYear", NO_YEAR);
		Integer afterYear = page.afterInteger(0);
		params.put("afterYear", afterYear);
		params.put("afterKey", page.afterPart(1));
		params.put("limit", page.first() + 1);
		String cypher;
		if (filter.ordersByIndex()) {
			params.put("lowerYear", (filter.fromYear() != null) ? filter.fromYear() : Integer.MIN_VALUE);
			params.put("upperYear", Math.min((filter.toYear() != null) ? filter.toYear() : Integer.MAX_VALUE,
					(afterYear != null) ? afterYear : Integer.MAX_VALUE));
			cypher = ORDERED_PAGE;
		}
		else {
			cypher = filter.selection() + PAGE;
		}
		return List.copyOf(this.client.query(cypher)
			.bindAll(params)
			.fetchAs(Document.class)
			.mappedBy((t, r) -> Document.of(r.get("d")))
			.all());
	}

	long count(DocumentFilter filter) {
		return this.client.query(filter.selection() + COUNT)
			.bindAll(filter.parameters())
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
	}

	Optional<Document> byKey(String key) {
		return this.client.query(BY_KEY)
			.bindAll(keyParameters(key))
			.fetchAs(Document.class)
			.mappedBy((t, r) -> Document.of(r.get("d")))
			.one();
	}

	/**
	 * {@code key}, and its {@code code} and {@code scope} ({@code code|scope|when}; null
	 * otherwise).
	 */
	private static Map<String, Object> keyParameters(String key) {
		String[] parts = key.split("\\|", -1);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("key", key);
		parameters.put("code", (parts.length == 3) ? parts[0] : null);
		parameters.put("scope", (parts.length == 3) ? parts[1] : null);
		return parameters;
	}

	/**
	 * @param key the document's key
	 * @param withIssuers whether to read its issuers too
	 * @param withImplemented whether to read the documents it implements too
	 * @return the document, carrying the lists read
	 */
	Optional<Document> byKey(String key, boolean withIssuers, boolean withImplemented) {
		if (!withIssuers && !withImplemented) {
			return byKey(key);
		}
		return this.client.query(BY_KEY_WITH_LISTS)
			.bindAll(withLists(keyParameters(key), withIssuers, withImplemented))
			.fetchAs(Document.class)
			.mappedBy((t, r) -> Document.of(r.get("d"), r.get("issuers"), r.get("implemented")))
			.one();
	}

	private static Map<String, Object> withLists(Map<String, Object> parameters, boolean withIssuers,
			boolean withImplemented) {
		parameters.put("withIssuers", withIssuers);
		parameters.put("withImplemented", withImplemented);
		return parameters;
	}

	Map<String, List<PartyBody>> issuers(List<String> documentKeys) {
		return Batches.grouped(this.client, ISSUERS, documentKeys, "b", PartyBody::of);
	}

	List<Document> byCode(String code) {
		return List.copyOf(this.client.query(BY_CODE)
			.bind(code)
			.to("code")
			.fetchAs(Document.class)
			.mappedBy((t, r) -> Document.of(r.get("d")))
			.all());
	}

	Map<String, List<Document>> implemented(List<String> documentKeys) {
		return grouped(IMPLEMENTED, documentKeys);
	}

	Map<String, List<Document>> implementing(List<String> documentKeys) {
		return grouped(IMPLEMENTING, documentKeys);
	}

	Map<String, List<Province>> implementingProvinces(List<String> documentKeys) {
		return Batches.grouped(this.client, IMPLEMENTING_PROVINCES, documentKeys, "p", Province::of);
	}

	private Map<String, List<Document>> grouped(String cypher, List<String> keys) {
		return Batches.grouped(this.client, cypher, keys, "d", Document::of);
	}

	/**
	 * Which documents to list.
	 *
	 * @param type the type
	 * @param issuedByKey the issuing body
	 * @param level the issuing level
	 * @param term the Central Committee term
	 * @param fromYear the earliest year
	 * @param toYear the latest year
	 * @param implementedByProvinceKey a province implementing them
	 */
	record DocumentFilter(@Nullable String type, @Nullable String issuedByKey, @Nullable String level,
			@Nullable String term, @Nullable Integer fromYear, @Nullable Integer toYear,
			@Nullable String implementedByProvinceKey) {

		/**
		 * Whether a page is read in the year index's order ({@code ORDERED_PAGE}): when
		 * only the level, term and years filter, which the ordered scan checks as it
		 * goes. A type starts from the type's index, a body or province from its
		 * relationships.
		 */
		boolean ordersByIndex() {
			return this.type == null && this.issuedByKey == null && this.implementedByProvinceKey == null;
		}

		/** The start of the statement and the conditions, up to the page or the count. */
		String selection() {
			return ((this.type != null) ? DOCUMENTS_OF_TYPE : ALL_DOCUMENTS) + FILTER;
		}

		Map<String, Object> parameters() {
			Map<String, Object> params = new HashMap<>();
			params.put("type", this.type);
			params.put("issuedByKey", this.issuedByKey);
			params.put("level", this.level);
			params.put("term", this.term);
			params.put("fromYear", this.fromYear);
			params.put("toYear", this.toYear);
			params.put("implementedByProvinceKey", this.implementedByProvinceKey);
			return params;
		}

	}

}
