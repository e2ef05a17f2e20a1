package org.policygraph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example operation preloaded in GraphiQL is valid against the current schema, and
 * the write example carries an authorization header placeholder.
 */
class GraphiqlExamplesTests {

	private static final Path EXAMPLES = Path.of("src/main/resources/static/graphiql-examples.js");

	private static final Pattern QUERY = Pattern.compile("query: `([^`]*)`");

	@Test
	void everyExampleShouldBeValidAgainstTheSchema() throws IOException {
		GraphQLSchema schema = schema();
		List<String> operations = operations();
		assertThat(operations).hasSizeGreaterThanOrEqualTo(10);
		for (String operation : operations) {
			ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
					ExecutionInput.newExecutionInput(operation).build());
			assertThat(result.getErrors()).as(operation).isEmpty();
		}
		String all = String.join("\n", operations);
		assertThat(all).contains("implementedBy", "via", "evidence", "coverage(", "counts(", "mentionsPerMonth(",
				"topDocuments(", "search(", "neighbourhood(", "shortestPath(", "extract(", "ingestArticles(",
				"subscription");
	}

	@Test
	void theWriteExampleShouldExplainAndCarryTheAuthorizationHeader() throws IOException {
		String examples = Files.readString(EXAMPLES, StandardCharsets.UTF_8);
		assertThat(examples).contains("headers: '{ \"Authorization\": \"Basic ");
		assertThat(examples).contains("Headers");
	}

	private static List<String> operations() throws IOException {
		Matcher matcher = QUERY.matcher(Files.readString(EXAMPLES, StandardCharsets.UTF_8));
		List<String> operations = new ArrayList<>();
		while (matcher.find()) {
			operations.add(matcher.group(1));
		}
		return operations;
	}

	private static GraphQLSchema schema() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		SchemaParser parser = new SchemaParser();
		try (Stream<Path> files = Files.list(Path.of("graphql-schema"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(parser.parse(Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

}
