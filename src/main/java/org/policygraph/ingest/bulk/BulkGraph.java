package org.policygraph.ingest.bulk;

import org.policygraph.ingest.write.ArticleWriter;
import org.policygraph.ingest.write.DocumentIdentity;
import org.policygraph.ingest.write.DocumentMerge;
import org.policygraph.ingest.write.GraphArticle;
import org.policygraph.ingest.write.ChangeSet;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.policygraph.ingest.write.GraphArticle.UnresolvedCitation;
import org.policygraph.ingest.write.ArticleWriter.BatchResult;
import org.policygraph.ingest.write.ArticleWriter.Counts;

import org.policygraph.ingest.write.ArticleWriter.Outcome;

/**
 * The graph of a bulk load, built batch by batch with the rules of {@code GraphWriter}
 * ({@link ChangeSet}) and written as CSV files for Neo4j's bulk importer. Articles,
 * evidence and their relationships go to the files as they come (memory holds only their
 * ids and hashes); provinces, bodies, documents and the relationships between them stay
 * in memory, as the rules read them (a citation resolves to the one document that fits),
 * and are written by {@link #finish()}.
 * <p>
 * A record whose article was already loaded with other content cannot replace it in the
 * files: it is kept in {@link #deferred()}, in order, for the transactional writer to
 * apply after the import.
 */
final class BulkGraph implements ArticleWriter, AutoCloseable {

	static final String ARTICLES = "articles.csv";

	static final String EVIDENCE = "evidence.csv";

	static final String ENTITIES = "entities.csv";

	static final String MENTIONS = "mentions.csv";

	static final String ASSERTS = "asserts.csv";

	static final String ENTITY_RELATIONSHIPS = "entity-relationships.csv";

	private static final String DOCUMENT = "Document";

	private static final String PARTY_BODY = "PartyBody";

	private static final String PROVINCE = "Province";

	private static final String IMPLEMENTS = "IMPLEMENTS";

	/** The local documents a province's {@code IMPLEMENTS} keeps. */
	private static final String LOCAL_DOCUMENT_KEYS = "localDocumentKeys";

	private static final String ENTITY = "Entity";

	private final Path directory;

	private final ZonedDateTime ingestedAt;

	private final ImportCsv articles;

	private final ImportCsv evidence;

	private final ImportCsv mentions;

	private final ImportCsv asserts;

	private final RawCitations citations;

	/**
	 * Every document key cited (or created) → the key of the node that stands for it now.
	 */
	private final Map<String, String> holder = new HashMap<>();

	/** code|scope → every key of that group. */
	private final Map<String, Set<String>> groups = new HashMap<>();

	private final List<Path> filesWithLineBreaks = new ArrayList<>();

	private final Map<String, Long> articleNodes = new HashMap<>();

	private final Map<String, Long> entityNodes = new HashMap<>();

	private long nextNode;

	private final Map<String, Entity> entities = new LinkedHashMap<>();

	private final Map<List<Object>, List<String>> documentsByTypeAndNumber = new HashMap<>();

	private final Map<RelationshipKey, Map<String, Object>> relationships = new LinkedHashMap<>();

	/**
	 * Each derived relationship → its first {@link ChangeSet#KEPT_EVIDENCE} evidence in
	 * the order reads show them ({@link #SHOWN}), written as {@code evidenceArticleIds}
	 * and the dates of the dated ones as {@code evidenceArticleDates}.
	 */
	private final Map<RelationshipKey, List<RawCitations.EvidenceRecord>> keptEvidence = new HashMap<>();

	/**
	 * The order reads show evidence in, as Cypher's
	 * {@code ORDER BY a.publishedAt DESC, a.id} sorts: undated articles first, then
	 * newest first, then by article id.
	 */
	static final Comparator<RawCitations.EvidenceRecord> SHOWN = Comparator
		.comparing(RawCitations.EvidenceRecord::publishedAt, Comparator.nullsFirst(Comparator.reverseOrder()))
		.thenComparing(RawCitations.EvidenceRecord::articleId);

	private final Map<String, String> hashes = new HashMap<>();

	/** Every relation stated, by the keys cited (for the counts). */
	private final Set<RelationshipKey> citedPairs = new HashSet<>();

	/** A document key cited → the relations stated with it. */
	private final Map<String, Set<RelationshipKey>> citedPairsByKey = new HashMap<>();

	/** Each relationship between nodes → how many of {@link #citedPairs} support it. */
	private final Map<RelationshipKey, Integer> support = new HashMap<>();

