package org.policygraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionsTests {

	private static final String SCHEMA = """
			type Query { page: Page }
			type Page { totalCount: Int, edges: [Edge] }
			type Edge { node: Node }
			type Node { via: [Doc], evidence(first: Int): [Ev] }
			type Doc { key: String }
			type Ev { sentence: String, article: Art }
			type Art { title: String, text: String }
			""";

	private final List<Map<String, Object>> seen = new ArrayList<>();

	private void run(String query) {
		DataFetcher<Object> page = env -> {
			var selection = env.getSelectionSet();
			this.seen.add(Map.of("totalCount", Selections.asks(selection, "totalCount"), "via",
					Selections.asks(selection, "edges/node/via"), "evidence",
					Selections.fields(selection, "edges/node/evidence").size(), "text",
					Selections.fields(selection, "edges/node/evidence")
						.stream()
						.anyMatch(f -> Selections.asks(f.getSelectionSet(), "article/text")),
					"node", Selections.asks(selection, "node")));
			return Map.of();
		};
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA),
				RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("page", page)).build());
		ExecutionResult result = GraphQL.newGraphQL(schema).build().execute(query);
		assertThat(result.getErrors()).isEmpty();
	}

	@Test
	void shouldFindAFieldByItsPathOfNames() {
		run("{ page { totalCount edges { node { via { key } } } } }");

		assertThat(this.seen).singleElement()
			.isEqualTo(Map.of("totalCount", true, "via", true, "evidence", 0, "text", false, "node", false));
	}

	@Test
	void shouldFindFieldsInFragmentsAndUnderEveryAlias() {
		run("""
				{ page { edges { ...E } } }
				fragment E on Edge { node {
				  short: evidence(first: 1) { sentence }
				  long: evidence(first: 3) { article { ... on Art { text } } }
				} }""");

		assertThat(this.seen).singleElement()
			.isEqualTo(Map.of("totalCount", false, "via", false, "evidence", 2, "text", true, "node", false));
	}

	@Test
	void shouldNotTakeAFieldOfAnotherPathOrAPrefixOfAName() {
		run("{ page { edges { node { evidence { article { title } } } } } }");

		assertThat(this.seen).singleElement()
			.isEqualTo(Map.of("totalCount", false, "via", false, "evidence", 1, "text", false, "node", false));
	}

}
