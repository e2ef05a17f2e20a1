package org.policygraph.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransaction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records how the application reaches the database: the driver bean is wrapped so that
 * every statement run through a session it hands out is recorded with the access mode the
 * routing driver sees (the session's default mode for auto-commit and explicit
 * transactions, {@code READ}/{@code WRITE} for {@code executeRead}/{@code executeWrite}),
 * how it ran and on which thread. On a cluster, that mode decides whether a statement
 * goes to the leader or to a follower or secondary.
 */
public final class SessionRecorder {

	/**
	 * One statement the application ran.
	 *
	 * @param mode the access mode the driver routes it by; {@code null} where the driver
	 * gets none
	 * @param how {@code auto-commit}, {@code transaction} (explicit, as Spring Data Neo4j
	 * runs them), {@code executeRead}, {@code executeWrite}, {@code async-auto-commit},
	 * {@code async-transaction} or {@code executableQuery}
	 * @param thread the thread that ran it
	 * @param cypher its text
	 */
	public record Statement(@Nullable AccessMode mode, String how, String thread, String cypher) {

		@Override
		public String toString() {
			return this.mode + " " + this.how + " on " + this.thread + ": "
					+ this.cypher.strip().lines().findFirst().orElse("");
		}

	}

	private final List<Statement> statements = new CopyOnWriteArrayList<>();

	/**
	 * @return the statements recorded since the last reset, in order
	 */
	public List<Statement> statements() {
		return List.copyOf(this.statements);
	}

	/** Forgets what was recorded. */
	public void reset() {
		this.statements.clear();
	}

	Driver wrap(Driver driver) {
		return proxy(Driver.class, driver, (method, args) -> {
			if (method.getName().equals("executableQuery")) {
				record(null, "executableQuery", args[0]);
			}
			return null;
		}, (method, args, result) -> {
			if (method.getName().equals("session")) {
				AccessMode mode = modeOf(args);
				if (result instanceof Session session) {
					return session(session, mode);
				}
				if (result instanceof AsyncSession session) {
					return asyncSession(session, mode);
				}
			}
			return result;
		});
	}

	private static AccessMode modeOf(Object @Nullable [] args) {
		if (args != null) {
			for (Object arg : args) {
				if (arg instanceof SessionConfig config) {
					return config.defaultAccessMode();
				}
			}
		}
		return SessionConfig.defaultConfig().defaultAccessMode();
	}

	@SuppressWarnings("unchecked")
	private Session session(Session session, AccessMode mode) {
		return proxy(Session.class, session, (method, args) -> {
			switch (method.getName()) {
				case "run" -> record(mode, "auto-commit", args[0]);
				case "executeRead" ->
					args[0] = callback((TransactionCallback<Object>) args[0], AccessMode.READ, "executeRead");
				case "executeWrite" ->
					args[0] = callback((TransactionCallback<Object>) args[0], AccessMode.WRITE, "executeWrite");
				case "executeWriteWithoutResult" -> args[0] = consumer((Consumer<TransactionContext>) args[0]);
				default -> {
				}
			}
			return null;
		}, (method, args, result) -> (result instanceof Transaction tx)
				? proxy(Transaction.class, tx, statementsIn(mode, "transaction"), SessionRecorder::same) : result);
	}

	@SuppressWarnings("unchecked")
	private AsyncSession asyncSession(AsyncSession session, AccessMode mode) {
		return proxy(AsyncSession.class, session, (method, args) -> {
			if (method.getName().equals("runAsync")) {
				record(mode, "async-auto-commit", args[0]);
			}
			return null;
		}, (method, args, result) -> (method.getName().equals("beginTransactionAsync"))
				? ((CompletionStage<AsyncTransaction>) result).thenApply(tx -> proxy(AsyncTransaction.class, tx,
						statementsIn(mode, "async-transaction"), SessionRecorder::same))
				: result);
	}

	private TransactionCallback<Object> callback(TransactionCallback<Object> callback, AccessMode mode, String how) {
		return tx -> callback
			.execute(proxy(TransactionContext.class, tx, statementsIn(mode, how), SessionRecorder::same));
	}

	private Consumer<TransactionContext> consumer(Consumer<TransactionContext> consumer) {
		return tx -> consumer.accept(proxy(TransactionContext.class, tx, statementsIn(AccessMode.WRITE, "executeWrite"),
				SessionRecorder::same));
	}

	private Before statementsIn(AccessMode mode, String how) {
		return (method, args) -> {
			if (method.getName().startsWith("run")) {
				record(mode, how, args[0]);
			}
			return null;
		};
	}

	private void record(@Nullable AccessMode mode, String how, Object query) {
		String cypher = (query instanceof Query q) ? q.text() : String.valueOf(query);
		this.statements.add(new Statement(mode, how, Thread.currentThread().getName(), cypher));
	}

	private static Object same(Method method, Object[] args, Object result) {
		return result;
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Before before, After after) {
		InvocationHandler handler = (proxy, method, args) -> {
			before.apply(method, args);
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			return after.apply(method, args, result);
		};
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}

	@FunctionalInterface
	private interface Before {

		@Nullable Object apply(Method method, Object[] args);

	}

	@FunctionalInterface
	private interface After {

		Object apply(Method method, Object[] args, Object result);

	}

	/** Registers the recorder and wraps the driver bean. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static SessionRecorder sessionRecorder() {
			return new SessionRecorder();
		}

		@Bean
		static BeanPostProcessor recordingDriverPostProcessor(ObjectProvider<SessionRecorder> recorder) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof Driver driver) ? recorder.getObject().wrap(driver) : bean;
				}
			};
		}

	}

}
