package org.policygraph.quality;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.quality.GraphQuality.QualityDocument;
import org.policygraph.quality.GraphQuality.SuspectedDuplicate;
import org.policygraph.quality.GraphQuality.UnresolvedShortName;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher of the quality report: one pass over the documents for the counts, the lists
 * ordered by the documents' degree (no relationship read), one pass over the articles'
 * unresolved short names.
 */
@Repository
@Transactional(readOnly = true)
class QualityQueries {

	private static final String DOCUMENT_COUNTS = """
			MATCH (d:Document)
			RETURN count(d) AS documents, count(d.ambiguousWith) AS ambiguous,
			       sum(CASE WHEN d.dated THEN 0 ELSE 1 END) AS undated, count(d.mergedKeys) AS merged,
			       sum(size(coalesce(d.mergedKeys, []))) AS mergedKeys""";

	private static final String AMBIGUOUS = """
			MATCH (d:Document)
			WHERE d.ambiguousWith IS NOT NULL
			WITH d, COUNT { (d)<-[:MENTIONS]-() } AS articles
			ORDER BY articles DESC, d.key
			LIMIT $first
			RETURN d, articles""";

	private static final String UNDATED = """
			MATCH (d:Document)
			WHERE NOT coalesce(d.dated, false)
			WITH d, COUNT { (d)<-[:MENTIONS]-() } AS articles
			ORDER BY articles DESC, d.key
			LIMIT $first
			RETURN d, articles""";

	private static final String UNRESOLVED = """
			MATCH (a:Article)
			WHERE a.unresolvedCitations IS NOT NULL
			WITH collect(a.unresolvedCitations) AS lists, count(a) AS articles
			CALL (lists) {
			  UNWIND lists AS list
			  UNWIND list AS surface
			  WITH surface, count(*) AS n
			  ORDER BY n DESC, surface
			  RETURN count(surface) AS surfaces, collect({surface: surface, articleCount: n})[0..$first] AS top
			}
			RETURN articles, surfaces, top""";

	private final Neo4jClient client;

	QualityQueries(Neo4jClient client) {
		this.client = client;
	}

	GraphQuality report(int first) {
		Map<String, Object> counts = this.client.query(DOCUMENT_COUNTS).fetch().one().orElseThrow();
		List<SuspectedDuplicate> ambiguous = List.copyOf(this.client.query(AMBIGUOUS)
			.bind(first)
			.to("first")
			.fetchAs(SuspectedDuplicate.class)
			.mappedBy((t, r) -> suspectedDuplicate(r))
			.all());
		List<QualityDocument> undated = List.copyOf(this.client.query(UNDATED)
			.bind(first)
			.to("first")
			.fetchAs(QualityDocument.class)
			.mappedBy((t, r) -> document(r))
			.all());
		Record unresolved = this.client.query(UNRESOLVED)
			.bind(first)
			.to("first")
			.fetchAs(Record.class)
			.mappedBy((t, r) -> r)
			.one()
			.orElseThrow();
		List<UnresolvedShortName> names = unresolved.get("top")
			.asList(v -> new UnresolvedShortName(v.get("surface").asString(), v.get("articleCount").asLong()));
		return new GraphQuality(number(counts.get("documents")), number(counts.get("ambiguous")), ambiguous,
				number(counts.get("undated")), undated, number(counts.get("merged")), number(counts.get("mergedKeys")),
				unresolved.get("articles").asLong(), unresolved.get("surfaces").asLong(), names);
	}

	private static long number(Object value) {
		return (value instanceof Number n) ? n.longValue() : 0;
	}

	private static QualityDocument document(Record r) {
		Value d = r.get("d");
		return new QualityDocument(d.get("key").asString(), d.get("name").asString(d.get("key").asString()),
				d.get("mergedKeys").isNull() ? List.of() : d.get("mergedKeys").asList(Value::asString),
				r.get("articles").asLong());
	}

	private static SuspectedDuplicate suspectedDuplicate(Record r) {
		QualityDocument document = document(r);
		List<String> candidates = r.get("d").get("ambiguousWith").asList(Value::asString);
		return new SuspectedDuplicate(document, candidates, reason(document.key(), candidates));
	}

	/** Why a citation was not merged, in words. */
	static String reason(String key, List<String> candidates) {
		String when = key.substring(key.lastIndexOf('|') + 1);
		String cited = switch (when.isEmpty() ? '?' : when.charAt(0)) {
			case '?' -> "cited without a date";
			case 'k' -> "cited only by its term (khóa " + when.substring(1) + ")";
			default -> "cited only by the year " + when;
		};
		return key + " is " + cited + ", and " + candidates.size() + " documents with the same code and scope fit it ("
				+ String.join(", ", candidates) + "): kept apart until the citations tell which";
	}

}
