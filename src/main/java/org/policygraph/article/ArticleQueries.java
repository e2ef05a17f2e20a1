package org.policygraph.article;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.policygraph.graph.Article;
import org.policygraph.graph.Document;
import org.policygraph.graph.PartyBody;
import org.policygraph.graph.Province;
import org.policygraph.graphql.Batches;
import org.policygraph.graphql.PageRequest;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind the article API.
 */
@Repository
@Transactional(readOnly = true)
class ArticleQueries {

	/** Articles sort newest first; undated ones last, by this stand-in date. */
	static final LocalDate UNDATED = LocalDate.of(1, 1, 1);

	/** Articles sort oldest first with undated ones last, by this stand-in date. */
	static final LocalDate UNDATED_LAST = LocalDate.of(9999, 12, 31);

	private static final String ALL_ARTICLES = """
			MATCH (a:Article)
			""";

	/*
	 * With a province, document or body filter the list starts from that node's MENTIONS
	 * rather than from every article (the writer makes one MENTIONS per article and node,
	 * so no article comes twice); the conditions of the other filters follow.
	 */

	private static final String PROVINCE_ARTICLES = """
			MATCH (:Province {key: $provinceKey})<-[:MENTIONS]-(a:Article)
			""";

	private static final String DOCUMENT_ARTICLES = """
			MATCH (:Document {key: $documentKey})<-[:MENTIONS]-(a:Article)
			""";

	private static final String BODY_ARTICLES = """
			MATCH (:PartyBody {key: $bodyKey})<-[:MENTIONS]-(a:Article)
			""";

	/**
	 * Articles whose title or text contains every word (diacritic-insensitive full-text
	 * index).
	 */
	private static final String MATCHING_ARTICLES = """
			CALL db.index.fulltext.queryNodes('search_text', $text) YIELD node AS a
			WHERE a:Article
			""";

	/*
	 * The conditions after the start: those of the node the list starts from are left out
	 * (every article found from it mentions it; checking again per article doubled the
	 * cost of a page).
	 */

	private static final String WITH_A = """
			WITH a
			WHERE ($from IS NULL OR a.publishedAt >= $from)
			  AND ($to IS NULL OR a.publishedAt <= $to)
			""";

	private static final String PROVINCE_FILTER = """
			  AND ($provinceKey IS NULL OR EXISTS { (a)-[:MENTIONS]->(:Province {key: $provinceKey}) })
			""";

	private static final String DOCUMENT_FILTER = """
			  AND ($documentKey IS NULL OR EXISTS { (a)-[:MENTIONS]->(:Document {key: $documentKey}) })
			""";

	private static final String BODY_FILTER = """
			  AND ($bodyKey IS NULL OR EXISTS { (a)-[:MENTIONS]->(:PartyBody {key: $bodyKey}) })
			""";

	/*
	 * A page's articles without their text unless it is asked for: the text is most of an
	 * article's bytes, and a list usually shows titles and dates. The page's order is
	 * repeated after the projection (only an ORDER BY guarantees the order of a
	 * statement's rows).
	 */
	private static final String PAGE_ROW = """
			RETURN a {.id, .url, .title, .publishedAt, .source, .provinceKey, .unresolvedCitations,
			          text: CASE WHEN $withText THEN a.text END} AS a
			""";

	private static final String PAGE_NEWEST_FIRST = """
			WITH a, coalesce(a.publishedAt, $undated) AS sortDate
			WHERE $afterDate IS NULL OR sortDate < $afterDate OR (sortDate = $afterDate AND a.id > $afterId)
			WITH a, sortDate
			ORDER BY sortDate DESC, a.id ASC
			LIMIT $limit
			""" + PAGE_ROW + "ORDER BY sortDate DESC, a.id ASC";

	private static final String PAGE_OLDEST_FIRST = """
			WITH a, coalesce(a.publishedAt, $undatedLast) AS sortDate
			WHERE $afterDate IS NULL OR sortDate > $afterDate OR (sortDate = $afterDate AND a.id > $afterId)
			WITH a, sortDate
			ORDER BY sortDate ASC, a.id ASC
			LIMIT $limit
			""" + PAGE_ROW + "ORDER BY sortDate ASC, a.id ASC";

