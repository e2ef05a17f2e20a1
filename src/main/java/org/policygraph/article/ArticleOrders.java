package org.policygraph.article;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import org.jspecify.annotations.Nullable;
import org.policygraph.article.ArticleQueries.ArticleFilter;
import org.policygraph.graphql.PageRequest;
import org.policygraph.ingest.IngestGeneration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The order of the article lists that start from one province, document or party body, kept
 * between the pages of a walk.
 * <p>
 * Each page of such a list is otherwise one statement that sorts every article of the node (2,257
 * for the most mentioned province of a 100,000-article graph) to keep the page's 20 after the
 * cursor. With the order kept (each article's sort date and id, at most
 * {@link ArticleOrderProperties#maxListSize()} of them), a page is found in memory and its
 * articles read by id: later pages of a walk cost a lookup of 20 articles instead of a sort. The
 * cursors are the same either way (sort date and id), so a client cannot tell which path
 * answered, and a cursor the kept order does not hold is answered by the statement.
 * <ul>
 * <li>An ingest through this instance empties it as soon as its batch commits (orders are kept
 * per {@link IngestGeneration}, as the dashboards' caches keep theirs).</li>
 * <li>A request that sends Neo4j bookmarks is answered from the database.</li>
 * <li>Writes through other instances show after at most the time-to-live.</li>
 * </ul>
 * A time-to-live of zero turns it off.
 */
@Component
@EnableConfigurationProperties(ArticleOrderProperties.class)
class ArticleOrders {

	private final Cache<Key, KeptOrder> orders;

	private final boolean enabled;

	private final int maxListSize;

	/** Orders of an earlier generation are never used. */
	private final IngestGeneration generation;

	ArticleOrders(ArticleOrderProperties properties, IngestGeneration generation) {
		this.generation = generation;
		this.enabled = !properties.ttl().isZero();
		this.maxListSize = properties.maxListSize();
		this.orders = Caffeine.newBuilder()
			.expireAfterWrite(this.enabled ? properties.ttl() : Duration.ofNanos(1))
			.maximumWeight(properties.maxRows())
			.weigher((Key key, KeptOrder order) -> Math.max(1, order.size()))
			// Expired orders are dropped on time, not at the next use of the cache: after a burst of
			// walks the memory comes back within the time-to-live.
			.scheduler(Scheduler.systemScheduler())
			.build();
		generation.onIngest(this.orders::invalidateAll);
	}

	/** The longest list kept. */
	int maxListSize() {
		return this.maxListSize;
	}

	/**
	 * The kept order of a list, computed if need be.
	 * @param filter the list (one that starts from a node)
	 * @param fresh whether the answer must come from the database
	 * @param compute the order, or empty when the list is longer than {@link #maxListSize()}
	 * @return the order, or empty when it is not kept (off, fresh, too long)
	 */
	Optional<KeptOrder> order(ArticleFilter filter, boolean fresh, Supplier<Optional<List<Row>>> compute) {
		if (!this.enabled || fresh) {
			return Optional.empty();
		}
		Key key = new Key(this.generation.current(), filter);
		KeptOrder kept = this.orders.getIfPresent(key);
		if (kept == null) {
			// Computed outside the cache's locks; two requests computing the same order at once
			// both keep the same answer.
			kept = new KeptOrder(compute.get().orElse(null));
			this.orders.put(key, kept);
		}
		return (kept.rows() != null) ? Optional.of(kept) : Optional.empty();
	}

	/** How many orders are kept now (after pending evictions). */
	long size() {
		this.orders.cleanUp();
		return this.orders.estimatedSize();
	}

	private record Key(long generation, ArticleFilter filter) {
	}

	/**
	 * An article's place in a list.
	 *
	 * @param sortDate its date in the list's order (undated articles have the list's placeholder)
	 * @param id the article
	 */
	record Row(LocalDate sortDate, String id) {
	}

	/**
	 * A list's order; {@code rows} is {@code null} for a list too long to keep (remembered, so
	 * that its pages do not try again).
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
