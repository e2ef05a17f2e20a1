package org.policygraph.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The changes of the graph this instance has seen ({@link GraphChanged}), for the caches
 * of answers read from it. A cache keys what it keeps by {@link #current()} and registers
 * how to empty itself: on each change the number grows and every registered cache is
 * emptied, so an answer computed before the change committed is never served after it,
 * not even one still being computed when its cache was emptied (it is kept under the old
 * number, which no later request asks for).
 */
@Component
public class GraphGeneration {

	private final AtomicLong value = new AtomicLong();

	private final List<Runnable> emptyings = new CopyOnWriteArrayList<>();

	/** The number of the changes seen so far. */
	public long current() {
		return this.value.get();
	}

	/**
	 * Registers a cache to empty on each change.
	 * @param empty what empties it
	 */
	void onChange(Runnable empty) {
		this.emptyings.add(empty);
	}

	// Before anyone else hears of the write (the subscriptions that tell clients of it):
	// a client
	// that asks again at once must not be answered from before it.
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	public void onGraphChanged(GraphChanged change) {
		this.value.incrementAndGet();
		this.emptyings.forEach(Runnable::run);
	}

}
