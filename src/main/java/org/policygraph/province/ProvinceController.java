package org.policygraph.province;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graph.Province;
import org.policygraph.graphql.Batches;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.ProvinceUnit;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Province lookups and the fields of a province (the merger, its article count). Nested
 * fields are batched: one query per field for all parents on a page.
 */
@Controller
class ProvinceController {

	private final ProvinceQueries queries;

	private final ProvinceGazetteer gazetteer;

	private final GraphLookups lookups;

	ProvinceController(ProvinceQueries queries, ProvinceGazetteer gazetteer, GraphLookups lookups) {
		this.queries = queries;
		this.gazetteer = gazetteer;
		this.lookups = lookups;
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
		return ((asOf != null) ? this.gazetteer.lookup(name, asOf) : this.gazetteer.lookup(name)).map(ProvinceUnit::key)
			.flatMap(this.queries::byKey)
			.orElse(null);
	}

	@BatchMapping(typeName = "Province", field = "mergedInto")
	Map<Province, @Nullable Province> mergedInto(List<Province> provinces) {
		Map<String, Province> found = this.lookups.provinces(Batches.keys(provinces, Province::mergedIntoKey));
		return Batches.values(provinces, p -> (p.mergedIntoKey() != null) ? found.get(p.mergedIntoKey()) : null);
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

}
