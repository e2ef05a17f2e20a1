/**
 * The graph's known weak spots, for researchers and operators: documents kept apart
 * because a citation fits more than one document, undated documents, citation keys merged
 * into a dated document, and short names no document was found for.
 */
@NullMarked
package org.policygraph.quality;

import org.jspecify.annotations.NullMarked;
