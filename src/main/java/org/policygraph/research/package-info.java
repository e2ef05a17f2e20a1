/**
 * Research workflows: how long provinces take to carry central documents out
 * (implementation lag), the coverage matrix of provinces by documents, and citations for
 * evidence sentences.
 */
@NullMarked
package org.policygraph.research;

import org.jspecify.annotations.NullMarked;
