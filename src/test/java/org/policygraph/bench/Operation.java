package org.policygraph.bench;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One benchmarked operation: a GraphQL request as the API's clients send it, and the same
 * answer from one hand-written Cypher statement over Bolt (the floor).
 *
 * @param name a short name for tables and JSON
 * @param kind researcher traversal, dashboard aggregate, search, deep nested or paginated
 * walk
 * @param description what it asks, in a sentence
 * @param dashboard whether the dashboard latency goal applies
 * @param parameters draws the parameters of one call (GraphQL variables and Cypher
 * parameters)
 * @param viaGraphQl runs the operation over HTTP and returns its answer
 * @param viaCypher runs the floor statement and returns its answer in the shape of the
 * GraphQL {@code data}
 * @param ignoredKeys fields of the GraphQL answer the floor does not compute (left out of
 * the comparison)
 * @param ordered whether list order is part of the answer (else compared as multisets,
 * with a warning when only the order differs)
 */
record Operation(String name, String kind, String description, boolean dashboard,
		Function<Random, Map<String, Object>> parameters,
		BiFunction<GraphQlClient, Map<String, Object>, Object> viaGraphQl,
		BiFunction<CypherClient, Map<String, Object>, Object> viaCypher, Set<String> ignoredKeys, boolean ordered) {

	/**
	 * An operation that is one GraphQL document and one Cypher statement with the same
	 * parameters.
	 */
	static Operation of(String name, String kind, String description, boolean dashboard,
			Function<Random, Map<String, Object>> parameters, String graphQl, String cypher) {
		return new Operation(name, kind, description, dashboard, parameters, (client, p) -> client.execute(graphQl, p),
				(client, p) -> client.data(cypher, p), Set.of(), false);
	}

	Operation ignoring(String... keys) {
		return new Operation(this.name, this.kind, this.description, this.dashboard, this.parameters, this.viaGraphQl,
				this.viaCypher, Set.of(keys), this.ordered);
	}

	Operation withCypherParameters(Function<Map<String, Object>, Map<String, Object>> derive) {
		BiFunction<CypherClient, Map<String, Object>, Object> inner = this.viaCypher;
		return new Operation(this.name, this.kind, this.description, this.dashboard, this.parameters, this.viaGraphQl,
				(client, p) -> inner.apply(client, derive.apply(p)), this.ignoredKeys, this.ordered);
	}

}
