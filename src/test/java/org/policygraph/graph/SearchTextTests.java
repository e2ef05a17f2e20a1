package org.policygraph.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

	@Test
	void shouldRequireEveryFoldedWord() {
		SearchText text = SearchText.parse("Nghị quyết 22");
		assertThat(text.query()).isEqualTo("+nghi +quyet +22");
		assertThat(text.terms()).containsExactly("nghi", "quyet", "22");
	}

	@Test
	void shouldTurnPunctuationIntoWordBreaks() {
		assertThat(SearchText.parse("22-NQ/TW").query()).isEqualTo("+22 +nq +tw");
		assertThat(SearchText.parse("title:(a OR b)^2 AND *").query()).isEqualTo("+title +a +or +b +2 +and");
	}

	@Test
	void shouldFindNoWordsInPunctuation() {
		assertThat(SearchText.parse("\"(").isEmpty()).isTrue();
		assertThat(SearchText.parse("  ?! ").terms()).isEmpty();
	}

	@Test
	void shouldKeepAQuotedPhraseAndIgnoreAnUnmatchedQuote() {
		assertThat(SearchText.parse("\"Đắk Lắk\" nghị quyết").query()).isEqualTo("+\"dak lak\" +nghi +quyet");
		assertThat(SearchText.parse("nghị \"quyết 22").query()).isEqualTo("+nghi +quyet +22");
	}

	@Test
	void shouldLimitTheNumberOfWords() {
		String many = String.join(" ", java.util.Collections.nCopies(100, "x"));
		assertThat(SearchText.parse(many).query().split(" ")).hasSize(SearchText.MAX_WORDS);
		assertThat(SearchText.parse(many).terms()).isEqualTo(List.of("x"));
	}

	@Test
	void shouldEscapeLuceneSyntax() {
		assertThat(SearchText.escape("a+b")).isEqualTo("a\\+b");
		assertThat(SearchText.escape("AND")).isEqualTo("and");
	}

	@Test
	void shouldGiveTheNumbersAsDocumentsKeepThem() {
		assertThat(SearchText.parse("Kết luận 05 và nghị quyết 22, 0").numbers()).containsExactly("5", "22", "0");
		assertThat(SearchText.parse("nghi quyet").numbers()).isEmpty();
	}

	@Test
	void shouldFoldACodeAsTheRankingComparesIt() {
		assertThat(SearchText.parse("Quy định 08-QĐi/TW").codeText()).isEqualTo("-quy-dinh-08-qdi-tw-");
		assertThat(SearchText.parse("22-NQ/TW").codeText()).contains("-22-nq-tw-");
	}

}
