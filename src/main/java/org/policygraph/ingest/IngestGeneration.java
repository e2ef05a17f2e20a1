package org.policygraph.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The ingests this instance has committed, for the caches of answers read from the graph (the
 * dashboards' aggregates and responses, the kept orders of article lists). A cache keys what it
 * keeps by {@link #current()} and registers how to empty itself: on each ingest the number grows
 * and every registered cache is emptied, so an answer computed before the ingest committed is never
 * served after it, not even one still being computed when its cache was emptied (it is kept under
 * the old number, which no later request asks for).
 */
@Component
public class IngestGeneration {

	private final AtomicLong value = new AtomicLong();

	private final List<Runnable> emptyings = new CopyOnWriteArrayList<>();

	/** The number of the ingests seen so far. */
	public long current() {
		return this.value.get();
	}

	/**
	 * Registers a cache to empty on each ingest.
	 * @param empty what empties it
	 */
	public void onIngest(Runnable empty) {
		this.emptyings.add(empty);
	}

	// Before the subscriptions tell clients of the ingest: a client that asks again at once must
	// not be answered from before it.
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	public void onArticlesIngested(ArticlesIngestedEvent event) {
		this.value.incrementAndGet();
		this.emptyings.forEach(Runnable::run);
	}

}
