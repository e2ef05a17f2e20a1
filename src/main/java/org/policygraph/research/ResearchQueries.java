package org.policygraph.research;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;
import org.policygraph.graph.ProvinceUnits;
import org.policygraph.graph.Article;
import org.policygraph.graph.Document;
import org.policygraph.graph.Province;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind the research workflows: each method is one statement (the coverage
 * matrix two: its columns, then its rows), whatever the number of documents, provinces or
 * cells.
 */
@Repository
@Transactional(readOnly = true)
class ResearchQueries {

	/**
	 * For a province {@code p} implementing a document {@code d}: its first local
	 * document carrying {@code d} out (a document of the province's scope, or one of its
	 * districts', with IMPLEMENTS*1..4 to {@code d}), by issue date; local documents
	 * dated before {@code d} are not taken (a wrong date or another document).
	 */
	private static final String FIRST_LOCAL = """
			CALL (p, d) {
			  OPTIONAL MATCH (local:Document)-[:IMPLEMENTS*1..4]->(d)
			  WHERE (local.scope = p.key OR local.scope STARTS WITH p.key + ':')
			    AND local.issuedOn IS NOT NULL AND local.issuedOn >= d.issuedOn
			  WITH local
			  ORDER BY local.issuedOn, local.key
			  LIMIT 1
			  RETURN local
			}""";

	/**
	 * A document's implementing units are those of {@code row.era}, the units that
	 * existed when it was issued: the 63 before 1-7-2025 (a unit formed then,
	 * implementing an older document, is not one of them), the 34 after it (a unit merged
	 * away counts for the unit it became part of).
	 */
	private static final String DOCUMENT_LAG = """
			UNWIND $documents AS row
			MATCH (p:Province)-[r:IMPLEMENTS]->(d:Document {key: row.key})
			WITH row, d, p, r,
			     CASE WHEN p.era IN [row.era, 'BOTH'] THEN p
			          WHEN row.era = 'POST_2025' THEN head([(p)-[:MERGED_INTO]->(n) | n]) END AS u
			WHERE u IS NOT NULL
			%s
			RETURN row.key AS key, u, p, r.firstReported AS firstReported, local""".formatted(FIRST_LOCAL);

	private static final String PROVINCE_LAG = """
			MATCH (u:Province {key: $provinceKey})
			CALL (u) {
			  UNWIND [u] + [(pre:Province)-[:MERGED_INTO]->(u) | pre] AS p
			  MATCH (p)-[r:IMPLEMENTS]->(d:Document)
			  WHERE d.scope = 'TW' AND ($type IS NULL OR d.type = $type)
			    AND ($fromYear IS NULL OR d.year >= $fromYear) AND ($toYear IS NULL OR d.year <= $toYear)
			  %s
			  WITH p, d, r, local
			  ORDER BY coalesce(d.issuedOn, date('9999-12-31')), d.key, p.key
			  RETURN collect({p: p, d: d, firstReported: r.firstReported, local: local}) AS rows
			}
			RETURN u, rows""".formatted(FIRST_LOCAL.indent(2).strip());

	private static final String DOCUMENTS_BY_FILTER = """
			MATCH (d:Document)
			WHERE d.scope = 'TW' AND ($type IS NULL OR d.type = $type)
			  AND ($fromYear IS NULL OR d.year >= $fromYear) AND ($toYear IS NULL OR d.year <= $toYear)
			RETURN d
			ORDER BY coalesce(d.issuedOn, date({year: coalesce(d.year, 9999), month: 12, day: 31})), d.key
			LIMIT $limit""";

	/**
	 * One row per unit of the set; a unit formed by the merger counts its predecessors'
	 * implementations (listed in {@code via}), articles counted once from the evidence.
	 */
	private static final String MATRIX = """
			MATCH (u:Province) WHERE u.era IN $eras
			WITH u, CASE WHEN $throughPredecessors
			          THEN [(s:Province)-[:MERGED_INTO]->(u) | s] ELSE [] END AS predecessors
			CALL (u, predecessors) {
			  UNWIND [u] + predecessors AS s
			  MATCH (s)-[r:IMPLEMENTS]->(d:Document)
			  WHERE d.key IN $documentKeys
			  WITH d, collect(s) AS sources, min(r.firstReported) AS firstReported
			  OPTIONAL MATCH (e:Evidence {type: 'IMPLEMENTS', toKey: d.key})
			  WHERE e.fromKey IN [x IN sources | x.key]
			  WITH d, sources, firstReported, count(DISTINCT e.articleId) AS articleCount
			  RETURN collect({documentKey: d.key, firstReported: firstReported, articleCount: articleCount,
			                  via: [x IN sources WHERE x <> u]}) AS cells
			}
			RETURN u, predecessors, cells
			ORDER BY u.name, u.key""";

