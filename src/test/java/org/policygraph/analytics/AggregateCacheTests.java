package org.policygraph.analytics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.policygraph.ingest.ArticlesIngestedEvent;
import org.policygraph.ingest.IngestGeneration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateCacheTests {

	private final AtomicInteger computed = new AtomicInteger();

	private final IngestGeneration generation = new IngestGeneration();

	private final AggregateCache cache = new AggregateCache(new AggregateCacheProperties(Duration.ofMinutes(10), 100),
			this.generation);

	@Test
	void shouldComputeAQuestionOnceUntilAnIngest() {
		assertThat(answer("q", false)).isEqualTo(1);
		assertThat(answer("q", false)).isEqualTo(1);
		assertThat(answer("other", false)).isEqualTo(2);

		this.generation.onArticlesIngested(new ArticlesIngestedEvent(List.of("a1")));

		assertThat(answer("q", false)).isEqualTo(3);
		assertThat(this.computed.get()).isEqualTo(3);
	}

	@Test
	void shouldAlwaysComputeForAFreshRead() {
		assertThat(answer("q", false)).isEqualTo(1);
		assertThat(answer("q", true)).isEqualTo(2);
		assertThat(answer("q", false)).as("the fresh answer does not replace the cached one").isEqualTo(1);
	}

	@Test
	void shouldNotKeepAnAnswerComputedAcrossAnIngest() {
		Integer during = this.cache.get("q", false, () -> {
			this.generation.onArticlesIngested(new ArticlesIngestedEvent(List.of("a1")));
			return this.computed.incrementAndGet();
		});

		assertThat(during).isEqualTo(1);
		assertThat(answer("q", false)).isEqualTo(2);
	}

	@Test
	void shouldComputeOnceForRequestsAskingAtTheSameTime() throws Exception {
		CountDownLatch computing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> this.cache.get("q", false, () -> {
			computing.countDown();
			await(release);
			return this.computed.incrementAndGet();
		}));
		assertThat(computing.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> answer("q", false));
		Thread.sleep(200);
		assertThat(second).isNotDone();

		release.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(this.computed.get()).isEqualTo(1);
	}

	@Test
	void shouldNotKeepAFailedComputation() {
		assertThatThrownBy(() -> this.cache.get("q", false, () -> {
			throw new IllegalStateException("database unavailable");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(answer("q", false)).isEqualTo(1);
	}

	@Test
	void shouldComputeEveryTimeWhenTheTimeToLiveIsZero() {
		AggregateCache off = new AggregateCache(new AggregateCacheProperties(Duration.ZERO, 100), this.generation);

		assertThat(off.get("q", false, this.computed::incrementAndGet)).isEqualTo(1);
		assertThat(off.get("q", false, this.computed::incrementAndGet)).isEqualTo(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private int answer(String question, boolean fresh) {
		return this.cache.get(question, fresh, this.computed::incrementAndGet);
	}

}
