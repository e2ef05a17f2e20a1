package org.policygraph.support;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application over HTTP against the in-process Neo4j (neo4j-harness), reached over
 * Bolt as an external server: the embedded database does not start. All subclasses share
 * one application context, so the sample articles are loaded once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "policygraph.security.editor.password=" + HarnessIntegrationTests.EDITOR_PASSWORD,
				// All requests come from one address and some tests (the fuzzer, the
				// refusal tests)
				// send wrong passwords on purpose: the failed-login throttle would hold
				// the editor's
				// requests of later tests. LoginThrottleIT tests the throttle in a
				// context of its own.
				"policygraph.security.login-throttle.max-failures=1000000",
				// The tests count requests, cache entries and admissions: no background
				// queries.
				"policygraph.dashboard.warm-up=false" })
@AutoConfigureHttpGraphQlTester
@Import(StatementCounter.Config.class)
public abstract class HarnessIntegrationTests {

	/** The editor's password in tests. */
	public static final String EDITOR_PASSWORD = "test-editor-secret";

	@DynamicPropertySource
	static void neo4jProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", () -> InProcessNeo4j.boltUri().toString());
	}

}
