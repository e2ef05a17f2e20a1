package org.policygraph.neo4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code V0008__Local_documents.cypher} on a store written before it (the migrations up
 * to V0007, then provinces implementing documents through chains of local documents):
 * each province's {@code IMPLEMENTS} gets the documents of its scope (its own or a
 * district's) from which one to four links lead to the document, by date, undated last,
 * then key; none when there are none.
 */
class LocalDocumentsMigrationIT {

	private static Neo4j neo4j;

	private static Driver driver;

	private static final String CENTRAL = "9-CT/TW|TW|2019-05-01";

	private static final String PLAN = "1-KH/TU|40|2020-03-01";

	private static final String DISTRICT_PLAN = "2-KH/HU|40:vinh|2020-02-01";

	private static final String UNDATED_PLAN = "3-KH/TU|40|?";

	private static final String OTHER_PROVINCE_PLAN = "1-KH/TU|38|2020-01-01";

	/** Scope 400: not a district of 40. */
	private static final String NOT_A_DISTRICT = "4-KH/TU|400|2020-01-01";

	/** Five links from the central document: too far. */
	private static final String TOO_FAR = "5-KH/TU|40|2018-01-01";

	private static final String WRITE_OLD_STORE = """
			UNWIND $documents AS doc
			CREATE (:Document:Entity {key: doc.key, scope: doc.scope, issuedOn: doc.issuedOn})
			WITH count(*) AS documents
			UNWIND ['40', '38'] AS key
			CREATE (:Province:Entity {key: key, name: 'P' + key})
			WITH count(*) AS provinces
			UNWIND $links AS link
			MATCH (from:Entity {key: link[0]})
			MATCH (to:Entity {key: link[1]})
			CREATE (from)-[:IMPLEMENTS {articleCount: 1}]->(to)""";

	private static final String KEPT = """
			MATCH (p:Province)-[r:IMPLEMENTS]->(d:Document)
			RETURN p.key + ' -> ' + d.key AS pair, r.localDocumentKeys AS kept""";

	@BeforeAll
	static void startDatabase() {
		neo4j = Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.build();
		driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
	}

	@AfterAll
	static void stopDatabase() {
		driver.close();
		neo4j.close();
	}

	@Test
	void shouldKeepEachProvincesLocalDocumentsOnItsImplementsOfAStoreWrittenBeforeIt() {
		MigrationRunner runner = new MigrationRunner(driver, SessionConfig.defaultConfig());
		List<Migration> all = MigrationRunner.load(new PathMatchingResourcePatternResolver(),
				"classpath*:cypher/migrations/*.cypher");
		assertThat(all).extracting(Migration::fileName).contains("V0008__Local_documents.cypher");
		runner.migrate(all.stream().filter(m -> m.version() < 8).toList());

		List<Map<String, Object>> documents = List.of(document(CENTRAL, "TW", "2019-05-01"),
				document(PLAN, "40", "2020-03-01"), document(DISTRICT_PLAN, "40:vinh", "2020-02-01"),
				document(UNDATED_PLAN, "40", null), document(OTHER_PROVINCE_PLAN, "38", "2020-01-01"),
				document(NOT_A_DISTRICT, "400", "2020-01-01"), document("c1|?|?", "?", null),
				document("c2|?|?", "?", null), document("c3|?|?", "?", null), document("c4|?|?", "?", null),
				document(TOO_FAR, "40", "2018-01-01"));
		List<List<String>> links = List.of(List.of(PLAN, CENTRAL), List.of(DISTRICT_PLAN, PLAN),
				List.of(UNDATED_PLAN, CENTRAL), List.of(OTHER_PROVINCE_PLAN, CENTRAL), List.of(NOT_A_DISTRICT, CENTRAL),
				List.of("c1|?|?", CENTRAL), List.of("c2|?|?", "c1|?|?"), List.of("c3|?|?", "c2|?|?"),
				List.of("c4|?|?", "c3|?|?"), List.of(TOO_FAR, "c4|?|?"), List.of("40", CENTRAL), List.of("38", CENTRAL),
				List.of("40", PLAN), List.of("38", PLAN));
		try (var session = driver.session()) {
			session.run(WRITE_OLD_STORE, Map.of("documents", documents, "links", links)).consume();
		}

		List<Migration> applied = runner.migrate(all);

		assertThat(applied).extracting(Migration::version).startsWith(8);
		Map<String, List<String>> kept = new HashMap<>();
		try (var session = driver.session()) {
			session.run(KEPT)
				.forEachRemaining(r -> kept.put(r.get("pair").asString(),
						r.get("kept").isNull() ? null : r.get("kept").asList(Value::asString)));
		}
		assertThat(kept).containsEntry("40 -> " + CENTRAL, List.of(DISTRICT_PLAN, PLAN, UNDATED_PLAN))
			.containsEntry("38 -> " + CENTRAL, List.of(OTHER_PROVINCE_PLAN))
			.containsEntry("40 -> " + PLAN, List.of(DISTRICT_PLAN))
			.containsEntry("38 -> " + PLAN, null)
			.hasSize(4);
	}

	private static Map<String, Object> document(String key, String scope, String issuedOn) {
		Map<String, Object> row = new HashMap<>();
		row.put("key", key);
		row.put("scope", scope);
		row.put("issuedOn", (issuedOn != null) ? java.time.LocalDate.parse(issuedOn) : null);
		return row;
	}

}
