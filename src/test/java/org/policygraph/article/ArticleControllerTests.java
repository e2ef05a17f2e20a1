package org.policygraph.article;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.policygraph.article.ArticleQueries.ArticleFilter;
import org.policygraph.graph.Article;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.graphql.PageRequest;
import org.policygraph.graph.SearchText;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * {@code articles} and {@code article} through the schema, with the queries mocked and no
 * kept order (so every page comes from {@code ArticleQueries.page}): the filter and the
 * page reach the query, cursors are the publication day and id (an undated article sorts
 * as the order wants), foreign cursors, reversed periods and texts without words are
 * refused naming the argument, the total is counted only when asked, and the text only
 * read when asked.
 */
@GraphQlSliceTest(controllers = ArticleController.class)
class ArticleControllerTests {

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private ArticleQueries queries;

	@MockitoBean
	private GraphLookups lookups;

	@MockitoBean
	private ArticleOrders orders;

	private static Article article(String id, LocalDate publishedAt) {
		return new Article(id, "https://tin.example/" + id, "Tin " + id, "", publishedAt, "test", null, List.of());
	}

	@Test
	void shouldPageTwentyNewestFirstAndSayThereIsMore() {
		ArticleFilter all = new ArticleFilter(null, null, null, null, null, false, null);
		given(this.queries.page(all, new PageRequest(20, null), false)).willReturn(
				IntStream.range(0, 21).mapToObj(i -> article("a" + i, LocalDate.of(2020, 1, 1).minusDays(i))).toList());

		GraphQlTester.Response response = this.graphQl.documentName("articlesOrdered").execute();

		response.path("articles.edges").entityList(Object.class).hasSize(20);
		response.path("articles.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		response.path("articles.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		response.path("articles.pageInfo.endCursor")
			.entity(String.class)
			.isEqualTo(Cursor.of("2019-12-13", "a19").encode());
		response.path("articles.edges[0].node.publishedAt").entity(String.class).isEqualTo("2020-01-01");
		then(this.queries).should(never()).count(any());
	}

	@Test
	void shouldPassTheFilterTheCursorAndTheOrderToTheQuery() {
		String after = Cursor.of("2018-03-02", "a7").encode();
		given(this.queries.page(any(), any(), anyBoolean())).willReturn(List.of(article("a8", null)));

		GraphQlTester.Response response = this.graphQl.documentName("articlesOrdered")
			.variable("first", 5)
			.variable("after", after)
			.variable("provinceKey", "40")
			.variable("from", "2018-01-01")
			.variable("to", "2018-12-31")
			.variable("text", "tinh gọn")
			.variable("orderBy", "PUBLISHED_ASC")
			.execute();

		// Oldest first, an undated article comes last: its cursor says so.
		response.path("articles.edges[0].cursor")
			.entity(String.class)
			.isEqualTo(Cursor.of("9999-12-31", "a8").encode());
		response.path("articles.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		then(this.queries).should()
			.page(new ArticleFilter("40", null, null, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), true,
					SearchText.parse("tinh gọn").query()), new PageRequest(5, Cursor.decode(after, 2)), false);
	}

	@Test
	void shouldCountTheTotalOnlyWhenAsked() {
		ArticleFilter ofDocument = new ArticleFilter(null, "nq-18-2017", null, null, null, false, null);
		given(this.queries.page(any(), any(), anyBoolean())).willReturn(List.of());
		given(this.queries.count(ofDocument)).willReturn(42L);

		this.graphQl.documentName("articlesFiltered")
			.variable("documentKey", "nq-18-2017")
			.execute()
			.path("articles.totalCount")
			.entity(Long.class)
			.isEqualTo(42L);
	}

	@Test
	void shouldReadTheTextOnlyWhenAsked() {
		given(this.queries.page(any(), any(), anyBoolean())).willReturn(List.of());

		this.graphQl.document("{ articles(first: 1) { edges { node { id text } } } }")
			.execute()
			.path("articles.edges")
			.entityList(Object.class)
			.hasSize(0);

		then(this.queries).should().page(any(), any(), org.mockito.ArgumentMatchers.eq(true));
	}

	@Test
	void shouldRefuseACursorOfAnotherList() {
		String sourcesCursor = Cursor.of("https://tinhuy.example/rss").encode();
		assertRefused(this.graphQl.documentName("articlesOrdered").variable("after", sourcesCursor), "after",
				"'" + sourcesCursor + "' is a cursor of another list");
	}

	@Test
	void shouldRefuseAPageSizeOutOfRange() {
		assertRefused(this.graphQl.documentName("articlesOrdered").variable("first", 101), "first",
				"must be between 1 and 100, was 101");
	}

	@Test
	void shouldRefuseAReversedPeriod() {
		assertRefused(this.graphQl.documentName("articlesOrdered")
			.variable("from", "2019-01-01")
			.variable("to", "2018-01-01"), "to", "must not be before 'from' (2019-01-01), was 2018-01-01");
	}

	@Test
	void shouldRefuseATextWithoutWords() {
		assertRefused(this.graphQl.documentName("articlesOrdered").variable("text", " \" - \" "), "text",
				"has no words to look for");
	}

	@Test
	void shouldAnswerNullForAnUnknownArticle() {
		this.graphQl.document("{ article(id: \"nowhere\") { id } }").execute().path("article").valueIsNull();

		then(this.queries).should().byId("nowhere");
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
