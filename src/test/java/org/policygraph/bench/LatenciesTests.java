package org.policygraph.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nearest-rank percentiles of the benchmark's latency samples.
 */
class LatenciesTests {

	@Test
	void shouldTakeTheNearestRankPercentiles() {
		Latencies latencies = new Latencies();
		for (int ms = 100; ms >= 1; ms--) {
			latencies.add(ms * 1_000_000L);
		}

		assertThat(latencies.count()).isEqualTo(100);
		assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
		assertThat(latencies.percentileMillis(95)).isEqualTo(95.0);
		assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
		assertThat(latencies.maxMillis()).isEqualTo(100.0);
		assertThat(latencies.meanMillis()).isEqualTo(50.5);
	}

	@Test
	void shouldGrowBeyondItsFirstArrayAndMergeAnotherMeasurement() {
		Latencies a = new Latencies();
		Latencies b = new Latencies();
		for (int i = 0; i < 3000; i++) {
			a.add(1_000_000L);
			b.add(3_000_000L);
		}
		a.addAll(b);

		assertThat(a.count()).isEqualTo(6000);
		assertThat(a.percentileMillis(50)).isEqualTo(1.0);
		assertThat(a.percentileMillis(51)).isEqualTo(3.0);
	}

	@Test
	void shouldAnswerZeroWithoutSamples() {
		assertThat(new Latencies().percentileMillis(99)).isZero();
		assertThat(new Latencies().summary()).containsEntry("count", 0);
	}

}