	private final Set<String> deferredIds = new HashSet<>();

	private final List<GraphArticle> deferred = new ArrayList<>();

	private long entityRelationshipsWritten;

	private long entitiesWritten;

	private boolean finished;

	/**
	 * Opens the article-side files in a directory.
	 * @param directory where the CSV files go; must exist
	 * @param ingestedAt the time stamp of every article
	 */
	BulkGraph(Path directory, ZonedDateTime ingestedAt) {
		this.directory = directory;
		this.ingestedAt = ingestedAt;
		this.articles = new ImportCsv(directory.resolve(ARTICLES),
				List.of(":ID(Article)", "id", "url", "title", "text", "publishedAt:date", "source", "category",
						"contentHash", "provinceKey", "unresolvedCitations:string[]", "ingestedAt:datetime"));
		this.evidence = new ImportCsv(directory.resolve(EVIDENCE), List.of(":ID(Evidence)", "type", "fromKey", "toKey",
				"sentence", "articleId", "citedFromKey", "citedToKey"));
		this.mentions = new ImportCsv(directory.resolve(MENTIONS),
				List.of(":START_ID(Article)", ":END_ID(Entity)", "surface", "sentence", "citedKey"));
		this.citations = new RawCitations(directory);
		this.asserts = new ImportCsv(directory.resolve(ASSERTS), List.of(":START_ID(Article)", ":END_ID(Evidence)"));
	}

	/**
	 * Adds a node that is already in the database (reference data), to be written with
	 * the rest.
	 * @param labels its labels, including {@code Entity}
	 * @param properties its properties, including {@code key}
	 */
	void addExisting(Collection<String> labels, Map<String, Object> properties) {
		Entity entity = new Entity(new LinkedHashSet<>(labels), new LinkedHashMap<>(properties));
		String key = (String) Objects.requireNonNull(properties.get("key"), "an entity without key");
		this.entities.put(key, entity);
		if (entity.is(DOCUMENT)) {
			index(key, entity);
			register(key, key);
			if (properties.get("mergedKeys") instanceof Collection<?> merged) {
				merged.forEach(m -> register((String) m, key));
			}
		}
	}

	private void register(String key, String node) {
		this.holder.put(key, node);
		String group = DocumentIdentity.group(key);
		if (group != null) {
			this.groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(key);
		}
	}

	/**
	 * Adds a relationship that is already in the database.
	 * @param type its type
	 * @param fromKey the key of its start
	 * @param toKey the key of its end
	 * @param properties its properties
	 */
	void addExisting(String type, String fromKey, String toKey, Map<String, Object> properties) {
		this.relationships.put(new RelationshipKey(type, fromKey, toKey), new LinkedHashMap<>(properties));
	}

	@Override
	public Map<String, String> contentHashes(List<String> ids) {
		checkOpen();
		Map<String, String> known = new HashMap<>();
		for (String id : ids) {
			String hash = this.hashes.get(id);
			if (hash != null && !this.deferredIds.contains(id)) {
				known.put(id, hash);
			}
		}
		return known;
	}

	@Override
	public BatchResult write(List<GraphArticle> batch) {
		checkOpen();
		Counts counts = new Counts();
		Map<String, GraphArticle> byId = new LinkedHashMap<>();
		List<String> duplicates = new ArrayList<>();
		for (GraphArticle article : batch) {
			if (byId.putIfAbsent(article.article().id(), article) != null) {
				duplicates.add(article.article().id());
			}
		}
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		List<GraphArticle> toWrite = new ArrayList<>();
		for (GraphArticle article : byId.values()) {
			String id = article.article().id();
			String hash = this.hashes.get(id);
			if (hash == null) {
				outcomes.put(id, Outcome.NEW);
				toWrite.add(article);
			}
			else if (!this.deferredIds.contains(id) && hash.equals(article.article().contentHash())) {
				outcomes.put(id, Outcome.UNCHANGED);
			}
			else {
				outcomes.put(id, Outcome.CHANGED);
				this.deferredIds.add(id);
				this.deferred.add(article);
			}
		}
		if (!toWrite.isEmpty()) {
			writeNew(toWrite, counts);
		}
		return new BatchResult(outcomes, duplicates, counts, List.of());
	}

