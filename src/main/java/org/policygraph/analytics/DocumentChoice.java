package org.policygraph.analytics;

import org.policygraph.graph.Document;

/**
 * A document offered by a picker, with the figures a user chooses by.
 *
 * @param document the document
 * @param implementers the implementing units over the 63 and over the 34
 * @param mentionCount the number of articles that mention it
 */
record DocumentChoice(Document document, ImplementerCounts implementers, int mentionCount) {
}
