package org.policygraph.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphCacheTests {

	private final GraphGeneration generation = new GraphGeneration();

	private final GraphCaches caches = new GraphCaches(this.generation);

	private final GraphCache<String, Integer> cache = this.caches.create(Duration.ofMinutes(10), 100, answer -> 1);

	private final AtomicInteger computed = new AtomicInteger();

	@Test
	void shouldComputeAnAnswerOnceUntilTheGraphChanges() {
		assertThat(this.cache.get("q", this.computed::incrementAndGet)).isEqualTo(1);
		assertThat(this.cache.get("q", this.computed::incrementAndGet)).isEqualTo(1);
		assertThat(this.cache.get("other", this.computed::incrementAndGet)).isEqualTo(2);

		this.generation.onGraphChanged(GraphChanged.written());

		assertThat(this.cache.size()).isZero();
		assertThat(this.cache.get("q", this.computed::incrementAndGet)).isEqualTo(3);

		this.generation.onGraphChanged(GraphChanged.storeReplaced());

		assertThat(this.cache.get("q", this.computed::incrementAndGet)).isEqualTo(4);
	}

	@Test
	void shouldNotServeAnAnswerComputedAcrossAChange() {
		Integer during = this.cache.get("q", () -> {
			this.generation.onGraphChanged(GraphChanged.written());
			return this.computed.incrementAndGet();
		});

		assertThat(during).isEqualTo(1);
		assertThat(this.cache.get("q", this.computed::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void shouldNeitherAnswerNorKeepForAFreshRead() {
		assertThat(this.cache.get("q", this.computed::incrementAndGet)).isEqualTo(1);

		try (FreshReads.Scope fresh = FreshReads.begin()) {
			assertThat(FreshReads.requested()).isTrue();
			assertThat(this.cache.get("q", this.computed::incrementAndGet)).isNull();
			assertThat(this.cache.get("new", this.computed::incrementAndGet)).isNull();
		}

		assertThat(FreshReads.requested()).isFalse();
		assertThat(this.computed).hasValue(1);
		assertThat(this.cache.get("q", this.computed::incrementAndGet)).isEqualTo(1);
		assertThat(this.cache.size()).isEqualTo(1);
	}

	@Test
	void shouldAnswerNothingWhenTheTimeToLiveIsZero() {
		GraphCache<String, Integer> off = this.caches.create(Duration.ZERO, 100, answer -> 1);

		assertThat(off.get("q", this.computed::incrementAndGet)).isNull();
		assertThat(this.computed).hasValue(0);
	}

	@Test
	void shouldEndAFreshReadOnlyOnItsOwnThreadAndOnlyOnce() throws Exception {
		FreshReads.Scope outer = FreshReads.begin();
		FreshReads.Scope inner = FreshReads.begin();
		Thread other = new Thread(inner::close);
		other.start();
		other.join();
		assertThat(FreshReads.requested()).as("closed on another thread: still fresh").isTrue();

		inner.close();
		inner.close();
		assertThat(FreshReads.requested()).as("the outer scope is still open").isTrue();

		outer.close();
		assertThat(FreshReads.requested()).isFalse();
	}

}