	/**
	 * The statements of {@code GraphWriter.write} for new articles, in the same order, on
	 * what the batch contributes ({@link ChangeSet}).
	 */
	private void writeNew(List<GraphArticle> toWrite, Counts counts) {
		DocumentMerge.Identity identity = writeDocuments(ChangeSet.documentRows(toWrite), counts);
		Map<String, String> resolved = resolveCitations(toWrite);
		ChangeSet changes = ChangeSet.of(toWrite, resolved, identity, Set.of());
		Map<String, LocalDate> publishedAt = new HashMap<>();
		for (int i = 0; i < toWrite.size(); i++) {
			writeArticle(changes.articleRows().get(i));
			counts.nodesCreated++;
			publishedAt.put(toWrite.get(i).article().id(), toWrite.get(i).article().publishedAt());
		}
		mergeBodies(changes.bodyRows(), counts);
		for (Map<String, Object> row : changes.mentionRows()) {
			String key = (String) row.get("key");
			Entity entity = this.entities.get(key);
			if (entity == null) {
				continue;
			}
			if (entity.is(DOCUMENT)) {
				// Written by finish(), onto the node that stands for the cited key then.
				this.citations.mention((String) row.get("articleId"), cited(row, "citedKey", "key"),
						(String) row.get("surface"), (String) row.get("sentence"));
			}
			else {
				this.mentions.row(articleNode((String) row.get("articleId")), entityNode(key), row.get("surface"),
						row.get("sentence"), null);
			}
			counts.relationshipsCreated++;
		}
		List<Map<String, Object>> supported = changes.evidenceRows()
			.stream()
			.filter(row -> this.entities.containsKey((String) row.get("fromKey"))
					&& this.entities.containsKey((String) row.get("toKey")))
			.toList();
		for (Map<String, Object> row : supported) {
			String articleId = (String) row.get("articleId");
			this.citations.evidence(articleId, (String) row.get("type"), cited(row, "citedFromKey", "fromKey"),
					cited(row, "citedToKey", "toKey"), (String) row.get("sentence"), publishedAt.get(articleId));
			counts.nodesCreated++;
			counts.relationshipsCreated++;
		}
		countSupport(supported, counts);
	}

	private static String cited(Map<String, Object> row, String cited, String key) {
		Object value = row.get(cited);
		return (String) ((value != null) ? value : row.get(key));
	}

	/**
	 * Counts the relationships this batch creates, as
	 * {@code GraphWriter.MERGE_IMPLEMENTS} and {@code MERGE_ISSUED_BY} do: a relationship
	 * is created when no evidence supported it yet. Which relationship a pair of cited
	 * keys supports follows the documents' merges ({@link #remapSupport}). (The counts
	 * and dates are computed from the evidence by {@link #finish()}.)
	 */
	private void countSupport(List<Map<String, Object>> evidenceRows, Counts counts) {
		for (Map<String, Object> row : evidenceRows) {
			RelationshipKey cited = new RelationshipKey((String) row.get("type"), cited(row, "citedFromKey", "fromKey"),
					cited(row, "citedToKey", "toKey"));
			if (!this.citedPairs.add(cited)) {
				continue;
			}
			for (String key : List.of(cited.fromKey(), cited.toKey())) {
				if (this.holder.containsKey(key)) {
					this.citedPairsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(cited);
				}
			}
			RelationshipKey pair = supported(cited);
			if (this.support.merge(pair, 1, Integer::sum) == 1 && derived(pair)) {
				counts.relationshipsCreated++;
			}
		}
	}

	private RelationshipKey supported(RelationshipKey cited) {
		return new RelationshipKey(cited.type(), node(cited.fromKey()), node(cited.toKey()));
	}

	/**
	 * Whether a relationship of that type exists between those nodes when evidence
	 * supports it.
	 */
	private boolean derived(RelationshipKey pair) {
		Entity from = this.entities.get(pair.fromKey());
		Entity to = this.entities.get(pair.toKey());
		return from != null && to != null
				&& ChangeSet.derives(pair.type(), pair.fromKey(), from.labels(), pair.toKey(), to.labels());
	}

	/**
	 * Before ({@code add} false) and after ({@code add} true) keys move: what their pairs
	 * support.
	 */
	private void remapSupport(Collection<String> movedKeys, boolean add) {
		Set<RelationshipKey> pairs = new LinkedHashSet<>();
		movedKeys.forEach(key -> pairs.addAll(this.citedPairsByKey.getOrDefault(key, Set.of())));
		for (RelationshipKey cited : pairs) {
			RelationshipKey pair = supported(cited);
			if (add) {
				this.support.merge(pair, 1, Integer::sum);
			}
			else {
				this.support.computeIfPresent(pair, (k, n) -> (n > 1) ? n - 1 : null);
			}
		}
	}

