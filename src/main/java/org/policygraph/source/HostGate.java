package org.policygraph.source;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host politeness: at most a few requests in flight to one host, their starts spaced
 * by a minimum delay, and no request at all while a host has asked for a pause
 * (Retry-After). Shared by every source, so two sources on one site share its budget.
 */
final class HostGate {

	private final int concurrency;

	private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

	HostGate(int concurrency) {
		this.concurrency = concurrency;
	}

	/**
	 * Waits for a turn to send a request to a host.
	 * @param host the host (and port)
	 * @param spacing the minimum time between the starts of two requests to it
	 * @throws InterruptedException when interrupted while waiting
	 */
	void acquire(String host, Duration spacing) throws InterruptedException {
		Host h = host(host);
		h.permits.acquire();
		long startAt;
		synchronized (h) {
			long now = System.nanoTime();
			startAt = Math.max(now, Math.max(h.nextStart, h.pausedUntil));
			h.nextStart = startAt + spacing.toNanos();
		}
		long wait = startAt - System.nanoTime();
		if (wait > 0) {
			try {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			catch (InterruptedException ex) {
				h.permits.release();
				throw ex;
			}
		}
	}

	/**
	 * Gives the turn back after the request has finished.
	 * @param host the host
	 */
	void release(String host) {
		host(host).permits.release();
	}

	/**
	 * Holds every request to a host back for a while (it answered 429 or 503 with
	 * Retry-After).
	 * @param host the host
	 * @param pause how long
	 */
	void pause(String host, Duration pause) {
		Host h = host(host);
		synchronized (h) {
			h.pausedUntil = Math.max(h.pausedUntil, System.nanoTime() + pause.toNanos());
		}
	}

	/**
	 * @param host the host
	 * @return how much longer the host has asked to be left alone (zero when it has not)
	 */
	Duration pausedFor(String host) {
		Host h = host(host);
		synchronized (h) {
			long left = h.pausedUntil - System.nanoTime();
			return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
		}
	}

	private Host host(String host) {
		return this.hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Host(this.concurrency));
	}

	private static final class Host {

		private final Semaphore permits;

		private long nextStart = Long.MIN_VALUE / 2;

		private long pausedUntil = Long.MIN_VALUE / 2;

		Host(int concurrency) {
			this.permits = new Semaphore(concurrency, true);
		}

	}

}
