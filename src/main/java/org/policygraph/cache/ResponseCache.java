package org.policygraph.cache;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;
import org.policygraph.neo4j.GraphBookmarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Whole responses to queries, kept by document, operation name and variables. Dashboards
 * and researchers ask the same questions over and over; a kept response is sent again
 * without waiting in admission control's line, executing or reading the database.
 * <ul>
 * <li>Only queries whose every top-level field is marked {@code @cached} in the schema
 * are kept: every query field whose answer depends on its arguments and the graph alone
 * (the aggregates, lists, single nodes, search, traversals). The others
 * ({@link #UNCACHED}: the live sources' state, the extractor's dry run) and mutations
 * always execute; only responses without errors are kept.</li>
 * <li>A change of the graph through this instance ({@link GraphChanged}: an ingest batch
 * committed, a bulk load) starts a new {@link GraphGeneration}; a response read in an
 * earlier one is not sent to a request made after the change, not even one still being
 * computed then. By default the cache is emptied at once. With
 * {@link ResponseCacheProperties#serveStale()} set, a write (not a bulk load, which
 * always empties it) leaves the responses kept: a request without bookmarks that finds
 * one outdated for no longer than that is answered with it at once, and, when it was read
 * at least {@link ResponseCacheProperties#refreshAfter()} ago, one refresh of it runs in
 * admission control's line (stale-while-revalidate,
 * docs/adr/0017-stale-while-revalidate-responses.md,
 * docs/adr/0018-deep-articles-and-the-load-test.md); a refresh that fails leaves the
 * outdated response, served until the window ends; then a request executes. Writes
 * through other instances show after at most {@link ResponseCacheProperties#ttl()} (plus
 * serve-stale: a response older than the time-to-live is outdated too, and served and
 * refreshed the same way).</li>
 * <li>A request that sends Neo4j bookmarks (reading its own writes) always executes.</li>
 * <li>A response is computed once however many ask for it at once; the others wait for
 * it, and execute on their own if it cannot be kept (an error, a timeout, a cancelled
 * request).</li>
 * <li>Bounded by the number of values the kept responses hold
 * ({@link ResponseCacheProperties#maxValues()}); the least used go first, and a response
 * of more than a tenth of that (a deep nested query over many articles) is never
 * kept.</li>
 * </ul>
 * Reads are the same for every caller (credentials only decide whether a caller may read
 * at all, which the HTTP security filters check before any interceptor), so responses are
 * shared.
 */
public class ResponseCache implements WebGraphQlInterceptor {

	/** How many characters of a string weigh as much as one value. */
	static final int CHARS_PER_VALUE = 64;

	/**
	 * The schema directive that marks a top-level query field as answerable from this
	 * cache.
	 */
	public static final String DIRECTIVE = "cached";

	/**
	 * The query fields never answered from this cache, and why: their answers depend on
	 * more than their arguments and the graph. Every other query field is marked
	 * {@code @cached} (a test holds the schema to it).
	 */
	static final Map<String, String> UNCACHED = Map.of("sources",
			"the state of the live sources' polling (last and next poll, failures): the server's state "
					+ "and time, changed without any write to the graph",
			"source", "one live source's polling state, as sources", "extract",
			"a dry run of the extractor on the caller's article: computed from the text sent "
					+ "(up to 1 MiB, which the key would hold), hardly ever asked twice, and cut short by "
					+ "the request's deadline");

	private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);

	private final boolean enabled;

	private final Supplier<Set<String>> cacheableFields;

	private final AsyncCache<Key, Kept> responses;

	/**
	 * Whether a document (text and operation name) selects only cacheable fields of a
	 * query, and then the variables its operation declares (the others do not change the
	 * answer).
	 */
	private final Cache<DocumentKey, Decision> decisions;

	private final long maxValuesEach;

	/** Responses of an earlier generation are served only while they may be stale. */
	private final GraphGeneration generation;

	/** How long after it was outdated a response may be sent; zero never. */
	private final long serveStaleNanos;

	/** How old an outdated response must be before sending it starts a refresh. */
	private final long refreshAfterNanos;

	/** How long a response is current (writes through other instances). */
	private final long ttlNanos;

	/** The keys being refreshed: one refresh per key at a time. */
	private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();

	private final LongAdder staleServed = new LongAdder();

	private final LongAdder refreshes = new LongAdder();

	private final LongAdder failedRefreshes = new LongAdder();

	/**
	 * @param properties the time-to-live and bounds
	 * @param cacheableFields the names of the query fields marked {@code @cached} (asked
	 * once, on the first request)
	 * @param generation the changes of the graph seen, which empty the cache
	 */
	public ResponseCache(ResponseCacheProperties properties, Supplier<Set<String>> cacheableFields,
			GraphGeneration generation) {
		this.generation = generation;
		this.enabled = !properties.ttl().isZero();
		this.cacheableFields = cacheableFields;
		this.maxValuesEach = Math.max(1, properties.maxValues() / 10);
		this.serveStaleNanos = properties.serveStale().toNanos();
		this.refreshAfterNanos = properties.refreshAfter().toNanos();
		this.ttlNanos = properties.ttl().toNanos();
		this.responses = Caffeine.newBuilder()
			.expireAfterWrite(this.enabled ? properties.ttl().plus(properties.serveStale()) : Duration.ofNanos(1))
			.maximumWeight(properties.maxValues())
			.<Key, Kept>weigher((key, kept) -> kept.weight())
			.recordStats()
			.buildAsync();
		this.decisions = Caffeine.newBuilder().maximumSize(properties.documents()).build();
		generation.onEachChange(this::onGraphChanged);
	}

	/**
	 * What a change of the graph drops: everything, unless outdated responses may still
	 * be served for a while; then only a new store (a bulk load) drops them.
	 */
	private void onGraphChanged(GraphChanged change) {
		if (this.serveStaleNanos == 0 || change.cause() == GraphChanged.Cause.STORE_REPLACED) {
			this.responses.synchronous().invalidateAll();
		}
	}

	/**
	 * The query fields of a schema marked {@code @cached}.
	 * @param schema the executable schema
	 * @return their names
	 */
	public static Set<String> cacheableFields(GraphQLSchema schema) {
		return schema.getQueryType()
			.getFieldDefinitions()
			.stream()
			.filter(field -> field.hasAppliedDirective(DIRECTIVE))
			.map(GraphQLFieldDefinition::getName)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!this.enabled || sendsBookmarks(request)) {
			return chain.next(request);
		}
		Decision decision = decision(request.getDocument(), request.getOperationName());
		if (!decision.cacheable()) {
			return chain.next(request);
		}
		Key key = new Key(request.getDocument(), request.getOperationName(),
				declared(request.getVariables(), decision.variables()));
		long current = this.generation.current();
		long askedAt = this.generation.now();
		while (true) {
			CompletableFuture<Kept> kept = this.responses.getIfPresent(key);
			if (kept == null) {
				CompletableFuture<Kept> mine = new CompletableFuture<>();
				if (this.responses.asMap().putIfAbsent(key, mine) == null) {
					return compute(key, current, askedAt, request, chain, mine);
				}
				continue;
			}
			if (!kept.isDone()) {
				// Someone is computing it; if it cannot be kept, or was read before a
				// change this request must see, execute this request on its own.
				return Mono.fromFuture(kept, true)
					.flatMap(found -> servable(found, current) ? Mono.just(respond(request, found.result()))
							: Mono.<WebGraphQlResponse>empty())
					.switchIfEmpty(Mono.defer(() -> chain.next(request)));
			}
			Kept found = kept.isCompletedExceptionally() ? null : kept.getNow(null);
			if (found != null && current(found, current)) {
				return Mono.just(respond(request, found.result()));
			}
			if (found != null && servable(found, current)) {
				this.staleServed.increment();
				if (this.generation.now() - found.askedAt() < this.refreshAfterNanos) {
					// Young enough: sent as it is, refreshed by a later request. Under a
					// stream of writes every kept response is outdated within seconds; a
					// refresh for each would execute every question again after each
					// write, in the line of the questions that have no answer yet.
					return Mono.just(respond(request, found.result()));
				}
				return Mono.deferContextual(context -> {
					refresh(key, request, chain, context);
					return Mono.just(respond(request, found.result()));
				});
			}
			// Outdated past serving: computed again, once, for everyone asking now.
			CompletableFuture<Kept> mine = new CompletableFuture<>();
			if (this.responses.asMap().replace(key, kept, mine)) {
				return compute(key, current, askedAt, request, chain, mine);
			}
		}
	}

	/**
	 * Whether a kept response is current for a request made in a generation: read in it
	 * or later, no longer than the time-to-live ago.
	 */
	private boolean current(Kept kept, long current) {
		return kept.generation() >= current && this.generation.now() - kept.askedAt() <= this.ttlNanos;
	}

	/**
	 * Whether a kept response may answer a request made in a generation: a current one,
	 * or, when stale responses may be served, one outdated (by a write through this
	 * instance, not by a new store, or by its time-to-live) no longer than that ago.
	 */
	private boolean servable(Kept kept, long current) {
		if (current(kept, current)) {
			return true;
		}
		if (this.serveStaleNanos == 0 || kept.generation() < this.generation.storeStarted()) {
			return false;
		}
		long outdatedSince = kept.askedAt() + this.ttlNanos;
		if (kept.generation() < current) {
			OptionalLong ended = this.generation.endedAt(kept.generation());
			if (ended.isEmpty() || ended.getAsLong() == Long.MIN_VALUE) {
				return false;
			}
			outdatedSince = Math.min(outdatedSince, ended.getAsLong());
		}
		return this.generation.now() - outdatedSince <= this.serveStaleNanos;
	}

	/**
	 * Starts the one refresh of an outdated response, unless one is running: it executes
	 * like any request (through admission control's line, in the context of the request
	 * that found the response outdated, so in the line of its client) and replaces the
	 * kept response when it can be kept; otherwise the outdated one stays until it may no
	 * longer be served.
	 */
	private void refresh(Key key, WebGraphQlRequest request, Chain chain, ContextView context) {
		if (!this.refreshing.add(key)) {
			return;
		}
		this.refreshes.increment();
		long current = this.generation.current();
		long askedAt = this.generation.now();
		Mono.defer(() -> chain.next(request))
			.doFinally(signal -> this.refreshing.remove(key))
			.contextWrite(context)
			.subscribe(response -> {
				Kept fresh = keepable(key, current, askedAt, response);
				if (fresh == null) {
					this.failedRefreshes.increment();
					return;
				}
				this.responses.asMap()
					.computeIfPresent(key, (k, existing) -> newer(existing, fresh)
							? CompletableFuture.completedFuture(fresh) : existing);
			}, failure -> {
				this.failedRefreshes.increment();
				log.debug("Refreshing a kept response failed; the outdated one is served until it expires", failure);
			});
	}

	/**
	 * Whether a refreshed response replaces what is kept: not a computation in progress
	 * (asked since the response could no longer be served), nor a response read later.
	 */
	private static boolean newer(CompletableFuture<Kept> existing, Kept fresh) {
		if (!existing.isDone()) {
			return false;
		}
		Kept kept = existing.isCompletedExceptionally() ? null : existing.getNow(null);
		return kept == null || kept.generation() < fresh.generation()
				|| (kept.generation() == fresh.generation() && kept.askedAt() <= fresh.askedAt());
	}

	private Mono<WebGraphQlResponse> compute(Key key, long generation, long askedAt, WebGraphQlRequest request,
			Chain chain, CompletableFuture<Kept> mine) {
		// A future completed with null leaves the cache (Caffeine), and those waiting
		// execute themselves;
		// deferred, so that even a chain failing before it returns a Mono completes it.
		return Mono.defer(() -> chain.next(request))
			.doOnNext(response -> mine.complete(keepable(key, generation, askedAt, response)))
			.doFinally(signal -> mine.complete(null));
	}

	/**
	 * The response to keep, weighed once, or {@code null} if it may not or cannot be
	 * kept.
	 */
	private @Nullable Kept keepable(Key key, long generation, long askedAt, WebGraphQlResponse response) {
		ExecutionResult result = response.getExecutionResult();
		if (!response.isValid() || !result.getErrors().isEmpty() || !(result.getData() instanceof Map<?, ?>)) {
			return null;
		}
		long weight = weight(key, result);
		return (weight <= this.maxValuesEach)
				? new Kept(result, (int) Math.min(Integer.MAX_VALUE, weight), generation, askedAt) : null;
	}

	private static WebGraphQlResponse respond(WebGraphQlRequest request, ExecutionResult result) {
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	static boolean sendsBookmarks(WebGraphQlRequest request) {
		return request.getHeaders().containsHeader(GraphBookmarks.HEADER)
				|| request.getExtensions().containsKey(ReadYourWrites.EXTENSION);
	}

	/**
	 * Whether a document's operation is a query of {@code @cached} fields only.
	 * @param text the document
	 * @param operationName the operation to run, if named
	 * @return whether its response may be kept
	 */
	boolean cacheable(String text, @Nullable String operationName) {
		return decision(text, operationName).cacheable();
	}

	/**
	 * Remembered for documents short enough to be kept parsed
	 * ({@link ParsedDocumentCache#MAX_TEXT}); longer ones are never cached.
	 */
	private Decision decision(String text, @Nullable String operationName) {
		if (text.length() > ParsedDocumentCache.MAX_TEXT) {
			return Decision.NO;
		}
		return this.decisions.get(new DocumentKey(text, operationName), this::decide);
	}

	private Decision decide(DocumentKey key) {
		Document document;
		try {
			document = Parser.parse(key.text());
		}
		catch (RuntimeException ex) {
			// Not kept: execution answers the syntax error.
			return Decision.NO;
		}
		Optional<OperationDefinition> operation = operation(document, key.operationName());
		if (operation.isEmpty() || operation.get().getOperation() != OperationDefinition.Operation.QUERY) {
			return Decision.NO;
		}
		Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
		if (!onlyCacheable(operation.get().getSelectionSet(), fragments, new HashSet<>())) {
			return Decision.NO;
		}
		return new Decision(true,
				operation.get()
					.getVariableDefinitions()
					.stream()
					.map(VariableDefinition::getName)
					.collect(Collectors.toUnmodifiableSet()));
	}

	/**
	 * The variables the operation declares: graphql-java ignores the others, so they are
	 * not part of the key.
	 */
	private static Map<String, Object> declared(Map<String, Object> variables, Set<String> names) {
		if (names.containsAll(variables.keySet())) {
			return variables;
		}
		Map<String, Object> declared = new HashMap<>();
		variables.forEach((name, value) -> {
			if (names.contains(name)) {
				declared.put(name, value);
			}
		});
		return declared;
	}

	private static Optional<OperationDefinition> operation(Document document, @Nullable String name) {
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (name == null || name.isEmpty()) {
			return (operations.size() == 1) ? Optional.of(operations.get(0)) : Optional.empty();
		}
		return operations.stream().filter(op -> name.equals(op.getName())).findFirst();
	}

	private boolean onlyCacheable(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments,
			Set<String> visiting) {
		if (selections == null) {
			return false;
		}
		Set<String> cacheable = this.cacheableFields.get();
		for (Selection<?> selection : selections.getSelections()) {
			boolean ok;
			if (selection instanceof Field field) {
				ok = "__typename".equals(field.getName()) || cacheable.contains(field.getName());
			}
			else if (selection instanceof InlineFragment inline) {
				ok = onlyCacheable(inline.getSelectionSet(), fragments, visiting);
			}
			else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
					&& visiting.add(spread.getName())) {
				ok = onlyCacheable(fragments.get(spread.getName()).getSelectionSet(), fragments, visiting);
				visiting.remove(spread.getName());
			}
			else {
				ok = false;
			}
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What a kept response costs: the values of its data and of its variables, and its
	 * document text, a string counting one value per {@value #CHARS_PER_VALUE}
	 * characters.
	 */
	static long weight(Key key, ExecutionResult result) {
		return values(result.getData()) + values(key.variables()) + 1 + key.document().length() / CHARS_PER_VALUE;
	}

	/**
	 * How many values a response's data holds: each map, list and scalar counts one, a
	 * string one more per {@value #CHARS_PER_VALUE} characters (an article's text is many
	 * values).
	 */
	static long values(@Nullable Object data) {
		if (data instanceof CharSequence text) {
			return 1 + text.length() / CHARS_PER_VALUE;
		}
		if (data instanceof Map<?, ?> map) {
			long n = 1;
			for (Object value : map.values()) {
				n += values(value);
			}
			return n;
		}
		if (data instanceof Iterable<?> list) {
			long n = 1;
			for (Object value : list) {
				n += values(value);
			}
			return n;
		}
		return 1;
	}

	/** The responses kept now (after pending evictions). */
	long size() {
		this.responses.synchronous().cleanUp();
		return this.responses.synchronous().estimatedSize();
	}

	/** Requests answered with an outdated response (serve-stale). */
	long staleServed() {
		return this.staleServed.sum();
	}

	/** Refreshes of outdated responses started. */
	long refreshes() {
		return this.refreshes.sum();
	}

	/**
	 * Refreshes that ended without a response to keep (an error, a refusal, a failure).
	 */
	long failedRefreshes() {
		return this.failedRefreshes.sum();
	}

	/** Whether a refresh is running. */
	boolean refreshing() {
		return !this.refreshing.isEmpty();
	}

	/** The cache, for metrics. */
	AsyncCache<Key, Kept> responses() {
		return this.responses;
	}

	record Key(String document, @Nullable String operationName, Map<String, Object> variables) {
	}

	private record DocumentKey(String text, @Nullable String operationName) {
	}

	/**
	 * A kept response, its weight ({@link #weight}), and the generation of the graph and
	 * the time ({@link GraphGeneration#now()}) it was asked in (it may have read a later
	 * one).
	 */
	record Kept(ExecutionResult result, int weight, long generation, long askedAt) {
	}

	/** Whether a document may be kept, and the variables its operation declares. */
	private record Decision(boolean cacheable, Set<String> variables) {

		static final Decision NO = new Decision(false, Set.of());

	}

}
