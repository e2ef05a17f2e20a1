package org.policygraph.body;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graph.PartyBody;
import org.policygraph.graph.Province;
import org.policygraph.graphql.Batches;
import org.policygraph.reference.PartyBodyCatalog;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Party body lookups and the fields of a party body (its province, parent and children),
 * batched.
 */
@Controller
class BodyController {

	private final BodyQueries queries;

	private final PartyBodyCatalog catalog;

	private final GraphLookups lookups;

	BodyController(BodyQueries queries, PartyBodyCatalog catalog, GraphLookups lookups) {
		this.queries = queries;
		this.catalog = catalog;
		this.lookups = lookups;
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

	@BatchMapping(typeName = "PartyBody", field = "province")
	Map<PartyBody, @Nullable Province> province(List<PartyBody> bodies) {
		Map<String, Province> found = this.lookups.provinces(Batches.keys(bodies, PartyBody::provinceKey));
		return Batches.values(bodies, b -> (b.provinceKey() != null) ? found.get(b.provinceKey()) : null);
	}

}
