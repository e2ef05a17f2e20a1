/**
 * Articles: the read model, its Cypher queries and its GraphQL controller.
 */
@NullMarked
package org.policygraph.article;

import org.jspecify.annotations.NullMarked;
