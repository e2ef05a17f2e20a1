package org.policygraph.ingest;

import java.util.List;

/**
 * Published after a batch is committed, with the province → document IMPLEMENTS
 * relationships it created.
 *
 * @param pairs each a list of the province key and the document key
 */
public record ImplementationsAddedEvent(List<List<String>> pairs) {
}
