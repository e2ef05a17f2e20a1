package org.policygraph.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.graph.Article;
import org.policygraph.graph.PartyBody;
import org.policygraph.graph.Document;
import org.policygraph.graph.Province;
import org.policygraph.graph.SearchText;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind search: one call of the full-text index {@code search_text}, filtered
 * by label. Documents whose code the text gives in full ({@code 22-NQ/TW}), then those
 * whose number it gives ({@code nghi quyet 22}), come first, central documents before
 * local ones with the same number; then the best score.
 */
@Repository
@Transactional(readOnly = true)
class SearchQueries {

	/*
	 * A common word matches tens of thousands of articles. Without a number in the text
	 * or without documents among the kinds asked (a document's code holds its number, so
	 * then no document ranks before the best scores), the best hits are the index's best
	 * scores: it is asked for one more than needed ($probe, more when kinds are asked,
	 * since some of the best may be of other kinds), and that is the answer unless fewer
	 * than that of the kinds asked came while the index had more to give, or the last two
	 * tie (then which of the tied hits is kept depends on the keys). Otherwise every hit
	 * is read, as it is when a number ranks documents first. Hits are returned as maps of
	 * what the read model maps, the text of an article and the other spellings of a place
	 * or body only when a snippet or the article's text is asked for.
	 */
	private static final String SEARCH = """
			CALL () {
			  CALL db.index.fulltext.queryNodes('search_text', $query, {limit: $probe}) YIELD node, score
			  RETURN count(*) AS seen,
			         collect(CASE WHEN $kinds IS NULL OR %1$s IN $kinds THEN {node: node, score: score} END) AS top
			}
			WITH top, (size($numbers) > 0 AND ($kinds IS NULL OR 'DOCUMENT' IN $kinds))
			          OR (size(top) <= $limit AND seen = $probe)
			          OR (size(top) > $limit AND top[$limit - 1].score = top[$limit].score) AS readAll
			CALL (top, readAll) {
			  WITH readAll WHERE readAll
			  CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
			  RETURN node, score
			  UNION ALL
			  WITH top, readAll WHERE NOT readAll
			  UNWIND top[0..$limit] AS hit
			  RETURN hit.node AS node, hit.score AS score
			}
			WITH node, score
			WHERE $kinds IS NULL OR %1$s IN $kinds
			WITH node, score,
			     CASE WHEN NOT node:Document THEN 0
			          WHEN $codeText CONTAINS ('-' + replace(toLower(replace(replace(node.code, 'Đ', 'D'), 'đ', 'd')), '/', '-') + '-') THEN 2
			          WHEN node.number IN $numbers THEN 1
			          ELSE 0 END AS exact
			WITH node, score, exact, CASE WHEN exact > 0 AND node.scope = 'TW' THEN 1 ELSE 0 END AS central
			ORDER BY exact DESC, central DESC, score DESC, coalesce(node.key, node.id) ASC
			LIMIT $limit
			WITH node, score, %1$s AS kind
			RETURN score, kind, CASE kind
			         WHEN 'ARTICLE' THEN node {.id, .url, .title, .publishedAt, .source, .provinceKey,
			                                   .unresolvedCitations, text: CASE WHEN $withText THEN node.text END}
			         WHEN 'DOCUMENT' THEN node {.key, .code, .name, .type, .number, .issuedOn, .year, .term, .subject,
			                                    .level}
			         ELSE node {.key, .name, .gsoCode, .type, .era, .aliases, .mergedIntoKey, .level, .provinceKey,
			                    aliasText: CASE WHEN $withSnippet THEN node.aliasText END} END AS node"""
		.formatted("""
				CASE WHEN node:Article THEN 'ARTICLE' WHEN node:Document THEN 'DOCUMENT'
				     WHEN node:Province THEN 'PROVINCE' ELSE 'PARTY_BODY' END""");

	/** How many of the index's best hits are read first when kinds are asked for. */
	static final int PROBE_FACTOR = 4;

	private final Neo4jClient client;

	SearchQueries(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * @param text the parsed user input, not empty
	 * @param kinds the kinds to keep, {@code null} for all
	 * @param limit the number of hits
	 * @return the hits, best first
	 */
	List<SearchHit> search(SearchText text, @Nullable List<SearchType> kinds, int limit) {
		return search(text, kinds, limit, true, true);
	}

	/**
	 * @param text the parsed user input, not empty
	 * @param kinds the kinds to keep, {@code null} for all
	 * @param limit the number of hits
	 * @param withSnippet whether to build each hit's snippet (else it is empty)
	 * @param withText whether to read the text of the articles found
	 * @return the hits, best first
	 */
	List<SearchHit> search(SearchText text, @Nullable List<SearchType> kinds, int limit, boolean withSnippet,
			boolean withText) {
		Map<String, Object> params = new HashMap<>();
		params.put("query", text.query());
		params.put("kinds", (kinds != null) ? kinds.stream().map(SearchType::name).toList() : null);
		params.put("limit", limit);
		params.put("probe", (kinds != null) ? (limit + 1) * PROBE_FACTOR : limit + 1);
		params.put("numbers", text.numbers());
		params.put("codeText", text.codeText());
		params.put("withSnippet", withSnippet);
		params.put("withText", withText || withSnippet);
		return new ArrayList<>(this.client.query(SEARCH)
			.bindAll(params)
			.fetchAs(SearchHit.class)
			.mappedBy((t, r) -> map(r, withSnippet ? text.terms() : null))
			.all());
	}

	private static SearchHit map(Record record, @Nullable List<String> terms) {
		Value node = record.get("node");
		SearchType kind = SearchType.valueOf(record.get("kind").asString());
		double score = record.get("score").asDouble();
		return switch (kind) {
			case ARTICLE ->
				new SearchHit(kind, score, snippet(node, terms, "text", "title"), Article.of(node), null, null, null);
			case DOCUMENT -> new SearchHit(kind, score, snippet(node, terms, "name", "subject"), null,
					Document.of(node), null, null);
			case PROVINCE -> new SearchHit(kind, score, snippet(node, terms, "name", "aliasText"), null, null,
					Province.of(node), null);
			case PARTY_BODY -> new SearchHit(kind, score, snippet(node, terms, "name", "aliasText"), null, null, null,
					PartyBody.of(node));
		};
	}

	private static String snippet(Value node, @Nullable List<String> terms, String... properties) {
		if (terms == null) {
			return "";
		}
		List<String> fields = new ArrayList<>(properties.length);
		for (String property : properties) {
			Value value = node.get(property);
			if (!value.isNull()) {
				fields.add(value.asString());
			}
		}
		return Snippets.of(fields, terms);
	}

}
