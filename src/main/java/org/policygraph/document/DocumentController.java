package org.policygraph.document;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.policygraph.article.Article;
import org.policygraph.body.PartyBody;
import org.policygraph.graphql.Batches;
import org.policygraph.graphql.Connection;
import org.policygraph.document.DocumentQueries.DocumentFilter;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.PageRequest;
import org.policygraph.implementation.DocumentStep;
import org.policygraph.implementation.Implementation;

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
			@Argument @Nullable String type, @Argument @Nullable String issuedByKey, @Argument @Nullable String level,
			@Argument @Nullable String term, @Argument @Nullable Integer fromYear, @Argument @Nullable Integer toYear,
			@Argument @Nullable String implementedByProvinceKey, DataFetchingFieldSelectionSet selection) {
		PageRequest page = PageRequest.of(first, after, 2);
		if (fromYear != null && toYear != null && fromYear > toYear) {
			throw new InvalidArgumentException("fromYear", "is after 'toYear' (" + fromYear + " > " + toYear + ")");
		}
		DocumentFilter filter = new DocumentFilter(type, issuedByKey, level, term, fromYear, toYear,
				implementedByProvinceKey);
		// Counting every matching document costs as much as a page; only when the client asks.
		long total = selection.contains("totalCount") ? this.queries.count(filter) : 0;
		return Connection.of(this.queries.page(filter, page), page, DocumentController::cursor, total);
	}

	@QueryMapping
	@Nullable Document document(@Argument String key, DataFetchingFieldSelectionSet selection) {
		// The document's own lists come with it: two statements fewer for a document page.
		return this.queries.byKey(key, selection.contains("issuedBy"), selection.contains("implements")).orElse(null);
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
		return Batches.carriedOrLookedUp(documents, Document::implemented, Document::key,
				keys -> Batches.everyKey(keys, this.queries.implemented(keys)));
	}

	@BatchMapping(typeName = "Document", field = "issuedBy")
	Map<Document, List<PartyBody>> issuedBy(List<Document> documents) {
		return Batches.carriedOrLookedUp(documents, Document::issuers, Document::key,
				keys -> Batches.everyKey(keys, this.queries.issuers(keys)));
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

	@BatchMapping(typeName = "Implementation", field = "document")
	Map<Implementation, Document> implementationDocument(List<Implementation> implementations) {
		return Batches.carriedOrLookedUp(implementations, Implementation::document, Implementation::documentKey,
				keys -> Batches.firstOfEach(this.queries.byKeys(keys)));
	}

	@BatchMapping(typeName = "Implementation", field = "via")
	Map<Implementation, List<Document>> via(List<Implementation> implementations) {
		return Batches.carriedOrLookedUp(implementations, Implementation::via,
				i -> List.of(i.provinceKey(), i.documentKey()), pairs -> Batches.everyKey(pairs, this.queries.via(pairs
					.stream()
					.map(pair -> Map.of("provinceKey", pair.get(0), "documentKey", pair.get(1)))
					.toList())));
	}

	@BatchMapping(typeName = "DocumentStep", field = "document")
	Map<DocumentStep, Document> stepDocument(List<DocumentStep> steps) {
		Map<String, List<Document>> found = this.queries.byKeys(Batches.keys(steps, DocumentStep::documentKey));
		return Batches.single(steps, s -> found.getOrDefault(s.documentKey(), List.of()));
	}

}
