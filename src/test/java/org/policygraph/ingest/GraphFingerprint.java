package org.policygraph.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.policygraph.neo4j.EmbeddedNeo4j;
import org.policygraph.neo4j.EmbeddedNeo4jProperties;

import org.springframework.util.unit.DataSize;

/**
 * What a graph holds, in a form two graphs can be compared by: nodes per label set,
 * relationships per type, every article with its properties (but its text, which its
 * content hash stands for, and the time it was written), mentions and evidence, every
 * entity with its properties, and every other relationship with its end keys and
 * properties ({@code articleCount}, {@code firstReported} …).
 * <p>
 * {@link #inconsistencies(Driver)} checks what must hold in any committed state of the
 * graph, whole or partial: no evidence without its article, no derived relationship
 * without evidence or with counts, dates or kept evidence ({@code evidenceArticleIds},
 * and the dates of its dated articles, {@code evidenceArticleDates}) that differ from its
 * evidence, no province's {@code IMPLEMENTS} whose kept local documents
 * ({@code localDocumentKeys}) differ from what the chains of documents into its document
 * give, no document or body that no article mentions, nothing twice.
 *
 * @param labels node count per label set ({@code Article}, {@code Document:Entity} …)
 * @param relationshipTypes relationship count per type
 * @param articles per article id: its properties, mentions and evidence as one string
 * @param citations per article id: the same with the keys the article cited (a document's
 * node may have another key once a more specific citation has arrived)
 * @param entities every province, body and document with its properties, sorted
 * @param relationships every relationship but {@code MENTIONS} and {@code ASSERTS},
 * sorted
 */
