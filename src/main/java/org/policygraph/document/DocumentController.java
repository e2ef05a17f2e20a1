package org.policygraph.document;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.policygraph.document.DocumentQueries.DocumentFilter;
import org.policygraph.graph.Document;
import org.policygraph.graph.PartyBody;
import org.policygraph.graph.Province;
import org.policygraph.graphql.Batches;
import org.policygraph.graphql.Connection;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.PageRequest;
import org.policygraph.graphql.Selections;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Document lookups, the document list, and the fields of a document (its issuers, the
 * documents it implements and that implement it, the provinces implementing it), batched.
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
		InvalidArgumentException.requireYears(fromYear, toYear);
		DocumentFilter filter = new DocumentFilter(type, issuedByKey, level, term, fromYear, toYear,
				implementedByProvinceKey);
		// Counting every matching document costs as much as a page; only when the client
		// asks.
		long total = Selections.asks(selection, "totalCount") ? this.queries.count(filter) : 0;
		return Connection.of(this.queries.page(filter, page), page, DocumentController::cursor, total);
	}

	@QueryMapping
	@Nullable Document document(@Argument String key, DataFetchingFieldSelectionSet selection) {
		// The document's own lists come with it: two statements fewer for a document
		// page.
		return this.queries.byKey(key, Selections.asks(selection, "issuedBy"), Selections.asks(selection, "implements"))
			.orElse(null);
	}

	@QueryMapping
	List<Document> documentsByCode(@Argument String code) {
		return this.queries.byCode(DocumentCodes.normalize(code));
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

	@BatchMapping(typeName = "Document", field = "implementedByProvinces")
	Map<Document, List<Province>> implementedByProvinces(List<Document> documents) {
		return Batches.byParent(documents, Document::key,
				this.queries.implementingProvinces(Batches.keys(documents, Document::key)));
	}

	private static Cursor cursor(Document document) {
		return Cursor.of(String.valueOf((document.year() != null) ? document.year() : DocumentQueries.NO_YEAR),
				document.key());
	}

}
