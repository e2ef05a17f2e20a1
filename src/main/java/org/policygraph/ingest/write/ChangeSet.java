package org.policygraph.ingest.write;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.policygraph.extraction.NodeKind;
import org.policygraph.extraction.RelationType;
import org.policygraph.ingest.write.GraphArticle.Mention;
import org.policygraph.ingest.write.GraphArticle.RelationEdge;
import org.policygraph.ingest.write.GraphArticle.UnresolvedCitation;

/**
 * What a batch of articles contributes to the graph, in plain Java: the write rules
 * stated once, for both writers. {@link GraphWriter} renders it as the
 * {@code UNWIND $rows} parameters of its statements, the bulk load as rows of the
 * importer's CSV files.
 * <p>
 * Given the batch, the short citations that resolved to one document and which node
 * stands for each document key ({@link DocumentMerge.Identity}): each article's row with
 * the citations that stayed unresolved; the bodies (first row of each key); the mentions
 * (a resolved short citation, then what the article names, each on the node that stands
 * for the key, one per article and node, the most specific cited key kept); the evidence
 * (one per article and relation, likewise); and per relationship the {@link Support} of
 * the batch's new articles. How supports fold together is {@link Support#plus}.
 *
 * @param articleRows one per article ({@link Rows#article})
 * @param bodyRows one per body key ({@link Rows#body})
 * @param mentionRows one per article and node ({@link Rows#mention})
 * @param evidenceRows one per article and relation ({@link Rows#evidence})
 * @param increments per relationship type and pair of nodes: the new articles supporting
 * it
 * @param recounted per relationship type: the pairs a changed article supports, whose
 * counts are recomputed from their evidence instead
 */
