package org.policygraph.graphql;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.SchemaTransformer;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Descriptions are served as flowing paragraphs, with the Markdown that is read line by
 * line left as written.
 */
class DescriptionParagraphsTests {

	@Test
	void shouldJoinTheLinesOfAWrappedParagraph() {
		assertThat(DescriptionParagraphs.join("How far the implementation has spread: which units\n"
				+ "implement it, since when,\nand which units are missing."))
			.isEqualTo("How far the implementation has spread: which units implement it, since when, "
					+ "and which units are missing.");
	}

	@Test
	void shouldKeepParagraphsApart() {
		assertThat(DescriptionParagraphs.join("First paragraph,\nwrapped.\n\nSecond paragraph,\nwrapped too."))
			.isEqualTo("First paragraph, wrapped.\n\nSecond paragraph, wrapped too.");
	}

	@Test
	void shouldKeepListItemsOnTheirOwnLinesAndJoinTheirContinuations() {
		assertThat(DescriptionParagraphs
			.join("The kinds:\n- a resolution\n  of the Politburo\n* a directive\n" + "1. a plan\n2) a programme"))
			.isEqualTo("The kinds:\n- a resolution of the Politburo\n* a directive\n1. a plan\n2) a programme");
	}

	@Test
	void shouldKeepFencedCodeHeadingsTablesQuotesAndHardBreaksAsWritten() {
		String fenced = "For example:\n```graphql\n{\n  about { version }\n}\n```\nthen run it.";
		assertThat(DescriptionParagraphs.join(fenced)).isEqualTo(fenced);
		String blocks = "# Heading\nText after it\n| a | b |\n|---|---|\n> a quote\n\nline one  \nline two\\\nline three";
		assertThat(DescriptionParagraphs.join(blocks)).isEqualTo(blocks);
	}

	@Test
	void shouldLeaveOneLineAndMissingDescriptionsAlone() {
		assertThat(DescriptionParagraphs.join("One line.")).isEqualTo("One line.");
		assertThat(DescriptionParagraphs.join(null)).isNull();
	}

	@Test
	void shouldJoinTheDescriptionsOfTheSchemaDirectivesTypesFieldsArgumentsInputFieldsAndEnumValues() {
		TypeDefinitionRegistry registry = new SchemaParser().parse("""
				"A schema,\\nwrapped."
				schema { query: Query }
				"A directive,\\nwrapped."
				directive @kept on FIELD_DEFINITION
				"A type,\\nwrapped."
				type Query {
				  "A field,\\nwrapped."
				  field(
				    "An argument,\\nwrapped."
				    argument: Kind
				    "An input,\\nwrapped."
				    input: Filter
				  ): String
				}
				"An enum,\\nwrapped."
				enum Kind {
				  "A value,\\nwrapped."
				  PLAN
				}
				"An input type,\\nwrapped."
				input Filter {
				  "An input field,\\nwrapped."
				  name: String
				}
				""");
		DescriptionParagraphs.joinSchemaDescription(registry);
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, RuntimeWiring.MOCKED_WIRING);

		GraphQLSchema served = SchemaTransformer.transformSchema(schema, new DescriptionParagraphs());

		assertThat(served.getDescription()).isEqualTo("A schema, wrapped.");
		assertThat(served.getDirective("kept").getDescription()).isEqualTo("A directive, wrapped.");
		GraphQLObjectType query = served.getQueryType();
		assertThat(query.getDescription()).isEqualTo("A type, wrapped.");
		assertThat(query.getFieldDefinition("field").getDescription()).isEqualTo("A field, wrapped.");
		assertThat(query.getFieldDefinition("field").getArgument("argument").getDescription())
			.isEqualTo("An argument, wrapped.");
		assertThat(query.getFieldDefinition("field").getArgument("input").getDescription())
			.isEqualTo("An input, wrapped.");
		GraphQLEnumType kind = (GraphQLEnumType) served.getType("Kind");
		assertThat(kind.getDescription()).isEqualTo("An enum, wrapped.");
		assertThat(kind.getValue("PLAN").getDescription()).isEqualTo("A value, wrapped.");
		GraphQLInputObjectType filter = (GraphQLInputObjectType) served.getType("Filter");
		assertThat(filter.getDescription()).isEqualTo("An input type, wrapped.");
		assertThat(filter.getField("name").getDescription()).isEqualTo("An input field, wrapped.");
	}

}
