package org.policygraph.implementation;

/**
 * A sentence of an article that supports a relation.
 *
 * @param articleId the article
 * @param sentence the sentence
 * @param relation {@code IMPLEMENTS} or {@code ISSUED_BY}
 * @param fromKey the relation's start
 * @param toKey the relation's end
 */
public record Evidence(String articleId, String sentence, String relation, String fromKey, String toKey) {
}
