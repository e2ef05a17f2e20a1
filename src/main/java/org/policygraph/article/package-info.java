/**
 * Articles: the article list and lookups, and the fields {@code article.graphqls}
 * declares on an article (its provinces, party bodies and documents); the
 * {@code articleIngested} subscription.
 */
@NullMarked
package org.policygraph.article;

import org.jspecify.annotations.NullMarked;
