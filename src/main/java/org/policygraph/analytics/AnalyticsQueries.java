package org.policygraph.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.policygraph.graph.Document;
import org.policygraph.graph.Province;
import org.policygraph.graph.ProvinceUnits;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind the dashboard aggregates: one statement per question, aggregated in
 * the database. A period bound that is {@code null} is open; with no bound at all,
 * undated articles and documents count too.
 */
@Repository
@Transactional(readOnly = true)
class AnalyticsQueries {

	/** The longest run of months {@code mentionsPerMonth} returns. */
	static final int MAX_MONTHS = 1200;

	/**
	 * For each unit of the set: the implementing units among itself and (after the
	 * merger) its predecessors, the earliest report, and the articles. One implementing
	 * unit's articles are the count kept on its IMPLEMENTS relationship; for several, the
	 * distinct articles are counted from the evidence, so that an article about two
	 * predecessors counts once.
	 */
	private static final String COVERAGE = """
			MATCH (d:Document {key: $documentKey})
			MATCH (u:Province) WHERE u.era IN $eras
			CALL (u, d) {
			  UNWIND [u] + CASE WHEN $throughPredecessors THEN [(pre:Province)-[:MERGED_INTO]->(u) | pre] ELSE [] END AS s
			  OPTIONAL MATCH (s)-[r:IMPLEMENTS]->(d)
			  WITH collect(CASE WHEN r IS NOT NULL THEN s END) AS sources, min(r.firstReported) AS firstReported,
			       collect(r.articleCount) AS counts
			  OPTIONAL MATCH (e:Evidence {type: 'IMPLEMENTS', toKey: d.key})
			  WHERE e.fromKey IN CASE WHEN size(sources) > 1 THEN [s IN sources | s.key] ELSE [] END
			  WITH sources, firstReported, counts, count(DISTINCT e.articleId) AS distinctArticles
			  RETURN sources, firstReported,
			         CASE WHEN size(sources) > 1 THEN distinctArticles ELSE coalesce(head(counts), 0) END AS articleCount
			}
			WITH d, u, sources, firstReported, articleCount
			ORDER BY coalesce(firstReported, date('9999-12-31')), u.name, u.key
			WITH d, count(u) AS totalUnits,
			     collect(CASE WHEN size(sources) > 0 THEN {province: u, firstReported: firstReported,
			       articleCount: articleCount, via: [s IN sources WHERE s <> u]} END) AS implemented,
			     collect(CASE WHEN size(sources) = 0 THEN u END) AS missing
			RETURN d, totalUnits, implemented, missing""";

	/*
	 * The coverage over a period: the same units, implementing when an article published
	 * in the period reports it (its evidence), so that the first report, the article
	 * count and the units merged in are those of the period. Undated articles are outside
	 * every period.
	 */

	private static final String COVERAGE_IN_PERIOD = """
			MATCH (d:Document {key: $documentKey})
			MATCH (u:Province) WHERE u.era IN $eras
			CALL (u, d) {
			  UNWIND [u] + CASE WHEN $throughPredecessors THEN [(pre:Province)-[:MERGED_INTO]->(u) | pre] ELSE [] END AS s
			  MATCH (a:Article)-[:ASSERTS]->(:Evidence {type: 'IMPLEMENTS', fromKey: s.key, toKey: d.key})
			  WHERE ($from IS NULL OR a.publishedAt >= $from) AND ($to IS NULL OR a.publishedAt <= $to)
			  RETURN collect(DISTINCT s) AS sources, min(a.publishedAt) AS firstReported, count(DISTINCT a) AS articleCount
			}
			WITH d, u, sources, firstReported, articleCount
			ORDER BY coalesce(firstReported, date('9999-12-31')), u.name, u.key
			WITH d, count(u) AS totalUnits,
			     collect(CASE WHEN size(sources) > 0 THEN {province: u, firstReported: firstReported,
			       articleCount: articleCount, via: [s IN sources WHERE s <> u]} END) AS implemented,
			     collect(CASE WHEN size(sources) = 0 THEN u END) AS missing
			RETURN d, totalUnits, implemented, missing""";

