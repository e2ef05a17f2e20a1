package org.policygraph.neo4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policygraph.support.RecordingTransactionManager;

import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadScopeTransactionManagerTests {

	private final RecordingTransactionManager recording = new RecordingTransactionManager();

	private final ReadScopeTransactionManager manager = new ReadScopeTransactionManager(this.recording);

	@AfterEach
	void closeScopes() {
		ReadScopeTransactionManager.closeLeftOver();
	}

	/**
	 * What a {@code @Transactional(readOnly = true)} query method does around its
	 * statement.
	 */
	private boolean read() {
		TransactionTemplate template = new TransactionTemplate(this.manager);
		template.setReadOnly(true);
		return Boolean.TRUE
			.equals(template.execute(status -> TransactionSynchronizationManager.isCurrentTransactionReadOnly()));
	}

	private void write() {
		new TransactionTemplate(this.manager).executeWithoutResult(status -> {
		});
	}

	@Test
	void shouldOnlyDelegateOutsideAScope() {
		read();
		read();

		assertThat(this.recording.begun).hasValue(2);
		assertThat(this.recording.committed).hasValue(2);
	}

	@Test
	void shouldRunEveryReadOfAScopeInOneReadOnlyTransaction() {
		try (ReadScopeTransactionManager.Scope scope = this.manager.openReadScope()) {
			assertThat(read()).isTrue();
			assertThat(read()).isTrue();
			assertThat(read()).isTrue();
			assertThat(scope.hasTransaction()).isTrue();
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).as("open between reads").isTrue();
		}

		assertThat(this.recording.begun).hasValue(1);
		assertThat(this.recording.committed).hasValue(0);
		assertThat(this.recording.rolledBack).hasValue(1);
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
	}

	@Test
	void shouldBeginTheScopesTransactionWithTheTimeoutItWasOpenedWithRoundedUpToSeconds() {
		try (ReadScopeTransactionManager.Scope scope = this.manager.openReadScope(Duration.ofMillis(2_500))) {
			read();
			read();
		}
		int scoped = this.recording.lastTimeout;
		try (ReadScopeTransactionManager.Scope scope = this.manager.openReadScope(Duration.ofMillis(10))) {
			read();
		}
		int almostNone = this.recording.lastTimeout;
		try (ReadScopeTransactionManager.Scope scope = this.manager.openReadScope()) {
			read();
		}

		assertThat(scoped).isEqualTo(3);
		assertThat(almostNone).isEqualTo(1);
		assertThat(this.recording.lastTimeout).as("no timeout given: the default")
			.isEqualTo(TransactionDefinition.TIMEOUT_DEFAULT);
	}

	@Test
	void shouldBeginNothingForAScopeThatReadsNothing() {
		try (ReadScopeTransactionManager.Scope scope = this.manager.openReadScope()) {
			assertThat(scope.hasTransaction()).isFalse();
		}

		assertThat(this.recording.begun).hasValue(0);
	}

	@Test
	void shouldLetAWriteBeforeTheFirstReadRunInATransactionOfItsOwn() {
		try (ReadScopeTransactionManager.Scope scope = this.manager.openReadScope()) {
			write();
			assertThat(scope.hasTransaction()).isFalse();
			read();
		}

		assertThat(this.recording.begun).hasValue(2);
		assertThat(this.recording.committed).as("the write").hasValue(1);
		assertThat(this.recording.rolledBack).as("the scope").hasValue(1);
	}

	@Test
	void shouldJoinATransactionTheCallerAlreadyBegan() {
		TransactionStatus callers = this.manager.getTransaction(TransactionDefinition.withDefaults());

		try (ReadScopeTransactionManager.Scope scope = this.manager.openReadScope()) {
			read();
			assertThat(scope.hasTransaction()).isFalse();
		}

		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).as("the caller's, still open")
			.isTrue();
		this.manager.commit(callers);
		assertThat(this.recording.begun).hasValue(1);
		assertThat(this.recording.committed).hasValue(1);
	}

	@Test
	void shouldCloseOnlyOnTheThreadThatOpenedTheScope() {
		ReadScopeTransactionManager.Scope scope = this.manager.openReadScope();
		read();

		CompletableFuture.runAsync(scope::close).join();
		ReadScopeTransactionManager.closeLeftOver();

		assertThat(this.recording.rolledBack).hasValue(1);
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
		scope.close();
		assertThat(this.recording.rolledBack).as("closing twice does nothing").hasValue(1);
	}

	@Test
	void shouldCloseAScopeLeftOpenBeforeOpeningTheNext() {
		this.manager.openReadScope();
		read();

		try (ReadScopeTransactionManager.Scope next = this.manager.openReadScope()) {
			read();
		}

		assertThat(this.recording.begun).hasValue(2);
		assertThat(this.recording.rolledBack).hasValue(2);
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
	}

	@Test
	void shouldTryAgainOnTheNextReadWhenTheScopesTransactionCannotBegin() {
		try (ReadScopeTransactionManager.Scope scope = this.manager.openReadScope()) {
			this.recording.failToBegin = true;
			assertThatThrownBy(this::read).isInstanceOf(CannotCreateTransactionException.class);
			assertThat(scope.hasTransaction()).isFalse();

			this.recording.failToBegin = false;
			assertThat(read()).isTrue();
			assertThat(scope.hasTransaction()).isTrue();
		}

		assertThat(this.recording.begun).hasValue(1);
		assertThat(this.recording.rolledBack).hasValue(1);
	}

}
