package org.policygraph.corpus;

import java.util.List;

/**
 * What a generated article states, keyed like the extractor's output.
 *
 * @param url the article's URL
 * @param about the full identity ({@code code|TW|date}) of the central document the
 * article is about, even when the article cites it without a date
 * @param provinces keys of the provincial units the text names (directly or through a
 * party body)
 * @param documents identity keys ({@code code|scope|when}, ADR 1) of the documents cited
 * @param implementsPairs {@code [from, to]}: a province or a document carrying out a
 * document
 * @param issuedBy {@code [document, body]}: issuers stated in the text or determined by
 * the code
 */
public record ArticleTruth(String url, String about, List<String> provinces, List<String> documents,
		List<List<String>> implementsPairs, List<List<String>> issuedBy) {

	public ArticleTruth {
		provinces = List.copyOf(provinces);
		documents = List.copyOf(documents);
		implementsPairs = List.copyOf(implementsPairs);
		issuedBy = List.copyOf(issuedBy);
	}

}
