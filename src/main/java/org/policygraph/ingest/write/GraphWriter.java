package org.policygraph.ingest.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.SummaryCounters;
import org.policygraph.extraction.NodeKind;
import org.policygraph.extraction.RelationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of articles in one write transaction each, with {@code UNWIND $rows}
 * statements. A batch is all or nothing: a failure leaves no part of it behind.
 * <p>
 * Provenance: each relation an article supports is recorded as an {@code (:Evidence)}
 * node ({@code (article)-[:ASSERTS]->(evidence)}) holding the sentence and the relation's
 * type and end keys; the relationship itself carries {@code articleCount},
 * {@code firstReported} and {@code lastReported}, recomputed from its evidence.
 * Re-ingesting a changed article deletes its own mentions and evidence first;
 * relationships left without evidence are deleted, and so are documents and bodies no
 * article mentions any more.
 * <p>
 * Documents: each key goes to the node that stands for it by {@link DocumentIdentity} (an
 * undated, year or term citation to the one dated document it fits), and what a batch
 * changes there is applied to the nodes already in the graph in the same transaction
 * ({@link DocumentMerge}), so the graph does not depend on the order in which articles
 * arrive.
 */
public class GraphWriter implements ArticleWriter {

	private static final Logger log = LoggerFactory.getLogger(GraphWriter.class);

	private static final String EXISTING = """
			UNWIND $ids AS id
			MATCH (a:Article {id: id})
			RETURN a.id AS id, a.contentHash AS contentHash""";

	private static final String RETRACT_EVIDENCE = """
			UNWIND $ids AS id
			MATCH (:Article {id: id})-[:ASSERTS]->(e:Evidence)
			WITH e, e.type AS type, e.fromKey AS fromKey, e.toKey AS toKey
			DETACH DELETE e
			RETURN type, fromKey, toKey""";

	private static final String RETRACT_MENTIONS = """
			UNWIND $ids AS id
			MATCH (:Article {id: id})-[m:MENTIONS]->(x)
			WITH m, x.key AS key
			DELETE m
			RETURN DISTINCT key""";

	/**
	 * The candidates of a short citation: its type and number, issued centrally or in the
	 * article's scope, each scope sought in the (type, number, scope) index (V0009);
	 * filtering the scope after a (type, number) seek read every province's document of
	 * that number.
	 */
	static final String RESOLVE_CITATIONS = """
			UNWIND $citations AS c
			UNWIND ['TW', c.scope] AS scope
			MATCH (d:Document {type: c.type, number: c.number, scope: scope})
			USING INDEX SEEK d:Document(type, number, scope)
			WITH c, collect(DISTINCT d.key) AS keys
			WHERE size(keys) = 1
			RETURN c.placeholderKey AS placeholderKey, keys[0] AS key""";

	private static final String MERGE_ARTICLES = """
			UNWIND $rows AS row
			MERGE (a:Article {id: row.id})
			SET a.url = row.url, a.title = row.title, a.text = row.text, a.publishedAt = row.publishedAt,
			    a.source = row.source, a.category = row.category, a.contentHash = row.contentHash,
			    a.provinceKey = row.provinceKey, a.unresolvedCitations = row.unresolvedCitations,
			    a.ingestedAt = datetime()""";

	private static final String MERGE_BODIES = """
			UNWIND $rows AS row
			MERGE (b:PartyBody:Entity {key: row.key})
			ON CREATE SET b.name = row.name, b.level = row.level, b.provinceKey = row.provinceKey
			WITH b, row
			CALL (b, row) {
			  MATCH (p:Province {key: row.provinceKey})
			  MERGE (b)-[:OF_PROVINCE]->(p)
			}
			CALL (b, row) {
			  MATCH (parent:PartyBody {key: row.parentKey})
			  WHERE parent <> b
			  MERGE (b)-[:PART_OF]->(parent)
			}""";

