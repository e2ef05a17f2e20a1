package org.policygraph.article;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.policygraph.article.ArticleOrders.KeptOrder;
import org.policygraph.article.ArticleOrders.Row;
import org.policygraph.article.ArticleQueries.ArticleFilter;
import org.policygraph.cache.FreshReads;
import org.policygraph.cache.GraphCaches;
import org.policygraph.cache.GraphChanged;
import org.policygraph.cache.GraphGeneration;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleOrdersTests {

	private static final ArticleFilter NGHE_AN = new ArticleFilter("40", null, null, null, null, false, null);

	private static final List<Row> ROWS = List.of(new Row(LocalDate.of(2020, 5, 1), "c"),
			new Row(LocalDate.of(2020, 4, 1), "a"), new Row(LocalDate.of(2020, 4, 1), "b"),
			new Row(LocalDate.of(2020, 3, 1), "d"), new Row(LocalDate.of(2020, 2, 1), "e"));

	private final GraphGeneration generation = new GraphGeneration();

	private final GraphCaches caches = new GraphCaches(this.generation);

	private final AtomicInteger computed = new AtomicInteger();

	private Optional<List<Row>> compute() {
		this.computed.incrementAndGet();
		return Optional.of(ROWS);
	}

	private static PageRequest after(Row row, int first) {
		return PageRequest.of(first, Cursor.of(row.sortDate().toString(), row.id()).encode(), 2);
	}

	@Test
	void shouldGiveAPageWithOneMoreIdWhenThereIsANextPage() {
		KeptOrder order = new KeptOrder(ROWS);

		assertThat(order.page(PageRequest.of(2, null, 2))).contains(List.of("c", "a", "b"));
		assertThat(order.page(after(ROWS.get(1), 2))).contains(List.of("b", "d", "e"));
		assertThat(order.page(after(ROWS.get(2), 2))).contains(List.of("d", "e"));
		assertThat(order.page(after(ROWS.get(4), 2))).contains(List.of());
	}

	@Test
	void shouldLeaveACursorItDoesNotHoldToTheStatement() {
		KeptOrder order = new KeptOrder(ROWS);

		assertThat(order.page(after(new Row(LocalDate.of(2020, 4, 1), "zz"), 2))).isEmpty();
		// The article is there, but at another date: the list changed since the cursor
		// was made.
		assertThat(order.page(after(new Row(LocalDate.of(2019, 1, 1), "a"), 2))).isEmpty();
	}

	@Test
	void shouldComputeAnOrderOnceAndAgainAfterAnIngest() {
		ArticleOrders orders = new ArticleOrders(new ArticleOrderProperties(null, 0, 0), this.caches);

		assertThat(orders.order(NGHE_AN, this::compute)).isPresent();
		assertThat(orders.order(NGHE_AN, this::compute)).isPresent();
		assertThat(this.computed).hasValue(1);

		this.generation.onGraphChanged(GraphChanged.written());
		assertThat(orders.order(NGHE_AN, this::compute)).isPresent();
		assertThat(this.computed).hasValue(2);
	}

	@Test
	void shouldRememberThatAListIsTooLongToKeep() {
		ArticleOrders orders = new ArticleOrders(new ArticleOrderProperties(null, 0, 0), this.caches);

		assertThat(orders.order(NGHE_AN, () -> {
			this.computed.incrementAndGet();
			return Optional.empty();
		})).isEmpty();
		assertThat(orders.order(NGHE_AN, this::compute)).isEmpty();
		assertThat(this.computed).hasValue(1);
	}

	@Test
	void shouldNotKeepForFreshReadsOrWhenTurnedOff() {
		ArticleOrders on = new ArticleOrders(new ArticleOrderProperties(null, 0, 0), this.caches);
		ArticleOrders off = new ArticleOrders(new ArticleOrderProperties(Duration.ZERO, 0, 0), this.caches);

		try (FreshReads.Scope fresh = FreshReads.begin()) {
			assertThat(on.order(NGHE_AN, this::compute)).isEmpty();
		}
		assertThat(off.order(NGHE_AN, this::compute)).isEmpty();
		assertThat(this.computed).hasValue(0);
		assertThat(on.size()).isZero();
	}

	@Test
	void shouldKeepOrdersOfDifferentFiltersApart() {
		ArticleOrders orders = new ArticleOrders(new ArticleOrderProperties(null, 0, 0), this.caches);
		ArticleFilter oldestFirst = new ArticleFilter("40", null, null, null, null, true, null);

		orders.order(NGHE_AN, this::compute);
		orders.order(oldestFirst, this::compute);

		assertThat(this.computed).hasValue(2);
		assertThat(orders.size()).isEqualTo(2);
	}

}
