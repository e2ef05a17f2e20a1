/**
 * The read model of the graph, shared by the read-side packages: the records the API
 * shows (articles, documents, party bodies, provinces, evidence), each mapped from the
 * driver's values in one place, look-ups by identity, the provincial unit sets, and the
 * full-text query text.
 */
@NullMarked
package org.policygraph.graph;

import org.jspecify.annotations.NullMarked;
