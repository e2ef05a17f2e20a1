package org.policygraph.reference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference data step against a real Neo4j of its own: the first run writes every
 * unit and body, a run on a graph that holds the same reference data writes nothing, and
 * a graph that lost some of it gets it back.
 */
class ReferenceGraphLoaderIT {

	private static Neo4j neo4j;

	private static Driver driver;

	private final ReferenceGraphLoader loader = new ReferenceGraphLoader(ProvinceGazetteer.load(),
			PartyBodyCatalog.load());

	@BeforeAll
	static void startDatabase() {
		// A database of its own: these tests change reference nodes.
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
		run("MATCH (n) DETACH DELETE n");
	}

	@Test
	void shouldWriteNothingWhenTheGraphHoldsTheSameReferenceData() {
		this.loader.run(driver, "");
		long relationships = count("MATCH ()-[r]->() RETURN count(r)");
		// A change the step would overwrite if it wrote the units again.
		run("MATCH (p:Province {key: '01'}) SET p.name = 'unchanged by a restart'");

		this.loader.run(driver, "");

		assertThat(count("MATCH (p:Province {name: 'unchanged by a restart'}) RETURN count(p)")).isOne();
		assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
		assertThat(count("MATCH (d:__ReferenceData) RETURN count(d)")).isOne();
	}

	@Test
	void shouldWriteTheReferenceDataAgainWhenSomeIsMissing() {
		this.loader.run(driver, "");
		long nodes = count("MATCH (n) RETURN count(n)");
		long relationships = count("MATCH ()-[r]->() RETURN count(r)");
		run("MATCH (p:Province {key: '01'}) DETACH DELETE p");

		this.loader.run(driver, "");

		assertThat(count("MATCH (p:Province {key: '01'}) WHERE p.reference RETURN count(p)")).isOne();
		assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
		assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
		assertThat(count("MATCH (d:__ReferenceData) RETURN count(d)")).isOne();
	}

	@Test
	void shouldWriteTheReferenceDataAgainWhenItsFingerprintDiffers() {
		this.loader.run(driver, "");
		run("MATCH (d:__ReferenceData) SET d.fingerprint = 'of an older release'");
		run("MATCH (p:Province {key: '01'}) SET p.name = 'from an older release'");

		this.loader.run(driver, "");

		assertThat(count("MATCH (p:Province {name: 'from an older release'}) RETURN count(p)")).isZero();
		assertThat(count("MATCH (d:__ReferenceData) WHERE d.fingerprint <> 'of an older release' RETURN count(d)"))
			.isOne();
	}

	private static void run(String cypher) {
		try (var session = driver.session()) {
			session.run(cypher).consume();
		}
	}

	private static long count(String cypher) {
		try (var session = driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

}
