package org.policygraph.neo4j;

import java.time.Duration;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The application's transaction manager against a real database: the reads of a scope run
 * in one database transaction, which ends when the scope's timeout (a request's time
 * left) passes, and every transaction keeps the configured default timeout.
 */
class ReadScopeTransactionManagerIT extends HarnessIntegrationTests {

	private static final String CURRENT_TRANSACTION = """
			SHOW TRANSACTIONS YIELD transactionId, currentQuery
			WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS'
			RETURN transactionId AS id""";

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private Neo4jClient client;

	private String readCurrentTransaction() {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactionManager);
		readOnly.setReadOnly(true);
		return Objects.requireNonNull(readOnly.execute(status -> this.client.query(CURRENT_TRANSACTION)
			.fetchAs(String.class)
			.mappedBy((t, r) -> r.get("id").asString())
			.one()
			.orElseThrow()));
	}

	@Test
	void shouldBeTheReadScopeTransactionManager() {
		assertThat(this.transactionManager).isInstanceOf(ReadScopeTransactionManager.class);
	}

	@Test
	void shouldRunTheReadsOfAScopeInOneDatabaseTransaction() {
		String first;
		String second;
		try (ReadScopeTransactionManager.Scope scope = ((ReadScopeTransactionManager) this.transactionManager)
			.openReadScope()) {
			first = readCurrentTransaction();
			second = readCurrentTransaction();
		}
		String outside = readCurrentTransaction();

		assertThat(second).isEqualTo(first);
		assertThat(outside).isNotEqualTo(first);
	}

	@Test
	void shouldEndALongReadOfAScopeWhenItsTimeoutPasses() {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactionManager);
		readOnly.setReadOnly(true);
		Throwable failure;
		try (ReadScopeTransactionManager.Scope scope = ((ReadScopeTransactionManager) this.transactionManager)
			.openReadScope(Duration.ofSeconds(1))) {
			failure = catchThrowable(() -> readOnly.execute(status -> this.client
				.query("UNWIND range(1, 9000000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n")
				.fetchAs(Long.class)
				.one()));
		}

		assertThat(failure).isNotNull();
		assertThat(failure).rootCause().hasMessageContaining("timeout");
	}

	@Test
	void shouldBoundEveryTransactionByTheConfiguredDefaultTimeout() {
		PlatformTransactionManager neo4j = ((ReadScopeTransactionManager) this.transactionManager).delegate();

		assertThat(neo4j).isInstanceOf(Neo4jTransactionManager.class);
		assertThat(((Neo4jTransactionManager) neo4j).getDefaultTimeout()).as("spring.transaction.default-timeout")
			.isEqualTo(30);
	}

}
