/**
 * Party bodies: lookups by key or name (abbreviations accepted), the hierarchy, and the body
 * fields of other types (who issued a document, which bodies an article names).
 */
@NullMarked
package org.policygraph.body;

import org.jspecify.annotations.NullMarked;