	/**
	 * A row whose key is merged into another document ({@code row.target}) completes that
	 * document; rows come most specific first, so a new document is created by its own
	 * row.
	 */
	static final String MERGE_DOCUMENTS = """
			UNWIND $rows AS row
			MERGE (d:Document:Entity {key: row.target})
			ON CREATE SET d.code = row.code, d.type = row.type, d.number = row.number,
			    d.issuerSuffix = row.issuerSuffix, d.level = row.level, d.scope = row.scope, d.name = row.name,
			    d.dated = row.dated
			SET d.issuedOn = coalesce(d.issuedOn, row.issuedOn), d.year = coalesce(d.year, row.year),
			    d.term = coalesce(d.term, row.term), d.subject = coalesce(d.subject, row.subject)""";

	/**
	 * The articles written here have no mentions or evidence at this point (new, or
	 * retracted above), and rows are unique per article and key, so {@code CREATE} is
	 * exact and cheaper than {@code MERGE}.
	 */
	private static final String CREATE_MENTIONS = """
			UNWIND $rows AS row
			MATCH (a:Article {id: row.articleId})
			MATCH (x:Entity {key: row.key})
			CREATE (a)-[:MENTIONS {surface: row.surface, sentence: row.sentence, citedKey: row.citedKey}]->(x)""";

	private static final String CREATE_EVIDENCE = """
			UNWIND $rows AS row
			MATCH (a:Article {id: row.articleId})
			WHERE EXISTS { (:Entity {key: row.fromKey}) } AND EXISTS { (:Entity {key: row.toKey}) }
			CREATE (a)-[:ASSERTS]->(:Evidence {type: row.type, fromKey: row.fromKey, toKey: row.toKey,
			                                   sentence: row.sentence, articleId: row.articleId,
			                                   citedFromKey: row.citedFromKey, citedToKey: row.citedToKey})""";

	/**
	 * Both ends are found by their keys and the relationship between them looked up
	 * ({@code Expand(Into)}): expanding from the document instead reads every
	 * {@code IMPLEMENTS} of a central document (one per province and body implementing
	 * it) for each row, a cost that grows with the corpus.
	 */
	static final String EXISTING_PROVINCE_IMPLEMENTS = """
			UNWIND $rows AS row
			MATCH (p:Province {key: row.fromKey})
			MATCH (d:Document {key: row.toKey})
			WHERE EXISTS { (p)-[:IMPLEMENTS]->(d) }
			RETURN row.fromKey AS fromKey, row.toKey AS toKey""";

	/**
	 * Creates the relationship if needed and adds the batch's new supporting articles to
	 * its counts ({@code row.n}, {@code row.first}, {@code row.last}), without reading
	 * its other evidence: cheap however many articles support it. The {@code REMOVE}
	 * takes the write lock before the counts are read, so concurrent ingests cannot lose
	 * an update.
	 */
	private static final String MERGE_IMPLEMENTS = """
			UNWIND $rows AS row
			MATCH (from:Entity {key: row.fromKey})
			MATCH (to:Document {key: row.toKey})
			WHERE from <> to
			MERGE (from)-[r:IMPLEMENTS]->(to)
			REMOVE r.lockedForUpdate
			WITH r, row
			SET r.articleCount = coalesce(r.articleCount, 0) + row.n,
			    r.firstReported = CASE WHEN row.first IS NULL THEN r.firstReported
			        WHEN r.firstReported IS NULL OR row.first < r.firstReported THEN row.first
			        ELSE r.firstReported END,
			    r.lastReported = CASE WHEN row.last IS NULL THEN r.lastReported
			        WHEN r.lastReported IS NULL OR row.last > r.lastReported THEN row.last
			        ELSE r.lastReported END
			WITH r, row
			CALL (r, row) {
			  WITH r, row WHERE size(row.articleIds) > 0
			  UNWIND coalesce(r.evidenceArticleIds, []) + row.articleIds AS id
			  WITH DISTINCT r, id
			  MATCH (a:Article {id: id})
			  WITH r, a ORDER BY a.publishedAt DESC, a.id LIMIT 10
			  WITH r, collect(a.id) AS kept, collect(a.publishedAt) AS dates
			  SET r.evidenceArticleIds = kept, r.evidenceArticleDates = CASE WHEN size(dates) > 0 THEN dates END
			}""";

