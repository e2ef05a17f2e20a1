package org.policygraph.ingest.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Query;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.policygraph.ingest.write.ArticleWriter.Counts;

/**
 * The transactional side of {@link DocumentIdentity}: writes a batch's document rows onto
 * the nodes that stand for them and, when the batch changes which node stands for a key
 * already in the graph, moves that key's mentions and evidence to its node in the same
 * transaction (merging nodes into a more specific one, or taking a key that became
 * ambiguous back out of one), recounts the {@code IMPLEMENTS} and {@code ISSUED_BY}
 * relationships of the nodes involved from their evidence, and records on each document
 * the keys merged into it ({@code mergedKeys}) and, for a key kept apart, the documents
 * it could be ({@code ambiguousWith}).
 * <p>
 * Every mention and evidence remembers the key the article cited when its node has
 * another ({@code MENTIONS.citedKey}, {@code Evidence.citedFromKey}, {@code citedToKey}):
 * that is what is moved, so the graph after any sequence of batches is the one the whole
 * set of keys gives.
 */
public final class DocumentMerge {

	/**
	 * The documents of the groups (code and scope) a batch touches, with the keys they
	 * hold. A document's key begins with its group, its code and scope
	 * ({@link DocumentIdentity#group}: {@code code|scope|when}), so the group is one
	 * range of the unique key index; the code index would read the code's documents of
	 * every scope.
	 */
	static final String GROUP_STATE = """
			UNWIND $groups AS g
			MATCH (d:Document)
			USING INDEX SEEK d:Document(key)
			WHERE d.key STARTS WITH g.code + '|' + g.scope + '|' AND d.code = g.code AND d.scope = g.scope
			RETURN d.key AS key, d.mergedKeys AS mergedKeys, d.ambiguousWith AS ambiguousWith,
			       [p IN $completed WHERE d[p] IS NOT NULL] AS complete""";

	/**
	 * The properties a document row completes on a node that has none yet
	 * ({@code GraphWriter.MERGE_DOCUMENTS}' {@code coalesce}s).
	 */
	private static final List<String> COMPLETED = List.of("issuedOn", "year", "term", "subject");

	/** A key held by another node that becomes a document of its own again. */
	private static final String CREATE_SPLIT = """
			UNWIND $rows AS row
			MATCH (h:Document {key: row.holder})
			MERGE (d:Document:Entity {key: row.key})
			ON CREATE SET d.code = h.code, d.type = h.type, d.number = h.number, d.issuerSuffix = h.issuerSuffix,
			    d.level = h.level, d.scope = h.scope, d.name = h.name, d.dated = row.dated,
			    d.issuedOn = row.issuedOn, d.year = row.year, d.term = row.term""";

	/** A node merged into another completes it ({@code coalesce}, as a row would). */
	private static final String MERGE_PROPERTIES = """
			UNWIND $moves AS mv
			MATCH (old:Document {key: mv.from})
			MATCH (d:Document {key: mv.to})
			SET d.issuedOn = coalesce(d.issuedOn, old.issuedOn), d.year = coalesce(d.year, old.year),
			    d.term = coalesce(d.term, old.term), d.subject = coalesce(d.subject, old.subject)""";

	/**
	 * An article's evidence involving a document is reached through its mention of it
	 * (every end of a relation is mentioned by the article that states it).
	 */
	private static final String MOVE_EVIDENCE = """
			UNWIND $moves AS mv
			MATCH (:Document {key: mv.from})<-[:MENTIONS]-(:Article)-[:ASSERTS]->(e:Evidence)
			WITH DISTINCT mv, e
			WITH mv, e, e.fromKey = mv.from AND coalesce(e.citedFromKey, e.fromKey) = mv.cited AS moveFrom,
			     e.toKey = mv.from AND coalesce(e.citedToKey, e.toKey) = mv.cited AS moveTo
			WHERE moveFrom OR moveTo
			SET e.fromKey = CASE WHEN moveFrom THEN mv.to ELSE e.fromKey END,
			    e.citedFromKey = CASE WHEN NOT moveFrom THEN e.citedFromKey
			        WHEN mv.cited = mv.to THEN null ELSE mv.cited END,
			    e.toKey = CASE WHEN moveTo THEN mv.to ELSE e.toKey END,
			    e.citedToKey = CASE WHEN NOT moveTo THEN e.citedToKey
			        WHEN mv.cited = mv.to THEN null ELSE mv.cited END""";

	private static final String MOVE_MENTIONS = """
			UNWIND $moves AS mv
			MATCH (old:Document {key: mv.from})<-[m:MENTIONS]-(a:Article)
			WHERE coalesce(m.citedKey, old.key) = mv.cited
			MATCH (d:Document {key: mv.to})
			CREATE (a)-[:MENTIONS {surface: m.surface, sentence: m.sentence,
			                       citedKey: CASE WHEN mv.cited = mv.to THEN null ELSE mv.cited END}]->(d)
			DELETE m""";

