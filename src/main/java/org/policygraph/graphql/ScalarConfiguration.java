package org.policygraph.graphql;

import graphql.scalars.ExtendedScalars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Scalars used by the schema: {@code Date} is an ISO-8601 {@link java.time.LocalDate}.
 */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

	@Bean
	RuntimeWiringConfigurer scalarWiring() {
		return wiring -> wiring.scalar(ExtendedScalars.Date);
	}

}
