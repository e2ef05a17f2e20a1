package org.policygraph.body;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.policygraph.article.Article;
import org.policygraph.graphql.Batches;
import org.policygraph.reference.PartyBodyCatalog;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Party body lookups and every field that leads to bodies from another type, batched.
 */
@Controller
class BodyController {

	private final BodyQueries queries;

	private final PartyBodyCatalog catalog;

	BodyController(BodyQueries queries, PartyBodyCatalog catalog) {
		this.queries = queries;
		this.catalog = catalog;
	}

	@QueryMapping
	@Nullable PartyBody partyBody(@Argument String name) {
		return this.queries.byKey(name)
			.or(() -> this.catalog.lookup(name).flatMap(body -> this.queries.byKey(body.key())))
			.or(() -> this.queries.byName(name))
			.orElse(null);
	}

	@BatchMapping(typeName = "PartyBody", field = "parent")
	Map<PartyBody, @Nullable PartyBody> parent(List<PartyBody> bodies) {
		Map<String, List<PartyBody>> found = this.queries.parents(Batches.keys(bodies, PartyBody::key));
		return Batches.single(bodies, b -> found.getOrDefault(b.key(), List.of()));
	}

	@BatchMapping(typeName = "PartyBody", field = "children")
	Map<PartyBody, List<PartyBody>> children(List<PartyBody> bodies) {
		return Batches.byParent(bodies, PartyBody::key, this.queries.children(Batches.keys(bodies, PartyBody::key)));
	}

	@BatchMapping(typeName = "Article", field = "partyBodies")
	Map<Article, List<PartyBody>> articleBodies(List<Article> articles) {
		return Batches.byParent(articles, Article::id,
				this.queries.namedByArticles(Batches.keys(articles, Article::id)));
	}

}
