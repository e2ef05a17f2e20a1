package org.policygraph.cache;

import java.time.Duration;
import java.util.function.ToIntFunction;

import org.springframework.stereotype.Component;

/**
 * Makes the {@link GraphCache}s other packages keep their answers in, all emptied by the
 * one signal ({@link GraphChanged}) and bypassed by fresh reads ({@link FreshReads}).
 */
@Component
public class GraphCaches {

	private final GraphGeneration generation;

	public GraphCaches(GraphGeneration generation) {
		this.generation = generation;
	}

	/**
	 * A new cache.
	 * @param ttl how long an answer is kept; zero turns the cache off
	 * @param maxWeight the most weight kept together
	 * @param weight an answer's weight
	 * @param <K> the questions
	 * @param <V> the answers
	 * @return the cache
	 */
	public <K, V> GraphCache<K, V> create(Duration ttl, long maxWeight, ToIntFunction<V> weight) {
		return new GraphCache<>(this.generation, ttl, maxWeight, weight);
	}

}
