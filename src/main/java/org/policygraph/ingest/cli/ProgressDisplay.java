package org.policygraph.ingest.cli;

import org.policygraph.ingest.ArticleOutcome;
import org.policygraph.ingest.IngestListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows an ingest run's progress: on a terminal a bar redrawn in place with records, rate
 * and ETA (from the bytes read of the input's total size); elsewhere (a pipe, a log) a
 * plain line every ten seconds.
 */
final class ProgressDisplay implements IngestListener {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final boolean terminal;

	private final long totalBytes;

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong records = new AtomicLong();

	private final long started = System.nanoTime();

	private volatile long lastDrawn;

	private boolean finished;

	ProgressDisplay(PrintStream out, boolean terminal, long totalBytes) {
		this.out = out;
		this.terminal = terminal;
		this.totalBytes = totalBytes;
	}

	@Override
	public void onOutcome(ArticleOutcome outcome) {
		this.records.incrementAndGet();
	}

	@Override
	public void onBytes(long bytes) {
		this.bytes.addAndGet(bytes);
	}

	@Override
	public void onBatch(long recordsSoFar) {
		long now = System.nanoTime();
		long interval = this.terminal ? 200_000_000L : 10_000_000_000L;
		if (now - this.lastDrawn >= interval) {
			this.lastDrawn = now;
			draw(false);
		}
	}

	/** Draws the final state once; later calls do nothing. */
	synchronized void finish() {
		if (this.finished) {
			return;
		}
		this.finished = true;
		if (this.terminal) {
			draw(true);
			this.out.println();
		}
	}

	private synchronized void draw(boolean done) {
		double seconds = Math.max((System.nanoTime() - this.started) / 1e9, 1e-3);
		long n = this.records.get();
		double rate = n / seconds;
		double fraction = done ? 1.0
				: (this.totalBytes > 0 ? Math.min(1.0, this.bytes.get() / (double) this.totalBytes) : 0);
		String eta = (fraction > 0.01 && !done) ? duration(seconds / fraction - seconds) : "--:--";
		String line = String.format(Locale.ROOT, "%,d records · %,.0f/s · %3.0f%% · ETA %s", n, rate, fraction * 100,
				eta);
		if (this.terminal) {
			int filled = (int) Math.round(fraction * WIDTH);
			this.out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + line + "   ");
		}
		else {
			this.out.println("progress: " + line);
		}
		this.out.flush();
	}

	private static String duration(double seconds) {
		long s = Math.round(seconds);
		return (s >= 3600) ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
				: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}

}
