package org.policygraph.article;

import org.jspecify.annotations.Nullable;
import org.policygraph.article.ArticleQueries.ArticleFilter;
import org.policygraph.graphql.Connection;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Article lookups and the article list.
 */
@Controller
class ArticleController {

	private final ArticleQueries queries;

	ArticleController(ArticleQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	Connection<Article> articles(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable String provinceKey, @Argument @Nullable String documentKey) {
		PageRequest page = PageRequest.of(first, after, 2);
		ArticleFilter filter = new ArticleFilter(provinceKey, documentKey);
		return Connection.of(this.queries.page(filter, page), page, ArticleController::cursor,
				this.queries.count(filter));
	}

	@QueryMapping
	@Nullable Article article(@Argument String id) {
		return this.queries.byId(id).orElse(null);
	}

	private static Cursor cursor(Article article) {
		return Cursor.of(((article.publishedAt() != null) ? article.publishedAt() : ArticleQueries.UNDATED).toString(),
				article.id());
	}

}
