package org.policygraph.graphql;

import java.util.HashMap;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * The query limits, checked before an operation executes: the depth and the cost of the fields
 * that read data, and apart from them the depth of introspection.
 * <p>
 * Introspection ({@code __schema}, {@code __type} and everything below them, {@code __typename})
 * neither deepens nor costs a query: the standard introspection queries of GraphiQL, Apollo's
 * tools, Postman, Insomnia and graphql-codegen (graphql-js {@code getIntrospectionQuery()}, 15
 * levels deep with its nine {@code ofType}s) answer from the schema in memory, without the
 * database. Abusive introspection is still bounded: by its own depth limit (an endless nesting of
 * {@code ofType}) and by graphql-java's good-faith introspection check, on by default, which
 * refuses {@code __Type.fields}, {@code inputFields}, {@code interfaces} or {@code possibleTypes}
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
		Measure measure = measure(parameters.getExecutionContext());
		if (measure.introspectionDepth > this.limits.maxIntrospectionDepth()) {
			throw new AbortExecutionException("maximum introspection depth exceeded " + measure.introspectionDepth
					+ " > " + this.limits.maxIntrospectionDepth());
		}
		if (measure.depth > this.limits.maxDepth()) {
			throw new AbortExecutionException(
					"maximum query depth exceeded " + measure.depth + " > " + this.limits.maxDepth());
		}
		if (measure.cost > this.limits.maxComplexity()) {
			throw new AbortExecutionException(
					"maximum query complexity exceeded " + measure.cost + " > " + this.limits.maxComplexity());
		}
		return SimpleInstrumentationContext.noOp();
	}

	/**
	 * The depth and cost of an operation's data fields and the depth of its introspection.
	 * @param context the operation
	 * @return what was measured
	 */
	static Measure measure(ExecutionContext context) {
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		Measure measure = new Measure();
		// Post order: a field's children are measured before it, their sum kept under their parent.
		Map<QueryVisitorFieldEnvironment, Long> childCosts = new HashMap<>();
		traverser.visitPostOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				int introspectionLevel = introspectionLevel(env);
				if (introspectionLevel > 0) {
					measure.introspectionDepth = Math.max(measure.introspectionDepth, introspectionLevel);
					return;
				}
				measure.depth = Math.max(measure.depth, level(env));
				long children = childCosts.getOrDefault(env, 0L);
				long cost = 1 + children;
				childCosts.merge(env.getParentEnvironment(), cost, Long::sum);
			}
		});
		measure.cost = childCosts.getOrDefault(null, 0L);
		return measure;
	}

	private static int level(QueryVisitorFieldEnvironment env) {
		int level = 0;
		for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			level++;
		}
		return level;
	}

	// How deep inside introspection a field is (1 for __schema, __type or __typename; counted from the
	// outermost of them), 0 outside it.
	private static int introspectionLevel(QueryVisitorFieldEnvironment env) {
		int level = 0;
		int inside = 0;
		for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			level++;
			if (e.getField().getName().startsWith("__")) {
				inside = level;
			}
		}
		return inside;
	}

	/** What {@link #measure} found. */
	static final class Measure {

		int depth;

		long cost;

		int introspectionDepth;

	}

}
