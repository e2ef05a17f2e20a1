package org.policygraph.cache;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Whether the read running on this thread must see what the database holds now: a query
 * whose request sent Neo4j bookmarks ({@link ReadYourWrites} marks it
 * {@link ReadYourWrites#FRESH_READ}). The caches ask {@link #requested()} and read the
 * database for such a read; controllers never ask.
 * <p>
 * Bound to the thread that executes the query for the time its fields are fetched, as the
 * query's read transaction is ({@code graphql.QueryTransactions}: data fetchers block on
 * the database, so graphql-java fetches a whole query on the thread that starts it). A
 * mutation is marked in the GraphQL context ({@link ReadYourWrites#MUTATION}) so that its
 * response carries the bookmarks of its writes.
 */
public final class FreshReads extends SimplePerformantInstrumentation {

	private static final ThreadLocal<@Nullable Scope> SCOPE = new ThreadLocal<>();

	/**
	 * @return whether the read on this thread must not be answered from a cache
	 */
	public static boolean requested() {
		return SCOPE.get() != null;
	}

	/**
	 * Marks the reads on this thread as fresh until the scope is closed (on this thread).
	 * @return the scope
	 */
	public static Scope begin() {
		Scope scope = new Scope(SCOPE.get());
		SCOPE.set(scope);
		return scope;
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		GraphQLContext context = parameters.getExecutionContext().getGraphQLContext();
		OperationDefinition.Operation operation = parameters.getExecutionContext()
			.getOperationDefinition()
			.getOperation();
		if (operation == OperationDefinition.Operation.MUTATION) {
			context.put(ReadYourWrites.MUTATION, Boolean.TRUE);
		}
		if (!Boolean.TRUE.equals(context.get(ReadYourWrites.FRESH_READ))) {
			return SimpleInstrumentationContext.noOp();
		}
		Scope scope = begin();
		return new InstrumentationContext<>() {

			@Override
			public void onDispatched() {
				scope.close();
			}

			@Override
			public void onCompleted(@Nullable ExecutionResult result, @Nullable Throwable failure) {
				scope.close();
			}

		};
	}

	/**
	 * A fresh read on one thread; closing it again, or on another thread, does nothing.
	 */
	public static final class Scope implements AutoCloseable {

		private final @Nullable Scope outer;

		private final Thread thread = Thread.currentThread();

		private boolean closed;

		private Scope(@Nullable Scope outer) {
			this.outer = outer;
		}

		@Override
		public void close() {
			if (this.closed || Thread.currentThread() != this.thread) {
				return;
			}
			this.closed = true;
			if (SCOPE.get() == this) {
				if (this.outer != null) {
					SCOPE.set(this.outer);
				}
				else {
					SCOPE.remove();
				}
			}
		}

	}

}