	private static final String ARTICLE_PERIOD = """
			($from IS NULL OR a.publishedAt >= $from) AND ($to IS NULL OR a.publishedAt <= $to)""";

	private static final String DOCUMENT_PERIOD = """
			(($from IS NULL AND $to IS NULL)
			  OR (d.issuedOn IS NOT NULL AND d.issuedOn >= coalesce($from, date('0001-01-01'))
			      AND d.issuedOn <= coalesce($to, date('9999-12-31')))
			  OR (d.issuedOn IS NULL AND d.year >= coalesce($from.year, 1) AND d.year <= coalesce($to.year, 9999)))""";

	private static final String COUNT_BY_PROVINCE = """
			MATCH (a:Article)-[:MENTIONS]->(p:Province)
			WHERE %s
			RETURN p.key AS key, p.name AS label, count(DISTINCT a) AS count
			ORDER BY count DESC, label, key""".formatted(ARTICLE_PERIOD);

	/*
	 * Without a period, every article counts: the mentions of each province (or document)
	 * are counted from the node itself, with no article property read and no DISTINCT
	 * (the writer makes one MENTIONS per article and node, and only articles mention).
	 * Without a label on the far end the count is the node's degree, which Neo4j keeps:
	 * no relationship is read.
	 */

	private static final String COUNT_BY_PROVINCE_ALL_TIME = """
			MATCH (p:Province)
			WITH p, COUNT { (p)<-[:MENTIONS]-() } AS count
			WHERE count > 0
			RETURN p.key AS key, p.name AS label, count
			ORDER BY count DESC, label, key""";

	/**
	 * Articles per unit of one set (63 or 34): against the 34, an article about a unit or
	 * any unit merged into it counts once for the unit.
	 */
	private static final String COUNT_BY_UNIT = """
			MATCH (u:Province)
			WHERE u.era IN $eras
			CALL (u) {
			  UNWIND [u] + CASE WHEN $throughPredecessors THEN [(pre:Province)-[:MERGED_INTO]->(u) | pre]
			                    ELSE [] END AS member
			  MATCH (member)<-[:MENTIONS]-(a:Article)
			  WHERE %s
			  RETURN count(DISTINCT a) AS count
			}
			WITH u, count
			WHERE count > 0
			RETURN u.key AS key, u.name AS label, count
			ORDER BY count DESC, label, key""".formatted(ARTICLE_PERIOD);

	private static final String COUNT_BY_DOCUMENT_TYPE = """
			MATCH (d:Document)
			WHERE %s
			WITH d.type AS key, count(d) AS count
			RETURN key, coalesce($typeLabels[key], key) AS label, count
			ORDER BY count DESC, key""".formatted(DOCUMENT_PERIOD);

	private static final String COUNT_BY_YEAR = """
			MATCH (d:Document)
			WHERE d.year IS NOT NULL AND %s
			WITH d.year AS year, count(d) AS count
			RETURN toString(year) AS key, toString(year) AS label, count
			ORDER BY year""".formatted(DOCUMENT_PERIOD);

	/*
	 * Months are counted from the articles mentioning the document (or else the province)
	 * when one is given, not from a scan of every article; the writer makes one MENTIONS
	 * per article and node, so no article counts twice.
	 */

	private static final String MENTIONS_PER_MONTH = """
			%s
			WHERE a.publishedAt IS NOT NULL AND %s%s
			WITH date.truncate('month', a.publishedAt) AS month, count(a) AS n
			WITH collect({month: month, n: n}) AS counted, min(month) AS firstMonth, max(month) AS lastMonth
			WITH counted,
			     CASE WHEN $from IS NULL THEN firstMonth ELSE date.truncate('month', $from) END AS start,
			     CASE WHEN $to IS NULL THEN lastMonth ELSE date.truncate('month', $to) END AS end
			WHERE start IS NOT NULL AND end IS NOT NULL AND start <= end
			WITH counted, start, duration.inMonths(start, end).months AS span
			UNWIND range(0, CASE WHEN span < $maxMonths THEN span ELSE $maxMonths - 1 END) AS i
			WITH counted, start + duration({months: i}) AS month
			RETURN substring(toString(month), 0, 7) AS month,
			       coalesce(head([c IN counted WHERE c.month = month | c.n]), 0) AS count
			ORDER BY month""";

