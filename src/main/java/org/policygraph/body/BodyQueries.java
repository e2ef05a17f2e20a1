package org.policygraph.body;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.policygraph.graph.PartyBody;
import org.policygraph.graphql.Batches;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind the party body API.
 */
@Repository
@Transactional(readOnly = true)
class BodyQueries {

	private static final String BY_KEY = "MATCH (b:PartyBody {key: $key}) RETURN b";

	private static final String BY_NAME = """
			MATCH (b:PartyBody)
			WHERE b.name = $name
			RETURN b
			ORDER BY b.level, b.key
			LIMIT 1""";

	private static final String PARENTS = """
			UNWIND $keys AS key
			MATCH (:PartyBody {key: key})-[:PART_OF]->(b:PartyBody)
			RETURN key, b""";

	private static final String CHILDREN = """
			UNWIND $keys AS key
			MATCH (b:PartyBody)-[:PART_OF]->(:PartyBody {key: key})
			RETURN key, b
			ORDER BY b.name""";

	private final Neo4jClient client;

	BodyQueries(Neo4jClient client) {
		this.client = client;
	}

	Optional<PartyBody> byKey(String key) {
		return this.client.query(BY_KEY)
			.bind(key)
			.to("key")
			.fetchAs(PartyBody.class)
			.mappedBy((t, r) -> PartyBody.of(r.get("b")))
			.one();
	}

	Optional<PartyBody> byName(String name) {
		return this.client.query(BY_NAME)
			.bind(name)
			.to("name")
			.fetchAs(PartyBody.class)
			.mappedBy((t, r) -> PartyBody.of(r.get("b")))
			.one();
	}

	Map<String, List<PartyBody>> parents(List<String> keys) {
		return grouped(PARENTS, keys);
	}

	Map<String, List<PartyBody>> children(List<String> keys) {
		return grouped(CHILDREN, keys);
	}

	private Map<String, List<PartyBody>> grouped(String cypher, List<String> keys) {
		return Batches.grouped(this.client, cypher, keys, "b", PartyBody::of);
	}

}
