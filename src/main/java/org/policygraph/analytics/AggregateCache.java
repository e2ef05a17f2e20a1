package org.policygraph.analytics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.policygraph.ingest.ArticlesIngestedEvent;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The dashboard aggregates of this instance, kept for
 * {@link AggregateCacheProperties#ttl()}: dozens of dashboards opening at once ask the same few
 * questions, and each answer reads thousands of relationships.
 * <ul>
 * <li>An ingest through this instance empties the cache as soon as its batch commits (the answers
 * are recomputed on the next request, once per question however many ask at once).</li>
 * <li>A request that sends Neo4j bookmarks (reading its own writes, possibly made through another
 * instance) is answered from the database, never from the cache.</li>
 * <li>Writes through other instances show after at most the time-to-live.</li>
 * </ul>
 * A time-to-live of zero turns the cache off.
 */
@Component
@EnableConfigurationProperties(AggregateCacheProperties.class)
class AggregateCache {

	private final Cache<Object, Object> answers;

	private final boolean enabled;

	/** Counts the ingests seen, so that an answer computed across one is not kept. */
	private final AtomicLong generation = new AtomicLong();

	AggregateCache(AggregateCacheProperties properties) {
		this.enabled = !properties.ttl().isZero();
		this.answers = Caffeine.newBuilder()
			.expireAfterWrite(this.enabled ? properties.ttl() : Duration.ofNanos(1))
			.maximumSize(properties.maxEntries())
			.build();
	}

	/**
	 * The answer to a question, from the cache or computed (once, however many ask at once).
	 * @param question what is asked: a value object naming the query and its arguments
	 * @param fresh whether the answer must come from the database
	 * @param compute how to compute the answer
	 * @param <T> the answer's type
	 * @return the answer
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object question, boolean fresh, Supplier<T> compute) {
		if (!this.enabled || fresh) {
			return compute.get();
		}
		long generation = this.generation.get();
		T answer = (T) this.answers.get(question, q -> compute.get());
		if (this.generation.get() != generation) {
			// An ingest committed while the answer was computed: it may predate the ingest.
			this.answers.invalidate(question);
		}
		return answer;
	}

	@EventListener
	void onArticlesIngested(ArticlesIngestedEvent event) {
		this.generation.incrementAndGet();
		this.answers.invalidateAll();
	}

	/** How many answers are kept now (after pending evictions). */
	long size() {
		this.answers.cleanUp();
		return this.answers.estimatedSize();
	}

}
