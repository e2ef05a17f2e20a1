package org.policygraph.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
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
import org.policygraph.ingest.GraphArticle.Mention;
import org.policygraph.ingest.GraphArticle.RelationEdge;
import org.policygraph.ingest.GraphArticle.RelationType;
import org.policygraph.ingest.GraphArticle.UnresolvedCitation;
import org.policygraph.ingest.GraphWriter.BatchResult;
import org.policygraph.ingest.GraphWriter.Counts;
import org.policygraph.ingest.GraphWriter.Increment;
import org.policygraph.ingest.GraphWriter.Outcome;

/**
 * The graph of a bulk load, built batch by batch with the rules of {@link GraphWriter} and
 * written as CSV files for Neo4j's bulk importer. Articles, evidence and their relationships go
 * to the files as they come (memory holds only their ids and hashes); provinces, bodies,
 * documents and the relationships between them stay in memory, as the rules read them (a
 * citation resolves to the one document that fits), and are written by {@link #finish()}.
 * <p>
 * A record whose article was already loaded with other content cannot replace it in the files:
 * it is kept in {@link #deferred()}, in order, for the transactional writer to apply after the
 * import.
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

	private static final String ENTITY = "Entity";

	private final Path directory;

	private final ZonedDateTime ingestedAt;

	private final ImportCsv articles;

	private final ImportCsv evidence;

	private final ImportCsv mentions;

	private final ImportCsv asserts;

	private final List<Path> filesWithLineBreaks = new ArrayList<>();

	private final Map<String, Long> articleNodes = new HashMap<>();

	private final Map<String, Long> entityNodes = new HashMap<>();

	private long nextNode;

	private final Map<String, Entity> entities = new LinkedHashMap<>();

	private final Map<List<Object>, List<String>> documentsByTypeAndNumber = new HashMap<>();

	private final Map<List<Object>, List<String>> documentsByCodeAndScope = new HashMap<>();

	private final Map<RelationshipKey, Map<String, Object>> relationships = new LinkedHashMap<>();

	private final Map<String, String> hashes = new HashMap<>();

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
		this.evidence = new ImportCsv(directory.resolve(EVIDENCE),
				List.of(":ID(Evidence)", "type", "fromKey", "toKey", "sentence", "articleId"));
		this.mentions = new ImportCsv(directory.resolve(MENTIONS),
				List.of(":START_ID(Article)", ":END_ID(Entity)", "surface", "sentence"));
		this.asserts = new ImportCsv(directory.resolve(ASSERTS), List.of(":START_ID(Article)", ":END_ID(Evidence)"));
	}

	/**
	 * Adds a node that is already in the database (reference data), to be written with the rest.
	 * @param labels its labels, including {@code Entity}
	 * @param properties its properties, including {@code key}
	 */
	void addExisting(Collection<String> labels, Map<String, Object> properties) {
		Entity entity = new Entity(new LinkedHashSet<>(labels), new LinkedHashMap<>(properties));
		String key = (String) Objects.requireNonNull(properties.get("key"), "an entity without key");
		this.entities.put(key, entity);
		if (entity.is(DOCUMENT)) {
			index(key, entity);
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

	/** The statements of {@link GraphWriter#write} for new articles, in the same order. */
	private void writeNew(List<GraphArticle> toWrite, Counts counts) {
		Map<String, Map<String, Object>> documentRows = new LinkedHashMap<>();
		toWrite.forEach(a -> a.documents().forEach(d -> documentRows.putIfAbsent(d.key(), Rows.document(d))));
		List<Map<String, Object>> dated = new ArrayList<>();
		List<Map<String, Object>> undated = new ArrayList<>();
		for (Map<String, Object> row : documentRows.values()) {
			(Boolean.TRUE.equals(row.get("dated")) ? dated : undated).add(row);
		}
		dated.forEach(row -> mergeDocument(row, counts));
		Map<String, String> resolved = resolveCitations(toWrite);
		resolved.putAll(resolveUndated(undated));
		undated.stream().filter(row -> !resolved.containsKey((String) row.get("key")))
			.forEach(row -> mergeDocument(row, counts));

		Map<String, Map<String, Object>> bodyRows = new LinkedHashMap<>();
		List<Map<String, Object>> mentionRows = new ArrayList<>();
		List<Map<String, Object>> evidenceRows = new ArrayList<>();
		Map<List<String>, Increment> incrementImplements = new LinkedHashMap<>();
		Map<List<String>, Increment> incrementIssuedBy = new LinkedHashMap<>();
		for (GraphArticle article : toWrite) {
			String articleId = article.article().id();
			List<String> unresolvedSurfaces = new ArrayList<>();
			for (UnresolvedCitation citation : article.unresolved()) {
				String key = resolved.get(citation.placeholderKey());
				if (key == null) {
					unresolvedSurfaces.add(citation.surface());
				}
				else {
					mentionRows.add(Rows.mention(articleId,
							new Mention(GraphArticle.NodeKind.DOCUMENT, key, citation.surface(), citation.sentence())));
				}
			}
			writeArticle(article, unresolvedSurfaces);
			counts.nodesCreated++;
			article.bodies().forEach(b -> bodyRows.putIfAbsent(b.key(), Rows.body(b)));
			for (Mention m : article.mentions()) {
				String key = resolved.getOrDefault(m.key(), m.key());
				mentionRows.add(Rows.mention(articleId, new Mention(m.kind(), key, m.surface(), m.sentence())));
			}
			for (RelationEdge relation : article.relations()) {
				String fromKey = resolved.getOrDefault(relation.fromKey(), relation.fromKey());
				String toKey = resolved.getOrDefault(relation.toKey(), relation.toKey());
				evidenceRows.add(Rows.evidence(articleId, new RelationEdge(relation.type(), relation.fromKind(), fromKey,
						relation.toKind(), toKey, relation.sentence())));
				(relation.type() == RelationType.IMPLEMENTS ? incrementImplements : incrementIssuedBy)
					.computeIfAbsent(List.of(fromKey, toKey), p -> new Increment())
					.add(articleId, article.article().publishedAt());
			}
		}
		mergeBodies(bodyRows.values(), counts);
		for (Map<String, Object> row : Rows.distinct(mentionRows, "articleId", "key")) {
			if (this.entities.containsKey((String) row.get("key"))) {
				this.mentions.row(articleNode((String) row.get("articleId")), entityNode((String) row.get("key")),
						row.get("surface"), row.get("sentence"));
				counts.relationshipsCreated++;
			}
		}
		incrementImplements.forEach((pair, increment) -> {
			Entity from = this.entities.get(pair.get(0));
			Entity to = this.entities.get(pair.get(1));
			if (from != null && to != null && to.is(DOCUMENT) && !pair.get(0).equals(pair.get(1))) {
				addSupport("IMPLEMENTS", pair, increment, counts);
			}
		});
		incrementIssuedBy.forEach((pair, increment) -> {
			Entity from = this.entities.get(pair.get(0));
			Entity to = this.entities.get(pair.get(1));
			if (from != null && to != null && from.is(DOCUMENT) && to.is(PARTY_BODY)) {
				addSupport("ISSUED_BY", pair, increment, counts);
			}
		});
		for (Map<String, Object> row : Rows.distinct(evidenceRows, Rows.EVIDENCE_IDENTITY)) {
			if (this.entities.containsKey((String) row.get("fromKey")) && this.entities.containsKey((String) row.get("toKey"))) {
				long node = this.nextNode++;
				this.evidence.row(node, row.get("type"), row.get("fromKey"), row.get("toKey"),
						row.get("sentence"), row.get("articleId"));
				this.asserts.row(articleNode((String) row.get("articleId")), node);
				counts.nodesCreated++;
				counts.relationshipsCreated++;
			}
		}
	}

	/*
	 * The files identify nodes by numbers, one sequence over every file from 0, which the importer
	 * takes as the store's node ids (--id-type=actual): it need neither encode, sort and search
	 * 680,000 strings nor map numbers to connect relationships. The articles' ids and the
	 * entities' keys are stored as their id and key properties.
	 */

	private long articleNode(String id) {
		return this.articleNodes.computeIfAbsent(id, k -> this.nextNode++);
	}

	private long entityNode(String key) {
		return this.entityNodes.computeIfAbsent(key, k -> this.nextNode++);
	}

	private void writeArticle(GraphArticle article, List<String> unresolvedSurfaces) {
		GraphArticle.ArticleNode a = article.article();
		this.articles.row(articleNode(a.id()), a.id(), a.url(), a.title(), a.text(), a.publishedAt(), a.source(), a.category(),
				a.contentHash(), a.provinceKey(), unresolvedSurfaces.isEmpty() ? null : unresolvedSurfaces,
				this.ingestedAt);
		this.hashes.put(a.id(), a.contentHash());
	}

	/** {@code MERGE (d:Document:Entity {key}) ON CREATE SET … SET x = coalesce(d.x, row.x)}. */
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

	private void index(String key, Entity document) {
		Object type = document.properties.get("type");
		Object number = document.properties.get("number");
		if (type != null && number != null) {
			this.documentsByTypeAndNumber.computeIfAbsent(List.of(type, number), k -> new ArrayList<>()).add(key);
		}
		Object code = document.properties.get("code");
		Object scope = document.properties.get("scope");
		if (code != null && scope != null) {
			this.documentsByCodeAndScope.computeIfAbsent(List.of(code, scope), k -> new ArrayList<>()).add(key);
		}
	}

	/** {@code GraphWriter.RESOLVE_CITATIONS}: the one document of that type and number in scope. */
	private Map<String, String> resolveCitations(List<GraphArticle> articles) {
		Map<String, String> resolved = new HashMap<>();
		for (GraphArticle article : articles) {
			for (UnresolvedCitation c : article.unresolved()) {
				if (c.number() == null) {
					continue;
				}
				Set<String> keys = new LinkedHashSet<>();
				for (String key : this.documentsByTypeAndNumber.getOrDefault(List.of(c.type(), c.number()), List.of())) {
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

	/** {@code GraphWriter.RESOLVE_UNDATED}: the one dated document with that code that fits the term. */
	private Map<String, String> resolveUndated(List<Map<String, Object>> undated) {
		Map<String, String> resolved = new HashMap<>();
		for (Map<String, Object> w : undated) {
			Object code = w.get("code");
			Object scope = w.get("scope");
			if (code == null || scope == null) {
				continue;
			}
			String term = (String) w.get("term");
			Set<String> keys = new LinkedHashSet<>();
			for (String key : this.documentsByCodeAndScope.getOrDefault(List.of(code, scope), List.of())) {
				Map<String, Object> d = this.entities.get(key).properties;
				if (Boolean.TRUE.equals(d.get("dated")) && fitsTerm(term, d)) {
					keys.add(key);
				}
			}
			if (keys.size() == 1) {
				resolved.put((String) w.get("key"), keys.iterator().next());
			}
		}
		return resolved;
	}

	private static boolean fitsTerm(@Nullable String term, Map<String, Object> document) {
		if (term == null || term.equals(document.get("term"))) {
			return true;
		}
		List<Integer> years = Terms.YEARS.get(term);
		Object year = document.get("year");
		return document.get("term") == null && years != null && year instanceof Number number
				&& number.longValue() >= years.get(0) && number.longValue() <= years.get(1);
	}

	/**
	 * {@code GraphWriter.MERGE_BODIES}: every body of the batch first (the statement's
	 * {@code MERGE} runs for all rows before its {@code MATCH}es read), then their relationships.
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

	/** {@code GraphWriter.MERGE_IMPLEMENTS} and {@code MERGE_ISSUED_BY}: counts and dates grow. */
	private void addSupport(String type, List<String> pair, Increment increment, Counts counts) {
		Map<String, Object> r = mergeRelationship(type, pair.get(0), pair.get(1), counts);
		r.merge("articleCount", (long) increment.articleIds.size(), (a, b) -> (Long) a + (Long) b);
		if (increment.first != null) {
			r.merge("firstReported", increment.first,
					(a, b) -> ((LocalDate) b).isBefore((LocalDate) a) ? b : a);
		}
		if (increment.last != null) {
			r.merge("lastReported", increment.last, (a, b) -> ((LocalDate) b).isAfter((LocalDate) a) ? b : a);
		}
	}

	/**
	 * Writes the entities and the relationships between them, closes every file and lets go of
	 * what memory held for the rules (the importer, which runs next in the same process, needs
	 * the heap): afterwards only the counts, {@link #filesWithLineBreaks()} and {@link #deferred()}
	 * remain.
	 * @throws IllegalStateException when called twice
	 */
	void finish() {
		checkOpen();
		this.finished = true;
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
			// The importer takes the numbers as node ids and does not look them up: a number with
			// no row would be a relationship to a node that is not there.
			throw new IllegalStateException(
					"the bulk graph numbered " + this.nextNode + " nodes but wrote " + nodeRows + " node rows");
		}
		List.of(this.articleNodes, this.entityNodes, this.entities, this.documentsByTypeAndNumber,
				this.documentsByCodeAndScope, this.relationships, this.hashes).forEach(Map::clear);
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
					throw new IllegalStateException("property " + name + " has two types: " + before + " and " + column);
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