	/*
	 * The node a count starts from is not checked again per article; only a province
	 * given together with a document is.
	 */

	private static final String AND_MENTIONS_PROVINCE = """

			AND ($provinceKey IS NULL OR EXISTS { (a)-[:MENTIONS]->(:Province {key: $provinceKey}) })""";

	private static final String MENTIONS_PER_MONTH_ALL = MENTIONS_PER_MONTH.formatted("MATCH (a:Article)",
			ARTICLE_PERIOD, "");

	private static final String MENTIONS_PER_MONTH_OF_DOCUMENT = MENTIONS_PER_MONTH.formatted(
			"MATCH (:Document {key: $documentKey})<-[:MENTIONS]-(a:Article)", ARTICLE_PERIOD, AND_MENTIONS_PROVINCE);

	private static final String MENTIONS_PER_MONTH_OF_PROVINCE = MENTIONS_PER_MONTH
		.formatted("MATCH (:Province {key: $provinceKey})<-[:MENTIONS]-(a:Article)", ARTICLE_PERIOD, "");

	private static final String TOP_DOCUMENTS = """
			MATCH (a:Article)-[:MENTIONS]->(d:Document)
			WHERE %s AND ($type IS NULL OR d.type = $type)
			WITH d, count(DISTINCT a) AS mentions
			ORDER BY mentions DESC, d.key
			LIMIT $limit
			RETURN d, mentions, COUNT { (:Province)-[:IMPLEMENTS]->(d) } AS provinces
			ORDER BY mentions DESC, d.key""".formatted(ARTICLE_PERIOD);

	private static final Map<String, String> TYPE_LABELS = Map.ofEntries(Map.entry("RESOLUTION", "Nghị quyết"),
			Map.entry("DIRECTIVE", "Chỉ thị"), Map.entry("CONCLUSION", "Kết luận"), Map.entry("REGULATION", "Quy định"),
			Map.entry("DECISION", "Quyết định"), Map.entry("GUIDANCE", "Hướng dẫn"), Map.entry("PLAN", "Kế hoạch"),
			Map.entry("NOTICE", "Thông báo"), Map.entry("PROGRAMME", "Chương trình"), Map.entry("REPORT", "Báo cáo"),
			Map.entry("PROJECT", "Đề án"), Map.entry("OTHER", "Khác"));

	/*
	 * The ranking over all time counts each document's mentions from its own
	 * relationships. With a type it starts from the type's index (document_type): a
	 * condition "$type IS NULL OR d.type = $type" cannot be solved by an index, so every
	 * document of every type was read and counted (at 100,000 articles, 156,098 db hits
	 * and 36–55 ms of CPU for the dashboard's 100 resolutions, against 22,733 and 8–9 ms
	 * from the index).
	 */
	private static final String TOP_DOCUMENTS_ALL_TIME = """
			%s
			WITH d, COUNT { (d)<-[:MENTIONS]-() } AS mentions
			WHERE mentions > 0
			ORDER BY mentions DESC, d.key
			LIMIT $limit
			RETURN d, mentions, COUNT { (:Province)-[:IMPLEMENTS]->(d) } AS provinces
			ORDER BY mentions DESC, d.key""";

	static final String TOP_DOCUMENTS_ALL_TIME_ALL_TYPES = TOP_DOCUMENTS_ALL_TIME.formatted("MATCH (d:Document)");

