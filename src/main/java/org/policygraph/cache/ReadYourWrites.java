package org.policygraph.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.policygraph.neo4j.BookmarkException;
import org.policygraph.neo4j.GraphBookmarks;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes, in one place for the GraphQL endpoint and the downloads.
 * <ul>
 * <li>A request may carry Neo4j bookmarks, from an earlier mutation's response, in the
 * {@code Neo4j-Bookmarks} header (comma-separated) or, for GraphQL, in the
 * {@code bookmarks} request extension (a list of strings); it then runs only once the
 * database has reached them (see {@link GraphBookmarks#await}), or is answered with a
 * clear error: for GraphQL {@code BAD_REQUEST} for bookmarks the database does not
 * accept, {@code INTERNAL_ERROR} with {@code reason: BOOKMARK_NOT_REACHED} when the write
 * is not yet visible in time; for a download (under {@code /export/}) a problem detail
 * (400, or 503 when the write is not yet visible or the database is down).</li>
 * <li>A GraphQL query that sent bookmarks is a fresh read ({@link #FRESH_READ}): no cache
 * answers it ({@link ResponseCache} lets it through, {@link FreshReads} tells the
 * others).</li>
 * <li>The response to a mutation carries, in the {@code Neo4j-Bookmarks} header, the
 * bookmarks of the database state that includes its writes: those its payload returned
 * ({@link #RESPONSE_BOOKMARKS}, {@link WrittenBookmarks}), else, for a mutation answered
 * without errors, the instance's latest.</li>
 * <li>After the store was replaced (a bulk load:
 * {@link GraphChanged.Cause#STORE_REPLACED}) the instance's bookmarks, which name the old
 * store's transactions, are forgotten.</li>
 * </ul>
 * Runs before every other GraphQL interceptor, so the wait is not counted in the request
 * timeout. Controllers neither read bookmarks nor decide whether a read is fresh.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReadYourWrites implements WebGraphQlInterceptor, WebMvcConfigurer {

	/**
	 * GraphQL context key of the bookmarks a payload returned, sent back in the response
	 * header too.
	 */
	static final String RESPONSE_BOOKMARKS = ReadYourWrites.class.getName() + ".responseBookmarks";

	/**
	 * GraphQL context key set to {@code true} when the request sent bookmarks: it wants
	 * what the database holds now, so nothing may answer it from a cache.
	 */
	static final String FRESH_READ = ReadYourWrites.class.getName() + ".freshRead";

	/**
	 * GraphQL context key set to {@code true} when the operation executed is a mutation.
	 */
	static final String MUTATION = ReadYourWrites.class.getName() + ".mutation";

	/** The request extension carrying bookmarks. */
	static final String EXTENSION = "bookmarks";

	private static final String HEADER_SOURCE = "the " + GraphBookmarks.HEADER + " header";

	private static final String EXTENSION_SOURCE = "the '" + EXTENSION + "' request extension";

	private final GraphBookmarks bookmarks;

	ReadYourWrites(GraphBookmarks bookmarks) {
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
			return chain.next(request).doOnNext(this::addResponseHeader);
		});
	}

	/** Downloads wait for the bookmarks they send, like GraphQL requests. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				List<String> values = Collections.list(request.getHeaders(GraphBookmarks.HEADER));
				ReadYourWrites.this.bookmarks.await(GraphBookmarks.parse(values, HEADER_SOURCE), HEADER_SOURCE);
				return true;
			}
		}).addPathPatterns("/export/**");
	}

	// Along with the caches' emptying (GraphGeneration), before anyone reads the new
	// store.
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void onGraphChanged(GraphChanged change) {
		if (change.cause() == GraphChanged.Cause.STORE_REPLACED) {
			this.bookmarks.forget();
		}
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

	private void addResponseHeader(WebGraphQlResponse response) {
		GraphQLContext context = response.getExecutionInput().getGraphQLContext();
		Object written = context.get(RESPONSE_BOOKMARKS);
		if (written == null && Boolean.TRUE.equals(context.get(MUTATION)) && response.getErrors().isEmpty()) {
			written = this.bookmarks.current();
		}
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