	/**
	 * An article that cited two keys now of one document mentions it once: the mention of
	 * the most specific key is kept ({@code $rank}: {@link DocumentIdentity#PREFERRED}).
	 */
	private static final String DEDUPLICATE_MENTIONS = """
			UNWIND $keys AS key
			MATCH (d:Document {key: key})<-[m:MENTIONS]-(a:Article)
			WITH a, d, m ORDER BY $rank[coalesce(m.citedKey, d.key)], coalesce(m.citedKey, d.key)
			WITH a, d, collect(m) AS ms
			WHERE size(ms) > 1
			FOREACH (x IN tail(ms) | DELETE x)""";

	/** One evidence per article and relation, the most specific citation kept. */
	private static final String DEDUPLICATE_EVIDENCE = """
			UNWIND $keys AS key
			MATCH (:Document {key: key})<-[:MENTIONS]-(a:Article)-[:ASSERTS]->(e:Evidence)
			WHERE e.fromKey = key OR e.toKey = key
			WITH DISTINCT a, e
			WITH a, e, coalesce(e.citedFromKey, e.fromKey) AS f, coalesce(e.citedToKey, e.toKey) AS t
			ORDER BY coalesce($rank[f], 1000000000), f, coalesce($rank[t], 1000000000), t
			WITH a, e.type AS type, e.fromKey AS fromKey, e.toKey AS toKey, collect(e) AS es
			WHERE size(es) > 1
			FOREACH (x IN tail(es) | DETACH DELETE x)""";

	/** The derived relationships of the nodes involved, dropped to be recounted. */
	private static final String DROP_DERIVED = """
			UNWIND $keys AS key
			MATCH (:Document {key: key})-[r:IMPLEMENTS|ISSUED_BY]-()
			WHERE r.reference IS NULL
			DELETE r""";

	/**
	 * {@code GraphWriter.RECOUNT_IMPLEMENTS} over every relation the nodes' evidence
	 * states, with the {@link ChangeSet#KEPT_EVIDENCE kept evidence} (newest article
	 * first).
	 */
	private static final String RECOUNT_DERIVED = """
			UNWIND $keys AS key
			MATCH (:Document {key: key})<-[:MENTIONS]-(:Article)-[:ASSERTS]->(e:Evidence)
			WHERE e.fromKey = key OR e.toKey = key
			WITH DISTINCT e
			MATCH (a:Article)-[:ASSERTS]->(e)
			WITH e, a ORDER BY a.publishedAt DESC, a.id
			WITH e.type AS type, e.fromKey AS fromKey, e.toKey AS toKey,
			     count(DISTINCT a) AS n, min(a.publishedAt) AS first, max(a.publishedAt) AS last,
			     collect(DISTINCT a)[0..10] AS keptArticles
			WITH type, fromKey, toKey, n, first, last, [k IN keptArticles | k.id] AS kept,
			     [k IN keptArticles WHERE k.publishedAt IS NOT NULL | k.publishedAt] AS dates
			MATCH (from:Entity {key: fromKey})
			MATCH (to:Entity {key: toKey})
			WHERE from <> to
			FOREACH (_ IN CASE WHEN type = 'IMPLEMENTS' AND to:Document THEN [1] ELSE [] END |
			  MERGE (from)-[r:IMPLEMENTS]->(to)
			  SET r.articleCount = n, r.firstReported = first, r.lastReported = last, r.evidenceArticleIds = kept,
			      r.evidenceArticleDates = CASE WHEN size(dates) > 0 THEN dates END)
			FOREACH (_ IN CASE WHEN type = 'ISSUED_BY' AND from:Document AND to:PartyBody THEN [1] ELSE [] END |
			  MERGE (from)-[r:ISSUED_BY]->(to)
			  SET r.articleCount = n, r.firstReported = first, r.lastReported = last, r.evidenceArticleIds = kept,
			      r.evidenceArticleDates = CASE WHEN size(dates) > 0 THEN dates END)""";

	/**
	 * Any other relationship of a node merged away (none in the model today) goes to the
	 * node it was merged into, with its type and properties.
	 */
	private static final String MOVE_OTHER = """
			UNWIND $moves AS mv
			WITH mv WHERE mv.cited = mv.from
			MATCH (old:Document {key: mv.from})
			MATCH (d:Document {key: mv.to})
			CALL (old, d) {
			  MATCH (old)-[r]->(x)
			  WHERE NOT type(r) IN ['MENTIONS', 'IMPLEMENTS', 'ISSUED_BY'] AND x <> d
			  MERGE (d)-[n:$(type(r))]->(x)
			  SET n += properties(r)
			  DELETE r
			}
			CALL (old, d) {
			  MATCH (old)<-[r]-(x)
			  WHERE NOT type(r) IN ['MENTIONS', 'IMPLEMENTS', 'ISSUED_BY'] AND x <> d
			  MERGE (d)<-[n:$(type(r))]-(x)
			  SET n += properties(r)
			  DELETE r
			}""";