	/*
	 * The whole order of a list that starts from a node, for ArticleOrders: each
	 * article's sort date and id, when the node has at most $maxListSize mentions (its
	 * degree, which Neo4j keeps, so a longer list costs nothing to refuse). No row when
	 * the node does not exist.
	 */

	private static final String NODE_DEGREE = """
			WITH n, COUNT { (n)<-[:MENTIONS]-() } AS degree
			CALL (n, degree) {
			  WITH n, degree
			  WHERE degree <= $maxListSize
			  MATCH (n)<-[:MENTIONS]-(a:Article)
			""";

	private static final String ORDER_ROWS = """
			  WITH a, coalesce(a.publishedAt, $undated) AS sortDate
			  ORDER BY sortDate %s, a.id ASC
			  RETURN collect([sortDate, a.id]) AS rows
			}
			RETURN degree, rows""";

	private static final String PROVINCE_ORDER = "MATCH (n:Province {key: $provinceKey})\n" + NODE_DEGREE + WITH_A
			+ DOCUMENT_FILTER + BODY_FILTER;

	private static final String DOCUMENT_ORDER = "MATCH (n:Document {key: $documentKey})\n" + NODE_DEGREE + WITH_A
			+ BODY_FILTER;

	private static final String BODY_ORDER = "MATCH (n:PartyBody {key: $bodyKey})\n" + NODE_DEGREE + WITH_A;

	/** Articles by id, in the order of the ids (a page of a kept order). */
	private static final String IN_ORDER = """
			UNWIND range(0, size($ids) - 1) AS i
			MATCH (a:Article {id: $ids[i]})
			""" + PAGE_ROW + "ORDER BY i";

	private static final String COUNT = "RETURN count(a) AS n";

	private static final String BY_ID = "MATCH (a:Article {id: $id}) RETURN a";

	private static final String PROVINCES = """
			UNWIND $keys AS key
			MATCH (:Article {id: key})-[:MENTIONS]->(p:Province)
			RETURN key, p
			ORDER BY p.name""";

	private static final String PARTY_BODIES = """
			UNWIND $keys AS key
			MATCH (:Article {id: key})-[:MENTIONS]->(b:PartyBody)
			RETURN key, b
			ORDER BY b.name""";

	private static final String DOCUMENTS = """
			UNWIND $keys AS key
			MATCH (:Article {id: key})-[:MENTIONS]->(d:Document)
			RETURN key, d
			ORDER BY d.key""";

	private final Neo4jClient client;

	ArticleQueries(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * One page of a list.
	 * @param filter which articles
	 * @param page where and how many
	 * @param withText whether to read the articles' text (otherwise empty)
	 * @return the page's articles, one more than asked for when there is a next page
	 */
	List<Article> page(ArticleFilter filter, PageRequest page, boolean withText) {
		Map<String, Object> params = filter.parameters();
		params.put("withText", withText);
		params.put("undated", UNDATED);
		params.put("undatedLast", UNDATED_LAST);
		params.put("afterDate", page.afterDate(0));
		params.put("afterId", page.afterPart(1));
		params.put("limit", page.first() + 1);
		String cypher = filter.selection() + (filter.oldestFirst() ? PAGE_OLDEST_FIRST : PAGE_NEWEST_FIRST);
		return List.copyOf(this.client.query(cypher)
			.bindAll(params)
			.fetchAs(Article.class)
			.mappedBy((t, r) -> Article.of(r.get("a")))
			.all());
	}

	/**
	 * The whole order of a list that starts from a province, document or party body.
	 * @param filter the list; {@link ArticleFilter#startsFromNode()}
	 * @param maxListSize the longest list to read
	 * @return each article's sort date and id in the list's order; empty when the node
	 * has more mentions than {@code maxListSize} or does not exist
	 */
	Optional<List<ArticleOrders.Row>> order(ArticleFilter filter, int maxListSize) {
		String start = (filter.provinceKey() != null) ? PROVINCE_ORDER
				: (filter.documentKey() != null) ? DOCUMENT_ORDER : BODY_ORDER;
		Map<String, Object> params = filter.parameters();
		params.put("maxListSize", maxListSize);
		params.put("undated", filter.oldestFirst() ? UNDATED_LAST : UNDATED);
		String cypher = start + ORDER_ROWS.formatted(filter.oldestFirst() ? "ASC" : "DESC");
		return this.client.query(cypher)
			.bindAll(params)
			.fetchAs(Record.class)
			.mappedBy((t, r) -> r)
			.one()
			.filter(r -> r.get("degree").asLong() <= maxListSize)
			.map(r -> r.get("rows").asList(v -> new ArticleOrders.Row(v.get(0).asLocalDate(), v.get(1).asString())));
	}

	/**
	 * Articles by id, in the order given.
	 * @param ids the ids
	 * @param withText whether to read the articles' text (otherwise empty)
	 * @return the articles found, in that order
	 */
	List<Article> inOrder(List<String> ids, boolean withText) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return List.copyOf(this.client.query(IN_ORDER)
			.bindAll(Map.of("ids", ids, "withText", withText))
			.fetchAs(Article.class)
			.mappedBy((t, r) -> Article.of(r.get("a")))
			.all());
	}

