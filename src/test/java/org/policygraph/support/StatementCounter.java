package org.policygraph.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Query;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the Cypher statements the application sends: the driver bean is wrapped so that
 * every {@code run} on a session or transaction it hands out is counted. Used to prove
 * that a query's cost in statements does not grow with the number of results (no N+1).
 */
public final class StatementCounter {

	private final AtomicLong statements = new AtomicLong();

	private final AtomicLong transactions = new AtomicLong();

	private final List<Statement> recorded = new CopyOnWriteArrayList<>();

	/**
	 * @return statements run since the last reset
	 */
	public long count() {
		return this.statements.get();
	}

	/**
	 * @return transactions begun since the last reset: explicit ones, managed ones
	 * ({@code executeRead}, {@code executeWrite}) and auto-commit statements on a session
	 */
	public long transactions() {
		return this.transactions.get();
	}

	/**
	 * @return the statements run since the last reset, with their parameters, in the
	 * order they were run (to profile them again, for instance)
	 */
	public List<Statement> statements() {
		return List.copyOf(this.recorded);
	}

	/** Starts counting from zero. */
	public void reset() {
		this.statements.set(0);
		this.transactions.set(0);
		this.recorded.clear();
	}

	Driver wrap(Driver driver) {
		return proxy(Driver.class, driver);
	}

	@SuppressWarnings("unchecked")
	private <T> T proxy(Class<T> type, T target) {
		InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private Object invoke(Object target, Method method, Object[] args) throws Throwable {
		String name = method.getName();
		if (name.equals("run") || name.equals("executeQuery")) {
			this.statements.incrementAndGet();
			if (name.equals("run")) {
				this.recorded.add(Statement.of(args));
			}
		}
		if (name.equals("beginTransaction") || name.equals("executeRead") || name.equals("executeWrite")
				|| name.equals("executeQuery") || (name.equals("run") && target instanceof Session)) {
			this.transactions.incrementAndGet();
		}
		Object result;
		try {
			result = method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
		if (result instanceof Transaction tx && method.getReturnType().isAssignableFrom(Transaction.class)) {
			return proxy(Transaction.class, tx);
		}
		if (result instanceof Session session && method.getReturnType().isAssignableFrom(Session.class)) {
			return proxy(Session.class, session);
		}
		return result;
	}

	/**
	 * A statement as it was run.
	 *
	 * @param text the Cypher
	 * @param parameters its parameters (empty when it had none)
	 */
	public record Statement(String text, Map<String, Object> parameters) {

		@SuppressWarnings("unchecked")
		static Statement of(Object[] args) {
			if (args[0] instanceof Query query) {
				return new Statement(query.text(), query.parameters().asMap());
			}
			String text = String.valueOf(args[0]);
			if (args.length < 2 || args[1] == null) {
				return new Statement(text, Map.of());
			}
			if (args[1] instanceof Value value) {
				return new Statement(text, value.asMap());
			}
			if (args[1] instanceof Map<?, ?> map) {
				return new Statement(text, (Map<String, Object>) map);
			}
			return new Statement(text, Map.of());
		}

	}

	/** Registers the counter and wraps the driver bean. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

		@Bean
		static BeanPostProcessor countingDriverPostProcessor(
				org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof Driver driver) ? counter.getObject().wrap(driver) : bean;
				}
			};
		}

	}

}
