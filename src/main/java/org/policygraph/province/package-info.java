/**
 * Provinces: the 63 pre-2025 units and the 34 from 1-7-2025 with the merger between them;
 * lookups by any spelling; a province's article count.
 */
@NullMarked
package org.policygraph.province;

import org.jspecify.annotations.NullMarked;
