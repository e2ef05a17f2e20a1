package org.policygraph.neo4j;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
 * {@code V0006__Kept_evidence.cypher} on a store written before it (the project's
 * migrations up to V0005, then relationships with counts but no
 * {@code evidenceArticleIds}): it fills in each relationship's first 10 evidence
 * articles, undated first, then newest, then by id, in batches (run by the migration
 * runner outside a managed transaction), and leaves a relationship that has them alone;
 * then {@code V0007__Kept_evidence_dates.cypher} keeps the dates of the dated ones among
 * them, in the same order ({@code evidenceArticleDates}).
 */
class KeptEvidenceMigrationIT {

	private static Neo4j neo4j;

	private static Driver driver;

	/** Articles, their dates and the relation their evidence states. */
	private static final String WRITE_OLD_STORE = """
			UNWIND $articles AS row
			MERGE (p:Province:Entity {key: row.fromKey})
			MERGE (d:Document:Entity {key: row.toKey})
			CREATE (a:Article {id: row.id, publishedAt: row.publishedAt})
			CREATE (a)-[:ASSERTS]->(:Evidence {type: 'IMPLEMENTS', fromKey: row.fromKey, toKey: row.toKey,
			                                   sentence: 'Thực hiện.', articleId: row.id})
			MERGE (p)-[r:IMPLEMENTS]->(d)
			SET r.articleCount = coalesce(r.articleCount, 0) + 1""";

	private static final String KEPT = """
			MATCH (p:Province)-[r:IMPLEMENTS]->(d:Document)
			RETURN p.key + ' -> ' + d.key AS pair, r.evidenceArticleIds AS kept, r.evidenceArticleDates AS dates""";

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
	void shouldBackfillTheKeptEvidenceAndItsDatesOfAStoreWrittenBeforeIt() {
		MigrationRunner runner = new MigrationRunner(driver, SessionConfig.defaultConfig());
		List<Migration> all = MigrationRunner.load(new PathMatchingResourcePatternResolver(),
				"classpath*:cypher/migrations/*.cypher");
		assertThat(all).extracting(Migration::fileName).contains("V0006__Kept_evidence.cypher");
		runner.migrate(all.stream().filter(m -> m.version() < 6).toList());

		// 42 → A: 13 articles (two undated, two on one day); 40 → A: 2; 38 → B: already
		// has its kept evidence (left alone).
		List<Map<String, Object>> rows = new ArrayList<>();
		Map<String, List<Map<String, Object>>> byPair = new HashMap<>();
		for (int i = 1; i <= 13; i++) {
			LocalDate date = switch (i) {
				case 3, 9 -> null;
				case 5 -> LocalDate.of(2020, 1, 1).plusDays(40);
				default -> LocalDate.of(2020, 1, 1).plusDays(10L * i);
			};
			rows.add(row("https://old.example/%02d".formatted(i), date, "42", "A"));
		}
		rows.add(row("https://old.example/x1", LocalDate.of(2019, 1, 1), "40", "A"));
		rows.add(row("https://old.example/x2", null, "40", "A"));
		rows.add(row("https://old.example/y1", LocalDate.of(2019, 1, 1), "38", "B"));
		rows.forEach(
				r -> byPair.computeIfAbsent(r.get("fromKey") + " -> " + r.get("toKey"), k -> new ArrayList<>()).add(r));
		try (var session = driver.session()) {
			session.run(WRITE_OLD_STORE, Map.of("articles", rows)).consume();
			session
				.run("MATCH (:Province {key: '38'})-[r:IMPLEMENTS]->() SET r.evidenceArticleIds = ['kept as it was']")
				.consume();
		}

		List<Migration> applied = runner.migrate(all);

		assertThat(applied).extracting(Migration::version).startsWith(6).doesNotContain(1, 2, 3, 4, 5);
		Map<String, List<String>> kept = new HashMap<>();
		Map<String, List<LocalDate>> dates = new HashMap<>();
		try (var session = driver.session()) {
			session.run(KEPT).forEachRemaining(r -> {
				kept.put(r.get("pair").asString(), r.get("kept").asList(Value::asString));
				dates.put(r.get("pair").asString(),
						r.get("dates").isNull() ? null : r.get("dates").asList(Value::asLocalDate));
			});
		}
		assertThat(kept).containsEntry("42 -> A", expected(byPair.get("42 -> A")))
			.containsEntry("40 -> A", List.of("https://old.example/x2", "https://old.example/x1"))
			.containsEntry("38 -> B", List.of("kept as it was"));
		assertThat(kept.get("42 -> A")).hasSize(10)
			.startsWith("https://old.example/03", "https://old.example/09", "https://old.example/13",
					"https://old.example/12");
		// V0007: the dates of the kept articles that have one, in the same order (the
		// two undated ones come first in the list and have none); none for a list whose
		// articles have no date.
		assertThat(dates.get("42 -> A")).containsExactlyElementsOf(expected(byPair.get("42 -> A")).stream()
			.map(id -> (LocalDate) byPair.get("42 -> A")
				.stream()
				.filter(r -> r.get("id").equals(id))
				.findFirst()
				.orElseThrow()
				.get("publishedAt"))
			.filter(date -> date != null)
			.toList());
		assertThat(dates.get("42 -> A")).hasSize(8).startsWith(LocalDate.of(2020, 1, 1).plusDays(130));
		assertThat(dates).containsEntry("40 -> A", List.of(LocalDate.of(2019, 1, 1))).containsEntry("38 -> B", null);
	}

	private static Map<String, Object> row(String id, LocalDate date, String fromKey, String toKey) {
		Map<String, Object> row = new HashMap<>();
		row.put("id", id);
		row.put("publishedAt", date);
		row.put("fromKey", fromKey);
		row.put("toKey", toKey);
		return row;
	}

	/** The first 10 article ids: undated first, then newest, then by id. */
	private static List<String> expected(List<Map<String, Object>> rows) {
		return rows.stream()
			.sorted(Comparator
				.comparing((Map<String, Object> r) -> (LocalDate) r.get("publishedAt"),
						Comparator.nullsFirst(Comparator.reverseOrder()))
				.thenComparing(r -> (String) r.get("id")))
			.map(r -> (String) r.get("id"))
			.limit(10)
			.toList();
	}

}
