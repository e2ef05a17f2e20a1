package org.policygraph.neo4j;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bookmarks as clients send them: several per header value, comma-separated, blanks
 * ignored, bounded in number and length, printable ASCII only. Whether the database
 * accepts them is checked against the database ({@code BookmarksIT}).
 */
class GraphBookmarksTests {

	private static final String SOURCE = "the Neo4j-Bookmarks header";

	@Test
	void shouldSplitCommaSeparatedValuesAndDropBlanksAndDuplicates() {
		assertThat(GraphBookmarks.parse(List.of("FB:a, FB:b", " ", "FB:a,,FB:c"), SOURCE)).containsExactly("FB:a",
				"FB:b", "FB:c");
	}

	@Test
	void shouldAcceptNoBookmarksAtAll() {
		assertThat(GraphBookmarks.parse(List.of(), SOURCE)).isEmpty();
		assertThat(GraphBookmarks.parse(List.of(""), SOURCE)).isEmpty();
	}

	@Test
	void shouldRejectTooManyBookmarks() {
		List<String> many = new ArrayList<>();
		for (int i = 0; i <= GraphBookmarks.MAX_BOOKMARKS; i++) {
			many.add("FB:" + i);
		}

		assertThatExceptionOfType(BookmarkException.class).isThrownBy(() -> GraphBookmarks.parse(many, SOURCE))
			.satisfies(ex -> assertThat(ex.getReason()).isEqualTo(BookmarkException.Reason.INVALID))
			.withMessageContaining("at most " + GraphBookmarks.MAX_BOOKMARKS)
			.withMessageContaining(SOURCE);
	}

	@Test
	void shouldRejectAnOverlongBookmark() {
		String overlong = "FB:" + "A".repeat(GraphBookmarks.MAX_LENGTH);

		assertThatExceptionOfType(BookmarkException.class)
			.isThrownBy(() -> GraphBookmarks.parse(List.of(overlong), SOURCE))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("INVALID_BOOKMARK"));
	}

	@Test
	void shouldRejectCharactersNoBookmarkHas() {
		assertThatExceptionOfType(BookmarkException.class)
			.isThrownBy(() -> GraphBookmarks.parse(List.of("FB:ä"), SOURCE))
			.withMessageContaining("printable ASCII");
		assertThatExceptionOfType(BookmarkException.class)
			.isThrownBy(() -> GraphBookmarks.parse(List.of("FB:a b"), SOURCE));
	}

}
