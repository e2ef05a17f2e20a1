package org.policygraph.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.policygraph.article.ArticleQueries.ArticleFilter;
import org.policygraph.graphql.Batches;
import org.policygraph.graphql.Connection;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.PageRequest;
import org.policygraph.implementation.Evidence;
import org.policygraph.search.SearchText;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Article lookups and the article list.
 */
@Controller
class ArticleController {

	private final ArticleQueries queries;

	private final ArticleOrders orders;

	ArticleController(ArticleQueries queries, ArticleOrders orders) {
		this.queries = queries;
		this.orders = orders;
	}

	@QueryMapping
	Connection<Article> articles(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable String provinceKey, @Argument @Nullable String documentKey,
			@Argument @Nullable String bodyKey, @Argument @Nullable LocalDate from, @Argument @Nullable LocalDate to,
			@Argument @Nullable String orderBy, @Argument @Nullable String text, DataFetchingFieldSelectionSet selection) {
		PageRequest page = PageRequest.of(first, after, 2);
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidArgumentException("from", "is after 'to' (" + from + " > " + to + ")");
		}
		boolean oldestFirst = "PUBLISHED_ASC".equals(orderBy);
		String textQuery = null;
		if (text != null) {
			SearchText words = SearchText.parse(text);
			if (words.isEmpty()) {
				throw new InvalidArgumentException("text", "has no words to look for");
			}
			textQuery = words.query();
		}
		ArticleFilter filter = new ArticleFilter(provinceKey, documentKey, bodyKey, from, to, oldestFirst, textQuery);
		boolean withText = selection.contains("edges/node/text");
		if (filter.startsFromNode()) {
			Optional<Connection<Article>> kept = fromKeptOrder(filter, page, withText);
			if (kept.isPresent()) {
				return kept.get();
			}
		}
		// Counting every matching article costs as much as a page; only when the client asks.
		long total = selection.contains("totalCount") ? this.queries.count(filter) : 0;
		List<Article> articles = this.queries.page(filter, page, withText);
		return Connection.of(articles, page, a -> cursor(a, oldestFirst), total);
	}

	/**
	 * A page from the list's kept order ({@link ArticleOrders}): the page's ids found in memory,
	 * the articles read by id. Empty when the order is not kept (or a fresh read), the cursor is not
	 * in it, or an article has gone meanwhile; the statement answers then.
	 */
	private Optional<Connection<Article>> fromKeptOrder(ArticleFilter filter, PageRequest page, boolean withText) {
		return this.orders.order(filter, () -> this.queries.order(filter, this.orders.maxListSize()))
			.flatMap(order -> order.page(page).flatMap(ids -> {
				List<Article> articles = this.queries.inOrder(ids, withText);
				return (articles.size() == ids.size()) ? Optional.of(
						Connection.of(articles, page, a -> cursor(a, filter.oldestFirst()), order.size()))
						: Optional.empty();
			}));
	}

	@QueryMapping
	@Nullable Article article(@Argument String id) {
		return this.queries.byId(id).orElse(null);
	}

	@BatchMapping(typeName = "Evidence", field = "article")
	Map<Evidence, Article> evidenceArticle(List<Evidence> evidence) {
		return Batches.carriedOrLookedUp(evidence, Evidence::article, Evidence::articleId, this.queries::byIds);
	}

	private static Cursor cursor(Article article, boolean oldestFirst) {
		LocalDate undated = oldestFirst ? ArticleQueries.UNDATED_LAST : ArticleQueries.UNDATED;
		return Cursor.of(((article.publishedAt() != null) ? article.publishedAt() : undated).toString(), article.id());
	}

}