	private static final String MERGE_ISSUED_BY = """
			UNWIND $rows AS row
			MATCH (from:Document {key: row.fromKey})
			MATCH (to:PartyBody {key: row.toKey})
			MERGE (from)-[r:ISSUED_BY]->(to)
			REMOVE r.lockedForUpdate
			WITH r, row
			SET r.articleCount = coalesce(r.articleCount, 0) + row.n,
			    r.firstReported = CASE WHEN row.first IS NULL THEN r.firstReported
			        WHEN r.firstReported IS NULL OR row.first < r.firstReported THEN row.first
			        ELSE r.firstReported END,
			    r.lastReported = CASE WHEN row.last IS NULL THEN r.lastReported
			        WHEN r.lastReported IS NULL OR row.last > r.lastReported THEN row.last
			        ELSE r.lastReported END
			WITH r, row
			CALL (r, row) {
			  WITH r, row WHERE size(row.articleIds) > 0
			  UNWIND coalesce(r.evidenceArticleIds, []) + row.articleIds AS id
			  WITH DISTINCT r, id
			  MATCH (a:Article {id: id})
			  WITH r, a ORDER BY a.publishedAt DESC, a.id LIMIT 10
			  WITH r, collect(a.id) AS kept, collect(a.publishedAt) AS dates
			  SET r.evidenceArticleIds = kept, r.evidenceArticleDates = CASE WHEN size(dates) > 0 THEN dates END
			}""";

	private static final String RECOUNT_IMPLEMENTS = """
			UNWIND $rows AS row
			MATCH (:Entity {key: row.fromKey})-[r:IMPLEMENTS]->(:Entity {key: row.toKey})
			OPTIONAL MATCH (a:Article)-[:ASSERTS]->(:Evidence {type: 'IMPLEMENTS', fromKey: row.fromKey, toKey: row.toKey})
			WITH r, a ORDER BY a.publishedAt DESC, a.id
			WITH r, count(DISTINCT a) AS n, min(a.publishedAt) AS first, max(a.publishedAt) AS last,
			     collect(DISTINCT a)[0..10] AS keptArticles
			WITH r, n, first, last, [k IN keptArticles | k.id] AS kept,
			     [k IN keptArticles WHERE k.publishedAt IS NOT NULL | k.publishedAt] AS dates
			FOREACH (_ IN CASE WHEN n > 0 THEN [1] ELSE [] END |
			  SET r.articleCount = n, r.firstReported = first, r.lastReported = last, r.evidenceArticleIds = kept,
			      r.evidenceArticleDates = CASE WHEN size(dates) > 0 THEN dates END)
			FOREACH (_ IN CASE WHEN n = 0 AND r.reference IS NULL THEN [1] ELSE [] END | DELETE r)""";

	private static final String RECOUNT_ISSUED_BY = """
			UNWIND $rows AS row
			MATCH (:Entity {key: row.fromKey})-[r:ISSUED_BY]->(:Entity {key: row.toKey})
			OPTIONAL MATCH (a:Article)-[:ASSERTS]->(:Evidence {type: 'ISSUED_BY', fromKey: row.fromKey, toKey: row.toKey})
			WITH r, a ORDER BY a.publishedAt DESC, a.id
			WITH r, count(DISTINCT a) AS n, min(a.publishedAt) AS first, max(a.publishedAt) AS last,
			     collect(DISTINCT a)[0..10] AS keptArticles
			WITH r, n, first, last, [k IN keptArticles | k.id] AS kept,
			     [k IN keptArticles WHERE k.publishedAt IS NOT NULL | k.publishedAt] AS dates
			FOREACH (_ IN CASE WHEN n > 0 THEN [1] ELSE [] END |
			  SET r.articleCount = n, r.firstReported = first, r.lastReported = last, r.evidenceArticleIds = kept,
			      r.evidenceArticleDates = CASE WHEN size(dates) > 0 THEN dates END)
			FOREACH (_ IN CASE WHEN n = 0 AND r.reference IS NULL THEN [1] ELSE [] END | DELETE r)""";

