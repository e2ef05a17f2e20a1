/**
 * Implementations: a province carrying out a document, through its own local documents,
 * with first report, article count and the evidence sentences; the IMPLEMENTS chains
 * between documents (implementations downwards, lineage upwards).
 */
@NullMarked
package org.policygraph.implementation;

import org.jspecify.annotations.NullMarked;