	/*
	 * The matrix over a period: a unit implements a document when an article published in
	 * the period reports it (or a unit merged into it); the first report and the articles
	 * are the period's. Undated articles are outside every period.
	 */
	private static final String MATRIX_IN_PERIOD = """
			MATCH (u:Province) WHERE u.era IN $eras
			WITH u, CASE WHEN $throughPredecessors
			          THEN [(s:Province)-[:MERGED_INTO]->(u) | s] ELSE [] END AS predecessors
			CALL (u, predecessors) {
			  UNWIND [u] + predecessors AS s
			  MATCH (a:Article)-[:ASSERTS]->(e:Evidence {type: 'IMPLEMENTS', fromKey: s.key})
			  WHERE e.toKey IN $documentKeys
			    AND ($from IS NULL OR a.publishedAt >= $from) AND ($to IS NULL OR a.publishedAt <= $to)
			  WITH e.toKey AS documentKey, collect(DISTINCT s) AS sources, min(a.publishedAt) AS firstReported,
			       count(DISTINCT a) AS articleCount
			  RETURN collect({documentKey: documentKey, firstReported: firstReported, articleCount: articleCount,
			                  via: [x IN sources WHERE x <> u]}) AS cells
			}
			RETURN u, predecessors, cells
			ORDER BY u.name, u.key""";

	private final Neo4jClient client;

	ResearchQueries(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * @param documents the documents
	 * @return each document's lag rows, by document key
	 */
	Map<String, List<LagRow>> documentLags(List<Document> documents) {
		Map<String, Document> byKey = new LinkedHashMap<>();
		documents.forEach(d -> byKey.put(d.key(), d));
		Collection<DocumentLag> lags = this.client.query(DOCUMENT_LAG)
			.bind(byKey.values()
				.stream()
				.map(d -> Map.of("key", d.key(), "era", ProvinceUnits.existingAt(d.issuedOn(), d.year()).name()))
				.toList())
			.to("documents")
			.fetchAs(DocumentLag.class)
			.mappedBy((t, r) -> {
				String key = r.get("key").asString();
				Province unit = Province.of(r.get("u"));
				LagRow member = lagRow(Province.of(r.get("p")), byKey.get(key), date(r.get("firstReported")),
						r.get("local"));
				return new DocumentLag(key, new LagRow(unit, member.document(), member.startedOn(), member.basis(),
						member.localDocument(), member.days()));
			})
			.all();
		// Per document and unit, the member that started first.
		Map<String, Map<String, LagRow>> best = new LinkedHashMap<>();
		for (DocumentLag lag : lags) {
			best.computeIfAbsent(lag.documentKey(), k -> new LinkedHashMap<>())
				.merge(lag.row().province().key(), lag.row(),
						(a, b) -> (LagRow.EARLIEST_START.compare(a, b) <= 0) ? a : b);
		}
		Map<String, List<LagRow>> rows = new LinkedHashMap<>();
		best.forEach((key, perUnit) -> rows.put(key, List.copyOf(perUnit.values())));
		return rows;
	}

	/**
	 * @param provinceKey the province
	 * @param type only documents of this type, or {@code null}
	 * @param fromYear the first issue year, or {@code null}
	 * @param toYear the last issue year, or {@code null}
	 * @return the province and, per member (the unit and its predecessors) and central
	 * document, a lag row; empty when no province has the key
	 */
	Optional<Map.Entry<Province, List<LagRow>>> provinceLags(String provinceKey, @Nullable String type,
			@Nullable Integer fromYear, @Nullable Integer toYear) {
		Map<String, Object> params = new HashMap<>();
		params.put("provinceKey", provinceKey);
		params.put("type", type);
		params.put("fromYear", fromYear);
		params.put("toYear", toYear);
		return this.client.query(PROVINCE_LAG).bindAll(params).fetchAs(Map.Entry.class).mappedBy((t, r) -> {
			List<LagRow> rows = r.get("rows")
				.asList(v -> lagRow(Province.of(v.get("p")), Document.of(v.get("d")), date(v.get("firstReported")),
						v.get("local")));
			return Map.entry(Province.of(r.get("u")), rows);
		}).one().map(ResearchQueries::castEntry);
	}

	/**
	 * @param type the type, or {@code null}
	 * @param fromYear the first issue year, or {@code null}
	 * @param toYear the last issue year, or {@code null}
	 * @param limit the most documents to return
	 * @return central documents by issue date
	 */
	List<Document> documentsByFilter(@Nullable String type, @Nullable Integer fromYear, @Nullable Integer toYear,
			int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("type", type);
		params.put("fromYear", fromYear);
		params.put("toYear", toYear);
		params.put("limit", limit);
		return List.copyOf(this.client.query(DOCUMENTS_BY_FILTER)
			.bindAll(params)
			.fetchAs(Document.class)
			.mappedBy((t, r) -> Document.of(r.get("d")))
			.all());
	}

	/**
	 * Streams the matrix rows: each is handed to {@code sink} as the database returns it,
	 * inside one read transaction.
	 * @param documents the columns
	 * @param units the rows' set of units
	 * @param from with {@code to}, the period whose reports count; every date when both
	 * are null
	 * @param to the period's last day
	 * @param sink receives each row
	 */
	void matrix(List<Document> documents, ProvinceUnits units, @Nullable LocalDate from, @Nullable LocalDate to,
			Consumer<CoverageMatrix.Row> sink) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		params.put("eras", units.eras());
		params.put("throughPredecessors", units.throughPredecessors());
		params.put("documentKeys", documents.stream().map(Document::key).toList());
		this.client.delegateTo(runner -> {
			Result result = runner.run((from == null && to == null) ? MATRIX : MATRIX_IN_PERIOD, params);
			while (result.hasNext()) {
				sink.accept(matrixRow(result.next(), documents));
			}
			return Optional.empty();
		}).run();
	}

