package org.policygraph.cache;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Identical read requests in flight at the same time execute once: the first executes
 * (waiting in admission control's line like any other), the ones that arrive while it
 * waits or runs wait for its answer and are sent the same one. Under a crowd of clients
 * asking the same few questions (a dashboard's panels, a much-read document) the service
 * thus does the work once per question, not once per client.
 * <ul>
 * <li>Identical means: the same document text, operation name, variables and request
 * extensions, from the same caller (account and roles, or anonymous) with the same
 * locale, in the same {@link GraphGeneration}. A request made after a change of the graph
 * through this instance never receives an answer whose execution started before it.</li>
 * <li>Only queries over HTTP: mutations, subscriptions, documents that do not parse,
 * requests over WebSocket and requests that send Neo4j bookmarks (fresh reads,
 * {@link ReadYourWrites}) always execute on their own.</li>
 * <li>Whatever the execution answers reaches every waiter: data, GraphQL errors (a
 * time-out, a busy service, a refused cost) with the response headers (e.g.
 * {@code Retry-After}); a failure of the execution fails every waiter. One answer is not
 * shared: a refusal of the first request's own client ({@code TOO_MANY_REQUESTS}), after
 * which each waiter executes on its own; so do they if the first request is cancelled
 * before it is answered.</li>
 * <li>Nothing is kept once the execution is answered: a request arriving after that
 * executes again (keeping answers is {@link ResponseCache}'s part, for {@code @cached}
 * fields).</li>
 * </ul>
 */
public class SingleFlight implements WebGraphQlInterceptor {

	/**
	 * The {@code reason} of an answer refusing the caller's own client (admission
	 * control's per-client limit): never sent to another caller.
	 */
	static final String CALLER_REFUSED = "TOO_MANY_REQUESTS";

	private final boolean enabled;

	private final GraphGeneration generation;

	private final ConcurrentMap<Key, CompletableFuture<@Nullable Shared>> inFlight = new ConcurrentHashMap<>();

	/** Whether a document's operation (by text and name) is a query. */
	private final Cache<DocumentKey, Boolean> queries;

	private final LongAdder executions = new LongAdder();

	private final LongAdder joined = new LongAdder();

	/**
	 * @param enabled whether identical requests are shared at all
	 * @param documents how many documents' operation types are remembered
	 * @param generation the changes of the graph seen
	 */
	public SingleFlight(boolean enabled, int documents, GraphGeneration generation) {
		this.enabled = enabled;
		this.generation = generation;
		this.queries = Caffeine.newBuilder().maximumSize(Math.max(1, documents)).build();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!this.enabled || request instanceof WebSocketGraphQlRequest || ResponseCache.sendsBookmarks(request)
				|| !query(request.getDocument(), request.getOperationName())) {
			return chain.next(request);
		}
		Key key = new Key(this.generation.current(), caller(), request.getDocument(), request.getOperationName(),
				request.getVariables(), request.getExtensions(), request.getLocale());
		return Mono.defer(() -> {
			CompletableFuture<@Nullable Shared> mine = new CompletableFuture<>();
			CompletableFuture<@Nullable Shared> running = this.inFlight.putIfAbsent(key, mine);
			if (running == null) {
				return lead(key, request, chain, mine);
			}
			this.joined.increment();
			// Cancelling one waiter leaves the execution and the other waiters alone.
			return Mono.fromFuture(running, true)
				.map(shared -> shared.respond(request))
				.switchIfEmpty(Mono.defer(() -> chain.next(request)));
		});
	}

	private Mono<WebGraphQlResponse> lead(Key key, WebGraphQlRequest request, Chain chain,
			CompletableFuture<@Nullable Shared> mine) {
		this.executions.increment();
		// Out of the map before the waiters hear: a request arriving afterwards executes
		// again.
		return Mono.defer(() -> chain.next(request)).doOnNext(response -> {
			this.inFlight.remove(key, mine);
			mine.complete(shareable(response) ? new Shared(response) : null);
		}).doOnError(failure -> {
			this.inFlight.remove(key, mine);
			mine.completeExceptionally(failure);
		}).doFinally(signal -> {
			this.inFlight.remove(key, mine);
			mine.complete(null);
		});
	}

	private static boolean shareable(WebGraphQlResponse response) {
		for (ResponseError error : response.getErrors()) {
			Map<String, Object> extensions = error.getExtensions();
			if (extensions != null && CALLER_REFUSED.equals(extensions.get("reason"))) {
				return false;
			}
		}
		return true;
	}

	private boolean query(String text, @Nullable String operationName) {
		if (text.length() > ParsedDocumentCache.MAX_TEXT) {
			return false;
		}
		return this.queries.get(new DocumentKey(text, operationName), SingleFlight::isQuery);
	}

	private static boolean isQuery(DocumentKey key) {
		Document document;
		try {
			document = Parser.parse(key.text());
		}
		catch (RuntimeException ex) {
			// Executed alone: execution answers the syntax error.
			return false;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		Optional<OperationDefinition> operation = (key.operationName() == null || key.operationName().isEmpty())
				? ((operations.size() == 1) ? Optional.of(operations.get(0)) : Optional.empty())
				: operations.stream().filter(op -> key.operationName().equals(op.getName())).findFirst();
		return operation.isPresent() && operation.get().getOperation() == OperationDefinition.Operation.QUERY;
	}

	/**
	 * Who asks: the account and its roles, or anonymous. Answers may differ by caller
	 * (fields only an editor may read), so only one caller's identical requests share an
	 * execution.
	 */
	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return "";
		}
		return authentication.getName() + "\u0000"
				+ authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.sorted()
					.collect(Collectors.joining(","));
	}

	/** Requests that executed (each shared by the identical ones that waited for it). */
	public long executions() {
		return this.executions.sum();
	}

	/** Requests that waited for an identical one's execution instead of executing. */
	public long joined() {
		return this.joined.sum();
	}

	/** Executions in flight now. */
	int inFlight() {
		return this.inFlight.size();
	}

	private record Key(long generation, String caller, String document, @Nullable String operationName,
			Map<String, Object> variables, Map<String, Object> extensions, @Nullable Locale locale) {
	}

	private record DocumentKey(String text, @Nullable String operationName) {
	}

	/** An answer sent to every waiter: the execution's result and response headers. */
	private record Shared(ExecutionResult result, HttpHeaders headers) {

		Shared(WebGraphQlResponse response) {
			this(response.getExecutionResult(), HttpHeaders.copyOf(response.getResponseHeaders()));
		}

		WebGraphQlResponse respond(WebGraphQlRequest request) {
			WebGraphQlResponse response = new WebGraphQlResponse(
					new DefaultExecutionGraphQlResponse(request.toExecutionInput(), this.result));
			response.getResponseHeaders().putAll(this.headers);
			return response;
		}

	}

}
