package org.policygraph.support;

import java.time.Duration;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Test-side settings of the GraphQL tester: machines running the suite are shared and can
 * be slow, so a response may take up to 60 s before a test gives up (no test measures
 * time).
 */
public final class Testers {

	private Testers() {
	}

	/**
	 * @param tester the auto-configured tester
	 * @return the same tester with a patient response timeout
	 */
	public static HttpGraphQlTester patient(HttpGraphQlTester tester) {
		Duration timeout = Duration.ofSeconds(60);
		return tester.mutate()
			.webTestClient(client -> client.responseTimeout(timeout))
			.responseTimeout(timeout)
			.build();
	}

}
