package org.policygraph.ingest;

import java.util.List;

/**
 * Published after a batch is committed, with the ids of the articles that were new or
 * changed.
 *
 * @param articleIds the articles written
 */
public record ArticlesIngestedEvent(List<String> articleIds) {
}
