package org.policygraph.implementation;

import org.jspecify.annotations.Nullable;
import org.policygraph.article.Article;

/**
 * A sentence of an article that supports a relation.
 *
 * @param articleId the article
 * @param sentence the sentence
 * @param relation {@code IMPLEMENTS} or {@code ISSUED_BY}
 * @param fromKey the relation's start
 * @param toKey the relation's end
 * @param article the article, when the statement that found the evidence read it too (then
 * {@code Evidence.article} needs no statement of its own)
 */
public record Evidence(String articleId, String sentence, String relation, String fromKey, String toKey,
		@Nullable Article article) {
}