public record GraphFingerprint(Map<String, Long> labels, Map<String, Long> relationshipTypes,
		Map<String, String> articles, Map<String, String> citations, List<String> entities,
		List<String> relationships) {

	private static final int LISTED = 10;

	private static final String LABELS = """
			MATCH (n)
			RETURN labels(n) AS labels, count(*) AS n""";

	private static final String RELATIONSHIP_TYPES = """
			MATCH ()-[r]->()
			RETURN type(r) AS type, count(*) AS n""";

	private static final String ARTICLES = """
			MATCH (a:Article)
			RETURN a.id AS id, properties(a) AS properties,
			       COLLECT { MATCH (a)-[m:MENTIONS]->(x) RETURN [x.key, m.surface, m.sentence] } AS mentions,
			       COLLECT { MATCH (a)-[:ASSERTS]->(e:Evidence) RETURN properties(e) } AS evidence,
			       COLLECT { MATCH (a)-[m:MENTIONS]->(x) RETURN [coalesce(m.citedKey, x.key), m.surface, m.sentence] }
			         AS citedMentions,
			       COLLECT { MATCH (a)-[:ASSERTS]->(e:Evidence)
			                 RETURN {type: e.type, fromKey: coalesce(e.citedFromKey, e.fromKey),
			                         toKey: coalesce(e.citedToKey, e.toKey), sentence: e.sentence, articleId: e.articleId} }
			         AS citedEvidence""";

	private static final String ENTITIES = """
			MATCH (x:Entity)
			RETURN labels(x) AS labels, properties(x) AS properties""";

	private static final String RELATIONSHIPS = """
			MATCH (from)-[r]->(to)
			WHERE NOT type(r) IN ['MENTIONS', 'ASSERTS']
			RETURN type(r) AS type, coalesce(from.key, from.id) AS fromKey, coalesce(to.key, to.id) AS toKey,
			       properties(r) AS properties""";

	/** An evidence node as an invariant lists it (it has no id of its own). */
	private static final String EVIDENCE_ITEM = """
			RETURN coalesce(e.articleId, '?') + ' ' + e.type + ' ' + e.fromKey + ' -> ' + e.toKey AS item LIMIT $limit""";

	/**
	 * Each query lists what breaks one invariant (at most {@value #LISTED} items): a
	 * description and the query.
	 */
	private static final List<List<String>> INVARIANTS = List.of(List.of("evidence that no article asserts", """
			MATCH (e:Evidence)
			WHERE NOT EXISTS { (:Article)-[:ASSERTS]->(e) }
			""" + EVIDENCE_ITEM), List.of("evidence asserted by an article other than its own", """
			MATCH (a:Article)-[:ASSERTS]->(e:Evidence)
			WHERE e.articleId <> a.id
			""" + EVIDENCE_ITEM), List.of("evidence whose relationship is missing", """
			MATCH (e:Evidence)
			WHERE NOT EXISTS {
			  MATCH (:Entity {key: e.fromKey})-[r]->(:Entity {key: e.toKey})
			  WHERE type(r) = e.type
			}
			""" + EVIDENCE_ITEM), List.of("an article asserting one relation twice", """
			MATCH (a:Article)-[:ASSERTS]->(e:Evidence)
			WITH a, e.type AS type, e.fromKey AS fromKey, e.toKey AS toKey, count(e) AS n
			WHERE n > 1
			RETURN a.id + ' ' + type + ' ' + fromKey + ' -> ' + toKey AS item LIMIT $limit"""),
			List.of("a document or party body that no article mentions", """
					MATCH (x:Entity)
					WHERE (x:Document OR x:PartyBody) AND x.reference IS NULL
					  AND NOT EXISTS { (x)<-[:MENTIONS]-(:Article) }
					RETURN x.key AS item LIMIT $limit"""),
			List.of("an IMPLEMENTS or ISSUED_BY relationship without evidence", """
					MATCH (from:Entity)-[r:IMPLEMENTS|ISSUED_BY]->(to:Entity)
					WHERE r.reference IS NULL
					  AND NOT EXISTS { MATCH (:Evidence {type: type(r), fromKey: from.key, toKey: to.key}) }
					RETURN type(r) + ' ' + from.key + ' -> ' + to.key AS item LIMIT $limit"""),
			List.of("a relationship whose articleCount, firstReported or lastReported differs from its evidence", """
					MATCH (from:Entity)-[r:IMPLEMENTS|ISSUED_BY]->(to:Entity)
					OPTIONAL MATCH (a:Article)-[:ASSERTS]->(:Evidence {type: type(r), fromKey: from.key, toKey: to.key})
					WITH from, r, to, count(DISTINCT a) AS n, min(a.publishedAt) AS first, max(a.publishedAt) AS last
					WHERE n > 0 AND NOT (r.articleCount = n AND r.firstReported = first AND r.lastReported = last)
					RETURN type(r) + ' ' + from.key + ' -> ' + to.key + ': ' + toString(r.articleCount) + ' articles, '
					       + toString(r.firstReported) + '..' + toString(r.lastReported) + ' in the graph; '
					       + toString(n) + ' articles, ' + toString(first) + '..' + toString(last) + ' by the evidence'
					       AS item LIMIT $limit"""),
			List.of("a relationship whose evidenceArticleIds are not the articles of its first 10 evidence items, newest first",
					"""
							MATCH (from:Entity)-[r:IMPLEMENTS|ISSUED_BY]->(to:Entity)
							WHERE r.reference IS NULL
							CALL (from, r, to) {
							  OPTIONAL MATCH (a:Article)-[:ASSERTS]->(:Evidence {type: type(r), fromKey: from.key, toKey: to.key})
							  WITH a ORDER BY a.publishedAt DESC, a.id
							  RETURN collect(a.id)[0..10] AS expected
							}
							WITH from, r, to, expected
							WHERE r.evidenceArticleIds IS NULL OR r.evidenceArticleIds <> expected
							RETURN type(r) + ' ' + from.key + ' -> ' + to.key + ': '
							       + CASE WHEN r.evidenceArticleIds IS NULL THEN 'none'
							         ELSE reduce(s = '', id IN r.evidenceArticleIds | s + id + ' ') END + 'in the graph; '
							       + reduce(s = '', id IN expected | s + id + ' ') + 'by the evidence' AS item LIMIT $limit"""),
			List.of("a relationship whose evidenceArticleDates are not the dates of its kept articles that have one, in order",
					"""
							MATCH (from:Entity)-[r:IMPLEMENTS|ISSUED_BY]->(to:Entity)
							WHERE r.reference IS NULL AND r.evidenceArticleIds IS NOT NULL
							CALL (r) {
							  UNWIND range(0, size(r.evidenceArticleIds) - 1) AS i
							  OPTIONAL MATCH (a:Article {id: r.evidenceArticleIds[i]})
							  WITH i, a.publishedAt AS publishedAt ORDER BY i
							  RETURN collect(publishedAt) AS expected
							}
							WITH from, r, to, expected
							WHERE coalesce(r.evidenceArticleDates, []) <> expected
							   OR (r.evidenceArticleDates IS NOT NULL AND size(r.evidenceArticleDates) = 0)
							RETURN type(r) + ' ' + from.key + ' -> ' + to.key + ': '
							       + reduce(s = '', d IN coalesce(r.evidenceArticleDates, []) | s + toString(d) + ' ')
							       + 'in the graph; ' + reduce(s = '', d IN expected | s + toString(d) + ' ') + 'by the articles'
							       AS item LIMIT $limit"""),
			List.of("a province's IMPLEMENTS whose localDocumentKeys are not the province's documents the chains into its document start from, by date and key",
					"""
							MATCH (p:Province)-[r:IMPLEMENTS]->(d:Document)
							CALL (p, d) {
							  OPTIONAL MATCH (v:Document)-[:IMPLEMENTS*1..4]->(d)
							  WHERE v.scope = p.key OR v.scope STARTS WITH p.key + ':'
							  WITH DISTINCT v ORDER BY v.issuedOn, v.key
							  RETURN collect(v.key) AS expected
							}
							WITH p, r, d, expected
							WHERE coalesce(r.localDocumentKeys, []) <> expected
							   OR (r.localDocumentKeys IS NOT NULL AND size(r.localDocumentKeys) = 0)
							RETURN 'IMPLEMENTS ' + p.key + ' -> ' + d.key + ': '
							       + reduce(s = '', k IN coalesce(r.localDocumentKeys, []) | s + k + ' ') + 'in the graph; '
							       + reduce(s = '', k IN expected | s + k + ' ') + 'by the chains' AS item LIMIT $limit"""),
			List.of("an article URL held by more than one article", """
					MATCH (a:Article)
					WITH a.url AS url, count(*) AS n
					WHERE n > 1
					RETURN url AS item LIMIT $limit"""), List.of("an entity mentioned twice by one article", """
					MATCH (a:Article)-[m:MENTIONS]->(x)
					WITH a, x, count(m) AS n
					WHERE n > 1
					RETURN a.id + ' -> ' + x.key AS item LIMIT $limit"""), List.of("a relationship written twice", """
					MATCH (from)-[r]->(to)
					WHERE type(r) <> 'MENTIONS'
					WITH from, to, type(r) AS type, count(r) AS n
					WHERE n > 1
					RETURN type + ' ' + coalesce(from.key, from.id) + ' -> ' + coalesce(to.key, to.id) AS item
					LIMIT $limit"""));

	/**
	 * Reads the whole graph.
	 * @param driver a driver to it
	 * @return its fingerprint
	 */
	public static GraphFingerprint read(Driver driver) {
		try (var session = driver.session()) {
			Map<String, Long> labels = new TreeMap<>();
			session.run(LABELS)
				.forEachRemaining(r -> labels.merge(
						String.join(":", r.get("labels").asList(Value::asString).stream().sorted().toList()),
						r.get("n").asLong(), Long::sum));
			Map<String, Long> types = new TreeMap<>();
			session.run(RELATIONSHIP_TYPES)
				.forEachRemaining(r -> types.put(r.get("type").asString(), r.get("n").asLong()));
			Map<String, String> articles = new TreeMap<>();
			Map<String, String> citations = new TreeMap<>();
			session.run(ARTICLES).forEachRemaining(r -> {
				articles.put(r.get("id").asString(), article(r, "mentions", "evidence"));
				citations.put(r.get("id").asString(), article(r, "citedMentions", "citedEvidence"));
			});
			List<String> entities = new ArrayList<>();
			session.run(ENTITIES)
				.forEachRemaining(r -> entities.add(r.get("labels").asList(Value::asString).stream().sorted().toList()
						+ " " + new TreeMap<>(r.get("properties").asMap())));
			List<String> relationships = new ArrayList<>();
			session.run(RELATIONSHIPS)
				.forEachRemaining(r -> relationships.add(r.get("type").asString() + " " + r.get("fromKey").asString()
						+ " -> " + r.get("toKey").asString() + " " + new TreeMap<>(r.get("properties").asMap())));
			entities.sort(null);
			relationships.sort(null);
			return new GraphFingerprint(labels, types, articles, citations, List.copyOf(entities),
					List.copyOf(relationships));
		}
	}

	private static String article(Record r, String mentionsField, String evidenceField) {
		Map<String, Object> properties = new TreeMap<>(r.get("properties").asMap());
		properties.remove("text");
		properties.remove("ingestedAt");
		List<String> mentions = r.get(mentionsField).asList(m -> m.asList(Value::asObject).toString());
		List<String> evidence = r.get(evidenceField).asList(e -> new TreeMap<>(e.asMap()).toString());
		mentions = mentions.stream().sorted().toList();
		evidence = evidence.stream().sorted().toList();
		return properties + "\n mentions " + mentions + "\n evidence " + evidence;
	}

	/**
	 * Opens an embedded database directory (running Neo4j's recovery when it was not shut
	 * down cleanly), applies a function to a driver connected to it, and shuts it down.
	 * @param <T> the result type
	 * @param dataDirectory the directory
	 * @param function what to do
	 * @return the function's result
	 */
	public static <T> T withDatabase(Path dataDirectory, Function<Driver, T> function) {
		try (EmbeddedNeo4j db = EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(true, dataDirectory, "127.0.0.1", 0,
				DataSize.ofMegabytes(64), DataSize.ofBytes(0)));
				Driver driver = GraphDatabase.driver(db.boltUri(), db.authToken())) {
			return function.apply(driver);
		}
	}

	/**
	 * @param driver a driver to the graph
	 * @return every broken invariant with up to {@value #LISTED} examples; empty when the
	 * graph is consistent
	 */
	public static List<String> inconsistencies(Driver driver) {
		List<String> found = new ArrayList<>();
		try (var session = driver.session()) {
			for (List<String> invariant : INVARIANTS) {
				List<String> items = session.run(invariant.get(1), Map.of("limit", LISTED))
					.list(r -> r.get("item").asString());
				if (!items.isEmpty()) {
					found.add(invariant.get(0) + ": " + items);
				}
			}
		}
		return found;
	}

	/**
	 * @param expected the graph this one should equal
	 * @return what differs (a few examples of each kind); empty when the graphs are equal
	 */
	public List<String> differencesFrom(GraphFingerprint expected) {
		List<String> differences = new ArrayList<>();
		if (!this.labels.equals(expected.labels)) {
			differences.add("nodes per label: " + this.labels + ", expected " + expected.labels);
		}
		if (!this.relationshipTypes.equals(expected.relationshipTypes)) {
			differences
				.add("relationships per type: " + this.relationshipTypes + ", expected " + expected.relationshipTypes);
		}
		if (!this.articles.keySet().equals(expected.articles.keySet())) {
			differences.add("articles: " + missing(expected.articles.keySet(), this.articles.keySet()) + " missing, "
					+ missing(this.articles.keySet(), expected.articles.keySet()) + " unexpected");
		}
		differences.addAll(articlesDifferingExactlyFrom(expected));
		compare("entities", this.entities, expected.entities, differences);
		compare("relationships", this.relationships, expected.relationships, differences);
		return differences;
	}

	/**
	 * Compares the articles this graph holds with the same articles in a reference graph:
	 * a partial graph must hold each of its articles exactly as a complete ingest holds
	 * it, by the keys the articles cited (a document cited undated before its dated
	 * citation has arrived is a node of its own until then).
	 * @param reference the graph of a complete ingest
	 * @return the first articles that differ or that the reference does not hold; empty
	 * when all are equal
	 */
	public List<String> articlesDifferingFrom(GraphFingerprint reference) {
		List<String> differences = new ArrayList<>();
		for (Map.Entry<String, String> article : this.citations.entrySet()) {
			String expected = reference.citations.get(article.getKey());
			if (!Objects.equals(article.getValue(), expected) && differences.size() < LISTED) {
				differences
					.add("article " + article.getKey() + ":\n " + article.getValue() + "\nexpected\n " + expected);
			}
		}
		return differences;
	}

	private List<String> articlesDifferingExactlyFrom(GraphFingerprint reference) {
		List<String> differences = new ArrayList<>();
		for (Map.Entry<String, String> article : this.articles.entrySet()) {
			String expected = reference.articles.get(article.getKey());
			if (!Objects.equals(article.getValue(), expected) && differences.size() < LISTED) {
				differences
					.add("article " + article.getKey() + ":\n " + article.getValue() + "\nexpected\n " + expected);
			}
		}
		return differences;
	}

	private static void compare(String kind, List<String> actual, List<String> expected, List<String> differences) {
		if (!actual.equals(expected)) {
			differences.add(kind + ": " + actual.size() + ", expected " + expected.size() + "; missing "
					+ missing(expected, actual) + "; unexpected " + missing(actual, expected));
		}
	}

	private static List<String> missing(Collection<String> from, Collection<String> in) {
		Set<String> present = new HashSet<>(in);
		return from.stream().filter(s -> !present.contains(s)).limit(LISTED).toList();
	}

}
