package org.policygraph.ingest.write;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Query;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.policygraph.neo4j.MigrationRunner;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read statements {@link GraphWriter} sends with every batch cost what the batch
 * asks, not what the graph holds: against the project's schema, with a central document
 * that many provinces implement, whether a few provinces implement it is answered without
 * reading the document's other {@code IMPLEMENTS} relationships (database accesses, not
 * time, are compared: they do not depend on the machine's load).
 */
class GraphWriterStatementsIT {

	private static final int IMPLEMENTING_PROVINCES = 400;

	private static Neo4j neo4j;

	private static Driver driver;

	@BeforeAll
	static void startDatabase() {
		neo4j = Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.build();
		driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
		MigrationRunner runner = new MigrationRunner(driver, SessionConfig.defaultConfig());
		runner.migrate(MigrationRunner.load(new PathMatchingResourcePatternResolver(),
				"classpath*:cypher/migrations/*.cypher"));
		try (var session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run("""
					CREATE (d:Document:Entity {key: 'nghi-quyet-22-nq-tw', type: 'NGHI_QUYET', scope: 'TW'})
					WITH d
					UNWIND range(1, $n) AS i
					CREATE (p:Province:Entity {key: 'province-' + i, name: 'Province ' + i})
					CREATE (p)-[:IMPLEMENTS {articleCount: 1}]->(d)""", Map.of("n", IMPLEMENTING_PROVINCES)).consume());
			session.executeWriteWithoutResult(tx -> tx.run("""
					UNWIND range(1, 5) AS i
					CREATE (:Province:Entity {key: 'new-province-' + i, name: 'New province ' + i})""").consume());
		}
	}

	@AfterAll
	static void stopDatabase() {
		driver.close();
		neo4j.close();
	}

	@Test
	void shouldFindWhichProvincesImplementADocumentWithoutReadingItsOtherImplementations() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			rows.add(Map.of("fromKey", "province-" + (i * 7), "toKey", "nghi-quyet-22-nq-tw"));
			rows.add(Map.of("fromKey", "new-province-" + i, "toKey", "nghi-quyet-22-nq-tw"));
		}
		try (var session = driver.session()) {
			Set<String> found = new HashSet<>();
			session.run(new Query(GraphWriter.EXISTING_PROVINCE_IMPLEMENTS, Map.of("rows", rows)))
				.forEachRemaining(r -> found.add(r.get("fromKey").asString()));
			assertThat(found).containsExactlyInAnyOrder("province-7", "province-14", "province-21", "province-28",
					"province-35");

			ResultSummary summary = session
				.run(new Query("PROFILE " + GraphWriter.EXISTING_PROVINCE_IMPLEMENTS, Map.of("rows", rows)))
				.consume();
			// Expanding from the document reads its 400 relationships for every row (over
			// 4,000 accesses for these 10 rows); looking each pair up between its two
			// nodes costs a few accesses a row.
			assertThat(dbHits(summary.profile())).isLessThan(rows.size() * 50L);
		}
	}

	private static long dbHits(ProfiledPlan plan) {
		long hits = plan.dbHits();
		for (ProfiledPlan child : plan.children()) {
			hits += dbHits(child);
		}
		return hits;
	}

}