	static final String TOP_DOCUMENTS_ALL_TIME_OF_TYPE = TOP_DOCUMENTS_ALL_TIME
		.formatted("MATCH (d:Document {type: $type})");

	/*
	 * The documents a picker offers: all of them, or those whose name or subject holds
	 * every word typed (the last one as a prefix, as the user is still typing it),
	 * through the full-text index the search uses. The implementing units of each are
	 * counted over the 63 and over the 34 in the same statement: a unit merged away on
	 * 1-7-2025 counts among the 34 as the unit it became part of, as coverage counts it.
	 */

	private static final String CHOICES_MATCH_ALL = """
			MATCH (d:Document)
			WHERE $central IS NULL OR (d.scope = 'TW') = $central""";

	/*
	 * The central documents from the scope's index (document_scope), not every document
	 * read to compare its scope: at 100,000 articles 310,470 → 175,286 db hits, 64–72 →
	 * 33–34 ms of CPU for the dashboard's first central choice.
	 */
	private static final String CHOICES_MATCH_CENTRAL = """
			MATCH (d:Document {scope: 'TW'})""";

	private static final String CHOICES_MATCH_TEXT = """
			CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node AS d
			WHERE d:Document AND ($central IS NULL OR (d.scope = 'TW') = $central)""";

	private static final String CHOICES = """
			%s
			CALL (d) {
			  OPTIONAL MATCH (p:Province)-[:IMPLEMENTS]->(d)
			  OPTIONAL MATCH (p)-[:MERGED_INTO]->(successor:Province)
			  RETURN count(DISTINCT CASE WHEN p.era IN $preEras THEN p END) AS pre,
			         count(DISTINCT CASE WHEN p.era IN $postEras THEN p ELSE successor END) AS post
			}
			WITH d, pre, post, COUNT { (d)<-[:MENTIONS]-() } AS mentions
			ORDER BY CASE WHEN d.number = $number THEN 0 ELSE 1 END, pre DESC, post DESC, mentions DESC, d.key
			LIMIT $limit
			RETURN d, pre, post, mentions""";

	private static final String CHOICES_ALL = CHOICES.formatted(CHOICES_MATCH_ALL);

	static final String CHOICES_CENTRAL = CHOICES.formatted(CHOICES_MATCH_CENTRAL);

	private static final String CHOICES_TEXT = CHOICES.formatted(CHOICES_MATCH_TEXT);

	private final Neo4jClient client;