	/**
	 * {@link DocumentMerge#write}: the batch's documents onto the nodes that stand for
	 * their keys, nodes merged or separated as the keys of their groups require.
	 */
	private DocumentMerge.Identity writeDocuments(Collection<Map<String, Object>> rows, Counts counts) {
		Set<String> touched = new LinkedHashSet<>();
		for (Map<String, Object> row : rows) {
			String group = DocumentIdentity.group((String) row.get("key"));
			if (row.get("code") != null && group != null) {
				touched.add(group);
			}
		}
		Map<String, String> held = new HashMap<>();
		for (String group : touched) {
			for (String key : this.groups.getOrDefault(group, Set.of())) {
				held.put(key, this.holder.get(key));
			}
		}
		Set<String> keys = new LinkedHashSet<>(held.keySet());
		rows.forEach(row -> keys.add((String) row.get("key")));
		DocumentMerge.Plan plan = DocumentMerge.Plan.of(keys, held);
		for (Map<String, Object> split : plan.splits()) {
			Entity from = this.entities.get((String) split.get("holder"));
			Entity document = new Entity(new LinkedHashSet<>(List.of(DOCUMENT, ENTITY)), new LinkedHashMap<>());
			String key = (String) split.get("key");
			document.set("key", key);
			for (String name : List.of("code", "type", "number", "issuerSuffix", "level", "scope", "name")) {
				document.set(name, from.properties.get(name));
			}
			for (String name : List.of("dated", "issuedOn", "year", "term")) {
				document.set(name, split.get(name));
			}
			this.entities.put(key, document);
			index(key, document);
			counts.nodesCreated++;
		}
		// Most specific first, each onto its node, as DocumentMerge.write.
		List<Map<String, Object>> ordered = new ArrayList<>();
		List<Map<String, Object>> original = new ArrayList<>(rows);
		original.sort(Comparator.comparing(row -> (String) row.get("key"), DocumentIdentity.PREFERRED));
		for (Map<String, Object> row : original) {
			Map<String, Object> target = new HashMap<>(row);
			target.put("key", plan.resolution().canonical((String) row.get("key")));
			ordered.add(target);
		}
		ordered.forEach(row -> mergeDocument(row, counts));
		for (Map<String, Object> move : plan.moves()) {
			if (move.get("cited").equals(move.get("from"))) {
				Entity old = this.entities.get((String) move.get("from"));
				Entity document = this.entities.get((String) move.get("to"));
				for (String name : List.of("issuedOn", "year", "term", "subject")) {
					if (document.properties.get(name) == null) {
						document.set(name, old.properties.get(name));
					}
				}
			}
		}
		for (String key : plan.obsolete()) {
			Entity old = this.entities.remove(key);
			unindex(key, old);
			counts.nodesDeleted++;
		}
		List<String> moved = plan.moves().stream().map(move -> (String) move.get("cited")).toList();
		remapSupport(moved, false);
		for (String key : keys) {
			register(key, plan.resolution().canonical(key));
		}
		remapSupport(moved, true);
		plan.identity().forEach((key, values) -> {
			Entity document = this.entities.get(key);
			document.properties.remove("mergedKeys");
			document.properties.remove("ambiguousWith");
			document.set("mergedKeys", values.get(0));
			document.set("ambiguousWith", values.get(1));
		});
		return new DocumentMerge.Identity(plan.resolution());
	}

	/*
	 * The files identify nodes by numbers, one sequence over every file from 0, which the
	 * importer takes as the store's node ids (--id-type=actual): it need neither encode,
	 * sort and search 680,000 strings nor map numbers to connect relationships. The
	 * articles' ids and the entities' keys are stored as their id and key properties.
	 */

	private long articleNode(String id) {
		return this.articleNodes.computeIfAbsent(id, k -> this.nextNode++);
	}

	private long entityNode(String key) {
		return this.entityNodes.computeIfAbsent(key, k -> this.nextNode++);
	}

	/** {@code GraphWriter.MERGE_ARTICLES}: one article row ({@code Rows.article}). */
	private void writeArticle(Map<String, Object> row) {
		String id = (String) row.get("id");
		this.articles.row(articleNode(id), id, row.get("url"), row.get("title"), row.get("text"),
				row.get("publishedAt"), row.get("source"), row.get("category"), row.get("contentHash"),
				row.get("provinceKey"), row.get("unresolvedCitations"), this.ingestedAt);
		this.hashes.put(id, (String) row.get("contentHash"));
	}

