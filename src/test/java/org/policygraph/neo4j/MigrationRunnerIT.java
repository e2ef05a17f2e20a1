package org.policygraph.neo4j;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration runner against a real Neo4j of its own (an in-process harness instance),
 * with migration files from {@code src/test/resources/migrations-test/}.
 */
class MigrationRunnerIT {

	private static Driver driver;

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private static Neo4j neo4j;

	@BeforeAll
	static void startDatabase() {
		// A database of its own: these tests delete migration records.
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

	@BeforeEach
	void emptyDatabase() {
		try (var session = driver.session()) {
			session.run("MATCH (n) WHERE n:Thing OR n:__Migration DETACH DELETE n").consume();
			session.run("DROP CONSTRAINT thing_key IF EXISTS").consume();
			session.run("DROP INDEX thing_search IF EXISTS").consume();
		}
	}

	private MigrationRunner runner() {
		return new MigrationRunner(driver, SessionConfig.defaultConfig());
	}

	private List<Migration> load(String folder) {
		return MigrationRunner.load(this.resolver, "classpath:migrations-test/" + folder + "/*.cypher");
	}

	private long count(String cypher) {
		try (var session = driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

	@Test
	void shouldApplyEachMigrationOnceAndRecordItsChecksum() {
		List<Migration> applied = runner().migrate(load("v1"));

		assertThat(applied).extracting(Migration::fileName).containsExactly("V0001__Create_things.cypher");
		assertThat(count("MATCH (t:Thing {key: 'first'}) RETURN count(t)")).isEqualTo(1);
		try (var session = driver.session()) {
			var record = session.run("MATCH (m:__Migration) RETURN m.version AS v, m.checksum AS c").single();
			assertThat(record.get("v").asInt()).isEqualTo(1);
			assertThat(record.get("c").asString()).isEqualTo(load("v1").get(0).checksum()).hasSize(64);
		}
	}

	@Test
	void shouldApplyNothingOnSecondRun() {
		runner().migrate(load("v1"));

		List<Migration> second = runner().migrate(load("v1"));

		assertThat(second).isEmpty();
		assertThat(count("MATCH (t:Thing) RETURN count(t)")).isEqualTo(1);
	}

	@Test
	void shouldApplyOnlyTheNewFileWhenOneIsAdded() {
		runner().migrate(load("v1"));

		List<Migration> applied = runner().migrate(load("v2"));

		assertThat(applied).extracting(Migration::version).containsExactly(2);
		assertThat(count("MATCH (t:Thing) RETURN count(t)")).isEqualTo(2);
		assertThat(count("MATCH (m:__Migration) RETURN count(m)")).isEqualTo(2);
	}

	@Test
	void shouldRefuseToStartWhenAnAppliedFileChanged() {
		runner().migrate(load("v1"));

		assertThatThrownBy(() -> runner().migrate(load("changed"))).isInstanceOf(MigrationException.class)
			.hasMessageContaining("V0001__Create_things.cypher was changed after it had been applied");
		assertThat(count("MATCH (t:Thing {key: 'first-edited'}) RETURN count(t)")).isZero();
	}

	@Test
	void shouldReportAStatementThatFails() {
		List<Migration> broken = List.of(Migration.of("V0001__Broken.cypher", "CREATE (n:Thing {key: 'x'}"));

		assertThatThrownBy(() -> runner().migrate(broken)).isInstanceOf(MigrationException.class)
			.hasMessageContaining("V0001__Broken.cypher failed at statement");
		assertThat(count("MATCH (m:__Migration) RETURN count(m)")).isZero();
	}

	@Test
	void shouldCreateTheFulltextIndexesAheadOfTheRestOnAFreshDatabase() {
		int started = runner().startFulltextIndexes(load("fulltext"));

		assertThat(started).isEqualTo(1);
		assertThat(count("SHOW FULLTEXT INDEXES YIELD name WHERE name = 'thing_search' RETURN count(*)")).isEqualTo(1);
		assertThat(count("SHOW CONSTRAINTS YIELD name WHERE name = 'thing_key' RETURN count(*)")).isZero();

		List<Migration> applied = runner().migrate(load("fulltext"));

		assertThat(applied).extracting(Migration::fileName).containsExactly("V0001__Things_with_search.cypher");
		assertThat(count("SHOW CONSTRAINTS YIELD name WHERE name = 'thing_key' RETURN count(*)")).isEqualTo(1);
		assertThat(count("SHOW FULLTEXT INDEXES YIELD name RETURN count(*)")).isEqualTo(1);
	}

	@Test
	void shouldNotRunAheadOnceAMigrationWasApplied() {
		runner().migrate(load("v1"));

		int started = runner().startFulltextIndexes(load("fulltext"));

		assertThat(started).isZero();
		assertThat(count("SHOW FULLTEXT INDEXES YIELD name WHERE name = 'thing_search' RETURN count(*)")).isZero();
	}

}
