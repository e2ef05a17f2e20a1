package org.policygraph.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A transaction manager without a database: counts the transactions begun, committed and
 * rolled back (Spring's own bookkeeping binds them to the thread as a real one would),
 * and can be told to fail to begin, as when the database is unreachable.
 */
public final class RecordingTransactionManager extends AbstractPlatformTransactionManager {

	/** Transactions begun. */
	public final AtomicInteger begun = new AtomicInteger();

	/** The timeout (seconds) the last transaction was begun with. */
	public volatile int lastTimeout = TransactionDefinition.TIMEOUT_DEFAULT;

	/** Transactions committed. */
	public final AtomicInteger committed = new AtomicInteger();

	/** Transactions rolled back. */
	public final AtomicInteger rolledBack = new AtomicInteger();

	/** Whether beginning a transaction fails. */
	public volatile boolean failToBegin;

	@Override
	protected Object doGetTransaction() {
		return new Transaction(TransactionSynchronizationManager.hasResource(this));
	}

	@Override
	protected boolean isExistingTransaction(Object transaction) {
		return ((Transaction) transaction).existing();
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		if (this.failToBegin) {
			throw new CannotCreateTransactionException("database unavailable");
		}
		this.begun.incrementAndGet();
		this.lastTimeout = definition.getTimeout();
		TransactionSynchronizationManager.bindResource(this, transaction);
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		TransactionSynchronizationManager.unbindResourceIfPossible(this);
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		this.committed.incrementAndGet();
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		this.rolledBack.incrementAndGet();
	}

	/** Whether a transaction of this manager was already bound to the thread. */
	private record Transaction(boolean existing) {
	}

}
