package org.policygraph.neo4j;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring Data Neo4j's transaction manager with read scopes. Outside a scope it only
 * delegates. Inside one ({@link #openReadScope()}), the first read-only transaction asked
 * for begins a read-only transaction for the whole scope, and it and every later one join
 * it: a unit of work made of many short reads (a GraphQL query's fields) runs in one
 * transaction, on one cluster member, with one BEGIN and one ROLLBACK instead of one pair
 * per statement (each statement still sees what was committed when it ran: Neo4j's
 * isolation is read committed). Nothing is begun for a scope that reads nothing (an
 * answer served from a cache).
 * <p>
 * A scope belongs to the thread that opened it, as Spring's transactions do; work on
 * other threads runs in transactions of its own. A scope is for reads: a transaction
 * asked for with {@code readOnly = false} before the scope's first read begins on its
 * own, as outside a scope, but one asked for after it would join the read-only
 * transaction, and its writes would be refused.
 */
public final class ReadScopeTransactionManager implements PlatformTransactionManager {

	private static final Logger log = LoggerFactory.getLogger(ReadScopeTransactionManager.class);

	private static final ThreadLocal<@Nullable Scope> SCOPE = new ThreadLocal<>();

	private final PlatformTransactionManager delegate;

	private final TransactionDefinition scopeDefinition;

	public ReadScopeTransactionManager(PlatformTransactionManager delegate) {
		this.delegate = delegate;
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition(
				TransactionDefinition.PROPAGATION_REQUIRED);
		definition.setReadOnly(true);
		definition.setName(ReadScopeTransactionManager.class.getName());
		this.scopeDefinition = definition;
	}

	/**
	 * Opens a read scope on this thread, to be closed on this thread. Inside a
	 * transaction the caller already began, the scope does nothing: reads join that
	 * transaction anyway. A scope left open on the thread (see {@link #closeLeftOver()})
	 * is closed first.
	 * @return the scope
	 */
	public Scope openReadScope() {
		return openReadScope(null);
	}

	/**
	 * Opens a read scope on this thread whose transaction may run at most the given time
	 * (a request's time left): the database ends the scope's reads when it is up, instead
	 * of letting them run on after the request was answered. Spring's transaction
	 * timeouts are whole seconds: the time is rounded up, to at least one second.
	 * @param timeout the most the scope's transaction may run, or {@code null} for the
	 * default timeout ({@code spring.transaction.default-timeout})
	 * @return the scope
	 */
	public Scope openReadScope(@Nullable Duration timeout) {
		closeLeftOver();
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return Scope.NONE;
		}
		TransactionDefinition definition = this.scopeDefinition;
		if (timeout != null) {
			DefaultTransactionDefinition timed = new DefaultTransactionDefinition(this.scopeDefinition);
			long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
			timed.setTimeout((int) Math.min(Integer.MAX_VALUE, seconds));
			definition = timed;
		}
		Scope scope = new Scope(this, definition);
		SCOPE.set(scope);
		return scope;
	}

	/**
	 * Closes a read scope still open on this thread, rolling its transaction back. For a
	 * thread about to serve other work (a worker done with a request) when an error may
	 * have skipped the scope's own {@link Scope#close()}.
	 */
	public static void closeLeftOver() {
		Scope scope = SCOPE.get();
		if (scope != null) {
			log.warn("Closing a read scope an error left open");
			scope.close();
		}
	}

	/** The transaction manager this one delegates to. */
	PlatformTransactionManager delegate() {
		return this.delegate;
	}

	@Override
	public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) throws TransactionException {
		Scope scope = SCOPE.get();
		if (scope != null && scope.manager == this && scope.transaction == null && definition != null
				&& definition.isReadOnly() && !TransactionSynchronizationManager.isActualTransactionActive()) {
			scope.transaction = this.delegate.getTransaction(scope.definition);
		}
		return this.delegate.getTransaction(definition);
	}

	@Override
	public void commit(TransactionStatus status) throws TransactionException {
		this.delegate.commit(status);
	}

	@Override
	public void rollback(TransactionStatus status) throws TransactionException {
		this.delegate.rollback(status);
	}

	/** A read scope: closes on the thread that opened it; closing twice does nothing. */
	public static final class Scope implements AutoCloseable {

		/** The scope opened inside a caller's transaction: there is nothing to close. */
		static final Scope NONE = new Scope(null, TransactionDefinition.withDefaults());

		private final @Nullable ReadScopeTransactionManager manager;

		private final TransactionDefinition definition;

		private @Nullable TransactionStatus transaction;

		private Scope(@Nullable ReadScopeTransactionManager manager, TransactionDefinition definition) {
			this.manager = manager;
			this.definition = definition;
		}

		/** Whether the scope has begun its transaction (it read something). */
		public boolean hasTransaction() {
			return this.transaction != null;
		}

		/**
		 * Ends the scope if it is open on this thread, rolling its transaction back (for
		 * reads the same as committing it); on any other thread, or a second time, does
		 * nothing.
		 */
		@Override
		public void close() {
			if (this.manager == null || SCOPE.get() != this) {
				return;
			}
			SCOPE.remove();
			TransactionStatus status = this.transaction;
			if (status == null || status.isCompleted()) {
				return;
			}
			try {
				this.manager.delegate.rollback(status);
			}
			catch (RuntimeException ex) {
				// The reads are done; a transaction that cannot be closed cleanly (the
				// connection
				// dropped) is discarded by the driver.
				log.debug("Closing a read scope's transaction failed", ex);
			}
		}

	}

}
