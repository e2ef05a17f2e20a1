/**
 * Generic traversals for graph views: the neighbourhood of any node and the shortest path
 * between two nodes, returned as nodes and edges.
 */
@NullMarked
package org.policygraph.traversal;

import org.jspecify.annotations.NullMarked;
