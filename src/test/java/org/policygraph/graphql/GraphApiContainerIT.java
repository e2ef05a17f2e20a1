package org.policygraph.graphql;

import org.policygraph.support.HarnessIntegrationTests;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The same read API tests against a Neo4j 5.26 server in a container, where Docker is
 * available; skipped (not failed) elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "policygraph.neo4j.embedded.enabled=false",
				"policygraph.security.editor.password=" + HarnessIntegrationTests.EDITOR_PASSWORD })
@AutoConfigureHttpGraphQlTester
class GraphApiContainerIT extends GraphApiTests {

	@Container
	@ServiceConnection
	static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:5.26-community").withoutAuthentication();

}
