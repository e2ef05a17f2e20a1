package org.policygraph.analytics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.policygraph.ingest.ArticlesIngestedEvent;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateCacheTests {

	private final AtomicInteger computed = new AtomicInteger();

	private final AggregateCache cache = new AggregateCache(new AggregateCacheProperties(Duration.ofMinutes(10), 100));

	@Test
	void shouldComputeAQuestionOnceUntilAnIngest() {
		assertThat(answer("q", false)).isEqualTo(1);
		assertThat(answer("q", false)).isEqualTo(1);
		assertThat(answer("other", false)).isEqualTo(2);

		this.cache.onArticlesIngested(new ArticlesIngestedEvent(List.of("a1")));

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
			this.cache.onArticlesIngested(new ArticlesIngestedEvent(List.of("a1")));
			return this.computed.incrementAndGet();
		});

		assertThat(during).isEqualTo(1);
		assertThat(answer("q", false)).isEqualTo(2);
	}

	@Test
	void shouldComputeEveryTimeWhenTheTimeToLiveIsZero() {
		AggregateCache off = new AggregateCache(new AggregateCacheProperties(Duration.ZERO, 100));

		assertThat(off.get("q", false, this.computed::incrementAndGet)).isEqualTo(1);
		assertThat(off.get("q", false, this.computed::incrementAndGet)).isEqualTo(2);
	}

	private int answer(String question, boolean fresh) {
		return this.cache.get(question, fresh, this.computed::incrementAndGet);
	}

}
