package org.policygraph.neo4j;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.ResultSummary;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Neo4j health, checked with a read: on a cluster the check goes where queries go (a
 * follower or secondary), so an instance stays ready to serve reads while the cluster
 * elects a new leader, and health probes of many instances do not all land on the leader.
 * Details name the server that answered, its edition and version.
 */
class Neo4jReadHealthIndicator extends AbstractHealthIndicator {

	private static final SessionConfig READ = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

	private static final String COMPONENTS = """
			CALL dbms.components() YIELD versions, name, edition
			WHERE name = 'Neo4j Kernel'
			RETURN edition, versions[0] AS version""";

	private final Driver driver;

	Neo4jReadHealthIndicator(Driver driver) {
		super("Neo4j health check failed");
		this.driver = driver;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		try (var session = this.driver.session(READ)) {
			var result = session.run(COMPONENTS);
			Record record = result.single();
			ResultSummary summary = result.consume();
			builder.up()
				.withDetail("server", summary.server().address())
				.withDetail("edition", record.get("edition").asString())
				.withDetail("version", record.get("version").asString())
				.withDetail("database", summary.database().name())
				.withDetail("accessMode", AccessMode.READ.name());
		}
	}

}
