package org.policygraph.article;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The kept orders of article lists ({@link ArticleOrders}).
 *
 * @param ttl how long an order is kept; the longest a write through another instance
 * takes to show in a walk that started before it; zero turns keeping off
 * @param maxListSize the longest list whose order is kept (a list is the articles
 * mentioning one province, document or party body); longer lists are paged by one
 * statement per page
 * @param maxRows the most rows kept for all lists together (about 250 bytes each with its
 * index entry)
 */
@ConfigurationProperties("policygraph.articles.order-cache")
public record ArticleOrderProperties(Duration ttl, int maxListSize, long maxRows) {

	public ArticleOrderProperties {
		ttl = (ttl != null && !ttl.isNegative()) ? ttl : Duration.ofSeconds(30);
		maxListSize = (maxListSize > 0) ? maxListSize : 5_000;
		maxRows = (maxRows > 0) ? maxRows : 200_000;
	}

}
