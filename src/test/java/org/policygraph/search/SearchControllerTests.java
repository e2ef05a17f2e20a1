package org.policygraph.search;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.policygraph.graph.Article;
import org.policygraph.graph.Document;
import org.policygraph.graph.SearchText;
import org.policygraph.graphql.GraphQlSliceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * {@code search} through the schema, with the queries mocked: the text is parsed before
 * the query (nothing to look for answers empty without asking), blank or long texts and
 * page sizes out of range are refused naming the argument, the kinds asked reach the
 * query, and each hit carries the node of its kind.
 */
@GraphQlSliceTest(controllers = SearchController.class)
class SearchControllerTests {

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private SearchQueries queries;

	@Test
	void shouldSearchTenHitsOfEveryKindByDefault() {
		given(this.queries.search(any(), any(), anyInt(), anyBoolean(), anyBoolean())).willReturn(List.of(
				new SearchHit(SearchType.ARTICLE, 2.5, "… <b>tinh gọn</b> bộ máy …",
						new Article("a1", null, "Tinh gọn bộ máy ở Nghệ An", "", LocalDate.of(2018, 1, 15), null, "40",
								List.of()),
						null, null, null),
				new SearchHit(
						SearchType.DOCUMENT, 1.5, "Nghị quyết số 18-NQ/TW", null, new Document("nq-18-2017", "18-NQ/TW",
								"Nghị quyết số 18-NQ/TW", "RESOLUTION", "18", null, 2017, null, null, "CENTRAL"),
						null, null)));

		GraphQlTester.Response response = this.graphQl.documentName("searchHits")
			.variable("text", "Tinh gọn")
			.execute();

		response.path("search[*].kind").entityList(String.class).containsExactly("ARTICLE", "DOCUMENT");
		response.path("search[0].score").entity(Double.class).isEqualTo(2.5);
		response.path("search[0].article.title").entity(String.class).isEqualTo("Tinh gọn bộ máy ở Nghệ An");
		response.path("search[0].document").valueIsNull();
		response.path("search[1].document.key").entity(String.class).isEqualTo("nq-18-2017");
		// The snippet is asked for, the articles' text is not.
		then(this.queries).should().search(eq(SearchText.parse("Tinh gọn")), eq(null), eq(10), eq(true), eq(false));
	}

	@Test
	void shouldSearchOnlyTheKindsAsked() {
		given(this.queries.search(any(), any(), anyInt(), anyBoolean(), anyBoolean())).willReturn(List.of());

		this.graphQl.documentName("searchHits")
			.variable("text", "Nghệ An")
			.variable("types", List.of("PROVINCE", "PARTY_BODY"))
			.variable("first", 50)
			.execute()
			.path("search")
			.entityList(Object.class)
			.hasSize(0);

		then(this.queries).should()
			.search(SearchText.parse("Nghệ An"), List.of(SearchType.PROVINCE, SearchType.PARTY_BODY), 50, true, false);
	}

	@Test
	void shouldAnswerEmptyWithoutAskingWhenNothingIsLeftToLookFor() {
		this.graphQl.documentName("searchHits")
			.variable("text", "\"\" -")
			.execute()
			.path("search")
			.entityList(Object.class)
			.hasSize(0);

		then(this.queries).shouldHaveNoInteractions();
	}

	@Test
	void shouldRefuseABlankText() {
		assertRefused(this.graphQl.documentName("searchHits").variable("text", "   "), "text", "must not be blank");
	}

	@Test
	void shouldRefuseATextLongerThanTheMaximum() {
		assertRefused(this.graphQl.documentName("searchHits").variable("text", "á".repeat(501)), "text",
				"must be at most 500 characters");
	}

	@Test
	void shouldRefuseAPageSizeOutOfRange() {
		assertRefused(this.graphQl.documentName("searchHits").variable("text", "x").variable("first", 51), "first",
				"must be between 1 and 50, was 51");
	}

	@Test
	void shouldRefuseAnUnknownKind() {
		this.graphQl.documentName("searchHits")
			.variable("text", "x")
			.variable("types", List.of("PERSON"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(graphql.ErrorType.ValidationError)));
		then(this.queries).shouldHaveNoInteractions();
	}

	private void assertRefused(GraphQlTester.Request<?> request, String argument, String problem) {
		request.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getMessage()).isEqualTo("Invalid argument '" + argument + "': " + problem);
			assertThat(error.getExtensions()).containsEntry("argument", argument);
		}));
		then(this.queries).shouldHaveNoInteractions();
	}

}
