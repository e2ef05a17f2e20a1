package org.policygraph.analytics;

import org.policygraph.graph.Document;

/**
 * A document in the ranking of the most mentioned.
 *
 * @param rank the position, from 1
 * @param document the document
 * @param mentionCount the number of articles in the period that mention it
 * @param implementingProvinceCount the number of provincial units that implement it (any
 * period)
 */
record DocumentRank(int rank, Document document, int mentionCount, int implementingProvinceCount) {
}
