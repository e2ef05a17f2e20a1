package org.policygraph.extraction;

/**
 * A relation stated in an article.
 *
 * @param type the relation
 * @param from the source node
 * @param to the target node
 * @param sentence the sentence that states it
 */
public record Relation(RelationType type, NodeRef from, NodeRef to, String sentence) {
}
