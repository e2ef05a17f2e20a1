package org.policygraph.source;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.policygraph.graphql.Connection;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.graphql.PageRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The sources through the schema, with {@link SourceService} mocked: page sizes and
 * cursors are checked before the service is asked (a cursor that is not one, or one of
 * another list, is refused naming {@code after}), times come back as {@code DateTime}s,
 * {@code polling} is asked once per source, and the mutations' inputs reach the service
 * and their refusals come back in the payload. (Who may call the mutations is the
 * security configuration's, tested over HTTP.)
 */
@GraphQlSliceTest(controllers = SourceController.class)
class SourceControllerTests {

	private static final OffsetDateTime ADDED = OffsetDateTime.of(2026, 3, 1, 8, 15, 0, 0, ZoneOffset.UTC);

	private static final Source FEED = new Source("https://tinhuy.example/rss", SourceKind.FEED, true, ADDED,
			ADDED.plusHours(1), SourceStatus.OK, 200, null, 12, 2, 0, ADDED.plusHours(2), 30, Validators.NONE);

	private static final Source SITEMAP = new Source("https://dangbo.example/sitemap.xml", SourceKind.SITEMAP, false,
			ADDED, null, SourceStatus.NEVER_POLLED, null, null, 0, 0, 0, ADDED, 0, Validators.NONE);

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private SourceService service;

	@Test
	void shouldPageTheSourcesWithCursorsAndTheirState() {
		PageRequest page = PageRequest.of(1, null, 1);
		given(this.service.page(page))
			.willReturn(Connection.of(List.of(FEED, SITEMAP), page, s -> Cursor.of(s.url()), 2));
		given(this.service.isPolling(FEED.url())).willReturn(true);

		GraphQlTester.Response response = this.graphQl.documentName("sources").variable("first", 1).execute();

		response.path("sources.totalCount").entity(Long.class).isEqualTo(2L);
		response.path("sources.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		response.path("sources.pageInfo.endCursor").entity(String.class).isEqualTo(Cursor.of(FEED.url()).encode());
		response.path("sources.edges[0].node").entity(Map.class).satisfies(node -> {
			assertThat(node).containsEntry("url", "https://tinhuy.example/rss")
				.containsEntry("kind", "FEED")
				.containsEntry("addedAt", "2026-03-01T08:15:00.000Z")
				.containsEntry("lastFetchedAt", "2026-03-01T09:15:00.000Z")
				.containsEntry("lastStatus", "OK")
				.containsEntry("lastHttpStatus", 200)
				.containsEntry("newArticles", 12)
				.containsEntry("items", 30)
				.containsEntry("polling", true);
		});
		then(this.service).should().isPolling(FEED.url());
		then(this.service).should(never()).isPolling(SITEMAP.url());
	}

	@Test
	void shouldPassADecodedCursorToTheService() {
		String after = Cursor.of(FEED.url()).encode();
		given(this.service.page(any())).willAnswer(invocation -> {
			PageRequest page = invocation.getArgument(0);
			return Connection.of(List.of(SITEMAP), page, s -> Cursor.of(s.url()), 2);
		});

		this.graphQl.documentName("sources")
			.variable("after", after)
			.execute()
			.path("sources.edges[0].node.url")
			.entity(String.class)
			.isEqualTo(SITEMAP.url());

		then(this.service).should().page(PageRequest.of(20, after, 1));
	}

	@Test
	void shouldRefuseACursorThatIsNotOne() {
		assertRefused(this.graphQl.documentName("sources").variable("after", "not-a-cursor!"), "after",
				"'not-a-cursor!' is not a cursor returned by this API");
	}

	@Test
	void shouldRefuseACursorOfAnotherList() {
		String foreign = Cursor.of("2024-01-01", "article-1").encode();
		assertRefused(this.graphQl.documentName("sources").variable("after", foreign), "after",
				"'" + foreign + "' is a cursor of another list");
	}

	@Test
	void shouldRefuseAnEncodedStringThatIsNoCursor() {
		String plain = Base64.getUrlEncoder()
			.encodeToString("https://tinhuy.example/rss".getBytes(StandardCharsets.UTF_8));
		assertRefused(this.graphQl.documentName("sources").variable("after", plain), "after",
				"'" + plain + "' is not a cursor returned by this API");
	}

	@Test
	void shouldRefuseAPageSizeOutOfRange() {
		assertRefused(this.graphQl.documentName("sources").variable("first", 101), "first",
				"must be between 1 and 100, was 101");
		assertRefused(this.graphQl.documentName("sources").variable("first", 0), "first",
				"must be between 1 and 100, was 0");
	}

	@Test
	void shouldAnswerNullForAnUnknownSource() {
		given(this.service.source("https://nowhere.example/")).willReturn(Optional.empty());

		this.graphQl.documentName("source")
			.variable("url", "https://nowhere.example/")
			.execute()
			.path("source")
			.valueIsNull();
	}

	@Test
	void shouldAddASourceAndPollItLater() {
		given(this.service.add(SITEMAP.url(), SourceKind.SITEMAP)).willReturn(SourceService.Result.of(SITEMAP));

		GraphQlTester.Response response = this.graphQl.documentName("addSource")
			.variable("input", Map.of("url", SITEMAP.url(), "kind", "SITEMAP"))
			.execute();

		response.path("addSource.source.kind").entity(String.class).isEqualTo("SITEMAP");
		response.path("addSource.source.lastStatus").entity(String.class).isEqualTo("NEVER_POLLED");
		response.path("addSource.error").valueIsNull();
		then(this.service).should().pollLater(SITEMAP.url());
	}

	@Test
	void shouldReturnARefusalInThePayloadAndPollNothing() {
		given(this.service.add("ftp://x", SourceKind.FEED)).willReturn(new SourceService.Result(null, "not http(s)"));

		GraphQlTester.Response response = this.graphQl.documentName("addSource")
			.variable("input", Map.of("url", "ftp://x", "kind", "FEED"))
			.execute();

		response.path("addSource.source").valueIsNull();
		response.path("addSource.error").entity(String.class).isEqualTo("not http(s)");
		then(this.service).should(never()).pollLater(anyString());
	}

	@Test
	void shouldRefuseAnUnknownSourceKindBeforeTheService() {
		this.graphQl.documentName("addSource")
			.variable("input", Map.of("url", "https://x.example/", "kind", "PODCAST"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(graphql.ErrorType.ValidationError)));
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void shouldRemoveASource() {
		given(this.service.remove(FEED.url())).willReturn(SourceService.Result.of(FEED));

		this.graphQl.documentName("removeSource")
			.variable("input", Map.of("url", FEED.url()))
			.execute()
			.path("removeSource.source.url")
			.entity(String.class)
			.isEqualTo(FEED.url());
	}

	@Test
	void shouldSayWhetherAPollStarted() {
		given(this.service.pollLater(FEED.url())).willReturn(new SourceService.PollRequest(FEED, true, null));

		GraphQlTester.Response response = this.graphQl.documentName("pollSource")
			.variable("input", Map.of("url", FEED.url()))
			.execute();

		response.path("pollSource.started").entity(Boolean.class).isEqualTo(true);
		response.path("pollSource.source.url").entity(String.class).isEqualTo(FEED.url());
	}

	private void assertRefused(GraphQlTester.Request<?> request, String argument, String problem) {
		request.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getMessage()).isEqualTo("Invalid argument '" + argument + "': " + problem);
			assertThat(error.getExtensions()).containsEntry("argument", argument);
		}));
		then(this.service).shouldHaveNoInteractions();
	}

}
