package org.policygraph.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.policygraph.article.ArticleQueries.ArticleFilter;
import org.policygraph.graph.Article;
import org.policygraph.graph.Document;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graph.PartyBody;
import org.policygraph.graph.Province;
import org.policygraph.graph.SearchText;
import org.policygraph.graphql.Batches;
import org.policygraph.graphql.Connection;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.PageRequest;
import org.policygraph.graphql.Selections;
import org.policygraph.graph.Evidence;
import org.policygraph.graph.SearchText;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Article lookups, the article list, and the fields of an article (its provinces, party
 * bodies and documents), batched.
 */
@Controller
class ArticleController {

	private final ArticleQueries queries;

	private final ArticleOrders orders;

	private final GraphLookups lookups;

	ArticleController(ArticleQueries queries, ArticleOrders orders, GraphLookups lookups) {
		this.queries = queries;
		this.orders = orders;
		this.lookups = lookups;
	}

	@QueryMapping
	Connection<Article> articles(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable String provinceKey, @Argument @Nullable String documentKey,
			@Argument @Nullable String bodyKey, @Argument @Nullable LocalDate from, @Argument @Nullable LocalDate to,
			@Argument @Nullable String orderBy, @Argument @Nullable String text,
			DataFetchingFieldSelectionSet selection) {
		PageRequest page = PageRequest.of(first, after, 2);
		InvalidArgumentException.requirePeriod(from, to);
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
		boolean withText = Selections.asks(selection, "edges/node/text");
		if (filter.startsFromNode()) {
			Optional<Connection<Article>> kept = fromKeptOrder(filter, page, withText);
			if (kept.isPresent()) {
				return kept.get();
			}
		}
		// Counting every matching article costs as much as a page; only when the client
		// asks.
		long total = Selections.asks(selection, "totalCount") ? this.queries.count(filter) : 0;
		List<Article> articles = this.queries.page(filter, page, withText);
		return Connection.of(articles, page, a -> cursor(a, oldestFirst), total);
	}

	/**
	 * A page from the list's kept order ({@link ArticleOrders}): the page's ids found in
	 * memory, the articles read by id. Empty when the order is not kept (or a fresh
	 * read), the cursor is not in it, or an article has gone meanwhile; the statement
	 * answers then.
	 */
	private Optional<Connection<Article>> fromKeptOrder(ArticleFilter filter, PageRequest page, boolean withText) {
		return this.orders.order(filter, () -> this.queries.order(filter, this.orders.maxListSize()))
			.flatMap(order -> order.page(page).flatMap(ids -> {
				List<Article> articles = this.queries.inOrder(ids, withText);
				return (articles.size() == ids.size())
						? Optional.of(Connection.of(articles, page, a -> cursor(a, filter.oldestFirst()), order.size()))
						: Optional.empty();
			}));
	}

	@QueryMapping
	@Nullable Article article(@Argument String id) {
		return this.queries.byId(id).orElse(null);
	}

	@BatchMapping(typeName = "Article", field = "province")
	Map<Article, @Nullable Province> province(List<Article> articles) {
		Map<String, Province> found = this.lookups.provinces(Batches.keys(articles, Article::provinceKey));
		return Batches.values(articles, a -> (a.provinceKey() != null) ? found.get(a.provinceKey()) : null);
	}

	@BatchMapping(typeName = "Article", field = "provinces")
	Map<Article, List<Province>> provinces(List<Article> articles) {
		return Batches.byParent(articles, Article::id, this.queries.provinces(Batches.keys(articles, Article::id)));
	}

	@BatchMapping(typeName = "Article", field = "partyBodies")
	Map<Article, List<PartyBody>> partyBodies(List<Article> articles) {
		return Batches.byParent(articles, Article::id, this.queries.partyBodies(Batches.keys(articles, Article::id)));
	}

	@BatchMapping(typeName = "Article", field = "documents")
	Map<Article, List<Document>> documents(List<Article> articles) {
		return Batches.byParent(articles, Article::id, this.queries.documents(Batches.keys(articles, Article::id)));
	}

	private static Cursor cursor(Article article, boolean oldestFirst) {
		LocalDate undated = oldestFirst ? ArticleQueries.UNDATED_LAST : ArticleQueries.UNDATED;
		return Cursor.of(((article.publishedAt() != null) ? article.publishedAt() : undated).toString(), article.id());
	}

}
