package org.policygraph.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.jspecify.annotations.Nullable;

/**
 * The query limits, checked before an operation executes ({@link QueryCost}): the depth,
 * the number and the cost of the fields that read data, and apart from them the depth of
 * introspection.
 * <p>
 * Introspection ({@code __schema}, {@code __type} and everything below them,
 * {@code __typename}) neither deepens nor costs a query: the standard introspection
 * queries of GraphiQL, Apollo's tools, Postman, Insomnia and graphql-codegen (graphql-js
 * {@code getIntrospectionQuery()}, 15 levels deep with its nine {@code ofType}s) answer
 * from the schema in memory, without the database. Abusive introspection is still
 * bounded: by its own depth limit (an endless nesting of {@code ofType}) and by
 * graphql-java's good-faith introspection check, on by default, which refuses
 * {@code __Type.fields}, {@code inputFields}, {@code interfaces} or {@code possibleTypes}
 * selected more than once in an operation ({@code fields { type { fields ... } } }).
 */
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

	private final QueryLimitsProperties limits;

	QueryLimitsInstrumentation(QueryLimitsProperties limits) {
		this.limits = limits;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		String refusal = refusal(measure(parameters.getExecutionContext()), this.limits);
		if (refusal != null) {
			throw new AbortExecutionException(refusal);
		}
		return SimpleInstrumentationContext.noOp();
	}

	/**
	 * Why a query is refused, checked in this order: introspection depth, depth, fields,
	 * cost.
	 * @param measure the query's measure
	 * @param limits the limits
	 * @return the error message, or {@code null} if the query is within the limits
	 */
	static @Nullable String refusal(QueryCost.Measure measure, QueryLimitsProperties limits) {
		if (measure.introspectionDepth > limits.maxIntrospectionDepth()) {
			return "maximum introspection depth exceeded " + measure.introspectionDepth + " > "
					+ limits.maxIntrospectionDepth();
		}
		if (measure.depth > limits.maxDepth()) {
			return "maximum query depth exceeded " + measure.depth + " > " + limits.maxDepth();
		}
		if (measure.fields > limits.maxComplexity()) {
			return "maximum query complexity exceeded " + measure.fields + " > " + limits.maxComplexity();
		}
		if (measure.cost > limits.maxCost()) {
			return costExceeded(measure.cost, limits.maxCost());
		}
		return null;
	}

	static String costExceeded(long cost, long maxCost) {
		return "maximum query cost exceeded " + cost + " > " + maxCost
				+ ": ask for smaller pages (first, limit), a smaller depth, fewer aliases or fewer text searches";
	}

	private QueryCost.Measure measure(ExecutionContext context) {
		return QueryCost.measure(context.getGraphQLSchema(), context.getDocument(),
				context.getExecutionInput().getOperationName(), context.getCoercedVariables(), this.limits.weights());
	}

}
