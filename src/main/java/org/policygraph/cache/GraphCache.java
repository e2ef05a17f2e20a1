package org.policygraph.cache;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * Answers read from the graph, kept for a while, for a package that computes them itself
 * (made by {@link GraphCaches}). What every such cache promises:
 * <ul>
 * <li>A change of the graph through this instance ({@link GraphChanged}) empties it at
 * once; an answer still being computed then is not served to requests made after it
 * (answers are kept per {@link GraphGeneration}).</li>
 * <li>A fresh read ({@link FreshReads}: a request that sent Neo4j bookmarks) is never
 * answered from it, and its answer is not kept.</li>
 * <li>Writes through other instances show after at most the time-to-live; a time-to-live
 * of zero turns it off. Expired answers are dropped on time, not at the cache's next
 * use.</li>
 * <li>Bounded by the weight of what it keeps; the least used go first.</li>
 * </ul>
 * An answer is computed outside the cache's locks; two requests computing the same answer
 * at once both keep the same one. Answers must be immutable: they are shared.
 *
 * @param <K> what is asked (a value object)
 * @param <V> the answer
 */
public final class GraphCache<K, V> {

	private final Cache<Key<K>, V> answers;

	private final boolean enabled;

	private final GraphGeneration generation;

	GraphCache(GraphGeneration generation, Duration ttl, long maxWeight, ToIntFunction<V> weight) {
		this.generation = generation;
		this.enabled = !ttl.isZero();
		this.answers = Caffeine.newBuilder()
			.expireAfterWrite(this.enabled ? ttl : Duration.ofNanos(1))
			.maximumWeight(maxWeight)
			.weigher((Key<K> key, V value) -> Math.max(0, weight.applyAsInt(value)))
			.scheduler(Scheduler.systemScheduler())
			.build();
		generation.onChange(this.answers::invalidateAll);
	}

	/**
	 * The kept answer to a question, computed and kept if need be.
	 * @param question what is asked
	 * @param compute how to compute the answer
	 * @return the answer, or {@code null} when this cache may not answer (turned off, or
	 * a fresh read): the caller reads the database itself
	 */
	public @Nullable V get(K question, Supplier<V> compute) {
		if (!this.enabled || FreshReads.requested()) {
			return null;
		}
		Key<K> key = new Key<>(this.generation.current(), question);
		V kept = this.answers.getIfPresent(key);
		if (kept == null) {
			kept = compute.get();
			this.answers.put(key, kept);
		}
		return kept;
	}

	/** How many answers are kept now (after pending evictions). */
	public long size() {
		this.answers.cleanUp();
		return this.answers.estimatedSize();
	}

	private record Key<K>(long generation, K question) {
	}

}
