package org.policygraph.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * What an operation asks of the service, measured before it runs: the depth of its data
 * fields, how many of them it selects, the depth of its introspection, and its cost, an
 * estimate of the database rows it reads that follows its arguments and its nesting.
 * <p>
 * A field costs the work its arguments ask for, plus, for each item it returns, 1 if the
 * item is an object (a row read; a scalar is a property of an object already read) and
 * its children's cost:
 * <ul>
 * <li>A page size ({@code first}, {@code limit}, or its default in the schema) is the
 * number of items; the lists inside those items ({@code edges}, {@code nodes},
 * {@code relationships}) are the same items and do not multiply again. A list without a
 * page size counts as {@link Weights#listSize()} items.</li>
 * <li>A traversal ({@code depth}) costs {@link Weights#traversalStep()} per relationship
 * of its {@code limit} (or {@link Weights#listSize()}), times {@link Weights#listSize()}
 * for every step after the first (each step reads all the relationships of up to
 * {@code limit} nodes): {@code neighbourhood(depth: 1, limit: 200)} costs 600,
 * {@code depth: 2, limit: 1000} 30,000 and {@code depth: 3, limit: 1000} 300,000, over
 * the limit, before anything is selected in it. A shortest path ({@code maxLength}) costs
 * {@link Weights#traversalStep()} times {@link Weights#listSize()} per step of its
 * length.</li>
 * <li>A text search ({@code text} given to a list, as {@code articles} and {@code search}
 * take it) costs {@link Weights#textSearch()}: it matches the text against the full-text
 * index of every article.</li>
 * <li>An argument carrying text to analyse ({@code input.text} of {@code extract}) costs
 * one per KiB.</li>
 * </ul>
 * Aliases multiply all of it: 200 aliases of a field cost 200 times the field.
 * Introspection ({@code __schema}, {@code __type} and everything below them,
 * {@code __typename}) costs nothing and counts in neither depth nor fields: it is
 * answered from the schema in memory.
 */
final class QueryCost {

	private static final Set<String> PAGE_SIZE = Set.of("first", "limit");

	private static final Set<String> STEPS = Set.of("depth");

	private static final Set<String> SHORTEST_PATH = Set.of("maxLength");

	private QueryCost() {
	}

	/**
	 * The weights of the cost model.
	 *
	 * @param listSize the items assumed in a list without a page size
	 * @param textSearch the cost of one text search
	 * @param traversalStep the cost of following one relationship one step in a traversal
	 */
	record Weights(int listSize, int textSearch, int traversalStep) {
	}

	/**
	 * Measures one operation.
	 * @param schema the schema
	 * @param document the parsed document
	 * @param operationName the operation to run, if the document has several
	 * @param variables the operation's variables
	 * @param weights the cost model's weights
	 * @return what was measured
	 */
	static Measure measure(GraphQLSchema schema, Document document, @Nullable String operationName,
			CoercedVariables variables, Weights weights) {
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(schema)
			.document(document)
			.operationName(operationName)
			.coercedVariables(variables)
			.build();
		Measure measure = new Measure();
		// Post order: a field's children are measured before it, their sum kept under
		// their parent.
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
				measure.fields++;
				long perItem = saturated((isLeaf(env) ? 0 : 1) + childCosts.getOrDefault(env, 0L));
				long cost = saturated(own(env, weights) + saturated(items(env, weights) * perItem));
				childCosts.merge(env.getParentEnvironment(), cost, QueryCost::add);
			}
		});
		measure.cost = childCosts.getOrDefault(null, 0L);
		return measure;
	}

	// The work a field's own arguments ask for (a scalar computed from arguments counts
	// 1).
	private static long own(QueryVisitorFieldEnvironment env, Weights weights) {
		Map<String, Object> arguments = env.getArguments();
		long cost = (isLeaf(env) && !arguments.isEmpty()) ? 1 : 0;
		Integer length = intArgument(arguments, SHORTEST_PATH);
		if (length != null) {
			// A shortest path searches from both ends at once: its work grows with the
			// length only.
			cost += (long) weights.traversalStep() * weights.listSize() * Math.max(1, length);
		}
		Integer steps = intArgument(arguments, STEPS);
		if (steps != null) {
			Integer size = intArgument(arguments, PAGE_SIZE);
			// Each step starts from up to `limit` nodes of the step before and reads all
			// their
			// relationships: the work grows with the fan-out at every step, not with the
			// limit alone.
			long perStep = (long) weights.traversalStep() * Math.max(1, (size != null) ? size : weights.listSize());
			cost += saturated(perStep * (long) Math.pow(weights.listSize(), Math.min(Math.max(1, steps), 9) - 1));
		}
		if (arguments.get("text") instanceof String text && !text.isBlank() && isList(env)) {
			cost += weights.textSearch();
		}
		if (arguments.get("input") instanceof Map<?, ?> input && input.get("text") instanceof String text) {
			cost += text.length() / 1024;
		}
		return cost;
	}

	// How many items the field returns, by which its children's cost is multiplied.
	private static long items(QueryVisitorFieldEnvironment env, Weights weights) {
		Integer size = intArgument(env.getArguments(), PAGE_SIZE);
		if (size != null) {
			return Math.max(1, size);
		}
		if (!isList(env)) {
			return 1;
		}
		QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
		if (parent != null && intArgument(parent.getArguments(), PAGE_SIZE) != null) {
			// The items of a page its parent already counted: a connection's edges, a
			// subgraph's nodes.
			return 1;
		}
		return weights.listSize();
	}

	private static boolean isLeaf(QueryVisitorFieldEnvironment env) {
		return GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType()));
	}

	// A list, or a Relay connection (a page of a list).
	private static boolean isList(QueryVisitorFieldEnvironment env) {
		GraphQLType type = GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType());
		return type instanceof GraphQLList
				|| (type instanceof GraphQLNamedType named && named.getName().endsWith("Connection"));
	}

	private static @Nullable Integer intArgument(Map<String, Object> arguments, Set<String> names) {
		for (String name : names) {
			if (arguments.get(name) instanceof Integer value) {
				return value;
			}
		}
		return null;
	}

	private static int level(QueryVisitorFieldEnvironment env) {
		int level = 0;
		for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			level++;
		}
		return level;
	}

	// How deep inside introspection a field is (1 for __schema, __type or __typename;
	// counted from the
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

	private static long add(long a, long b) {
		return saturated(a + b);
	}

	// Costs stop growing at a value far above any limit instead of overflowing.
	private static long saturated(long value) {
		return (value < 0 || value > Integer.MAX_VALUE) ? Integer.MAX_VALUE : value;
	}

	/** What {@link #measure} found. */
	static final class Measure {

		int depth;

		int fields;

		long cost;

		int introspectionDepth;

		@Override
		public String toString() {
			return "depth " + this.depth + ", fields " + this.fields + ", cost " + this.cost + ", introspection depth "
					+ this.introspectionDepth;
		}

	}

}
