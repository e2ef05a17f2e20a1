package org.policygraph.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

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

	/** Starts counting from zero. */
	public void reset() {
		this.statements.set(0);
		this.transactions.set(0);
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
