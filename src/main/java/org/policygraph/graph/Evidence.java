package org.policygraph.graph;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * A sentence of an article that supports a relation.
 *
 * @param articleId the article
 * @param sentence the sentence
 * @param relation {@code IMPLEMENTS} or {@code ISSUED_BY}
 * @param fromKey the relation's start
 * @param toKey the relation's end
 * @param article the article, when the statement that found the evidence read it too
 * (then {@code Evidence.article} needs no statement of its own)
 */
public record Evidence(String articleId, String sentence, String relation, String fromKey, String toKey,
		@Nullable Article article) {

	/**
	 * Maps an evidence map as the statements build it ({@code articleId},
	 * {@code sentence}, {@code relation}, {@code fromKey}, {@code toKey}, and
	 * {@code article} when read).
	 * @param v the map as the driver returns it
	 * @return the read model
	 */
	/**
	 * The hash of what identifies an evidence item (its article and relation), not of its
	 * sentence and article: evidence items are a batch loader's map keys, one per row of
	 * a large answer.
	 * @return the hash of the article id, relation and keys
	 */
	@Override
	public int hashCode() {
		return ((31 * this.articleId.hashCode() + this.relation.hashCode()) * 31 + this.fromKey.hashCode()) * 31
				+ this.toKey.hashCode();
	}

	public static Evidence of(Value v) {
		Value article = v.get("article");
		return new Evidence(v.get("articleId").asString(), v.get("sentence").asString(""), v.get("relation").asString(),
				v.get("fromKey").asString(), v.get("toKey").asString(), article.isNull() ? null : Article.of(article));
	}

}