	AnalyticsQueries(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * @param documentKey the document
	 * @param units the set of units
	 * @param from the first publication day of the reports counted, {@code null} for open
	 * @param to the last publication day of the reports counted, {@code null} for open
	 * @return the coverage, empty when no document has the key
	 */
	Optional<Coverage> coverage(String documentKey, ProvinceUnits units, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		Map<String, Object> params = period(from, to);
		params.put("documentKey", documentKey);
		params.put("eras", units.eras());
		params.put("throughPredecessors", units.throughPredecessors());
		String cypher = (from == null && to == null) ? COVERAGE : COVERAGE_IN_PERIOD;
		return this.client.query(cypher)
			.bindAll(params)
			.fetchAs(Coverage.class)
			.mappedBy((t, r) -> coverage(r, units))
			.one();
	}

	private static Coverage coverage(Record r, ProvinceUnits units) {
		List<Coverage.Cell> implemented = r.get("implemented")
			.asList(cell -> new Coverage.Cell(Province.of(cell.get("province")),
					cell.get("firstReported").isNull() ? null : cell.get("firstReported").asLocalDate(),
					cell.get("articleCount").asInt(), cell.get("via").asList(Province::of)));
		return new Coverage(Document.of(r.get("d")), units, r.get("totalUnits").asInt(), implemented,
				r.get("missing").asList(Province::of));
	}

	List<CountBucket> counts(CountDimension by, @Nullable ProvinceUnits units, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		String cypher = switch (by) {
			case PROVINCE -> (units != null) ? COUNT_BY_UNIT
					: (from == null && to == null) ? COUNT_BY_PROVINCE_ALL_TIME : COUNT_BY_PROVINCE;
			case DOCUMENT_TYPE -> COUNT_BY_DOCUMENT_TYPE;
			case YEAR -> COUNT_BY_YEAR;
		};
		Map<String, Object> params = period(from, to);
		params.put("typeLabels", TYPE_LABELS);
		if (units != null) {
			params.put("eras", units.eras());
			params.put("throughPredecessors", units.throughPredecessors());
		}
		return new ArrayList<>(this.client.query(cypher)
			.bindAll(params)
			.fetchAs(CountBucket.class)
			.mappedBy((t, r) -> new CountBucket(r.get("key").asString(), r.get("label").asString(),
					r.get("count").asInt()))
			.all());
	}

	List<MonthCount> mentionsPerMonth(@Nullable String documentKey, @Nullable String provinceKey,
			@Nullable LocalDate from, @Nullable LocalDate to) {
		Map<String, Object> params = period(from, to);
		params.put("documentKey", documentKey);
		params.put("provinceKey", provinceKey);
		params.put("maxMonths", MAX_MONTHS);
		String cypher = (documentKey != null) ? MENTIONS_PER_MONTH_OF_DOCUMENT
				: (provinceKey != null) ? MENTIONS_PER_MONTH_OF_PROVINCE : MENTIONS_PER_MONTH_ALL;
		return new ArrayList<>(this.client.query(cypher)
			.bindAll(params)
			.fetchAs(MonthCount.class)
			.mappedBy((t, r) -> new MonthCount(r.get("month").asString(), r.get("count").asInt()))
			.all());
	}

	List<DocumentRank> topDocuments(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String type,
			int limit) {
		Map<String, Object> params = period(from, to);
		params.put("type", type);
		params.put("limit", limit);
		List<Row> rows = List.copyOf(this.client
			.query((from != null || to != null) ? TOP_DOCUMENTS
					: (type != null) ? TOP_DOCUMENTS_ALL_TIME_OF_TYPE : TOP_DOCUMENTS_ALL_TIME_ALL_TYPES)
			.bindAll(params)
			.fetchAs(Row.class)
			.mappedBy((t, r) -> new Row(Document.of(r.get("d")), r.get("mentions").asInt(), r.get("provinces").asInt()))
			.all());
		List<DocumentRank> ranks = new ArrayList<>(rows.size());
		for (Row row : rows) {
			ranks.add(new DocumentRank(ranks.size() + 1, row.document(), row.mentions(), row.provinces()));
		}
		return ranks;
	}

	/**
	 * @param query a full-text query of required words, {@code null} for every document
	 * @param number the document number to list first (a number the user typed), or
	 * {@code null}
	 * @param scope only central or only local documents, {@code null} for both
	 * @param limit the number of documents
	 * @return the documents, most implemented first
	 */
	List<DocumentChoice> documentChoices(@Nullable String query, @Nullable String number, @Nullable DocumentScope scope,
			int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("query", query);
		params.put("number", number);
		params.put("central", (scope != null) ? scope == DocumentScope.CENTRAL : null);
		params.put("preEras", ProvinceUnits.PRE_2025.eras());
		params.put("postEras", ProvinceUnits.POST_2025.eras());
		params.put("limit", limit);
		String cypher = (query != null) ? CHOICES_TEXT
				: (scope == DocumentScope.CENTRAL) ? CHOICES_CENTRAL : CHOICES_ALL;
		return new ArrayList<>(this.client.query(cypher)
			.bindAll(params)
			.fetchAs(DocumentChoice.class)
			.mappedBy((t, r) -> new DocumentChoice(Document.of(r.get("d")),
					new ImplementerCounts(r.get("pre").asInt(), r.get("post").asInt()), r.get("mentions").asInt()))
			.all());
	}

	private record Row(Document document, int mentions, int provinces) {
	}

	private static Map<String, Object> period(@Nullable LocalDate from, @Nullable LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		return params;
	}

}
