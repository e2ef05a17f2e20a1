package org.policygraph.body;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;

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

	private static final String ISSUERS = """
			UNWIND $keys AS key
			MATCH (:Document {key: key})-[:ISSUED_BY]->(b:PartyBody)
			RETURN key, b
			ORDER BY b.name""";

	private static final String NAMED_BY_ARTICLES = """
			UNWIND $keys AS key
			MATCH (:Article {id: key})-[:MENTIONS]->(b:PartyBody)
			RETURN key, b
			ORDER BY b.name""";

	private final Neo4jClient client;

	BodyQueries(Neo4jClient client) {
		this.client = client;
	}

	Optional<PartyBody> byKey(String key) {
		return this.client.query(BY_KEY).bind(key).to("key").fetchAs(PartyBody.class)
			.mappedBy((t, r) -> map(r.get("b"))).one();
	}

	Optional<PartyBody> byName(String name) {
		return this.client.query(BY_NAME).bind(name).to("name").fetchAs(PartyBody.class)
			.mappedBy((t, r) -> map(r.get("b"))).one();
	}

	Map<String, List<PartyBody>> parents(List<String> keys) {
		return grouped(PARENTS, keys);
	}

	Map<String, List<PartyBody>> children(List<String> keys) {
		return grouped(CHILDREN, keys);
	}

	Map<String, List<PartyBody>> issuers(List<String> documentKeys) {
		return grouped(ISSUERS, documentKeys);
	}

	Map<String, List<PartyBody>> namedByArticles(List<String> articleIds) {
		return grouped(NAMED_BY_ARTICLES, articleIds);
	}

	private Map<String, List<PartyBody>> grouped(String cypher, List<String> keys) {
		Map<String, List<PartyBody>> result = new HashMap<>();
		if (keys.isEmpty()) {
			return result;
		}
		this.client.query(cypher).bind(keys).to("keys").fetchAs(Keyed.class)
			.mappedBy((t, r) -> new Keyed(r.get("key").asString(), map(r.get("b")))).all()
			.forEach(k -> result.computeIfAbsent(k.key(), x -> new ArrayList<>()).add(k.body()));
		return result;
	}

	private record Keyed(String key, PartyBody body) {
	}

	static PartyBody map(Value b) {
		return new PartyBody(b.get("key").asString(), b.get("name").asString(), b.get("level").asString("OTHER"),
				b.get("provinceKey").asString(null));
	}

}
