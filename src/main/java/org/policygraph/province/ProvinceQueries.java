package org.policygraph.province;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Province;
import org.policygraph.graphql.Batches;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind the province API.
 */
@Repository
@Transactional(readOnly = true)
class ProvinceQueries {

	private static final String ALL = """
			MATCH (p:Province)
			WHERE ($eras IS NULL OR p.era IN $eras)
			  AND ($merged IS NULL OR (p.mergedIntoKey IS NOT NULL) = $merged)
			  AND ($mergedIntoKey IS NULL OR p.mergedIntoKey = $mergedIntoKey)
			RETURN p
			ORDER BY p.name, p.key""";

	private static final String BY_KEY = "MATCH (p:Province {key: $key}) RETURN p";

	private static final String MERGED_FROM = """
			UNWIND $keys AS key
			MATCH (p:Province)-[:MERGED_INTO]->(:Province {key: key})
			RETURN key, p
			ORDER BY p.name""";

	private static final String ARTICLE_COUNTS = """
			UNWIND $keys AS key
			MATCH (p:Province {key: key})
			RETURN key, COUNT { (p)<-[:MENTIONS]-() } AS n""";

	private final Neo4jClient client;

	ProvinceQueries(Neo4jClient client) {
		this.client = client;
	}

	List<Province> all(@Nullable List<String> eras, @Nullable Boolean merged, @Nullable String mergedIntoKey) {
		Map<String, Object> params = new HashMap<>();
		params.put("eras", eras);
		params.put("merged", merged);
		params.put("mergedIntoKey", mergedIntoKey);
		return List.copyOf(this.client.query(ALL)
			.bindAll(params)
			.fetchAs(Province.class)
			.mappedBy((t, r) -> Province.of(r.get("p")))
			.all());
	}

	Optional<Province> byKey(String key) {
		return this.client.query(BY_KEY)
			.bind(key)
			.to("key")
			.fetchAs(Province.class)
			.mappedBy((t, r) -> Province.of(r.get("p")))
			.one();
	}

	Map<String, List<Province>> mergedFrom(List<String> keys) {
		return grouped(MERGED_FROM, keys);
	}

	Map<String, Long> articleCounts(List<String> keys) {
		return Batches.keyed(this.client.query(ARTICLE_COUNTS).bind(keys).to("keys"), r -> r.get("key").asString(),
				r -> r.get("n").asLong());
	}

	private Map<String, List<Province>> grouped(String cypher, List<String> keys) {
		return Batches.grouped(this.client, cypher, keys, "p", Province::of);
	}

}