	/** A node whose own key now stands for another, emptied above. */
	private static final String DELETE_MERGED = """
			UNWIND $keys AS key
			MATCH (d:Document {key: key})
			DETACH DELETE d""";

	private static final String SET_IDENTITY = """
			UNWIND $rows AS row
			MATCH (d:Document {key: row.key})
			SET d.mergedKeys = row.mergedKeys, d.ambiguousWith = row.ambiguousWith""";

	private DocumentMerge() {
	}

	/**
	 * Writes the documents of a batch and re-homes what the batch changes.
	 * @param tx the batch's transaction
	 * @param rows the batch's document rows ({@link Rows#document}), one per key
	 * @param counts what changed
	 * @return which node stands for each key of the batch
	 */
	static Identity write(TransactionContext tx, Collection<Map<String, Object>> rows, Counts counts) {
		Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			String group = DocumentIdentity.group((String) row.get("key"));
			if (row.get("code") != null && group != null) {
				groups.putIfAbsent(group, Map.of("code", row.get("code"), "scope", row.get("scope")));
			}
		}
		Map<String, String> holder = new HashMap<>();
		Map<String, List<Object>> stored = new HashMap<>();
		Map<String, List<String>> complete = new HashMap<>();
		if (!groups.isEmpty()) {
			tx.run(new Query(GROUP_STATE, Map.of("groups", List.copyOf(groups.values()), "completed", COMPLETED)))
				.forEachRemaining(r -> {
					String key = r.get("key").asString();
					complete.put(key, r.get("complete").asList(Value::asString));
					List<String> merged = r.get("mergedKeys").isNull() ? List.of()
							: r.get("mergedKeys").asList(Value::asString);
					List<String> ambiguous = r.get("ambiguousWith").isNull() ? null
							: r.get("ambiguousWith").asList(Value::asString);
					holder.put(key, key);
					merged.forEach(m -> holder.put(m, key));
					stored.put(key, java.util.Arrays.asList(merged.isEmpty() ? null : merged, ambiguous));
				});
		}
		Set<String> keys = new LinkedHashSet<>(holder.keySet());
		rows.forEach(row -> keys.add((String) row.get("key")));
		Plan plan = Plan.of(keys, holder);

