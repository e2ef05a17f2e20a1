package org.policygraph.implementation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Article;
import org.policygraph.graph.Document;
import org.policygraph.graph.Evidence;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graphql.Batches;
import org.policygraph.graphql.Connection;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.PageRequest;
import org.policygraph.graphql.Selections;
import org.policygraph.implementation.Implementation.CarriedEvidence;
import org.policygraph.implementation.Implementation.EvidenceRequest;
import org.policygraph.implementation.ImplementationQueries.Page;
import org.policygraph.implementation.ImplementationQueries.Row;
import org.policygraph.graph.Province;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Implementations and IMPLEMENTS chains, with the fields of an implementation (its
 * province, document, local documents and evidence), of a chain's step and of an
 * evidence. Fields with arguments go through data loaders keyed by parent and arguments,
 * so a page of parents costs one query per field, not one per parent.
 */
@Controller
class ImplementationController {

	/** The evidence items of an implementation when {@code first} is not given. */
	static final int DEFAULT_EVIDENCE = 10;

	private final ImplementationQueries queries;

	private final GraphLookups lookups;

	ImplementationController(ImplementationQueries queries, GraphLookups lookups, BatchLoaderRegistry registry) {
		this.queries = queries;
		this.lookups = lookups;
		registry.<ProvinceImplementsKey, Connection<Implementation>>forName("provinceImplements")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadProvinceImplements(keys)));
		registry.<DocumentImplementedByKey, Connection<Implementation>>forName("documentImplementedBy")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadDocumentImplementedBy(keys)));
		registry.<EvidenceKey, List<Evidence>>forName("implementationEvidence")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadEvidence(keys)));
		registry.<DownwardsKey, List<DocumentStep>>forName("documentImplementations")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadDownwards(keys)));
	}

	@SchemaMapping(typeName = "Province", field = "implements")
	CompletableFuture<Connection<Implementation>> provinceImplements(Province province,
			@Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable String type,
			@Argument @Nullable Boolean includePredecessors, @Argument @Nullable LocalDate from,
			@Argument @Nullable LocalDate to, DataFetchingFieldSelectionSet selection,
			DataLoader<ProvinceImplementsKey, Connection<Implementation>> provinceImplements) {
		InvalidArgumentException.requirePeriod(from, to);
		PageRequest page = PageRequest.of(first, after, 2);
		// The local documents are read with the page when the implementations' plans or
		// evidence are asked for (the evidence then starts from them).
		boolean withVia = Selections.asks(selection, "edges/node/via")
				|| Selections.asks(selection, "edges/node/evidence");
		return provinceImplements.load(new ProvinceImplementsKey(province.key(), page, type,
				includePredecessors == null || includePredecessors, from, to, withVia));
	}

	@SchemaMapping(typeName = "Document", field = "implementedBy")
	CompletableFuture<Connection<Implementation>> documentImplementedBy(Document document,
			@Argument @Nullable Integer first, @Argument @Nullable String after,
			DataFetchingFieldSelectionSet selection,
			DataLoader<DocumentImplementedByKey, Connection<Implementation>> documentImplementedBy) {
		// The local documents are read with the page when the implementations' plans or
		// evidence are asked for, and the evidence too when it is asked for one way.
		boolean withVia = Selections.asks(selection, "edges/node/via")
				|| Selections.asks(selection, "edges/node/evidence");
		return documentImplementedBy.load(new DocumentImplementedByKey(document.key(), PageRequest.of(first, after, 2),
				withVia, evidenceAsked(selection)));
	}

	/**
	 * How the implementations' evidence is asked for in a page's selection, when it is,
	 * one way only and with a valid size; {@code null} otherwise (the evidence field then
	 * reads it, or refuses its argument, on its own).
	 */
	static @Nullable EvidenceRequest evidenceAsked(DataFetchingFieldSelectionSet selection) {
		List<SelectedField> fields = Selections.fields(selection, "edges/node/evidence");
		if (fields.isEmpty()) {
			return null;
		}
		Set<Object> sizes = new HashSet<>();
		for (SelectedField field : fields) {
			sizes.add(field.getArguments().getOrDefault("first", DEFAULT_EVIDENCE));
		}
		if (sizes.size() != 1 || !(sizes.iterator().next() instanceof Integer size) || size < 1
				|| size > PageRequest.MAX_PAGE_SIZE) {
			return null;
		}
		boolean withArticle = fields.stream().anyMatch(f -> Selections.asks(f.getSelectionSet(), "article"));
		boolean withText = fields.stream().anyMatch(f -> Selections.asks(f.getSelectionSet(), "article/text"));
		return new EvidenceRequest(size, withArticle, withText);
	}

	@SchemaMapping(typeName = "Implementation", field = "evidence")
	CompletableFuture<List<Evidence>> evidence(Implementation implementation, @Argument @Nullable Integer first,
			DataFetchingFieldSelectionSet selection, DataLoader<EvidenceKey, List<Evidence>> implementationEvidence) {
		int size = InvalidArgumentException.requireBetween("first", first, DEFAULT_EVIDENCE, 1,
				PageRequest.MAX_PAGE_SIZE);
		CarriedEvidence carried = implementation.evidence();
		if (carried != null && carried.request()
			.answers(new EvidenceRequest(size, Selections.asks(selection, "article"),
					Selections.asks(selection, "article/text")))) {
			return CompletableFuture.completedFuture(carried.items());
		}
		List<Document> via = implementation.via();
		return implementationEvidence.load(new EvidenceKey(implementation.provinceKey(), implementation.documentKey(),
				size, Selections.asks(selection, "article"), Selections.asks(selection, "article/text"),
				(via != null) ? via.stream().map(Document::key).toList() : null));
	}

	@SchemaMapping(typeName = "Document", field = "implementations")
	CompletableFuture<List<DocumentStep>> implementations(Document document, @Argument @Nullable Integer depth,
			DataLoader<DownwardsKey, List<DocumentStep>> documentImplementations) {
		int steps = InvalidArgumentException.requireBetween("depth", depth, 3, 1, 5);
		return documentImplementations.load(new DownwardsKey(document.key(), steps));
	}

	@BatchMapping(typeName = "Document", field = "lineage")
	Map<Document, List<DocumentStep>> lineage(List<Document> documents) {
		return Batches.byParent(documents, Document::key, this.queries.upwards(Batches.keys(documents, Document::key)));
	}

	@BatchMapping(typeName = "Implementation", field = "province")
	Map<Implementation, Province> province(List<Implementation> implementations) {
		return Batches.carriedOrLookedUp(implementations, Implementation::province, Implementation::provinceKey,
				this.lookups::provinces);
	}

	@BatchMapping(typeName = "Implementation", field = "document")
	Map<Implementation, Document> document(List<Implementation> implementations) {
		return Batches.carriedOrLookedUp(implementations, Implementation::document, Implementation::documentKey,
				this.lookups::documents);
	}

	@BatchMapping(typeName = "Implementation", field = "via")
	Map<Implementation, List<Document>> via(List<Implementation> implementations) {
		return Batches.carriedOrLookedUp(implementations, Implementation::via,
				i -> List.of(i.provinceKey(), i.documentKey()),
				pairs -> Batches.everyKey(pairs,
						this.queries.via(pairs.stream()
							.map(pair -> Map.of("provinceKey", pair.get(0), "documentKey", pair.get(1)))
							.toList())));
	}

	@BatchMapping(typeName = "DocumentStep", field = "document")
	Map<DocumentStep, Document> stepDocument(List<DocumentStep> steps) {
		Map<String, Document> found = this.lookups.documents(Batches.keys(steps, DocumentStep::documentKey));
		return Batches.values(steps, s -> found.get(s.documentKey()));
	}

	@BatchMapping(typeName = "Evidence", field = "article")
	Map<Evidence, Article> evidenceArticle(List<Evidence> evidence) {
		return Batches.carriedOrLookedUp(evidence, Evidence::article, Evidence::articleId, this.lookups::articles);
	}

	private Map<ProvinceImplementsKey, Connection<Implementation>> loadProvinceImplements(
			Set<ProvinceImplementsKey> keys) {
		Map<ProvinceImplementsKey, Connection<Implementation>> result = new HashMap<>();
		groupBy(keys, k -> List.of(k.page(), String.valueOf(k.type()), k.includePredecessors(),
				String.valueOf(k.from()), String.valueOf(k.to()), k.withVia()))
			.forEach((args, group) -> {
				ProvinceImplementsKey first = group.get(0);
				PageRequest page = first.page();
				Map<String, Page> pages = this.queries.byProvinces(
						group.stream().map(ProvinceImplementsKey::provinceKey).toList(), first.includePredecessors(),
						first.type(), first.from(), first.to(), page.afterPart(0), page.afterPart(1), page.first() + 1,
						first.withVia());
				for (ProvinceImplementsKey key : group) {
					result.put(key, connection(pages.get(key.provinceKey()), page,
							row -> Cursor.of(row.implementation().documentKey(), row.implementation().provinceKey())));
				}
			});
		return result;
	}

	private Map<DocumentImplementedByKey, Connection<Implementation>> loadDocumentImplementedBy(
			Set<DocumentImplementedByKey> keys) {
		Map<DocumentImplementedByKey, Connection<Implementation>> result = new HashMap<>();
		groupBy(keys, k -> Arrays.asList(k.page(), k.withVia(), k.evidence())).forEach((args, group) -> {
			PageRequest page = group.get(0).page();
			List<String> documentKeys = group.stream().map(DocumentImplementedByKey::documentKey).toList();
			EvidenceRequest evidence = group.get(0).evidence();
			Map<String, Page> pages = (evidence != null)
					? this.queries.byDocuments(documentKeys, page.afterPart(0), page.afterPart(1), page.first() + 1,
							true, evidence)
					: this.queries.byDocuments(documentKeys, page.afterPart(0), page.afterPart(1), page.first() + 1,
							group.get(0).withVia());
			for (DocumentImplementedByKey key : group) {
				result.put(key, connection(pages.get(key.documentKey()), page,
						row -> Cursor.of(String.valueOf(row.provinceName()), row.implementation().provinceKey())));
			}
		});
		return result;
	}

	private Map<EvidenceKey, List<Evidence>> loadEvidence(Set<EvidenceKey> keys) {
		Map<EvidenceKey, List<Evidence>> result = new HashMap<>();
		groupBy(keys, k -> List.of(k.first(), k.withArticle(), k.withArticleText())).forEach((args, group) -> {
			EvidenceKey first = group.get(0);
			List<Map<String, Object>> pairs = group.stream().map(EvidenceKey::pair).toList();
			Map<List<String>, List<Evidence>> found = this.queries.evidence(pairs, first.first(), first.withArticle(),
					first.withArticleText());
			for (EvidenceKey key : group) {
				result.put(key, found.getOrDefault(List.of(key.provinceKey(), key.documentKey()), List.of()));
			}
		});
		return result;
	}

	private Map<DownwardsKey, List<DocumentStep>> loadDownwards(Set<DownwardsKey> keys) {
		Map<DownwardsKey, List<DocumentStep>> result = new HashMap<>();
		groupBy(keys, DownwardsKey::depth).forEach((depth, group) -> {
			Map<String, List<DocumentStep>> found = this.queries
				.downwards(group.stream().map(DownwardsKey::documentKey).toList(), depth);
			for (DownwardsKey key : group) {
				result.put(key, found.getOrDefault(key.documentKey(), List.of()));
			}
		});
		return result;
	}

	private static Connection<Implementation> connection(@Nullable Page page, PageRequest request,
			Function<Row, Cursor> cursorOf) {
		if (page == null) {
			return Connection.of(List.of(), request, i -> Cursor.of(""), 0);
		}
		Map<Implementation, Row> rows = new LinkedHashMap<>();
		page.rows().forEach(row -> rows.put(row.implementation(), row));
		return Connection.of(new ArrayList<>(rows.keySet()), request, i -> cursorOf.apply(rows.get(i)), page.total());
	}

	private static <K, G> Map<G, List<K>> groupBy(Set<K> keys, Function<K, G> group) {
		return keys.stream().collect(Collectors.groupingBy(group, LinkedHashMap::new, Collectors.toList()));
	}

	/**
	 * A page of a province's implementations; {@code from} and {@code to} the period,
	 * when one is asked for; {@code withVia} when their local documents are read too.
	 */
	record ProvinceImplementsKey(String provinceKey, PageRequest page, @Nullable String type,
			boolean includePredecessors, @Nullable LocalDate from, @Nullable LocalDate to, boolean withVia) {
	}

	/**
	 * A page of a document's implementers; {@code withVia} when their local documents are
	 * read too, {@code evidence} when their evidence is.
	 */
	record DocumentImplementedByKey(String documentKey, PageRequest page, boolean withVia,
			@Nullable EvidenceRequest evidence) {
	}

	/**
	 * Evidence of one implementation; {@code withArticle} when the articles are asked for
	 * too, {@code withArticleText} when their text is; {@code localKeys} when the
	 * implementation's local documents are known already.
	 */
	record EvidenceKey(String provinceKey, String documentKey, int first, boolean withArticle, boolean withArticleText,
			@Nullable List<String> localKeys) {

		Map<String, Object> pair() {
			Map<String, Object> pair = new HashMap<>();
			pair.put("provinceKey", this.provinceKey);
			pair.put("documentKey", this.documentKey);
			pair.put("localKeys", this.localKeys);
			return pair;
		}

	}

	record DownwardsKey(String documentKey, int depth) {
	}

}