	/**
	 * The local documents of each province that carry a document out, kept on the
	 * province's {@code IMPLEMENTS} to it ({@code localDocumentKeys}: the keys of the
	 * documents of the province's scope, its own or a district's, from which a chain of
	 * one to four {@code IMPLEMENTS} leads to the document, ordered by {@code issuedOn}
	 * then key; no property when there are none), so that "who implements D, through
	 * which local documents" reads the page's relationships, not the chains into D. Given
	 * the documents where the chains changed ({@code $keys}: an end of a document link
	 * created or deleted, a document whose relationships were rebuilt by a merge or whose
	 * date was completed, a document a province newly implements), the documents they
	 * lead to (up to four links on) are recomputed: the chains into each are followed
	 * once and shared out to its provinces by scope; a relationship is written only when
	 * its list changes. The {@code REMOVE} takes the document's write lock before its
	 * chains are read, so that two batches changing chains into one document cannot each
	 * write a list without the other's change. The migration
	 * {@code V0008__Local_documents} holds the same rule.
	 */
	static final String KEEP_LOCAL_DOCUMENTS = """
			UNWIND $keys AS key
			MATCH (s:Document {key: key})
			OPTIONAL MATCH (s)-[:IMPLEMENTS*1..4]->(y:Document)
			WITH collect(DISTINCT s) + collect(DISTINCT y) AS documents
			UNWIND documents AS d
			WITH DISTINCT d
			WHERE EXISTS { (:Province)-[:IMPLEMENTS]->(d) }
			CALL (d) {
			  REMOVE d.lockedForUpdate
			  WITH d
			  OPTIONAL MATCH (v:Document)-[:IMPLEMENTS*1..4]->(d)
			  WITH DISTINCT v
			  ORDER BY v.issuedOn, v.key
			  WITH collect(v {.key, .scope}) AS locals
			  MATCH (p:Province)-[r:IMPLEMENTS]->(d)
			  WITH r, [v IN locals WHERE v.scope = p.key OR v.scope STARTS WITH p.key + ':' | v.key] AS keys
			  WHERE coalesce(r.localDocumentKeys, []) <> keys
			  SET r.localDocumentKeys = CASE WHEN size(keys) > 0 THEN keys END
			}""";

	/**
	 * Which of some document → document pairs have an {@code IMPLEMENTS} (each looked up
	 * between its two ends).
	 */
	private static final String EXISTING_DOCUMENT_LINKS = """
			UNWIND $rows AS row
			MATCH (v:Document {key: row.fromKey})
			MATCH (x:Document {key: row.toKey})
			WHERE EXISTS { (v)-[:IMPLEMENTS]->(x) }
			RETURN row.fromKey AS fromKey, row.toKey AS toKey""";

	private static final String DELETE_ORPHANS = """
			UNWIND $keys AS key
			MATCH (x:Entity {key: key})
			WHERE (x:Document OR x:PartyBody) AND x.reference IS NULL
			  AND NOT EXISTS { (x)<-[:MENTIONS]-(:Article) }
			DETACH DELETE x""";

	private final Driver driver;

	private final SessionConfig sessionConfig;

	public GraphWriter(Driver driver, SessionConfig sessionConfig) {
		this.driver = driver;
		this.sessionConfig = sessionConfig;
	}

	/**
	 * Reads the content hashes of known articles, so that unchanged ones need not be
	 * extracted. (The write transaction checks again: this is only a shortcut.)
	 * @param ids article ids
	 * @return the hash of each id that is in the graph
	 */
	@Override
	public Map<String, String> contentHashes(List<String> ids) {
		return contentHashes(ids, null);
	}

