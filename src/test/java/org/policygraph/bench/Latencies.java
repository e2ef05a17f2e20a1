package org.policygraph.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency samples of one measurement, in nanoseconds, with their nearest-rank
 * percentiles. The sample counts of a benchmark run (at most a few hundred thousand) fit
 * in an array, so the percentiles are exact rather than bucketed.
 */
final class Latencies {

	private long[] samples = new long[1024];

	private int size;

	/** Adds one sample. */
	synchronized void add(long nanos) {
		if (this.size == this.samples.length) {
			this.samples = Arrays.copyOf(this.samples, this.size * 2);
		}
		this.samples[this.size++] = nanos;
	}

	/** Adds every sample of another measurement. */
	synchronized void addAll(Latencies other) {
		long[] theirs = other.snapshot();
		for (long nanos : theirs) {
			add(nanos);
		}
	}

	synchronized int count() {
		return this.size;
	}

	synchronized long[] snapshot() {
		return Arrays.copyOf(this.samples, this.size);
	}

	/**
	 * @param percentile 0 to 100
	 * @return the smallest sample with at least {@code percentile} % of the samples at or
	 * below it (nearest rank), in milliseconds; 0 without samples
	 */
	double percentileMillis(double percentile) {
		long[] sorted = snapshot();
		if (sorted.length == 0) {
			return 0;
		}
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	double maxMillis() {
		return percentileMillis(100);
	}

	double meanMillis() {
		long[] all = snapshot();
		return (all.length == 0) ? 0 : Arrays.stream(all).average().orElse(0) / 1e6;
	}

	/** The usual summary: count, p50, p95, p99, max and mean in milliseconds. */
	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("count", count());
		summary.put("p50Ms", round(percentileMillis(50)));
		summary.put("p95Ms", round(percentileMillis(95)));
		summary.put("p99Ms", round(percentileMillis(99)));
		summary.put("maxMs", round(maxMillis()));
		summary.put("meanMs", round(meanMillis()));
		return summary;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