	/**
	 * {@code MERGE (d:Document:Entity {key}) ON CREATE SET … SET x = coalesce(d.x,
	 * row.x)}.
	 */
	private void mergeDocument(Map<String, Object> row, Counts counts) {
		String key = (String) row.get("key");
		Entity document = this.entities.get(key);
		if (document == null) {
			document = new Entity(new LinkedHashSet<>(List.of(DOCUMENT, ENTITY)), new LinkedHashMap<>());
			document.set("key", key);
			for (String name : List.of("code", "type", "number", "issuerSuffix", "level", "scope", "name", "dated")) {
				document.set(name, row.get(name));
			}
			this.entities.put(key, document);
			index(key, document);
			counts.nodesCreated++;
		}
		else if (!document.is(DOCUMENT)) {
			throw new IllegalStateException("the key " + key + " names a document and another kind of node");
		}
		for (String name : List.of("issuedOn", "year", "term", "subject")) {
			if (document.properties.get(name) == null) {
				document.set(name, row.get(name));
			}
		}
	}

	private void unindex(String key, Entity document) {
		Object type = document.properties.get("type");
		Object number = document.properties.get("number");
		if (type != null && number != null) {
			this.documentsByTypeAndNumber.getOrDefault(List.of(type, number), new ArrayList<>()).remove(key);
		}
	}

	private void index(String key, Entity document) {
		Object type = document.properties.get("type");
		Object number = document.properties.get("number");
		if (type != null && number != null) {
			this.documentsByTypeAndNumber.computeIfAbsent(List.of(type, number), k -> new ArrayList<>()).add(key);
		}
	}

	/**
	 * {@code GraphWriter.RESOLVE_CITATIONS}: the one document of that type and number in
	 * scope.
	 */
	private Map<String, String> resolveCitations(List<GraphArticle> articles) {
		Map<String, String> resolved = new HashMap<>();
		for (GraphArticle article : articles) {
			for (UnresolvedCitation c : article.unresolved()) {
				if (c.number() == null) {
					continue;
				}
				Set<String> keys = new LinkedHashSet<>();
				for (String key : this.documentsByTypeAndNumber.getOrDefault(List.of(c.type(), c.number()),
						List.of())) {
					Object scope = this.entities.get(key).properties.get("scope");
					if ("TW".equals(scope) || (scope != null && scope.equals(c.scope()))) {
						keys.add(key);
					}
				}
				if (keys.size() == 1) {
					resolved.put(c.placeholderKey(), keys.iterator().next());
				}
			}
		}
		return resolved;
	}

	/**
	 * {@code GraphWriter.MERGE_BODIES}: every body of the batch first (the statement's
	 * {@code MERGE} runs for all rows before its {@code MATCH}es read), then their
	 * relationships.
	 */
	private void mergeBodies(Collection<Map<String, Object>> rows, Counts counts) {
		for (Map<String, Object> row : rows) {
			String key = (String) row.get("key");
			Entity body = this.entities.get(key);
			if (body == null) {
				body = new Entity(new LinkedHashSet<>(List.of(PARTY_BODY, ENTITY)), new LinkedHashMap<>());
				body.set("key", key);
				body.set("name", row.get("name"));
				body.set("level", row.get("level"));
				body.set("provinceKey", row.get("provinceKey"));
				this.entities.put(key, body);
				counts.nodesCreated++;
			}
			else if (!body.is(PARTY_BODY)) {
				throw new IllegalStateException("the key " + key + " names a party body and another kind of node");
			}
		}
		for (Map<String, Object> row : rows) {
			String key = (String) row.get("key");
			String provinceKey = (String) row.get("provinceKey");
			if (provinceKey != null && isA(provinceKey, PROVINCE)) {
				mergeRelationship("OF_PROVINCE", key, provinceKey, counts);
			}
			String parentKey = (String) row.get("parentKey");
			if (parentKey != null && !parentKey.equals(key) && isA(parentKey, PARTY_BODY)) {
				mergeRelationship("PART_OF", key, parentKey, counts);
			}
		}
	}

	private boolean isA(String key, String label) {
		Entity entity = this.entities.get(key);
		return entity != null && entity.is(label);
	}

