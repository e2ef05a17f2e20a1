package org.policygraph.province;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.policygraph.article.Article;
import org.policygraph.body.PartyBody;
import org.policygraph.document.Document;
import org.policygraph.graphql.Batches;
import org.policygraph.implementation.Implementation;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.ProvinceUnit;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Province lookups, and every field that leads to provinces from another type. Nested fields
 * are batched: one query per field for all parents on a page.
 */
@Controller
class ProvinceController {

	private final ProvinceQueries queries;

	private final ProvinceGazetteer gazetteer;

	ProvinceController(ProvinceQueries queries, ProvinceGazetteer gazetteer) {
		this.queries = queries;
		this.gazetteer = gazetteer;
	}

	@QueryMapping
	List<Province> provinces(@Argument @Nullable String era, @Argument @Nullable Boolean merged,
			@Argument @Nullable String mergedIntoKey) {
		List<String> eras = (era == null) ? null : switch (era) {
			case "PRE_2025" -> List.of("PRE_2025", "BOTH");
			case "POST_2025" -> List.of("POST_2025", "BOTH");
			default -> List.of(era);
		};
		return this.queries.all(eras, merged, mergedIntoKey);
	}

	@QueryMapping
	@Nullable Province province(@Argument String name, @Argument @Nullable LocalDate asOf) {
		return ((asOf != null) ? this.gazetteer.lookup(name, asOf) : this.gazetteer.lookup(name))
			.map(ProvinceUnit::key)
			.flatMap(this.queries::byKey)
			.orElse(null);
	}

	@BatchMapping(typeName = "Province", field = "mergedInto")
	Map<Province, @Nullable Province> mergedInto(List<Province> provinces) {
		Map<String, List<Province>> found = this.queries.byKeys(Batches.keys(provinces, Province::mergedIntoKey));
		return Batches.single(provinces, p -> found.getOrDefault(p.mergedIntoKey(), List.of()));
	}

	@BatchMapping(typeName = "Province", field = "mergedFrom")
	Map<Province, List<Province>> mergedFrom(List<Province> provinces) {
		return Batches.byParent(provinces, Province::key,
				this.queries.mergedFrom(Batches.keys(provinces, Province::key)));
	}

	@BatchMapping(typeName = "Province", field = "articleCount")
	Map<Province, Integer> articleCount(List<Province> provinces) {
		Map<String, Long> counts = this.queries.articleCounts(Batches.keys(provinces, Province::key));
		return Batches.values(provinces, p -> counts.getOrDefault(p.key(), 0L).intValue());
	}

	@BatchMapping(typeName = "Article", field = "province")
	Map<Article, @Nullable Province> articleProvince(List<Article> articles) {
		Map<String, List<Province>> found = this.queries.byKeys(Batches.keys(articles, Article::provinceKey));
		return Batches.single(articles, a -> found.getOrDefault(a.provinceKey(), List.of()));
	}

	@BatchMapping(typeName = "Article", field = "provinces")
	Map<Article, List<Province>> articleProvinces(List<Article> articles) {
		return Batches.byParent(articles, Article::id,
				this.queries.mentionedByArticles(Batches.keys(articles, Article::id)));
	}

	@BatchMapping(typeName = "Document", field = "implementedByProvinces")
	Map<Document, List<Province>> implementingProvinces(List<Document> documents) {
		return Batches.byParent(documents, Document::key,
				this.queries.implementing(Batches.keys(documents, Document::key)));
	}

	@BatchMapping(typeName = "PartyBody", field = "province")
	Map<PartyBody, @Nullable Province> bodyProvince(List<PartyBody> bodies) {
		Map<String, List<Province>> found = this.queries.byKeys(Batches.keys(bodies, PartyBody::provinceKey));
		return Batches.single(bodies, b -> found.getOrDefault(b.provinceKey(), List.of()));
	}

	@BatchMapping(typeName = "Implementation", field = "province")
	Map<Implementation, Province> implementationProvince(List<Implementation> implementations) {
		return Batches.carriedOrLookedUp(implementations, Implementation::province, Implementation::provinceKey,
				keys -> Batches.firstOfEach(this.queries.byKeys(keys)));
	}

}
