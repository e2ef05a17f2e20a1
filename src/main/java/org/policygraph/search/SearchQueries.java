package org.policygraph.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
	 * A common word matches tens of thousands of articles. The best hits are the index's
	 * best scores: it is asked for one more than needed ($probe, more when kinds are
	 * asked, since some of the best may be of other kinds). A number in the text ranks
	 * the documents of that number (or whose code the text gives in full) before every
	 * score, when documents are among the kinds: those are found by a second call that
	 * looks only at the properties documents have ($documentQuery: the same words, each
	 * required in a document's name or subject; an article has neither, so its many hits
	 * are not read), with the same scores, since a hit's score is the sum over the
	 * properties it matches. The other hits needed come from the best scores when they
	 * are complete: when the index gave all it had, or when the last hit it gave scores
	 * below the last one needed (then every hit tied with that one is among them, and the
	 * keys order the ties). Otherwise the index is asked again for ten times as many
	 * ($wide), and only when that is not complete either is every hit read. Hits are
	 * returned as maps of what the read model maps, the text of an article and the other
	 * spellings of a place or body only when a snippet or the article's text is asked
	 * for.
	 */
	static final String SEARCH = """
			CALL () {
			  CALL db.index.fulltext.queryNodes('search_text', $query, {limit: $probe}) YIELD node, score
			  RETURN count(*) AS seen, collect({node: node, score: score, kind: %1$s}) AS hits
			}
			CALL () {
			  WITH $documentQuery AS documentQuery WHERE documentQuery IS NOT NULL
			  CALL db.index.fulltext.queryNodes('search_text', documentQuery) YIELD node, score
			  WITH node, score
			  WHERE node:Document AND (node.number IN $numbers OR %2$s)
			  RETURN collect({node: node, score: score}) AS ranked
			}
			WITH seen, hits, ranked, [hit IN ranked | hit.node] AS rankedNodes, $limit - size(ranked) AS needed
			WITH ranked, rankedNodes, needed, seen, hits,
			     [hit IN hits WHERE ($kinds IS NULL OR hit.kind IN $kinds) AND NOT hit.node IN rankedNodes] AS rest
			WITH ranked, rankedNodes, needed,
			     CASE WHEN needed <= 0 OR seen < $probe
			               OR (size(rest) >= needed AND last(hits).score < rest[needed - 1].score)
			          THEN ranked + %3$s END AS found
			CALL (rankedNodes, ranked, needed, found) {
			  WITH found WHERE found IS NOT NULL
			  RETURN found AS candidates
			  UNION ALL
			  WITH ranked, rankedNodes, needed, found WHERE found IS NULL
			  CALL () {
			    CALL db.index.fulltext.queryNodes('search_text', $query, {limit: $wide}) YIELD node, score
			    RETURN count(*) AS seen, collect({node: node, score: score, kind: %1$s}) AS hits
			  }
			  WITH ranked, needed, seen, hits,
			       [hit IN hits WHERE ($kinds IS NULL OR hit.kind IN $kinds) AND NOT hit.node IN rankedNodes] AS rest
			  WITH CASE WHEN seen < $wide OR (size(rest) >= needed AND last(hits).score < rest[needed - 1].score)
			            THEN ranked + %3$s END AS foundWide
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
			WHERE $kinds IS NULL OR %1$s IN $kinds
			WITH node, score,
			     CASE WHEN NOT node:Document THEN 0
			          WHEN %2$s THEN 2
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
			                    aliasText: CASE WHEN $withSnippet THEN node.aliasText END} END AS node""".formatted("""
			CASE WHEN node:Article THEN 'ARTICLE' WHEN node:Document THEN 'DOCUMENT'
			     WHEN node:Province THEN 'PROVINCE' ELSE 'PARTY_BODY' END""",
			"$codeText CONTAINS ('-' + replace(toLower(replace(replace(node.code, 'Đ', 'D'), 'đ', 'd')), '/', '-') + '-')",
			// The other hits needed, with every hit tied with the last of them.
			"""
					CASE WHEN needed <= 0 THEN [] WHEN size(rest) < needed THEN rest
					     ELSE [hit IN rest WHERE hit.score >= rest[needed - 1].score] END""");

	/**
	 * How many times the first call's hits the second asks for, when the first is not
	 * complete.
	 */
	static final int WIDE_FACTOR = 10;

	/** The properties of a document in the full-text index. */
	static final List<String> DOCUMENT_FIELDS = List.of("name", "subject");

	/** A clause of {@link SearchText#query()}: a required word or phrase. */
	private static final Pattern CLAUSE = Pattern.compile("\\+(\"[^\"]*\"|\\S+)");

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
		return new ArrayList<>(this.client.query(SEARCH)
			.bindAll(parameters(text, kinds, limit, withSnippet, withText))
			.fetchAs(SearchHit.class)
			.mappedBy((t, r) -> map(r, withSnippet ? text.terms() : null))
			.all());
	}

	/**
	 * @return the parameters of {@link #SEARCH} for a search
	 * @see #search(SearchText, List, int, boolean, boolean)
	 */
	static Map<String, Object> parameters(SearchText text, @Nullable List<SearchType> kinds, int limit,
			boolean withSnippet, boolean withText) {
		Map<String, Object> params = new HashMap<>();
		params.put("query", text.query());
		params.put("kinds", (kinds != null) ? kinds.stream().map(SearchType::name).toList() : null);
		params.put("limit", limit);
		int probe = (kinds != null) ? (limit + 1) * PROBE_FACTOR : limit + 1;
		params.put("probe", probe);
		params.put("wide", probe * WIDE_FACTOR);
		params.put("numbers", text.numbers());
		params.put("codeText", text.codeText());
		boolean documentsRankFirst = !text.numbers().isEmpty()
				&& (kinds == null || kinds.contains(SearchType.DOCUMENT));
		params.put("documentQuery", documentsRankFirst ? documentQuery(text.query()) : null);
		params.put("withSnippet", withSnippet);
		params.put("withText", withText || withSnippet);
		return params;
	}

	/**
	 * @param query a full-text query of required words and phrases
	 * ({@link SearchText#query()})
	 * @return the same query with each word or phrase required in one of a document's
	 * properties rather than in any property
	 */
	static String documentQuery(String query) {
		List<String> clauses = new ArrayList<>();
		Matcher clause = CLAUSE.matcher(query);
		while (clause.find()) {
			String term = clause.group(1);
			clauses.add(DOCUMENT_FIELDS.stream()
				.map(field -> field + ":" + term)
				.collect(Collectors.joining(" ", "+(", ")")));
		}
		return String.join(" ", clauses);
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
