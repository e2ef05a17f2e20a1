package org.policygraph.article;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.policygraph.article.ArticleQueries.ArticleFilter;
import org.policygraph.cache.GraphCache;
import org.policygraph.cache.GraphCaches;
import org.policygraph.graphql.PageRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The order of the article lists that start from one province, document or party body,
 * kept between the pages of a walk.
 * <p>
 * Each page of such a list is otherwise one statement that sorts every article of the
 * node (2,257 for the most mentioned province of a 100,000-article graph) to keep the
 * page's 20 after the cursor. With the order kept (each article's sort date and id, at
 * most {@link ArticleOrderProperties#maxListSize()} of them), a page is found in memory
 * and its articles read by id: later pages of a walk cost a lookup of 20 articles instead
 * of a sort. The cursors are the same either way (sort date and id), so a client cannot
 * tell which path answered, and a cursor the kept order does not hold is answered by the
 * statement.
 * <p>
 * Kept in a {@link GraphCache} of the cache package: emptied as soon as a change of the
 * graph through this instance commits, never used for a fresh read (a request that sent
 * Neo4j bookmarks), writes through other instances showing after at most the
 * time-to-live; a time-to-live of zero turns it off.
 */
@Component
@EnableConfigurationProperties(ArticleOrderProperties.class)
class ArticleOrders {

	private final GraphCache<ArticleFilter, KeptOrder> orders;

	private final int maxListSize;

	ArticleOrders(ArticleOrderProperties properties, GraphCaches caches) {
		this.maxListSize = properties.maxListSize();
		this.orders = caches.create(properties.ttl(), properties.maxRows(), order -> Math.max(1, order.size()));
	}

	/** The longest list kept. */
	int maxListSize() {
		return this.maxListSize;
	}

	/**
	 * The kept order of a list, computed if need be.
	 * @param filter the list (one that starts from a node)
	 * @param compute the order, or empty when the list is longer than
	 * {@link #maxListSize()}
	 * @return the order, or empty when it is not kept (off, a fresh read, too long)
	 */
	Optional<KeptOrder> order(ArticleFilter filter, Supplier<Optional<List<Row>>> compute) {
		KeptOrder kept = this.orders.get(filter, () -> new KeptOrder(compute.get().orElse(null)));
		return (kept != null && kept.rows() != null) ? Optional.of(kept) : Optional.empty();
	}

	/** How many orders are kept now (after pending evictions). */
	long size() {
		return this.orders.size();
	}

	/**
	 * An article's place in a list.
	 *
	 * @param sortDate its date in the list's order (undated articles have the list's
	 * placeholder)
	 * @param id the article
	 */
	record Row(LocalDate sortDate, String id) {
	}

	/**
	 * A list's order; {@code rows} is {@code null} for a list too long to keep
	 * (remembered, so that its pages do not try again).
	 */
	static final class KeptOrder {

		private final @Nullable List<Row> rows;

		private final Map<String, Integer> positions;

		KeptOrder(@Nullable List<Row> rows) {
			this.rows = (rows != null) ? List.copyOf(rows) : null;
			this.positions = new HashMap<>();
			if (rows != null) {
				for (int i = 0; i < rows.size(); i++) {
					this.positions.put(rows.get(i).id(), i);
				}
			}
		}

		@Nullable List<Row> rows() {
			return this.rows;
		}

		int size() {
			return (this.rows != null) ? this.rows.size() : 0;
		}

		/**
		 * The ids of a page, with one more when there is a next page.
		 * @param page where and how many
		 * @return the ids, or empty when the cursor's article is not in this order at the
		 * cursor's date (the list changed: the statement answers)
		 */
		Optional<List<String>> page(PageRequest page) {
			List<Row> all = this.rows;
			if (all == null) {
				return Optional.empty();
			}
			int start = 0;
			String afterId = page.afterPart(1);
			if (afterId != null) {
				Integer at = this.positions.get(afterId);
				if (at == null || !all.get(at).sortDate().equals(page.afterDate(0))) {
					return Optional.empty();
				}
				start = at + 1;
			}
			int end = Math.min(all.size(), start + page.first() + 1);
			return Optional.of(all.subList(start, end).stream().map(Row::id).toList());
		}

	}

}
