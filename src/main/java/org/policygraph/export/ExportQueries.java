package org.policygraph.export;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.neo4j.driver.Record;
import org.neo4j.driver.Result;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind the evidence export: the same evidence as
 * {@code Implementation.evidence} (the province's own sentences and those of its local
 * documents carrying the document out), all of it, newest article first, handed over row
 * by row.
 */
@Repository
@Transactional(readOnly = true)
class ExportQueries {

	private static final String IMPLEMENTS = """
			RETURN EXISTS { (:Province {key: $provinceKey})-[:IMPLEMENTS]->(:Document {key: $documentKey}) } AS found""";

	private static final String EVIDENCE = """
			OPTIONAL MATCH (local:Document)-[:IMPLEMENTS*1..4]->(:Document {key: $documentKey})
			WHERE local.scope = $provinceKey OR local.scope STARTS WITH $provinceKey + ':'
			WITH collect(DISTINCT local.key) + $provinceKey AS starts
			UNWIND starts AS start
			MATCH (a:Article)-[:ASSERTS]->(e:Evidence {type: 'IMPLEMENTS', fromKey: start})
			WHERE e.toKey = $documentKey OR (start <> $provinceKey AND e.toKey IN starts)
			RETURN a.title AS title, a.source AS source, a.url AS url, a.publishedAt AS publishedAt,
			       e.sentence AS sentence, e.type AS relation, e.fromKey AS fromKey, e.toKey AS toKey
			ORDER BY a.publishedAt DESC, a.id, e.type, e.fromKey, e.toKey""";

	private final Neo4jClient client;

	ExportQueries(Neo4jClient client) {
		this.client = client;
	}

	boolean implementationExists(String provinceKey, String documentKey) {
		return this.client.query(IMPLEMENTS)
			.bindAll(Map.of("provinceKey", provinceKey, "documentKey", documentKey))
			.fetchAs(Boolean.class)
			.mappedBy((t, r) -> r.get("found").asBoolean())
			.one()
			.orElse(false);
	}

	void evidence(String provinceKey, String documentKey, Consumer<Record> sink) {
		this.client.delegateTo(runner -> {
			Result result = runner.run(EVIDENCE, Map.of("provinceKey", provinceKey, "documentKey", documentKey));
			while (result.hasNext()) {
				sink.accept(result.next());
			}
			return Optional.empty();
		}).run();
	}

}
