/**
 * The {@code ingest} command line: arguments, a progress display on the terminal and the
 * summary printed at the end.
 */
@NullMarked
package org.policygraph.ingest.cli;

import org.jspecify.annotations.NullMarked;
