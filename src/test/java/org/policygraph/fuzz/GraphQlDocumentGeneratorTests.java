package org.policygraph.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzer's own generator: what it calls valid is valid against the schema, the same
 * seed gives the same documents, and its mutations do change documents.
 */
class GraphQlDocumentGeneratorTests {

	private static final GraphQLSchema SCHEMA = GraphQlDocumentGenerator.schemaFromClasspath();

	private final GraphQlDocumentGenerator generator = new GraphQlDocumentGenerator(SCHEMA, ArgumentValues.offline());

	private final FuzzSettings settings = FuzzSettings.fromSystemProperties(200, Duration.ofSeconds(30));

	private static ParseAndValidateResult validate(GraphQlDocumentGenerator.Operation op) {
		return ParseAndValidate.parseAndValidate(SCHEMA,
				ExecutionInput.newExecutionInput(op.document())
					.variables(op.variables())
					.operationName(op.operationName())
					.build());
	}

	@Test
	void shouldGenerateQueriesThatAreValidAgainstTheSchema() {
		System.out.println(this.settings.banner(getClass().getSimpleName()));
		for (int i = 0; i < this.settings.iterations(); i++) {
			Random r = this.settings.random(i);
			GraphQlDocumentGenerator.Operation op = switch (i % 4) {
				case 0, 1 -> this.generator.query(r);
				case 2 -> this.generator.subscription(r);
				default -> this.generator.wide(r, FuzzStrings.pick(r, this.generator.queryFields()));
			};
			ParseAndValidateResult result = validate(op);
			assertThat(result.getErrors())
				.as("%s\n%s\nvariables %s", this.settings.replay(i), op.document(), op.variables())
				.isEmpty();
			assertThat(op.rootKeys()).as(this.settings.replay(i)).isNotEmpty();
		}
	}

	@Test
	void shouldGenerateValidIngestMutationsWithTheValuesGiven() {
		Random r = new Random(7);
		GraphQlDocumentGenerator.Operation op = this.generator.mutation(r, "ingestArticles",
				Map.of("input", Map.of("articles", List.of(Map.of("title", "Tiêu đề")), "dryRun", true)));

		assertThat(validate(op).getErrors()).isEmpty();
		assertThat(op.document()).contains("ingestArticles");
		// One mutation field, and maybe the root __typename the generator sometimes adds.
		assertThat(op.rootKeys()).contains("ingestArticles");
		assertThat(op.rootKeys()).filteredOn(key -> !key.equals("__typename")).containsExactly("ingestArticles");
	}

	@Test
	void shouldGenerateTheSameDocumentsFromTheSameSeed() {
		FuzzSettings fixed = new FuzzSettings(42, 20, -1, Duration.ofSeconds(30));
		for (int i = 0; i < fixed.iterations(); i++) {
			assertThat(this.generator.query(fixed.random(i)).document())
				.isEqualTo(this.generator.query(fixed.random(i)).document());
		}
		assertThat(this.generator.query(fixed.random(0)).document())
			.isNotEqualTo(this.generator.query(fixed.random(1)).document());
	}

	@Test
	void shouldMakeDocumentsInvalid() {
		FuzzSettings fixed = new FuzzSettings(42, 100, -1, Duration.ofSeconds(30));
		int invalid = 0;
		for (int i = 0; i < fixed.iterations(); i++) {
			Random r = fixed.random(i);
			GraphQlDocumentGenerator.Operation op = this.generator.query(r);
			DocumentMutations.Mutated mutated = DocumentMutations.mutate(r, op.document(), op.variables());
			ParseAndValidateResult result = ParseAndValidate.parseAndValidate(SCHEMA,
					ExecutionInput.newExecutionInput(mutated.document()).variables(mutated.variables()).build());
			if (result.isFailure()) {
				invalid++;
			}
		}
		// some mutations (a swapped pair of equal tokens, a renamed alias) leave a
		// document valid
		assertThat(invalid).isGreaterThan(fixed.iterations() / 2);
	}

}
