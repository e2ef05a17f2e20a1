package org.policygraph.graphql;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policygraph.neo4j.ReadScopeTransactionManager;
import org.policygraph.support.RecordingTransactionManager;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTransactionsTests {

	private static final String SCHEMA = """
			type Query { read: String other: String cached: String broken: String }
			type Mutation { read: String other: String }
			""";

	private final RecordingTransactionManager recording = new RecordingTransactionManager();

	private final ReadScopeTransactionManager manager = new ReadScopeTransactionManager(this.recording);

	private final GraphQL graphQl = graphQl(this.manager, new QueryTransactions(this.manager));

	@AfterEach
	void closeScopes() {
		ReadScopeTransactionManager.closeLeftOver();
	}

	@Test
	void shouldRunEveryReadOfAQueryInOneReadOnlyTransaction() {
		ExecutionResult result = this.graphQl.execute("{ read other }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData()).containsEntry("read", "read-only")
			.containsEntry("other", "read-only");
		assertThat(this.recording.begun).hasValue(1);
		assertThat(this.recording.rolledBack).hasValue(1);
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
	}

	@Test
	void shouldBeginNoTransactionForAQueryThatReadsNothing() {
		ExecutionResult result = this.graphQl.execute("{ cached }");

		assertThat(result.<Map<String, Object>>getData()).containsEntry("cached", "from a cache");
		assertThat(this.recording.begun).hasValue(0);
	}

	@Test
	void shouldLeaveMutationsToTheirOwnTransactions() {
		ExecutionResult result = this.graphQl.execute("mutation { read other }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(this.recording.begun).hasValue(2);
		assertThat(this.recording.committed).hasValue(2);
	}

	@Test
	void shouldEndATransactionAnErrorLeftOpenWhenTheThreadIsDone() {
		assertThatThrownBy(() -> this.graphQl.execute("{ read broken }")).hasRootCauseInstanceOf(AssertionError.class);
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();

		ReadScopeTransactionManager.closeLeftOver();

		assertThat(this.recording.rolledBack).hasValue(1);
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
	}

	@Test
	void shouldEndATransactionAnAbortedOperationLeftOpenBeforeTheNextQuery() {
		Instrumentation aborting = new SimplePerformantInstrumentation() {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				// a read while the operation starts, then an abort before it is
				// dispatched
				TransactionTemplate readOnly = new TransactionTemplate(QueryTransactionsTests.this.manager);
				readOnly.setReadOnly(true);
				readOnly.execute(status -> null);
				throw new AbortExecutionException("too deep");
			}
		};
		GraphQL aborted = graphQl(this.manager,
				new ChainedInstrumentation(new QueryTransactions(this.manager), aborting));

		assertThat(aborted.execute("{ read }").getErrors()).extracting(GraphQLError::getMessage)
			.containsExactly("too deep");
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();

		ExecutionResult result = this.graphQl.execute("{ read }");

		assertThat(result.<Map<String, Object>>getData()).containsEntry("read", "read-only");
		assertThat(this.recording.begun).hasValue(2);
		assertThat(this.recording.rolledBack).hasValue(2);
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
	}

	/**
	 * A schema whose {@code read} and {@code other} fields read as the query classes do
	 * (a read-only transaction around each) and answer what transaction they ran in;
	 * {@code cached} reads nothing; {@code broken} throws an error graphql-java does not
	 * catch.
	 */
	static GraphQL graphQl(ReadScopeTransactionManager manager, Instrumentation instrumentation) {
		TransactionTemplate readOnly = new TransactionTemplate(manager);
		readOnly.setReadOnly(true);
		DataFetcher<String> read = env -> readOnly
			.execute(status -> TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? "read-only"
					: "read-write");
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query",
					type -> type.dataFetcher("read", read)
						.dataFetcher("other", read)
						.dataFetcher("cached", env -> "from a cache")
						.dataFetcher("broken", env -> {
							throw new AssertionError("an error graphql-java does not catch");
						}))
			.type("Mutation", type -> type.dataFetcher("read", read).dataFetcher("other", read))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
		return GraphQL.newGraphQL(schema).instrumentation(instrumentation).build();
	}

}
