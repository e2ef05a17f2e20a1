package org.policygraph.fuzz;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The knobs of a fuzz run, read from system properties so that a failure can be replayed:
 * {@code fuzz.seed} (random when absent), {@code fuzz.iterations} (the number of requests
 * or inputs), {@code fuzz.only} (run just this iteration index) and {@code fuzz.timeout}
 * (seconds one request may take). Every iteration gets its own generator derived from the
 * seed and its index, so iteration {@code i} is the same whatever ran before it.
 *
 * @param seed the run's seed
 * @param iterations how many iterations to run
 * @param only the single iteration to run, or -1 for all
 * @param timeout how long one request may take
 */
public record FuzzSettings(long seed, int iterations, int only, Duration timeout) {

	/**
	 * @param defaultIterations the iterations when {@code fuzz.iterations} is not set
	 * @param defaultTimeout the per-request bound when {@code fuzz.timeout} is not set
	 * @return the settings of this run
	 */
	public static FuzzSettings fromSystemProperties(int defaultIterations, Duration defaultTimeout) {
		String seed = System.getProperty("fuzz.seed");
		String iterations = System.getProperty("fuzz.iterations");
		String only = System.getProperty("fuzz.only");
		String timeout = System.getProperty("fuzz.timeout");
		return new FuzzSettings(
				(seed == null || seed.isBlank()) ? ThreadLocalRandom.current().nextLong()
						: Long.parseLong(seed.strip()),
				(iterations == null || iterations.isBlank()) ? defaultIterations : Integer.parseInt(iterations.strip()),
				(only == null || only.isBlank()) ? -1 : Integer.parseInt(only.strip()),
				(timeout == null || timeout.isBlank()) ? defaultTimeout
						: Duration.ofSeconds(Long.parseLong(timeout.strip())));
	}

	/**
	 * @param index the iteration
	 * @return whether this run includes the iteration
	 */
	public boolean runs(int index) {
		return this.only < 0 || this.only == index;
	}

	/**
	 * @param index the iteration
	 * @return the iteration's own generator: the same for the same seed and index
	 */
	public Random random(int index) {
		long z = this.seed + (index + 1) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return new Random(z ^ (z >>> 31));
	}

	/**
	 * @param name the fuzz target, e.g. the test class
	 * @return a line to print at the start of a run, saying how to replay it
	 */
	public String banner(String name) {
		return name + ": fuzz.seed=" + this.seed + " fuzz.iterations=" + this.iterations
				+ ((this.only >= 0) ? " fuzz.only=" + this.only : "") + " fuzz.timeout=" + this.timeout.toSeconds()
				+ "s (replay with -Dfuzz.seed=" + this.seed + " -Dfuzz.iterations=" + this.iterations + ")";
	}

	/**
	 * @param index the failing iteration
	 * @return the replay hint for an assertion message
	 */
	public String replay(int index) {
		return "[fuzz.seed=" + this.seed + " iteration " + index + "; replay with -Dfuzz.seed=" + this.seed
				+ " -Dfuzz.iterations=" + this.iterations + " or just this one with -Dfuzz.only=" + index + "]";
	}

}
