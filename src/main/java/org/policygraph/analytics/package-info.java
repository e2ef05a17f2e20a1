/**
 * Dashboard aggregates, each one Cypher statement: how far a document's implementation
 * has spread over the provinces, counts by province, document type and year, mentions per
 * month, and the most mentioned documents.
 */
@NullMarked
package org.policygraph.analytics;

import org.jspecify.annotations.NullMarked;
