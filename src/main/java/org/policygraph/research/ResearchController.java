package org.policygraph.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.policygraph.graph.ProvinceUnits;
import org.policygraph.graph.Article;
import org.policygraph.graph.Document;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graph.Evidence;
import org.policygraph.graph.Province;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Implementation lag, the coverage matrix and evidence citations. Citations load their
 * articles through a data loader keyed by article id, so a list of evidence costs one
 * query.
 */
@Controller
class ResearchController {

	/** Shortest lag first, undated last, then by province name. */
	private static final Comparator<LagRow> BY_DAYS = Comparator
		.comparing(LagRow::days, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(r -> r.province().name())
		.thenComparing(r -> r.province().key());

	private final ResearchQueries queries;

	private final CoverageMatrices matrices;

	ResearchController(ResearchQueries queries, CoverageMatrices matrices, GraphLookups lookups,
			BatchLoaderRegistry registry) {
		this.queries = queries;
		this.matrices = matrices;
		registry.<String, Article>forName("citationArticles")
			.registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> lookups.articles(ids)));
	}

	@BatchMapping(typeName = "Document", field = "implementationLag")
	Map<Document, DocumentLag> documentLag(List<Document> documents) {
		Map<String, List<LagRow>> rows = this.queries.documentLags(documents);
		Map<Document, DocumentLag> result = new LinkedHashMap<>();
		for (Document document : documents) {
			List<LagRow> lags = new ArrayList<>(rows.getOrDefault(document.key(), List.of()));
			lags.sort(BY_DAYS);
			result.put(document, new DocumentLag(document, lags));
		}
		return result;
	}

	@QueryMapping
	@Nullable ProvinceLag implementationLag(@Argument String provinceKey, @Argument @Nullable String type,
			@Argument @Nullable Integer fromYear, @Argument @Nullable Integer toYear) {
		InvalidArgumentException.requireYears(fromYear, toYear);
		return this.queries.provinceLags(provinceKey, type, fromYear, toYear)
			.map(found -> new ProvinceLag(found.getKey(), earliestPerDocument(found.getValue())))
			.orElse(null);
	}

	@QueryMapping
	CoverageMatrix coverageMatrix(@Argument @Nullable List<String> documentKeys, @Argument @Nullable String type,
			@Argument @Nullable Integer fromYear, @Argument @Nullable Integer toYear,
			@Argument @Nullable ProvinceUnits units) {
		return this.matrices.matrix(DocumentSelection.of(documentKeys, type, fromYear, toYear),
				(units != null) ? units : ProvinceUnits.PRE_2025);
	}

	@SchemaMapping(typeName = "Evidence", field = "citation")
	CompletableFuture<String> citation(Evidence evidence, @Argument @Nullable CitationStyle style,
			DataLoader<String, Article> citationArticles) {
		CitationStyle chosen = (style != null) ? style : CitationStyle.APA;
		return citationArticles.load(evidence.articleId())
			.thenApply(article -> (article != null) ? Citations.format(chosen, article, evidence.sentence())
					: "\"" + evidence.sentence() + "\"");
	}

	/**
	 * For a unit formed by the merger, the rows of the unit and its predecessors are
	 * reduced to one per document: the earliest local document if any member has one,
	 * else the earliest report.
	 */
	static List<LagRow> earliestPerDocument(List<LagRow> rows) {
		Map<String, LagRow> best = new LinkedHashMap<>();
		for (LagRow row : rows) {
			best.merge(row.document().key(), row, (a, b) -> (LagRow.EARLIEST_START.compare(a, b) <= 0) ? a : b);
		}
		return List.copyOf(best.values());
	}

}
