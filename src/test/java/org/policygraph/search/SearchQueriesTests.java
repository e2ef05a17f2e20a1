package org.policygraph.search;

import org.junit.jupiter.api.Test;
import org.policygraph.graph.SearchText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query that finds the documents a number in the text ranks first: the same words and
 * phrases, each required in a document's name or subject.
 */
class SearchQueriesTests {

	@Test
	void shouldRequireEachWordInADocumentsProperties() {
		assertThat(SearchQueries.documentQuery(SearchText.parse("Nghị quyết 22-NQ/TW").query()))
			.isEqualTo("+(name:nghi subject:nghi) +(name:quyet subject:quyet) +(name:22 subject:22)"
					+ " +(name:nq subject:nq) +(name:tw subject:tw)");
	}

	@Test
	void shouldKeepAPhraseTogether() {
		assertThat(SearchQueries.documentQuery(SearchText.parse("\"nghi quyet\" 22").query()))
			.isEqualTo("+(name:\"nghi quyet\" subject:\"nghi quyet\") +(name:22 subject:22)");
	}

}