	private Map<String, Object> mergeRelationship(String type, String fromKey, String toKey, Counts counts) {
		return this.relationships.computeIfAbsent(new RelationshipKey(type, fromKey, toKey), k -> {
			counts.relationshipsCreated++;
			return new LinkedHashMap<>();
		});
	}

	/**
	 * Writes the mentions of documents and the evidence kept aside, each onto the node
	 * that stands for the key cited (an article that cited two keys of one document keeps
	 * the most specific, as {@code DocumentMerge}), and derives {@code IMPLEMENTS} and
	 * {@code ISSUED_BY} with their counts and dates from that evidence
	 * ({@code GraphWriter.MERGE_IMPLEMENTS}, which recounts agree with).
	 */
	private void writeCitations() {
		this.citations.close();
		List<RawCitations.MentionRecord> article = new ArrayList<>();
		this.citations.readMentions(record -> {
			if (!article.isEmpty() && !article.get(0).articleId().equals(record.articleId())) {
				writeMentions(article);
				article.clear();
			}
			article.add(record);
		});
		writeMentions(article);
		List<RawCitations.EvidenceRecord> evidence = new ArrayList<>();
		this.citations.readEvidence(record -> {
			if (!evidence.isEmpty() && !evidence.get(0).articleId().equals(record.articleId())) {
				writeEvidence(evidence);
				evidence.clear();
			}
			evidence.add(record);
		});
		writeEvidence(evidence);
		this.citations.delete();
	}

	private String node(String cited) {
		return this.holder.getOrDefault(cited, cited);
	}

	private void writeMentions(List<RawCitations.MentionRecord> records) {
		Map<String, RawCitations.MentionRecord> preferred = new LinkedHashMap<>();
		for (RawCitations.MentionRecord record : records) {
			preferred.merge(node(record.cited()), record, (kept,
					other) -> DocumentIdentity.PREFERRED.compare(other.cited(), kept.cited()) < 0 ? other : kept);
		}
		preferred.forEach((key, record) -> this.mentions.row(articleNode(record.articleId()), entityNode(key),
				record.surface(), record.sentence(), key.equals(record.cited()) ? null : record.cited()));
	}

	private void writeEvidence(List<RawCitations.EvidenceRecord> records) {
		Map<RelationshipKey, RawCitations.EvidenceRecord> preferred = new LinkedHashMap<>();
		Comparator<RawCitations.EvidenceRecord> order = Comparator
			.comparing(RawCitations.EvidenceRecord::citedFrom, DocumentIdentity.PREFERRED)
			.thenComparing(RawCitations.EvidenceRecord::citedTo, DocumentIdentity.PREFERRED);
		for (RawCitations.EvidenceRecord record : records) {
			preferred.merge(new RelationshipKey(record.type(), node(record.citedFrom()), node(record.citedTo())),
					record, (kept, other) -> order.compare(other, kept) < 0 ? other : kept);
		}
		preferred.forEach((key, record) -> {
			long node = this.nextNode++;
			this.evidence.row(node, key.type(), key.fromKey(), key.toKey(), record.sentence(), record.articleId(),
					key.fromKey().equals(record.citedFrom()) ? null : record.citedFrom(),
					key.toKey().equals(record.citedTo()) ? null : record.citedTo());
			this.asserts.row(articleNode(record.articleId()), node);
			if (derived(key)) {
				Map<String, Object> r = this.relationships.computeIfAbsent(key, k -> new LinkedHashMap<>());
				ChangeSet.Support support = new ChangeSet.Support((Long) r.getOrDefault("articleCount", 0L),
						(LocalDate) r.get("firstReported"), (LocalDate) r.get("lastReported"))
					.plus(ChangeSet.Support.of(record.publishedAt()));
				r.put("articleCount", support.articleCount());
				if (support.firstReported() != null) {
					r.put("firstReported", support.firstReported());
					r.put("lastReported", support.lastReported());
				}
				keep(key, record);
			}
		});
	}

