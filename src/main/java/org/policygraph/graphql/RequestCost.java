package org.policygraph.graphql;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;

import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The cost of a request measured before it waits for its turn ({@link QueryCost}), so
 * that {@link RequestAdmission} can put it in the right line, or refuse it at once. A
 * request that cannot be measured (it does not parse, or its variables do not fit) counts
 * as free: it fails at once when it executes.
 */
@FunctionalInterface
interface RequestCost {

	/** Every request free: one line for all. */
	RequestCost NONE = request -> new Estimate(new QueryCost.Measure(), false);

	/**
	 * @param request a request
	 * @return its cost and whether it is a mutation
	 */
	Estimate estimate(WebGraphQlRequest request);

	/**
	 * @param measure the request's depth, fields and cost
	 * @param mutation whether it is a mutation
	 */
	record Estimate(QueryCost.Measure measure, boolean mutation) {

		/**
		 * @return the request's cost
		 */
		long cost() {
			return this.measure.cost;
		}

	}

	/**
	 * Measures requests against a schema, with the documents parsed once per text.
	 * @param schema the schema (read when the first request comes)
	 * @param weights the cost model's weights
	 * @return the measure
	 */
	static RequestCost of(Supplier<GraphQLSchema> schema, QueryCost.Weights weights) {
		// Weighed by their text: a few large documents cannot fill the memory.
		Cache<String, Document> documents = Caffeine.newBuilder()
			.maximumWeight(8L * 1024 * 1024)
			.<String, Document>weigher((text, document) -> text.length())
			.build();
		return request -> {
			try {
				Document document = documents.get(request.getDocument(), Parser::parse);
				String operationName = request.getOperationName();
				boolean mutation = document.getDefinitionsOfType(OperationDefinition.class)
					.stream()
					.filter(op -> operationName == null || operationName.equals(op.getName()))
					.anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION);
				QueryCost.Measure measure = QueryCost.measure(schema.get(), document, operationName,
						CoercedVariables.of(request.getVariables()), weights);
				return new Estimate(measure, mutation);
			}
			catch (RuntimeException ex) {
				return new Estimate(new QueryCost.Measure(), false);
			}
		};
	}

}