	private static CoverageMatrix.Row matrixRow(Record r, List<Document> documents) {
		Map<String, Value> cells = new HashMap<>();
		for (Value cell : r.get("cells").values()) {
			cells.put(cell.get("documentKey").asString(), cell);
		}
		List<CoverageMatrix.Cell> row = new ArrayList<>(documents.size());
		for (Document document : documents) {
			Value cell = cells.get(document.key());
			row.add((cell == null) ? new CoverageMatrix.Cell(document, false, null, 0, List.of())
					: new CoverageMatrix.Cell(document, true, date(cell.get("firstReported")),
							cell.get("articleCount").asInt(), cell.get("via").asList(Province::of)));
		}
		return new CoverageMatrix.Row(Province.of(r.get("u")), r.get("predecessors").asList(Province::of), row);
	}

	private static LagRow lagRow(Province province, Document document, @Nullable LocalDate firstReported,
			Value localNode) {
		Document local = localNode.isNull() ? null : Document.of(localNode);
		LocalDate startedOn = (local != null) ? local.issuedOn() : firstReported;
		LagBasis basis = (local != null) ? LagBasis.LOCAL_DOCUMENT
				: (firstReported != null) ? LagBasis.FIRST_REPORT : null;
		Integer days = (startedOn != null && document.issuedOn() != null)
				? (int) ChronoUnit.DAYS.between(document.issuedOn(), startedOn) : null;
		return new LagRow(province, document, startedOn, basis, local, days);
	}

	@SuppressWarnings("unchecked")
	private static Map.Entry<Province, List<LagRow>> castEntry(Map.Entry<?, ?> entry) {
		return (Map.Entry<Province, List<LagRow>>) entry;
	}

	private static @Nullable LocalDate date(Value value) {
		return value.isNull() ? null : value.asLocalDate();
	}

	/** A lag row of one of the documents asked for. */
	private record DocumentLag(String documentKey, LagRow row) {
	}

}