public record ChangeSet(List<Map<String, Object>> articleRows, List<Map<String, Object>> bodyRows,
		List<Map<String, Object>> mentionRows, List<Map<String, Object>> evidenceRows,
		Map<RelationType, Map<List<String>, Increment>> increments, Map<RelationType, Set<List<String>>> recounted) {

	/**
	 * @param articles the batch's articles, one per id
	 * @return their document rows ({@link Rows#document}), the first of each key, to be
	 * placed by {@link DocumentIdentity} before the rest of the batch is computed
	 */
	public static List<Map<String, Object>> documentRows(List<GraphArticle> articles) {
		Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
		articles.forEach(a -> a.documents().forEach(d -> rows.putIfAbsent(d.key(), Rows.document(d))));
		return List.copyOf(rows.values());
	}

	/**
	 * @param articles the batch's articles to write, one per id
	 * @param resolved each resolved short citation's placeholder key → the document's key
	 * @param identity which node stands for each document key
	 * @param changedIds the articles that replace a version already written (their
	 * relations are recounted, not added)
	 * @return what the batch contributes
	 */
	public static ChangeSet of(List<GraphArticle> articles, Map<String, String> resolved,
			DocumentMerge.Identity identity, Set<String> changedIds) {
		List<Map<String, Object>> articleRows = new ArrayList<>(articles.size());
		Map<String, Map<String, Object>> bodyRows = new LinkedHashMap<>();
		List<Map<String, Object>> mentionRows = new ArrayList<>();
		List<Map<String, Object>> evidenceRows = new ArrayList<>();
		Map<RelationType, Map<List<String>, Increment>> increments = Map.of(RelationType.IMPLEMENTS, new HashMap<>(),
				RelationType.ISSUED_BY, new HashMap<>());
		Map<RelationType, Set<List<String>>> recounted = Map.of(RelationType.IMPLEMENTS, new HashSet<>(),
				RelationType.ISSUED_BY, new HashSet<>());
		for (GraphArticle article : articles) {
			String articleId = article.article().id();
			List<String> unresolvedSurfaces = new ArrayList<>();
			for (UnresolvedCitation citation : article.unresolved()) {
				String key = resolved.get(citation.placeholderKey());
				if (key == null) {
					unresolvedSurfaces.add(citation.surface());
				}
				else {
					mentionRows.add(Rows.mention(articleId,
							new Mention(NodeKind.DOCUMENT, key, citation.surface(), citation.sentence())));
				}
			}
			articleRows.add(Rows.article(article.article(), unresolvedSurfaces));
			article.bodies().forEach(b -> bodyRows.putIfAbsent(b.key(), Rows.body(b)));
			for (Mention m : article.mentions()) {
				String key = node(m.key(), resolved, identity);
				mentionRows.add(Rows.mention(articleId, new Mention(m.kind(), key, m.surface(), m.sentence()),
						cited(m.key(), key, resolved)));
			}
			for (RelationEdge relation : article.relations()) {
				String fromKey = node(relation.fromKey(), resolved, identity);
				String toKey = node(relation.toKey(), resolved, identity);
				evidenceRows.add(Rows.evidence(articleId,
						new RelationEdge(relation.type(), relation.fromKind(), fromKey, relation.toKind(), toKey,
								relation.sentence()),
						cited(relation.fromKey(), fromKey, resolved), cited(relation.toKey(), toKey, resolved)));
				List<String> pair = List.of(fromKey, toKey);
				Increment increment = increments.get(relation.type()).computeIfAbsent(pair, p -> new Increment());
				if (changedIds.contains(articleId)) {
					recounted.get(relation.type()).add(pair);
				}
				else {
					increment.add(articleId, article.article().publishedAt());
				}
			}
		}
		return new ChangeSet(articleRows, List.copyOf(bodyRows.values()),
				Rows.preferred(mentionRows, Rows.MENTION_IDENTITY),
				Rows.preferred(evidenceRows, Rows.EVIDENCE_IDENTITY), increments, recounted);
	}

	/**
	 * The node a key of the article stands for: a resolved short name, else its
	 * document's node.
	 */
	static String node(String key, Map<String, String> resolved, DocumentMerge.Identity identity) {
		String shortName = resolved.get(key);
		return (shortName != null) ? shortName : identity.node(key);
	}

	/**
	 * The key an article cited, when its node has another key (a resolved short name has
	 * none).
	 */
	static @Nullable String cited(String key, String node, Map<String, String> resolved) {
		return (key.equals(node) || resolved.containsKey(key)) ? null : key;
	}

	/**
	 * Whether a relationship of a type is derived between two nodes when evidence
	 * supports it: an {@code IMPLEMENTS} ends at a document, an {@code ISSUED_BY} goes
	 * from a document to a party body, and neither joins a node to itself.
	 * ({@code GraphWriter}'s statements match the same labels.)
	 * @param type the evidence's type
	 * @param fromKey the start's key
	 * @param fromLabels the start's labels
	 * @param toKey the end's key
	 * @param toLabels the end's labels
	 * @return whether the relationship exists
	 */
	public static boolean derives(String type, String fromKey, Collection<String> fromLabels, String toKey,
			Collection<String> toLabels) {
		if (fromKey.equals(toKey)) {
			return false;
		}
		return RelationType.IMPLEMENTS.name().equals(type) ? toLabels.contains("Document")
				: fromLabels.contains("Document") && toLabels.contains("PartyBody");
	}

	/**
	 * The support of a relationship: how many articles state it, the first and the last
	 * date they were published. Supports fold by {@link #plus}: counts add, the dates
	 * widen.
	 *
	 * @param articleCount articles
	 * @param firstReported the earliest publication date, or null when none is known
	 * @param lastReported the latest, or null
	 */
	public record Support(long articleCount, @Nullable LocalDate firstReported, @Nullable LocalDate lastReported) {

		/** No support. */
		public static final Support NONE = new Support(0, null, null);

		/**
		 * @param publishedAt the article's date, or null
		 * @return the support of one article
		 */
		public static Support of(@Nullable LocalDate publishedAt) {
			return new Support(1, publishedAt, publishedAt);
		}

		/**
		 * @param other another support of the same relationship (other articles)
		 * @return both together
		 */
		public Support plus(Support other) {
			return new Support(this.articleCount + other.articleCount, min(this.firstReported, other.firstReported),
					max(this.lastReported, other.lastReported));
		}

		private static @Nullable LocalDate min(@Nullable LocalDate a, @Nullable LocalDate b) {
			return (a == null) ? b : (b == null || !b.isBefore(a)) ? a : b;
		}

		private static @Nullable LocalDate max(@Nullable LocalDate a, @Nullable LocalDate b) {
			return (a == null) ? b : (b == null || !b.isAfter(a)) ? a : b;
		}

	}

	/**
	 * How many evidence items each {@code IMPLEMENTS} and {@code ISSUED_BY} relationship
	 * keeps, as the ids of their articles in {@code evidenceArticleIds}, in the order the
	 * reads show evidence ({@code ORDER BY a.publishedAt DESC, a.id}: undated articles
	 * first, as Cypher sorts nulls): the API's default evidence page; and the dates of
	 * the dated ones among them, in the same order, in {@code evidenceArticleDates}
	 * (absent when none is dated), so that a read can pick the first few of several
	 * relationships without reading their articles. The statements of {@link GraphWriter}
	 * and {@link DocumentMerge} and the migration that backfilled them keep the same
	 * number (a literal {@code 10} in their Cypher).
	 */
	public static final int KEPT_EVIDENCE = 10;

	/** The new articles of a batch supporting one relationship, each counted once. */
	public static final class Increment {

		private final Set<String> articleIds = new HashSet<>();

		private Support support = Support.NONE;

		void add(String articleId, @Nullable LocalDate publishedAt) {
			if (this.articleIds.add(articleId)) {
				this.support = this.support.plus(Support.of(publishedAt));
			}
		}

		/**
		 * @return the support of the articles added
		 */
		public Support support() {
			return this.support;
		}

		/**
		 * One row per relationship ({@code fromKey}, {@code toKey}, {@code n},
		 * {@code first}, {@code last}, and the new articles' ids {@code articleIds}, from
		 * which the relationship's {@link #KEPT_EVIDENCE kept evidence} is updated); a
		 * relationship to be recounted gets nothing added here.
		 */
		static List<Map<String, Object>> rows(Map<List<String>, Increment> increments, Set<List<String>> recounted) {
			List<Map<String, Object>> rows = new ArrayList<>(increments.size());
			increments.forEach((pair, increment) -> {
				Support support = recounted.contains(pair) ? Support.NONE : increment.support;
				Map<String, Object> row = new HashMap<>();
				row.put("articleIds", recounted.contains(pair) ? List.of() : List.copyOf(increment.articleIds));
				row.put("fromKey", pair.get(0));
				row.put("toKey", pair.get(1));
				row.put("n", support.articleCount());
				row.put("first", support.firstReported());
				row.put("last", support.lastReported());
				rows.add(row);
			});
			return rows;
		}

	}

}
