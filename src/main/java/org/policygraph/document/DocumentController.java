package org.policygraph.document;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.policygraph.article.Article;
import org.policygraph.graphql.Batches;
import org.policygraph.graphql.Connection;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Document lookups, the document list, and every field that leads to documents from another
 * type, batched.
 */
@Controller
class DocumentController {

	private final DocumentQueries queries;

	DocumentController(DocumentQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	Connection<Document> documents(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable String type) {
		PageRequest page = PageRequest.of(first, after, 2);
		return Connection.of(this.queries.page(type, page), page, DocumentController::cursor,
				this.queries.count(type));
	}

	@QueryMapping
	@Nullable Document document(@Argument String key) {
		return this.queries.byKey(key).orElse(null);
	}

	@QueryMapping
	List<Document> documentsByCode(@Argument String code) {
		return this.queries.byCode(DocumentCodes.normalize(code));
	}

	@BatchMapping(typeName = "Article", field = "documents")
	Map<Article, List<Document>> articleDocuments(List<Article> articles) {
		return Batches.byParent(articles, Article::id,
				this.queries.citedByArticles(Batches.keys(articles, Article::id)));
	}

	@BatchMapping(typeName = "Document", field = "implements")
	Map<Document, List<Document>> implementsDocuments(List<Document> documents) {
		return Batches.byParent(documents, Document::key,
				this.queries.implemented(Batches.keys(documents, Document::key)));
	}

	@BatchMapping(typeName = "Document", field = "implementedByDocuments")
	Map<Document, List<Document>> implementedByDocuments(List<Document> documents) {
		return Batches.byParent(documents, Document::key,
				this.queries.implementing(Batches.keys(documents, Document::key)));
	}

	private static Cursor cursor(Document document) {
		return Cursor.of(String.valueOf((document.year() != null) ? document.year() : DocumentQueries.NO_YEAR),
				document.key());
	}

}
