/**
 * Party bodies: lookups by key or name (abbreviations accepted), the hierarchy and a
 * body's province.
 */
@NullMarked
package org.policygraph.body;

import org.jspecify.annotations.NullMarked;
