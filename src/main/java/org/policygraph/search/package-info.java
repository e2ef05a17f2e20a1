/**
 * Full-text search over articles, documents, provinces and party bodies: the user's words
 * made into a safe query for the {@code search_text} index, ranked hits with highlighted
 * snippets.
 */
@NullMarked
package org.policygraph.search;

import org.jspecify.annotations.NullMarked;
