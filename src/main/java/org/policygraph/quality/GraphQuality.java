package org.policygraph.quality;

import java.util.List;

/**
 * The graph's identity and resolution weak spots.
 *
 * @param documentCount documents in the graph
 * @param suspectedDuplicateCount documents kept apart from documents they may be
 * @param suspectedDuplicates the first of them, most mentioned first
 * @param undatedDocumentCount documents known by term or not dated at all
 * @param undatedDocuments the first of them, most mentioned first
 * @param mergedDocumentCount documents that other citation keys were merged into
 * @param mergedKeyCount the keys merged into another document
 * @param articlesWithUnresolvedCitationsCount articles with a short name no document was
 * found for
 * @param unresolvedCitationCount distinct unresolved short names
 * @param unresolvedCitations the most frequent of them
 */
record GraphQuality(long documentCount, long suspectedDuplicateCount, List<SuspectedDuplicate> suspectedDuplicates,
		long undatedDocumentCount, List<QualityDocument> undatedDocuments, long mergedDocumentCount,
		long mergedKeyCount, long articlesWithUnresolvedCitationsCount, long unresolvedCitationCount,
		List<UnresolvedShortName> unresolvedCitations) {

	/**
	 * A document as the quality report lists it.
	 *
	 * @param key its identity key
	 * @param name a readable name
	 * @param mergedKeys the citation keys merged into it
	 * @param articleCount the articles that mention it
	 */
	record QualityDocument(String key, String name, List<String> mergedKeys, long articleCount) {
	}

	/**
	 * A document kept apart from documents it may be.
	 *
	 * @param document the document
	 * @param candidates the keys of the documents it may be
	 * @param reason why it was not merged
	 */
	record SuspectedDuplicate(QualityDocument document, List<String> candidates, String reason) {
	}

	/**
	 * A short name no document was found for.
	 *
	 * @param surface the words as written
	 * @param articleCount the articles that use it
	 */
	record UnresolvedShortName(String surface, long articleCount) {
	}

}
