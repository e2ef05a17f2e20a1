package org.policygraph.neo4j;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AbstractSecurityLog;
import org.neo4j.internal.kernel.api.security.AccessMode.Static;
import org.neo4j.internal.kernel.api.security.AuthSubject;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.database.PrivilegeDatabaseReference;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Read transactions of the embedded database without Bolt. The driver bean is wrapped: a
 * session opened for reads ({@link AccessMode#READ}, on the default database, as Spring
 * Data Neo4j's transaction manager opens one for a read-only transaction) begins its
 * explicit transactions in this JVM, as a read-only transaction of the embedded database
 * with the same timeout, and hands their records over as the driver's own types
 * ({@link EmbeddedReadTransaction}). Every other use of the driver (writes, auto-commit
 * statements, managed transactions, another database, impersonation) goes over Bolt as
 * before.
 * <p>
 * A request then pays no Bolt round trips (BEGIN, RUN and PULL, ROLLBACK each wait for a
 * reply from the database's Bolt threads over the loopback) and no (de)serialisation.
 * Bookmarks need nothing: the embedded database is a single instance, on which a
 * committed transaction is visible to every transaction begun after it; bookmarks a
 * request brings are awaited over Bolt before it reads ({@link GraphBookmarks#await}), so
 * unknown ones are still refused. There is no routing to do. With an external database (a
 * URI configured) nothing is wrapped.
 */
final class InProcessReads {

	/**
	 * Read-only access with authentication off, as the embedded API's own transactions
	 * have, but limited to reads: a write in a read-only Spring transaction fails as it
	 * does over Bolt in a read session.
	 */
	private static final LoginContext READ_ONLY = new LoginContext(AuthSubject.AUTH_DISABLED,
			ClientConnectionInfo.EMBEDDED_CONNECTION) {

		@Override
		public SecurityContext authorize(IdLookup idLookup, PrivilegeDatabaseReference database,
				AbstractSecurityLog securityLog) {
			return SecurityContext.AUTH_DISABLED.withMode(Static.READ);
		}

	};

	private final Supplier<EmbeddedNeo4j> started;

	private volatile @Nullable EmbeddedNeo4j embedded;

	private final AtomicLong transactions = new AtomicLong();

	/**
	 * @param started the database, asked for at the first read (the driver is wrapped
	 * before the database has started)
	 */
	InProcessReads(Supplier<EmbeddedNeo4j> started) {
		this.started = started;
	}

	private EmbeddedNeo4j embedded() {
		EmbeddedNeo4j database = this.embedded;
		if (database == null) {
			database = this.started.get();
			this.embedded = database;
		}
		return database;
	}

	/**
	 * @return the read transactions begun in this JVM so far (a count for tests and
	 * diagnostics)
	 */
	long transactions() {
		return this.transactions.get();
	}

	/**
	 * Wraps the driver: its read sessions on the default database begin their explicit
	 * transactions in this JVM.
	 * @param driver the driver connected to the embedded database's Bolt port
	 * @return the wrapped driver
	 */
	Driver wrap(Driver driver) {
		return proxy(Driver.class, (method, args) -> {
			Object result = invoke(driver, method, args);
			if (result instanceof Session session && method.getName().equals("session") && args != null) {
				for (Object arg : args) {
					if (arg instanceof SessionConfig config && readsInProcess(config)) {
						return readSession(session);
					}
				}
			}
			return result;
		});
	}

	/**
	 * Reads only, on the default database, as the service's own user (Spring Data Neo4j
	 * names no database unless one is configured).
	 */
	private static boolean readsInProcess(SessionConfig config) {
		return config.defaultAccessMode() == AccessMode.READ && config.impersonatedUser().isEmpty()
				&& config.database()
					.map(org.neo4j.configuration.GraphDatabaseSettings.DEFAULT_DATABASE_NAME::equals)
					.orElse(true);
	}

	private Session readSession(Session session) {
		return proxy(Session.class, (method, args) -> {
			if (method.getName().equals("beginTransaction")) {
				TransactionConfig config = (args != null && args.length == 1 && args[0] instanceof TransactionConfig c)
						? c : TransactionConfig.empty();
				return begin(config);
			}
			return invoke(session, method, args);
		});
	}

	/**
	 * Begins a read-only transaction of the embedded database with the configured timeout
	 * (none configured: the database's default).
	 * @param config the transaction's configuration (its timeout is used)
	 * @return the transaction
	 */
	EmbeddedReadTransaction begin(TransactionConfig config) {
		InternalTransaction transaction;
		try {
			GraphDatabaseAPI database = embedded().database();
			Duration timeout = config.timeout();
			if (timeout != null && !timeout.isZero()) {
				transaction = database.beginTransaction(KernelTransaction.Type.EXPLICIT, READ_ONLY,
						ClientConnectionInfo.EMBEDDED_CONNECTION, timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			else {
				transaction = database.beginTransaction(KernelTransaction.Type.EXPLICIT, READ_ONLY,
						ClientConnectionInfo.EMBEDDED_CONNECTION);
			}
		}
		catch (RuntimeException ex) {
			throw EmbeddedReadTransaction.translate(ex);
		}
		this.transactions.incrementAndGet();
		return new EmbeddedReadTransaction(transaction);
	}

	private static @Nullable Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Handler handler) {
		InvocationHandler invocationHandler = (proxy, method, args) -> {
			if (method.getDeclaringClass() == Object.class) {
				return switch (method.getName()) {
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> type.getSimpleName() + " (embedded reads in process)";
				};
			}
			return handler.invoke(method, args);
		};
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, invocationHandler);
	}

	@FunctionalInterface
	private interface Handler {

		@Nullable Object invoke(Method method, Object @Nullable [] args) throws Throwable;

	}

}
