package org.policygraph.support;

import java.net.URI;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The application over HTTP against the in-process Neo4j reached with a routing URI
 * ({@code neo4j://}), as against a cluster: the driver fetches a routing table from the
 * server and routes each transaction by its access mode. The harness is a single server
 * that plays every role, so this proves the routing code path, not a cluster. Every
 * statement is recorded with its access mode ({@link SessionRecorder}). Bookmarks are
 * waited for at most 2 s. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "policygraph.security.editor.password=" + HarnessIntegrationTests.EDITOR_PASSWORD,
				"policygraph.neo4j.bookmarks.wait-timeout=2s" })
@AutoConfigureHttpGraphQlTester
@Import(SessionRecorder.Config.class)
public abstract class RoutingHarnessIntegrationTests {

	/**
	 * @return the harness's Bolt address with the routing scheme
	 */
	public static URI routingUri() {
		URI bolt = InProcessNeo4j.boltUri();
		return URI.create("neo4j://" + bolt.getHost() + ":" + bolt.getPort());
	}

	@DynamicPropertySource
	static void neo4jProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", () -> routingUri().toString());
	}

}
