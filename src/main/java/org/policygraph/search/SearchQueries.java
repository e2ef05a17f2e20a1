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
	 * A common word matches tens of thousands of articles. Without kinds to keep and
	 * without a number in the text (a document's code holds its number, so no document
	 * ranks before the best scores), the best hits are the index's best scores: it is
	 * asked for one more than needed, and that is the answer unless the last two tie
	 * (then which of the tied hits is kept depends on the keys, and every hit is read, as
	 * it is otherwise). When every hit is read, the kind of each is worked out only when
	 * kinds are asked for, and returned for the kept hits.
	 */
	private static final String SEARCH = """
			CALL () {
			  CALL db.index.fulltext.queryNodes('search_text', $query, {limit: $limit + 1}) YIELD node, score
			  RETURN collect({node: node, score: score}) AS top
			}
			WITH top, $kinds IS NOT NULL OR size($numbers) > 0
			          OR (size(top) > $limit AND top[$limit - 1].score = top[$limit].score) AS readAll
			CALL (top, readAll) {
			  WITH readAll WHERE readAll
			  CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
			  RETURN node, score
			  UNION ALL
			  WITH top, readAll WHERE NOT readAll
			  UNWIND top AS hit
			  RETURN hit.node AS node, hit.score AS score
			}
			WITH node, score
			WHERE $kinds IS NULL
			   OR CASE WHEN node:Article THEN 'ARTICLE' WHEN node:Document THEN 'DOCUMENT'
			           WHEN node:Province THEN 'PROVINCE' ELSE 'PARTY_BODY' END IN $kinds
			WITH node, score,
			     CASE WHEN NOT node:Document THEN 0
			          WHEN $codeText CONTAINS ('-' + replace(toLower(replace(replace(node.code, 'Đ', 'D'), 'đ', 'd')), '/', '-') + '-') THEN 2
			          WHEN node.number IN $numbers THEN 1
			          ELSE 0 END AS exact
			WITH node, score, exact, CASE WHEN exact > 0 AND node.scope = 'TW' THEN 1 ELSE 0 END AS central
			ORDER BY exact DESC, central DESC, score DESC, coalesce(node.key, node.id) ASC
			LIMIT $limit
			RETURN node, score,
			       CASE WHEN node:Article THEN 'ARTICLE' WHEN node:Document THEN 'DOCUMENT'
			            WHEN node:Province THEN 'PROVINCE' ELSE 'PARTY_BODY' END AS kind""";

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
		Map<String, Object> params = new HashMap<>();
		params.put("query", text.query());
		params.put("kinds", (kinds != null) ? kinds.stream().map(SearchType::name).toList() : null);
		params.put("limit", limit);
		params.put("numbers", text.numbers());
		params.put("codeText", text.codeText());
		return new ArrayList<>(this.client.query(SEARCH)
			.bindAll(params)
			.fetchAs(SearchHit.class)
			.mappedBy((t, r) -> map(r, text.terms()))
			.all());
	}

	private static SearchHit map(Record record, List<String> terms) {
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

	private static String snippet(Value node, List<String> terms, String... properties) {
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
