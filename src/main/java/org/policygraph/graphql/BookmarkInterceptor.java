package org.policygraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.policygraph.neo4j.BookmarkException;
import org.policygraph.neo4j.GraphBookmarks;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes across instances. A request may carry Neo4j bookmarks, from an earlier
 * {@code ingestArticles} payload, in the {@code Neo4j-Bookmarks} header (comma-separated) or in
 * the {@code bookmarks} request extension (a list of strings); it then runs only once the
 * database has reached them (see {@link GraphBookmarks#await}), or is answered with a clear
 * error: {@code BAD_REQUEST} for bookmarks the database does not accept, {@code INTERNAL_ERROR}
 * with {@code reason: BOOKMARK_NOT_REACHED} when the write is not yet visible in time. A
 * mutation that leaves bookmarks in the GraphQL context ({@link #RESPONSE_BOOKMARKS}) has them
 * sent back in the {@code Neo4j-Bookmarks} response header. Runs before every other
 * interceptor, so the wait is not counted in the request timeout.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BookmarkInterceptor implements WebGraphQlInterceptor {

	/** GraphQL context key of the bookmarks to send back in the response header. */
	public static final String RESPONSE_BOOKMARKS = BookmarkInterceptor.class.getName() + ".responseBookmarks";

	/**
	 * GraphQL context key set to {@code true} when the request sent bookmarks: it wants what the
	 * database holds now, so nothing may answer it from a cache.
	 */
	public static final String FRESH_READ = BookmarkInterceptor.class.getName() + ".freshRead";

	/** The request extension carrying bookmarks. */
	static final String EXTENSION = "bookmarks";

	private static final String HEADER_SOURCE = "the " + GraphBookmarks.HEADER + " header";

	private static final String EXTENSION_SOURCE = "the '" + EXTENSION + "' request extension";

	private final GraphBookmarks bookmarks;

	BookmarkInterceptor(GraphBookmarks bookmarks) {
		this.bookmarks = bookmarks;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.defer(() -> {
			try {
				if (awaitRequestBookmarks(request)) {
					request.configureExecutionInput(
							(input, builder) -> builder.graphQLContext(Map.of(FRESH_READ, Boolean.TRUE)).build());
				}
			}
			catch (BookmarkException ex) {
				return Mono.just(errorResponse(request, ex));
			}
			return chain.next(request).doOnNext(BookmarkInterceptor::addResponseHeader);
		});
	}

	private boolean awaitRequestBookmarks(WebGraphQlRequest request) {
		List<String> header = request.getHeaders().getOrDefault(GraphBookmarks.HEADER, List.of());
		List<String> wanted = new ArrayList<>(GraphBookmarks.parse(header, HEADER_SOURCE));
		Object extension = request.getExtensions().get(EXTENSION);
		if (extension != null) {
			for (String bookmark : GraphBookmarks.parse(extensionValues(extension), EXTENSION_SOURCE)) {
				if (!wanted.contains(bookmark)) {
					wanted.add(bookmark);
				}
			}
		}
		String source = header.isEmpty() ? EXTENSION_SOURCE
				: (extension == null) ? HEADER_SOURCE : HEADER_SOURCE + " and " + EXTENSION_SOURCE;
		List<String> parsed = GraphBookmarks.parse(wanted, source);
		this.bookmarks.await(parsed, source);
		return !parsed.isEmpty();
	}

	private static List<String> extensionValues(Object extension) {
		if (extension instanceof String single) {
			return List.of(single);
		}
		if (extension instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			return list.stream().map(String.class::cast).toList();
		}
		throw new BookmarkException(BookmarkException.Reason.INVALID,
				"Invalid " + EXTENSION_SOURCE + ": a list of bookmark strings is expected.");
	}

	private static void addResponseHeader(WebGraphQlResponse response) {
		Object written = response.getExecutionInput().getGraphQLContext().get(RESPONSE_BOOKMARKS);
		if (written instanceof List<?> list && !list.isEmpty()) {
			response.getResponseHeaders()
				.set(GraphBookmarks.HEADER, String.join(",", list.stream().map(String::valueOf).toList()));
		}
	}

	private static WebGraphQlResponse errorResponse(WebGraphQlRequest request, BookmarkException ex) {
		ErrorType type = (ex.getReason() == BookmarkException.Reason.INVALID) ? ErrorType.BAD_REQUEST
				: ErrorType.INTERNAL_ERROR;
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.errorType(type)
				.message(ex.getMessage())
				.extensions(Map.of("reason", ex.code()))
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
