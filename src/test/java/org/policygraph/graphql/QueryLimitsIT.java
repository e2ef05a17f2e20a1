package org.policygraph.graphql;

import org.junit.jupiter.api.Test;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries deeper or wider than the configured limits are refused before they run, with a
 * clear error.
 */
class QueryLimitsIT extends HarnessIntegrationTests {

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@Test
	void shouldRefuseAQueryDeeperThanTheLimit() {
		String deep = "{ articles { edges { node { documents { implementedBy { edges { node { province { "
				+ "implements { edges { node { document { issuedBy { parent { children { key } } } } } } } } } } } } } } } }";
		this.graphQl.document(deep).execute().errors().satisfy(errors -> {
			assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("maximum query depth exceeded"));
		});
	}

	@Test
	void shouldRefuseAQueryWithMoreFieldsThanTheLimit() {
		StringBuilder wide = new StringBuilder("{");
		for (int i = 0; i < 300; i++) {
			wide.append(" p").append(i).append(": province(name: \"Nghệ An\") { key name }");
		}
		wide.append(" }");
		this.graphQl.document(wide.toString()).execute().errors().satisfy(errors -> {
			assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("maximum query complexity exceeded"));
		});
	}

	@Test
	void shouldAnswerAQueryWithinTheLimits() {
		this.graphQl.document("{ province(name: \"Nghệ An\") { key } }")
			.execute()
			.path("province.key")
			.entity(String.class)
			.isEqualTo("40");
	}

}
