package org.policygraph.ingest.write;

import java.util.ArrayList;
import java.util.HashMap;
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

	private static final int SCOPES = 400;

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
			// Resolution 05 of every province's party committee: one code and number, a
			// document per scope.
			session.executeWriteWithoutResult(tx -> tx.run("""
					UNWIND range(1, $n) AS i
					CREATE (:Document:Entity {key: '05-NQ/TU|scope-' + i + '|2021', code: '05-NQ/TU',
					                          type: 'NGHI_QUYET', number: '05', scope: 'scope-' + i,
					                          issuedOn: date('2021-03-01')})""", Map.of("n", SCOPES)).consume());
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

	@Test
	void shouldResolveShortCitationsWithoutReadingOtherScopesDocumentsOfTheSameNumber() {
		List<Map<String, Object>> citations = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			citations.add(Map.of("type", "NGHI_QUYET", "number", "05", "scope", "scope-" + (i * 13), "placeholderKey",
					"short-" + i));
		}
		citations.add(Map.of("type", "NGHI_QUYET", "number", "05", "scope", "scope-none", "placeholderKey", "short-x"));
		try (var session = driver.session()) {
			Map<String, String> resolved = new HashMap<>();
			session.run(new Query(GraphWriter.RESOLVE_CITATIONS, Map.of("citations", citations)))
				.forEachRemaining(r -> resolved.put(r.get("placeholderKey").asString(), r.get("key").asString()));
			assertThat(resolved).hasSize(10)
				.containsEntry("short-1", "05-NQ/TU|scope-13|2021")
				.containsEntry("short-10", "05-NQ/TU|scope-130|2021");

			ResultSummary summary = session
				.run(new Query("PROFILE " + GraphWriter.RESOLVE_CITATIONS, Map.of("citations", citations)))
				.consume();
			// A (type, number) seek reads the 400 documents of number 05 for every
			// citation (over 8,000 accesses); a (type, number, scope) seek only the
			// citation's own.
			assertThat(dbHits(summary.profile())).as(plan(summary.profile())).isLessThan(citations.size() * 20L);
		}
	}

	@Test
	void shouldReadADocumentGroupWithoutReadingOtherScopesDocumentsOfTheSameCode() {
		List<Map<String, Object>> groups = List.of(Map.of("code", "05-NQ/TU", "scope", "scope-7"),
				Map.of("code", "05-NQ/TU", "scope", "scope-77"), Map.of("code", "05-NQ/TU", "scope", "scope-none"));
		Map<String, Object> parameters = Map.of("groups", groups, "completed", List.of("issuedOn", "year"));
		try (var session = driver.session()) {
			Map<String, List<Object>> complete = new HashMap<>();
			session.run(new Query(DocumentMerge.GROUP_STATE, parameters))
				.forEachRemaining(r -> complete.put(r.get("key").asString(), r.get("complete").asList()));
			assertThat(complete).containsOnlyKeys("05-NQ/TU|scope-7|2021", "05-NQ/TU|scope-77|2021");
			assertThat(complete.get("05-NQ/TU|scope-7|2021")).containsExactly("issuedOn");

			ResultSummary summary = session.run(new Query("PROFILE " + DocumentMerge.GROUP_STATE, parameters))
				.consume();
			// The code index holds the code's 400 documents, one per scope (over 1,200
			// accesses for 3 groups); the key range holds one.
			assertThat(dbHits(summary.profile())).as(plan(summary.profile())).isLessThan(groups.size() * 30L);
		}
	}

	private static String plan(ProfiledPlan plan) {
		StringBuilder text = new StringBuilder(
				plan.operatorType() + " " + plan.arguments().get("Details") + " " + plan.dbHits() + " db hits\n");
		plan.children().forEach(child -> text.append(plan(child)));
		return text.toString();
	}

	private static long dbHits(ProfiledPlan plan) {
		long hits = plan.dbHits();
		for (ProfiledPlan child : plan.children()) {
			hits += dbHits(child);
		}
		return hits;
	}

}