	@Override
	public Map<String, String> contentHashes(List<String> ids, @Nullable Duration timeout) {
		try (var session = this.driver.session(this.sessionConfig)) {
			return session.executeRead(tx -> {
				Map<String, String> hashes = new HashMap<>();
				tx.run(new Query(EXISTING, Map.of("ids", ids)))
					.forEachRemaining(r -> hashes.put(r.get("id").asString(), r.get("contentHash").asString(null)));
				return hashes;
			}, config(timeout));
		}
	}

	private static TransactionConfig config(@Nullable Duration timeout) {
		return (timeout != null) ? TransactionConfig.builder().withTimeout(timeout).build() : TransactionConfig.empty();
	}

	/**
	 * Writes one batch in one transaction.
	 * @param batch the articles; an id that occurs twice is written once
	 * @return the outcome of each article and the counts of what changed
	 */
	@Override
	public BatchResult write(List<GraphArticle> batch) {
		return write(batch, null);
	}

	@Override
	public BatchResult write(List<GraphArticle> batch, @Nullable Duration timeout) {
		try (var session = this.driver.session(this.sessionConfig)) {
			return session.executeWrite(tx -> writeInTransaction(tx, batch), config(timeout));
		}
	}

	private BatchResult writeInTransaction(TransactionContext tx, List<GraphArticle> batch) {
		Counts counts = new Counts();
		Map<String, GraphArticle> byId = new LinkedHashMap<>();
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		List<String> duplicates = new ArrayList<>();
		for (GraphArticle article : batch) {
			if (byId.putIfAbsent(article.article().id(), article) != null) {
				duplicates.add(article.article().id());
			}
		}
		Map<String, String> existing = new HashMap<>();
		tx.run(new Query(EXISTING, Map.of("ids", List.copyOf(byId.keySet()))))
			.forEachRemaining(r -> existing.put(r.get("id").asString(), r.get("contentHash").asString(null)));

		List<GraphArticle> toWrite = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		for (GraphArticle article : byId.values()) {
			String id = article.article().id();
			String hash = existing.get(id);
			if (!existing.containsKey(id)) {
				outcomes.put(id, Outcome.NEW);
				toWrite.add(article);
			}
			else if (article.article().contentHash().equals(hash)) {
				outcomes.put(id, Outcome.UNCHANGED);
			}
			else {
				outcomes.put(id, Outcome.CHANGED);
				changed.add(id);
				toWrite.add(article);
			}
		}
		if (toWrite.isEmpty()) {
			return new BatchResult(outcomes, duplicates, counts, List.of());
		}

		Set<List<String>> affectedImplements = new HashSet<>();
		Set<List<String>> affectedIssuedBy = new HashSet<>();
		Set<String> retractedKeys = new HashSet<>();
		if (!changed.isEmpty()) {
			var retracted = tx.run(new Query(RETRACT_EVIDENCE, Map.of("ids", changed)));
			retracted.forEachRemaining(r -> {
				List<String> triple = List.of(r.get("fromKey").asString(), r.get("toKey").asString());
				("IMPLEMENTS".equals(r.get("type").asString()) ? affectedImplements : affectedIssuedBy).add(triple);
			});
			counts.add(retracted.consume().counters());
			var mentions = tx.run(new Query(RETRACT_MENTIONS, Map.of("ids", changed)));
			mentions.forEachRemaining(r -> retractedKeys.add(r.get("key").asString()));
			counts.add(mentions.consume().counters());
		}

		// Documents first: each key onto the node that stands for it (DocumentIdentity),
		// merging
		// or separating nodes already in the graph as the batch's keys require.
		DocumentMerge.Identity identity = DocumentMerge.write(tx, ChangeSet.documentRows(toWrite), counts);
		Map<String, String> resolved = resolveCitations(tx, toWrite);
		ChangeSet changes = ChangeSet.of(toWrite, resolved, identity, new HashSet<>(changed));
		affectedImplements.addAll(changes.recounted().get(RelationType.IMPLEMENTS));
		affectedIssuedBy.addAll(changes.recounted().get(RelationType.ISSUED_BY));
		List<Map<String, Object>> articleRows = changes.articleRows();
		SummaryCounters articleCounters = run(tx, MERGE_ARTICLES, "rows", articleRows);
		long expectedNew = outcomes.values().stream().filter(o -> o == Outcome.NEW).count();
		if (articleCounters != null && articleCounters.nodesCreated() != expectedNew) {
			// Another transaction wrote one of these articles after this one read them:
			// start over,
			// so that it counts as known (the driver retries transient errors).
			throw new TransientException("Neo.TransientError.Transaction.Outdated",
					"An article of this batch was written concurrently; retrying the batch");
		}
		counts.add(articleCounters);
		counts.add(run(tx, MERGE_BODIES, "rows", changes.bodyRows()));
		counts.add(run(tx, CREATE_MENTIONS, "rows", changes.mentionRows()));
		// Relationships whose support was retracted, or that a changed article supports,
		// are
		// recounted from their evidence below; the others only gain this batch's new
		// articles.
		List<Map<String, Object>> implementsRows = ChangeSet.Increment
			.rows(changes.increments().get(RelationType.IMPLEMENTS), affectedImplements);
		List<Map<String, Object>> issuedByRows = ChangeSet.Increment
			.rows(changes.increments().get(RelationType.ISSUED_BY), affectedIssuedBy);
		List<List<String>> newImplementations = newProvinceImplementations(tx, implementsRows, toWrite);
		List<Map<String, Object>> documentLinks = documentLinks(implementsRows, affectedImplements);
		Set<List<String>> linksBefore = existingDocumentLinks(tx, documentLinks);
		counts.add(run(tx, MERGE_IMPLEMENTS, "rows", implementsRows));
		counts.add(run(tx, MERGE_ISSUED_BY, "rows", issuedByRows));
		counts.add(run(tx, CREATE_EVIDENCE, "rows", changes.evidenceRows()));
		counts.add(run(tx, RECOUNT_IMPLEMENTS, "rows", Rows.pairs(affectedImplements)));
		counts.add(run(tx, RECOUNT_ISSUED_BY, "rows", Rows.pairs(affectedIssuedBy)));
		// Where the chains of documents changed: the local documents kept on the
		// provinces' relationships are recomputed there (after the orphans are gone).
		Set<String> chainsChanged = new HashSet<>(identity.involved());
		Set<List<String>> linksAfter = existingDocumentLinks(tx, documentLinks);
		for (Map<String, Object> link : documentLinks) {
			List<String> pair = List.of((String) link.get("fromKey"), (String) link.get("toKey"));
			if (linksBefore.contains(pair) != linksAfter.contains(pair)) {
				chainsChanged.addAll(pair);
			}
		}
		newImplementations.forEach(pair -> chainsChanged.add(pair.get(1)));
		if (!retractedKeys.isEmpty()) {
			counts.add(run(tx, DELETE_ORPHANS, "keys", List.copyOf(retractedKeys)));
		}
		run(tx, KEEP_LOCAL_DOCUMENTS, "keys", List.copyOf(chainsChanged));
		return new BatchResult(outcomes, duplicates, counts, newImplementations);
	}

