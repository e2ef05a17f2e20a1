/**
 * Downloads for researchers under {@code /export/}: the coverage matrix and the evidence
 * behind an implementation as CSV, the neighbourhood of any node as GraphML and JSON.
 * Rows are written as the database returns them.
 */
@NullMarked
package org.policygraph.export;

import org.jspecify.annotations.NullMarked;
