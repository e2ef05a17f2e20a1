package org.policygraph.analytics;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.policygraph.ingest.IngestGeneration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The dashboard aggregates of this instance, kept for
 * {@link AggregateCacheProperties#ttl()}: dozens of dashboards opening at once ask the same few
 * questions, and each answer reads thousands of relationships.
 * <ul>
 * <li>An ingest through this instance empties the cache as soon as its batch commits; an answer
 * still being computed then is not reused by requests made after it (answers are kept per
 * {@link IngestGeneration}, and every ingest starts a new one).</li>
 * <li>A question is computed once however many ask at once; the others wait for that answer. The
 * computation runs on the asking thread, outside any lock of the cache.</li>
 * <li>A request that sends Neo4j bookmarks (reading its own writes, possibly made through another
 * instance) is answered from the database, never from the cache.</li>
 * <li>Writes through other instances show after at most the time-to-live.</li>
 * </ul>
 * A time-to-live of zero turns the cache off. Answers must be immutable: they are shared.
 */
@Component
@EnableConfigurationProperties(AggregateCacheProperties.class)
class AggregateCache {

	private final AsyncCache<Key, Object> answers;

	private final boolean enabled;

	/** Answers of an earlier generation are never served. */
	private final IngestGeneration generation;

	AggregateCache(AggregateCacheProperties properties, IngestGeneration generation) {
		this.generation = generation;
		this.enabled = !properties.ttl().isZero();
		this.answers = Caffeine.newBuilder()
			.expireAfterWrite(this.enabled ? properties.ttl() : Duration.ofNanos(1))
			.maximumSize(properties.maxEntries())
			.buildAsync();
		generation.onIngest(this.answers.synchronous()::invalidateAll);
	}

	/**
	 * The answer to a question, from the cache or computed.
	 * @param question what is asked: a value object naming the query and its arguments
	 * @param fresh whether the answer must come from the database
	 * @param compute how to compute the answer (an immutable value)
	 * @param <T> the answer's type
	 * @return the answer
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object question, boolean fresh, Supplier<T> compute) {
		if (!this.enabled || fresh) {
			return compute.get();
		}
		Key key = new Key(this.generation.current(), question);
		CompletableFuture<Object> mine = new CompletableFuture<>();
		CompletableFuture<Object> earlier = this.answers.asMap().putIfAbsent(key, mine);
		if (earlier != null) {
			return (T) await(earlier);
		}
		try {
			T answer = compute.get();
			mine.complete(answer);
			return answer;
		}
		catch (RuntimeException | Error ex) {
			// a failed computation is not kept; requests waiting for it get the error
			this.answers.asMap().remove(key, mine);
			mine.complete(new Failure(ex));
			throw ex;
		}
	}

	private static Object await(CompletableFuture<Object> answer) {
		Object result;
		try {
			result = answer.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted while waiting for an answer another request computes");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		if (result instanceof Failure failure) {
			if (failure.error() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw (Error) failure.error();
		}
		return result;
	}

	/** How many answers are kept now (after pending evictions). */
	long size() {
		this.answers.synchronous().cleanUp();
		return this.answers.synchronous().estimatedSize();
	}

	private record Key(long generation, Object question) {
	}

	/** What a failed computation hands the requests that waited for it (never kept). */
	private record Failure(Throwable error) {
	}

}