	/**
	 * The province → document pairs this batch asserts that no relationship exists for
	 * yet.
	 */
	private List<List<String>> newProvinceImplementations(TransactionContext tx, List<Map<String, Object>> rows,
			List<GraphArticle> articles) {
		Set<String> provinces = new HashSet<>();
		articles.forEach(a -> a.relations()
			.stream()
			.filter(r -> r.type() == RelationType.IMPLEMENTS && r.fromKind() == NodeKind.PROVINCE)
			.forEach(r -> provinces.add(r.fromKey())));
		List<Map<String, Object>> candidates = rows.stream()
			.filter(row -> provinces.contains((String) row.get("fromKey")))
			.distinct()
			.toList();
		if (candidates.isEmpty()) {
			return List.of();
		}
		Set<List<String>> existing = new HashSet<>();
		tx.run(new Query(EXISTING_PROVINCE_IMPLEMENTS, Map.of("rows", candidates)))
			.forEachRemaining(r -> existing.add(List.of(r.get("fromKey").asString(), r.get("toKey").asString())));
		List<List<String>> added = new ArrayList<>();
		for (Map<String, Object> row : candidates) {
			List<String> pair = List.of((String) row.get("fromKey"), (String) row.get("toKey"));
			if (!existing.contains(pair)) {
				added.add(pair);
			}
		}
		return added;
	}

