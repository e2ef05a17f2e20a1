package org.policygraph.neo4j;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class Neo4jEnvironmentPostProcessorTests {

	private final Neo4jEnvironmentPostProcessor processor = new Neo4jEnvironmentPostProcessor();

	@Test
	void shouldMapTheConventionalVariablesToSpringProperties() {
		MockEnvironment env = new MockEnvironment().withProperty("NEO4J_URI", "neo4j://cluster:7687")
			.withProperty("NEO4J_USERNAME", "neo4j")
			.withProperty("NEO4J_PASSWORD", "secret");

		this.processor.postProcessEnvironment(env, new SpringApplication());

		assertThat(env.getProperty("spring.neo4j.uri")).isEqualTo("neo4j://cluster:7687");
		assertThat(env.getProperty("spring.neo4j.authentication.username")).isEqualTo("neo4j");
		assertThat(env.getProperty("spring.neo4j.authentication.password")).isEqualTo("secret");
	}

	@Test
	void shouldLetExplicitSpringPropertiesWin() {
		MockEnvironment env = new MockEnvironment().withProperty("NEO4J_URI", "bolt://a:7687")
			.withProperty("spring.neo4j.uri", "bolt://b:7687");

		this.processor.postProcessEnvironment(env, new SpringApplication());

		assertThat(env.getProperty("spring.neo4j.uri")).isEqualTo("bolt://b:7687");
	}

	@Test
	void shouldAddNothingWithoutTheVariables() {
		MockEnvironment env = new MockEnvironment();

		this.processor.postProcessEnvironment(env, new SpringApplication());

		assertThat(env.getPropertySources().contains(Neo4jEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(env.containsProperty("spring.neo4j.uri")).isFalse();
	}

}
