package org.policygraph.cache;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

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
 * <p>
 * It also remembers when each of the last {@value #REMEMBERED} generations ended (the
 * next change), and the generation the current store began with (the last bulk load), for
 * a cache that may serve an answer of an earlier generation for a bounded time
 * ({@link ResponseCache}, {@code serve-stale}).
 */
@Component
public class GraphGeneration {

	/** How many generations' end times are remembered. */
	static final int REMEMBERED = 10_000;

	private final AtomicLong value = new AtomicLong();

	private final AtomicLong storeStarted = new AtomicLong();

	/** When each generation began, by its number ({@link #now()}). */
	private final ConcurrentSkipListMap<Long, Long> began = new ConcurrentSkipListMap<>();

	private final List<Consumer<GraphChanged>> emptyings = new CopyOnWriteArrayList<>();

	private volatile LongSupplier ticker = System::nanoTime;

	/** The number of the changes seen so far. */
	public long current() {
		return this.value.get();
	}

	/**
	 * The generation the current store began with: answers of earlier generations were
	 * read from a store that was replaced (a bulk load).
	 */
	long storeStarted() {
		return this.storeStarted.get();
	}

	/**
	 * When a generation ended, that is when the change after it was seen.
	 * @param generation a generation's number
	 * @return the time ({@link #now()}), empty for the current generation, or for one
	 * ended so long ago that it is no longer remembered ({@link Long#MIN_VALUE} then)
	 */
	OptionalLong endedAt(long generation) {
		if (generation >= current()) {
			return OptionalLong.empty();
		}
		Long next = this.began.get(generation + 1);
		return OptionalLong.of((next != null) ? next : Long.MIN_VALUE);
	}

	/** The clock of {@link #endedAt}: nanoseconds, as {@link System#nanoTime()}. */
	long now() {
		return this.ticker.getAsLong();
	}

	/** For tests: another clock. */
	void ticker(LongSupplier ticker) {
		this.ticker = ticker;
	}

	/**
	 * Registers a cache to empty on each change.
	 * @param empty what empties it
	 */
	void onChange(Runnable empty) {
		this.emptyings.add(change -> empty.run());
	}

	/**
	 * Registers a cache to tell of each change, which decides what to drop by its cause.
	 * @param listener told of each change, after the new generation began
	 */
	void onEachChange(Consumer<GraphChanged> listener) {
		this.emptyings.add(listener);
	}

	// Before anyone else hears of the write (the subscriptions that tell clients of it):
	// a client
	// that asks again at once must not be answered from before it.
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	public void onGraphChanged(GraphChanged change) {
		long now = now();
		long next;
		synchronized (this.began) {
			next = this.value.get() + 1;
			this.began.put(next, now);
			if (change.cause() == GraphChanged.Cause.STORE_REPLACED) {
				this.storeStarted.set(next);
			}
			this.value.set(next);
			while (this.began.size() > REMEMBERED) {
				this.began.pollFirstEntry();
			}
		}
		this.emptyings.forEach(listener -> listener.accept(change));
	}

}