	/**
	 * Adds an evidence to its relationship's kept evidence if it is among the first
	 * {@link ChangeSet#KEPT_EVIDENCE} in {@link #SHOWN} order.
	 */
	private void keep(RelationshipKey key, RawCitations.EvidenceRecord record) {
		List<RawCitations.EvidenceRecord> kept = this.keptEvidence.computeIfAbsent(key, k -> new ArrayList<>());
		int at = Collections.binarySearch(kept, record, SHOWN);
		if (at >= 0) {
			return;
		}
		int insertAt = -at - 1;
		if (insertAt >= ChangeSet.KEPT_EVIDENCE) {
			return;
		}
		kept.add(insertAt, record);
		if (kept.size() > ChangeSet.KEPT_EVIDENCE) {
			kept.remove(kept.size() - 1);
		}
		Map<String, Object> properties = this.relationships.get(key);
		properties.put("evidenceArticleIds", kept.stream().map(RawCitations.EvidenceRecord::articleId).toList());
		// Only the dated ones (undated articles come first): an empty list is no
		// property.
		properties.put("evidenceArticleDates",
				kept.stream().map(RawCitations.EvidenceRecord::publishedAt).filter(Objects::nonNull).toList());
	}

	/**
	 * Keeps on each province's {@code IMPLEMENTS} its local documents in the chains into
	 * the document ({@code localDocumentKeys}), as
	 * {@code GraphWriter.KEEP_LOCAL_DOCUMENTS} does: the documents of the province's
	 * scope (its own or a district's) from which a chain of one to four
	 * {@code IMPLEMENTS} leads to the document, by {@code issuedOn} (undated last) then
	 * key; none when there are none. The chains into each document are followed once.
	 */
	private void keepLocalDocuments() {
		Map<String, List<String>> into = new HashMap<>();
		this.relationships.keySet().forEach(key -> {
			if (IMPLEMENTS.equals(key.type()) && isDocument(key.fromKey()) && isDocument(key.toKey())) {
				into.computeIfAbsent(key.toKey(), k -> new ArrayList<>()).add(key.fromKey());
			}
		});
		Map<String, List<Entity>> chains = new HashMap<>();
		this.relationships.forEach((key, properties) -> {
			Entity province = this.entities.get(key.fromKey());
			if (!IMPLEMENTS.equals(key.type()) || province == null || !province.is(PROVINCE)
					|| !isDocument(key.toKey())) {
				return;
			}
			String prefix = key.fromKey() + ":";
			List<String> mine = chains.computeIfAbsent(key.toKey(), d -> chainsInto(d, into))
				.stream()
				.filter(v -> v.properties.get("scope") instanceof String scope
						&& (scope.equals(key.fromKey()) || scope.startsWith(prefix)))
				.map(v -> (String) v.properties.get("key"))
				.toList();
			if (mine.isEmpty()) {
				properties.remove(LOCAL_DOCUMENT_KEYS);
			}
			else {
				properties.put(LOCAL_DOCUMENT_KEYS, mine);
			}
		});
	}

	private boolean isDocument(String key) {
		Entity entity = this.entities.get(key);
		return entity != null && entity.is(DOCUMENT);
	}

	/**
	 * The documents from which a chain of one to four links leads to a document, by date
	 * (undated last) then key.
	 */
	private List<Entity> chainsInto(String document, Map<String, List<String>> into) {
		Set<String> found = new HashSet<>();
		Set<String> seen = new HashSet<>(Set.of(document));
		List<String> frontier = List.of(document);
		for (int depth = 1; depth <= 4 && !frontier.isEmpty(); depth++) {
			List<String> next = new ArrayList<>();
			for (String at : frontier) {
				for (String from : into.getOrDefault(at, List.of())) {
					found.add(from);
					if (seen.add(from)) {
						next.add(from);
					}
				}
			}
			frontier = next;
		}
		Comparator<Entity> byDate = Comparator.comparing(e -> (LocalDate) e.properties.get("issuedOn"),
				Comparator.nullsLast(Comparator.naturalOrder()));
		return found.stream()
			.map(this.entities::get)
			.sorted(byDate.thenComparing(e -> (String) e.properties.get("key")))
			.toList();
	}

