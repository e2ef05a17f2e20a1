package org.policygraph.source;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;

/**
 * The threads of the live sources: one per source polled at a time, and the page fetchers
 * they share (each waits its turn at its host, so a few threads suffice). Stopped with
 * the context.
 */
final class SourceThreads implements DisposableBean {

	private final ExecutorService polls;

	private final ExecutorService pages;

	SourceThreads(int sources, int pages) {
		this.polls = Executors.newFixedThreadPool(sources, named("source-poll"));
		this.pages = Executors.newFixedThreadPool(pages, named("source-page"));
	}

	ExecutorService polls() {
		return this.polls;
	}

	ExecutorService pages() {
		return this.pages;
	}

	@Override
	public void destroy() {
		this.polls.shutdownNow();
		this.pages.shutdownNow();
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return r -> {
			Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}

}
