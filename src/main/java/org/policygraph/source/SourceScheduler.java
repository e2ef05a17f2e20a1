package org.policygraph.source;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Every {@code policygraph.sources.tick}: makes the configured sources the graph's (until
 * that has worked once) and, when {@code policygraph.sources.polling-enabled} is on,
 * starts polls of the sources that are due. A tick that cannot reach the database only
 * logs: the next one tries again.
 */
class SourceScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SourceScheduler.class);

	private final SourceService service;

	private final SourceProperties properties;

	private volatile ScheduledExecutorService ticks;

	SourceScheduler(SourceService service, SourceProperties properties) {
		this.service = service;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (this.ticks != null) {
			return;
		}
		this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "source-scheduler");
			t.setDaemon(true);
			return t;
		});
		long tick = this.properties.tick().toMillis();
		this.ticks.scheduleWithFixedDelay(this::tick, Math.min(tick, 1_000), tick, TimeUnit.MILLISECONDS);
		if (this.properties.pollingEnabled()) {
			log.info("Polling sources every {} (checked every {})", this.properties.pollInterval(),
					this.properties.tick());
		}
	}

	private void tick() {
		try {
			this.service.ensureConfigured();
			if (this.properties.pollingEnabled()) {
				this.service.pollDue();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for sources to poll: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.ticks != null) {
			this.ticks.shutdownNow();
			this.ticks = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.ticks != null;
	}

	/** Stops before the database connection does (which stops at the default phase). */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

}