	/**
	 * Writes the entities and the relationships between them, closes every file and lets
	 * go of what memory held for the rules (the importer, which runs next in the same
	 * process, needs the heap): afterwards only the counts,
	 * {@link #filesWithLineBreaks()} and {@link #deferred()} remain.
	 * @throws IllegalStateException when called twice
	 */
	void finish() {
		checkOpen();
		this.finished = true;
		writeCitations();
		keepLocalDocuments();
		close();
		Map<String, String> nodeColumns = columns(this.entities.values().stream().map(e -> e.properties).toList());
		List<String> names = List.copyOf(nodeColumns.keySet());
		List<String> header = new ArrayList<>();
		header.add(":ID(Entity)");
		header.addAll(nodeColumns.values());
		header.add(":LABEL");
		try (ImportCsv out = new ImportCsv(this.directory.resolve(ENTITIES), header)) {
			this.entities.forEach((key, entity) -> out.row(List.of(entityNode(key)), entity.properties, names,
					List.of(List.copyOf(entity.labels))));
			noteLineBreaks(out);
		}
		Map<String, String> relationshipColumns = columns(List.copyOf(this.relationships.values()));
		List<String> relationshipNames = List.copyOf(relationshipColumns.keySet());
		List<String> relationshipHeader = new ArrayList<>(List.of(":START_ID(Entity)", ":END_ID(Entity)"));
		relationshipHeader.addAll(relationshipColumns.values());
		relationshipHeader.add(":TYPE");
		try (ImportCsv out = new ImportCsv(this.directory.resolve(ENTITY_RELATIONSHIPS), relationshipHeader)) {
			this.relationships.forEach((key, properties) -> {
				if (this.entities.containsKey(key.fromKey()) && this.entities.containsKey(key.toKey())) {
					out.row(List.of(entityNode(key.fromKey()), entityNode(key.toKey())), properties, relationshipNames,
							List.of(key.type()));
				}
			});
			this.entityRelationshipsWritten = out.rows();
			noteLineBreaks(out);
		}
		List.of(this.articles, this.evidence, this.mentions, this.asserts).forEach(this::noteLineBreaks);
		this.entitiesWritten = this.entities.size();
		long nodeRows = this.articles.rows() + this.evidence.rows() + this.entitiesWritten;
		if (nodeRows != this.nextNode) {
			// The importer takes the numbers as node ids and does not look them up: a
			// number with
			// no row would be a relationship to a node that is not there.
			throw new IllegalStateException(
					"the bulk graph numbered " + this.nextNode + " nodes but wrote " + nodeRows + " node rows");
		}
		List.of(this.articleNodes, this.entityNodes, this.entities, this.documentsByTypeAndNumber, this.relationships,
				this.keptEvidence, this.hashes, this.holder, this.groups)
			.forEach(Map::clear);
		this.citedPairs.clear();
		this.citedPairsByKey.clear();
		this.support.clear();
		this.deferredIds.clear();
	}

	private void checkOpen() {
		if (this.finished) {
			throw new IllegalStateException("the bulk graph is finished: its files are written");
		}
	}

	private void noteLineBreaks(ImportCsv file) {
		if (file.hasLineBreaks()) {
			this.filesWithLineBreaks.add(file.file());
		}
	}

	/**
	 * @return the files in which a field spans lines (after {@link #finish()})
	 */
	List<Path> filesWithLineBreaks() {
		return List.copyOf(this.filesWithLineBreaks);
	}

	/** Property name → typed column, over all property maps; one type per name. */
	private static Map<String, String> columns(List<Map<String, Object>> propertyMaps) {
		Map<String, String> columns = new TreeMap<>();
		for (Map<String, Object> properties : propertyMaps) {
			properties.forEach((name, value) -> {
				if (value == null || (value instanceof Collection<?> c && c.isEmpty())) {
					return;
				}
				String column = ImportCsv.column(name, value);
				String before = columns.putIfAbsent(name, column);
				if (before != null && !before.equals(column)) {
					throw new IllegalStateException(
							"property " + name + " has two types: " + before + " and " + column);
				}
			});
		}
		return columns;
	}

	/**
	 * @return nodes in the files (after {@link #finish()})
	 */
	long nodes() {
		return this.articles.rows() + this.evidence.rows() + this.entitiesWritten;
	}

	/**
	 * @return relationships in the files (after {@link #finish()})
	 */
	long relationships() {
		return this.mentions.rows() + this.asserts.rows() + this.entityRelationshipsWritten;
	}

	/**
	 * @return the records that change an article already in the files, in input order
	 */
	List<GraphArticle> deferred() {
		return List.copyOf(this.deferred);
	}

	@Override
	public void close() {
		this.citations.close();
		this.articles.close();
		this.evidence.close();
		this.mentions.close();
		this.asserts.close();
	}

	/** A node kept in memory. */
	private record Entity(Set<String> labels, Map<String, Object> properties) {

		boolean is(String label) {
			return this.labels.contains(label);
		}

		void set(String name, @Nullable Object value) {
			if (value != null) {
				this.properties.put(name, value instanceof Integer i ? Long.valueOf(i) : value);
			}
		}

	}

	private record RelationshipKey(String type, String fromKey, String toKey) {
	}

}