	/**
	 * The document → document pairs among a batch's {@code IMPLEMENTS} rows and recounted
	 * pairs (a document's key has a {@code |}, a province's none).
	 */
	private static List<Map<String, Object>> documentLinks(List<Map<String, Object>> rows,
			Set<List<String>> recounted) {
		Set<List<String>> pairs = new HashSet<>(recounted);
		rows.forEach(row -> pairs.add(List.of((String) row.get("fromKey"), (String) row.get("toKey"))));
		return Rows.pairs(pairs.stream().filter(pair -> pair.get(0).contains("|")).collect(Collectors.toSet()));
	}

	private static Set<List<String>> existingDocumentLinks(TransactionContext tx, List<Map<String, Object>> links) {
		Set<List<String>> existing = new HashSet<>();
		if (!links.isEmpty()) {
			tx.run(new Query(EXISTING_DOCUMENT_LINKS, Map.of("rows", links)))
				.forEachRemaining(r -> existing.add(List.of(r.get("fromKey").asString(), r.get("toKey").asString())));
		}
		return existing;
	}

	private Map<String, String> resolveCitations(TransactionContext tx, List<GraphArticle> articles) {
		List<Map<String, Object>> citations = new ArrayList<>();
		for (GraphArticle article : articles) {
			article.unresolved().forEach(c -> citations.add(Rows.citation(c)));
		}
		Map<String, String> resolved = new HashMap<>();
		if (!citations.isEmpty()) {
			read(tx, RESOLVE_CITATIONS, Map.of("citations", citations),
					r -> resolved.put(r.get("placeholderKey").asString(), r.get("key").asString()));
		}
		return resolved;
	}

	/**
	 * Runs a read statement of the batch's transaction, each record to the consumer; its
	 * time is logged at DEBUG as {@link #run}'s.
	 */
	static void read(TransactionContext tx, String cypher, Map<String, Object> parameters, Consumer<Record> consumer) {
		long started = System.nanoTime();
		var result = tx.run(new Query(cypher, parameters));
		long records = 0;
		while (result.hasNext()) {
			consumer.accept(result.next());
			records++;
		}
		if (log.isDebugEnabled()) {
			log.debug("{} records in {} ms: read {}", records, (System.nanoTime() - started) / 1_000_000,
					cypher.lines().filter(l -> l.contains("MATCH")).findFirst().orElse("").strip());
		}
	}

	static SummaryCounters run(TransactionContext tx, String cypher, String name, List<?> rows) {
		if (rows.isEmpty()) {
			return null;
		}
		long started = System.nanoTime();
		SummaryCounters counters = tx.run(new Query(cypher, Map.of(name, rows))).consume().counters();
		if (log.isDebugEnabled()) {
			log.debug("{} rows in {} ms: {}", rows.size(), (System.nanoTime() - started) / 1_000_000,
					cypher.lines()
						.filter(l -> l.contains("MERGE") || l.contains("SET") || l.contains("DELETE"))
						.findFirst()
						.orElse(cypher.lines().findFirst().orElse(""))
						.strip());
		}
		return counters;
	}

}
