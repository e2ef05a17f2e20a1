package org.policygraph.analytics;

/**
 * How many provincial units implement a document, counted over each set of units, as
 * {@code coverage} counts them.
 *
 * @param pre2025 the implementing units among the 63 that existed until 30-6-2025
 * @param post2025 the implementing units among the 34 since 1-7-2025, a merged unit
 * counting when it or a unit merged into it implements
 */
record ImplementerCounts(int pre2025, int post2025) {
}
