package org.policygraph.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import org.jspecify.annotations.Nullable;
import org.policygraph.neo4j.ReadScopeTransactionManager;

/**
 * One read transaction per GraphQL query. Each query operation runs in a read scope of
 * {@link ReadScopeTransactionManager}: the statements its fields run (one per field and
 * level, batched by data loaders) share one read-only transaction, begun by the first of
 * them, instead of each beginning and committing its own. That saves two Bolt round trips
 * per statement, and on a cluster the whole answer comes from one member (a secondary:
 * the transaction is read-only, like the statements were on their own). It is not a
 * snapshot: Neo4j's isolation is read committed, so each statement sees what was
 * committed when it ran. A query answered from caches begins none. The transaction's
 * timeout is the request's time left ({@link RequestDeadline}), so a long statement is
 * ended by the database when the request times out instead of running on.
 * <p>
 * Data fetchers block on the database, so graphql-java runs the whole query on the thread
 * that starts it, and the scope (bound to that thread, as Spring's transactions are) is
 * closed when the operation has been dispatched, on the same thread. Work that completes
 * later on another thread still runs, in transactions of its own; so does every read if
 * controller methods are made to run on an executor (Spring for GraphQL does so for
 * blocking methods when virtual threads are enabled, which this application does not do).
 * Mutations and subscriptions are left alone: their writes have their own transactions.
 * <p>
 * A statement that fails inside the shared transaction fails the transaction: the fields
 * read after it in the same request get an error too. The failures a query can meet are
 * mostly the whole request's anyway (database unavailable, timeout, memory limit; user
 * input reaches Cypher only as parameters, and search text is escaped), so this changes
 * little. An error thrown past graphql-java can leave the scope open: the worker that ran
 * the request closes it ({@link RequestAdmission}), and so does the next query on the
 * thread. Ordered after the query limits, so an operation they abort opens no scope.
 */
public class QueryTransactions extends SimplePerformantInstrumentation {

	private final ReadScopeTransactionManager transactionManager;

	public QueryTransactions(ReadScopeTransactionManager transactionManager) {
		this.transactionManager = transactionManager;
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		OperationDefinition.Operation operation = parameters.getExecutionContext()
			.getOperationDefinition()
			.getOperation();
		if (operation != OperationDefinition.Operation.QUERY) {
			return SimpleInstrumentationContext.noOp();
		}
		// The reads may run as long as the request: the database ends them when its time
		// is up.
		RequestDeadline deadline = RequestDeadline.of(parameters.getExecutionContext().getGraphQLContext());
		ReadScopeTransactionManager.Scope scope = this.transactionManager.openReadScope(deadline.remaining());
		return new InstrumentationContext<>() {

			@Override
			public void onDispatched() {
				scope.close();
			}

			@Override
			public void onCompleted(@Nullable ExecutionResult result, @Nullable Throwable failure) {
				// Closes only on the thread that opened the scope, if onDispatched did
				// not.
				scope.close();
			}

		};
	}

}
