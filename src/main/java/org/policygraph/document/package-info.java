/**
 * Party documents: lookups by identity key or code, the document list, and the document fields of
 * other types (what an article cites, what a document implements).
 */
@NullMarked
package org.policygraph.document;

import org.jspecify.annotations.NullMarked;