		if (!plan.splits().isEmpty()) {
			counts.add(GraphWriter.run(tx, CREATE_SPLIT, "rows", plan.splits()));
		}
		List<Map<String, Object>> documentRows = new ArrayList<>();
		Set<String> involved = new LinkedHashSet<>();
		for (Map<String, Object> row : rows) {
			String node = plan.resolution().canonical((String) row.get("key"));
			if (changesNothing(row, complete.get(node))) {
				continue;
			}
			if (complete.get(node) != null && row.get("issuedOn") != null && !complete.get(node).contains("issuedOn")) {
				// a date completed: the order of the local documents it is one of
				involved.add(node);
			}
			Map<String, Object> target = new HashMap<>(row);
			target.put("target", node);
			documentRows.add(target);
		}
		documentRows.sort(Comparator.comparing(row -> (String) row.get("key"), DocumentIdentity.PREFERRED));
		counts.add(GraphWriter.run(tx, GraphWriter.MERGE_DOCUMENTS, "rows", documentRows));
		if (!plan.moves().isEmpty()) {
			Map<String, Object> parameters = Map.of("moves", plan.moves(), "keys", plan.involved(), "rank",
					plan.rank());
			List<Map<String, Object>> ownKeys = plan.moves()
				.stream()
				.filter(mv -> mv.get("cited").equals(mv.get("from")))
				.toList();
			GraphWriter.run(tx, MERGE_PROPERTIES, "moves", ownKeys);
			// Moving what articles state from one node to another is not counted as
			// creating or
			// deleting it (the bulk load, which writes the final nodes only, counts the
			// same way);
			// the nodes merged away are.
			for (String statement : List.of(MOVE_EVIDENCE, MOVE_MENTIONS, DEDUPLICATE_MENTIONS, DEDUPLICATE_EVIDENCE,
					DROP_DERIVED, RECOUNT_DERIVED, MOVE_OTHER)) {
				tx.run(new Query(statement, parameters)).consume();
			}
			counts.add(GraphWriter.run(tx, DELETE_MERGED, "keys", plan.obsolete()));
			involved.addAll(plan.involved());
		}
		List<Map<String, Object>> identityRows = new ArrayList<>();
		plan.identity().forEach((key, values) -> {
			List<Object> before = stored.get(key);
			boolean nothing = values.get(0) == null && values.get(1) == null;
			if ((before == null) ? !nothing : !values.equals(before)) {
				Map<String, Object> row = new HashMap<>();
				row.put("key", key);
				row.put("mergedKeys", values.get(0));
				row.put("ambiguousWith", values.get(1));
				identityRows.add(row);
			}
		});
		counts.add(GraphWriter.run(tx, SET_IDENTITY, "rows", identityRows));
		return new Identity(plan.resolution(), Set.copyOf(involved));
	}

	/**
	 * Whether a document row would leave its node as it is: the node is in the graph
	 * (read with its group, so neither created nor emptied by this batch before the row
	 * is written) and already has each property the row would complete. Such rows are not
	 * sent: most documents a batch cites are already complete, and merging them again
	 * costs as much as creating them.
	 * @param row the document row
	 * @param complete the properties the row's node has, or null when the node was not
	 * read from the graph
	 */
	static boolean changesNothing(Map<String, Object> row, @Nullable List<String> complete) {
		if (complete == null) {
			return false;
		}
		for (String property : COMPLETED) {
			if (row.get(property) != null && !complete.contains(property)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What a batch changes in the groups it touches.
	 *
	 * @param resolution the keys' resolution
	 * @param moves {@code cited}, {@code from} (the node holding it), {@code to} (its
	 * node now)
	 * @param splits keys held by another node that become nodes again ({@code key},
	 * {@code holder} and the key's date properties)
	 * @param involved the keys of every node whose relationships are recounted
	 * @param obsolete nodes whose own key now stands for another
	 * @param rank every key of the groups → its place in
	 * {@link DocumentIdentity#PREFERRED}
	 * @param identity each canonical key → [mergedKeys, ambiguousWith] (nulls when none)
	 */
	public record Plan(DocumentIdentity.Resolution resolution, List<Map<String, Object>> moves,
			List<Map<String, Object>> splits, List<String> involved, List<String> obsolete, Map<String, Object> rank,
			Map<String, List<Object>> identity) {

		/**
		 * @param keys every key of the groups: held by a node or new
		 * @param holder each key held by a node → that node's key
		 */
		public static Plan of(Collection<String> keys, Map<String, String> holder) {
			DocumentIdentity.Resolution resolution = DocumentIdentity.resolve(keys);
			List<Map<String, Object>> moves = new ArrayList<>();
			Set<String> involved = new LinkedHashSet<>();
			Set<String> splitKeys = new LinkedHashSet<>();
			List<Map<String, Object>> splits = new ArrayList<>();
			holder.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
				String cited = entry.getKey();
				String to = resolution.canonical(cited);
				if (!to.equals(entry.getValue())) {
					moves.add(Map.of("cited", cited, "from", entry.getValue(), "to", to));
					involved.add(entry.getValue());
					involved.add(to);
					String targetHolder = holder.get(to);
					if (targetHolder != null && !targetHolder.equals(to) && splitKeys.add(to)) {
						Map<String, Object> split = new HashMap<>(DocumentIdentity.whenProperties(to));
						split.put("key", to);
						split.put("holder", targetHolder);
						splits.add(split);
					}
				}
			});
			List<String> obsolete = holder.entrySet()
				.stream()
				.filter(e -> e.getKey().equals(e.getValue()) && !resolution.canonical(e.getKey()).equals(e.getKey()))
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			Map<String, Object> rank = new HashMap<>();
			List<String> sorted = keys.stream().sorted(DocumentIdentity.PREFERRED).toList();
			for (int i = 0; i < sorted.size(); i++) {
				rank.put(sorted.get(i), i);
			}
			Map<String, List<String>> merged = resolution.mergedKeys();
			Map<String, List<Object>> identity = new HashMap<>();
			for (String key : keys) {
				if (resolution.canonical(key).equals(key)) {
					identity.put(key, java.util.Arrays.asList(merged.get(key), resolution.ambiguous().get(key)));
				}
			}
			return new Plan(resolution, moves, splits, List.copyOf(involved), obsolete, rank, identity);
		}

	}

	/**
	 * Which node stands for each key of a batch.
	 *
	 * @param resolution the resolution of the batch's groups
	 * @param involved the documents whose relationships were rebuilt (merged, separated)
	 * or whose date was completed: where the chains of documents may have changed
	 */
	public record Identity(DocumentIdentity.Resolution resolution, Set<String> involved) {

		/**
		 * @param resolution the resolution of the batch's groups
		 */
		public Identity(DocumentIdentity.Resolution resolution) {
			this(resolution, Set.of());
		}

		public String node(String key) {
			return this.resolution.canonical(key);
		}

		/**
		 * @return the key cited when its node has another key, else null
		 */
		@Nullable String cited(String key) {
			String node = node(key);
			return Objects.equals(node, key) ? null : key;
		}

	}

}