	long count(ArticleFilter filter) {
		return this.client.query(filter.selection() + COUNT)
			.bindAll(filter.parameters())
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
	}

	Optional<Article> byId(String id) {
		return this.client.query(BY_ID)
			.bind(id)
			.to("id")
			.fetchAs(Article.class)
			.mappedBy((t, r) -> Article.of(r.get("a")))
			.one();
	}

	/**
	 * @param ids article ids
	 * @return the provinces each article mentions, by name
	 */
	Map<String, List<Province>> provinces(List<String> ids) {
		return Batches.grouped(this.client, PROVINCES, ids, "p", Province::of);
	}

	/**
	 * @param ids article ids
	 * @return the party bodies each article names, by name
	 */
	Map<String, List<PartyBody>> partyBodies(List<String> ids) {
		return Batches.grouped(this.client, PARTY_BODIES, ids, "b", PartyBody::of);
	}

	/**
	 * @param ids article ids
	 * @return the documents each article cites, by key
	 */
	Map<String, List<Document>> documents(List<String> ids) {
		return Batches.grouped(this.client, DOCUMENTS, ids, "d", Document::of);
	}

	/**
	 * Which articles to list.
	 *
	 * @param provinceKey only those mentioning this province
	 * @param documentKey only those mentioning this document
	 * @param bodyKey only those mentioning this party body
	 * @param from only those published on or after
	 * @param to only those published on or before
	 * @param oldestFirst the order
	 * @param text a full-text query: every word must occur in the title or text
	 */
	record ArticleFilter(@Nullable String provinceKey, @Nullable String documentKey, @Nullable String bodyKey,
			@Nullable LocalDate from, @Nullable LocalDate to, boolean oldestFirst, @Nullable String text) {

		/**
		 * The first part of the statement: the articles the full-text index matches,
		 * those mentioning the filter's province, document or body, or all articles.
		 */
		String selection() {
			if (this.text != null) {
				return MATCHING_ARTICLES + WITH_A + PROVINCE_FILTER + DOCUMENT_FILTER + BODY_FILTER;
			}
			if (this.provinceKey != null) {
				return PROVINCE_ARTICLES + WITH_A + DOCUMENT_FILTER + BODY_FILTER;
			}
			if (this.documentKey != null) {
				return DOCUMENT_ARTICLES + WITH_A + BODY_FILTER;
			}
			if (this.bodyKey != null) {
				return BODY_ARTICLES + WITH_A;
			}
			return ALL_ARTICLES + WITH_A;
		}

		/**
		 * Whether the list starts from a province, document or party body (no full-text
		 * query).
		 */
		boolean startsFromNode() {
			return this.text == null && (this.provinceKey != null || this.documentKey != null || this.bodyKey != null);
		}

		Map<String, Object> parameters() {
			Map<String, Object> params = new HashMap<>();
			params.put("provinceKey", this.provinceKey);
			params.put("documentKey", this.documentKey);
			params.put("bodyKey", this.bodyKey);
			params.put("from", this.from);
			params.put("to", this.to);
			params.put("text", this.text);
			return params;
		}

	}

}
