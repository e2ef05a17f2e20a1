package org.policygraph.graphql;

import java.util.List;

import graphql.scalars.ExtendedScalars;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * How the schema files become the served schema: {@code Date} is an ISO-8601
 * {@link java.time.LocalDate}, and descriptions are served as flowing paragraphs
 * ({@link DescriptionParagraphs}).
 */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

	@Bean
	RuntimeWiringConfigurer scalarWiring() {
		return wiring -> wiring.scalar(ExtendedScalars.Date);
	}

	@Bean
	GraphQlSourceBuilderCustomizer descriptionParagraphs() {
		return (builder) -> builder.configureTypeDefinitions(DescriptionParagraphs::joinSchemaDescription)
			.typeVisitorsToTransformSchema(List.of(new DescriptionParagraphs()));
	}

}
