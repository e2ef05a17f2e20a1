package org.policygraph.ingest.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.policygraph.ingest.write.GraphArticle.ArticleNode;
import org.policygraph.ingest.write.GraphArticle.BodyNode;
import org.policygraph.ingest.write.GraphArticle.DocumentNode;
import org.policygraph.ingest.write.GraphArticle.Mention;
import org.policygraph.ingest.write.GraphArticle.RelationEdge;
import org.policygraph.ingest.write.GraphArticle.UnresolvedCitation;

/**
 * Turns the writer's records into the parameter maps of {@code UNWIND $rows} statements
 * (a map may hold nulls, which the driver sends as Cypher {@code null}).
 */
final class Rows {

	/**
	 * What identifies an evidence row: an article supports a relation once. Nothing in
	 * the graph looks an Evidence node up by an id of its own (it is reached from its
	 * article or by its relation's index), so it has none (V0004).
	 */
	static final String[] EVIDENCE_IDENTITY = { "articleId", "type", "fromKey", "toKey" };

	/** An article mentions an entity once. */
	static final String[] MENTION_IDENTITY = { "articleId", "key" };

	private Rows() {
	}

	static Map<String, Object> article(ArticleNode a, List<String> unresolvedCitations) {
		Map<String, Object> row = new HashMap<>();
		row.put("id", a.id());
		row.put("url", a.url());
		row.put("title", a.title());
		row.put("text", a.text());
		row.put("publishedAt", a.publishedAt());
		row.put("source", a.source());
		row.put("category", a.category());
		row.put("contentHash", a.contentHash());
		row.put("provinceKey", a.provinceKey());
		row.put("unresolvedCitations", unresolvedCitations.isEmpty() ? null : unresolvedCitations);
		return row;
	}

	static Map<String, Object> body(BodyNode b) {
		Map<String, Object> row = new HashMap<>();
		row.put("key", b.key());
		row.put("name", b.name());
		row.put("level", b.level());
		row.put("provinceKey", b.provinceKey());
		row.put("parentKey", b.parentKey());
		return row;
	}

	static Map<String, Object> document(DocumentNode d) {
		Map<String, Object> row = new HashMap<>();
		row.put("key", d.key());
		row.put("code", d.code());
		row.put("type", d.type());
		row.put("number", d.number());
		row.put("issuerSuffix", d.issuerSuffix());
		row.put("level", d.level());
		row.put("scope", d.scope());
		row.put("issuedOn", d.issuedOn());
		row.put("year", d.year());
		row.put("term", d.term());
		row.put("subject", d.subject());
		row.put("name", d.name());
		row.put("dated", d.issuedOn() != null || d.year() != null);
		return row;
	}

	static Map<String, Object> mention(String articleId, Mention m) {
		return mention(articleId, m, null);
	}

	/**
	 * @param citedKey the key the article cited when the mentioned node has another, else
	 * null
	 */
	static Map<String, Object> mention(String articleId, Mention m, @Nullable String citedKey) {
		Map<String, Object> row = new HashMap<>();
		row.put("citedKey", citedKey);
		row.put("articleId", articleId);
		row.put("key", m.key());
		row.put("surface", m.surface());
		row.put("sentence", m.sentence());
		return row;
	}

	static Map<String, Object> evidence(String articleId, RelationEdge r) {
		return evidence(articleId, r, null, null);
	}

	/**
	 * @param citedFromKey the key the article cited for the start when its node has
	 * another
	 * @param citedToKey the same for the end
	 */
	static Map<String, Object> evidence(String articleId, RelationEdge r, @Nullable String citedFromKey,
			@Nullable String citedToKey) {
		Map<String, Object> row = new HashMap<>();
		row.put("citedFromKey", citedFromKey);
		row.put("citedToKey", citedToKey);
		row.put("articleId", articleId);
		row.put("type", r.type().name());
		row.put("fromKey", r.fromKey());
		row.put("toKey", r.toKey());
		row.put("sentence", r.sentence());
		return row;
	}

	static Map<String, Object> citation(UnresolvedCitation c) {
		Map<String, Object> row = new HashMap<>();
		row.put("placeholderKey", c.placeholderKey());
		row.put("type", c.type());
		row.put("number", c.number());
		row.put("scope", c.scope());
		return row;
	}

	static List<Map<String, Object>> pairs(Set<List<String>> pairs) {
		List<Map<String, Object>> rows = new ArrayList<>(pairs.size());
		for (List<String> pair : pairs) {
			rows.add(Map.of("fromKey", pair.get(0), "toKey", pair.get(1)));
		}
		return rows;
	}

	/**
	 * @param rows rows in order
	 * @param keys the columns that identify a row
	 * @return the rows with, for each identity, the one whose cited keys are preferred,
	 * at the place of the first
	 */
	static List<Map<String, Object>> preferred(List<Map<String, Object>> rows, String... keys) {
		Map<List<Object>, Map<String, Object>> unique = new java.util.LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			List<Object> id = new ArrayList<>(keys.length);
			for (String key : keys) {
				id.add(row.get(key));
			}
			unique.merge(id, row, (kept, other) -> (CITED.compare(other, kept) < 0) ? other : kept);
		}
		return new ArrayList<>(unique.values());
	}

	/**
	 * Orders rows that become one (an article citing two keys now of one document): the
	 * most specific cited key first ({@link DocumentIdentity#PREFERRED}), as
	 * {@link DocumentMerge} does.
	 */
	static final Comparator<Map<String, Object>> CITED = Comparator
		.comparing((Map<String, Object> row) -> cited(row, "citedKey", "key"), DocumentIdentity.PREFERRED)
		.thenComparing(row -> cited(row, "citedFromKey", "fromKey"), DocumentIdentity.PREFERRED)
		.thenComparing(row -> cited(row, "citedToKey", "toKey"), DocumentIdentity.PREFERRED);

	private static String cited(Map<String, Object> row, String cited, String key) {
		Object value = row.get(cited);
		if (value == null) {
			value = row.get(key);
		}
		return (value != null) ? (String) value : "";
	}

	/**
	 * @param rows rows in order
	 * @param keys the columns that identify a row
	 * @return the rows with the first of each identity kept
	 */
	static List<Map<String, Object>> distinct(List<Map<String, Object>> rows, String... keys) {
		Map<List<Object>, Map<String, Object>> unique = new java.util.LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			List<Object> id = new ArrayList<>(keys.length);
			for (String key : keys) {
				id.add(row.get(key));
			}
			unique.putIfAbsent(id, row);
		}
		return new ArrayList<>(unique.values());
	}

}
