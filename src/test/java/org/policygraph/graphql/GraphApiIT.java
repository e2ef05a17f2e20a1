package org.policygraph.graphql;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policygraph.neo4j.EmbeddedNeo4j;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API against the in-process Neo4j, connected as an external server.
 */
class GraphApiIT extends HarnessIntegrationTests {

	@Nested
	class Queries extends GraphApiTests {

	}

	@Autowired
	private ApplicationContext context;

	@Test
	void shouldNotStartTheEmbeddedDatabaseWhenAnExternalUriIsConfigured() {
		assertThat(this.context.getBeanNamesForType(EmbeddedNeo4j.class)).isEmpty();
	}

}
