package org.policygraph.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

/**
 * A read-only transaction of the embedded database behind the driver's
 * {@link Transaction}: statements run in this JVM, records are handed over as the
 * driver's types ({@link EmbeddedResult}), the database's errors as the driver's
 * exceptions with the same status codes (so Spring Data Neo4j translates them as it does
 * over Bolt). As over Bolt, a statement run while an earlier result is still open first
 * buffers what is left of it.
 */
final class EmbeddedReadTransaction implements Transaction {

	private final InternalTransaction transaction;

	private boolean open = true;

	private @Nullable EmbeddedResult current;

	EmbeddedReadTransaction(InternalTransaction transaction) {
		this.transaction = transaction;
	}

	@Override
	public Result run(String query, Value parameters) {
		return execute(query, (parameters == null || parameters.isNull()) ? Map.of() : parameters.asMap());
	}

	@Override
	public Result run(String query, Map<String, Object> parameters) {
		return execute(query, parameters);
	}

	@Override
	public Result run(String query, Record parameters) {
		return execute(query, (parameters != null) ? parameters.asMap() : Map.of());
	}

	@Override
	public Result run(String query) {
		return execute(query, Map.of());
	}

	@Override
	public Result run(Query query) {
		return execute(query.text(), query.parameters().asMap());
	}

	private Result execute(String query, @Nullable Map<String, Object> parameters) {
		if (!this.open) {
			throw new ClientException("Cannot run more queries in this transaction, it has been closed.");
		}
		bufferCurrent();
		try {
			EmbeddedResult result = new EmbeddedResult(new Query(query),
					this.transaction.execute(query, plain(parameters)));
			this.current = result;
			return result;
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	private void bufferCurrent() {
		if (this.current != null) {
			this.current.buffer();
			this.current = null;
		}
	}

	@Override
	public void commit() {
		if (!this.open) {
			throw new ClientException("Can't commit, transaction has been closed.");
		}
		this.open = false;
		try {
			bufferCurrent();
			this.transaction.commit();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
		finally {
			this.transaction.close();
		}
	}

	@Override
	public void rollback() {
		if (!this.open) {
			throw new ClientException("Can't rollback, transaction has been closed.");
		}
		close();
	}

	@Override
	public void close() {
		if (!this.open) {
			return;
		}
		this.open = false;
		try {
			this.transaction.rollback();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
		finally {
			this.transaction.close();
		}
	}

	@Override
	public boolean isOpen() {
		return this.open;
	}

	/**
	 * The driver's values as the embedded API takes them (Java objects); anything else
	 * passes unchanged.
	 */
	static Map<String, Object> plain(@Nullable Map<String, Object> parameters) {
		if (parameters == null || parameters.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> plain = new HashMap<>(parameters.size() * 2);
		parameters.forEach((name, value) -> plain.put(name, plainValue(value)));
		return plain;
	}

	private static @Nullable Object plainValue(@Nullable Object value) {
		if (value instanceof Value driverValue) {
			return driverValue.isNull() ? null : driverValue.asObject();
		}
		if (value instanceof List<?> list) {
			List<Object> plain = new ArrayList<>(list.size());
			for (Object element : list) {
				plain.add(plainValue(element));
			}
			return plain;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> plain = new HashMap<>(map.size() * 2);
			map.forEach((key, element) -> plain.put(String.valueOf(key), plainValue(element)));
			return plain;
		}
		return value;
	}

	/**
	 * The embedded database's error as the driver would have reported it: the same status
	 * code in the exception class the driver uses for its classification; a database that
	 * is not running as unavailable.
	 * @param ex the embedded API's exception
	 * @return the driver's exception
	 */
	static RuntimeException translate(RuntimeException ex) {
		if (ex instanceof Neo4jException) {
			return ex;
		}
		if (ex instanceof DatabaseShutdownException) {
			return new ServiceUnavailableException("The database is not running: " + ex.getMessage(), ex);
		}
		String code = null;
		if (ex instanceof QueryExecutionException query) {
			code = query.getStatusCode();
		}
		else if (ex instanceof Status.HasStatus status) {
			code = status.status().code().serialize();
		}
		if (code == null) {
			return ex;
		}
		String message = (ex.getMessage() != null) ? ex.getMessage() : code;
		if (code.startsWith("Neo.ClientError.")) {
			return new ClientException(GQL_STATUS, GQL_DESCRIPTION, code, message, Map.of(), ex);
		}
		if (code.startsWith("Neo.TransientError.")) {
			return new TransientException(GQL_STATUS, GQL_DESCRIPTION, code, message, Map.of(), ex);
		}
		return new DatabaseException(GQL_STATUS, GQL_DESCRIPTION, code, message, Map.of(), ex);
	}

	/** GQL's status for an error the database reports with a Neo4j status code. */
	private static final String GQL_STATUS = "50N42";

	private static final String GQL_DESCRIPTION = "error: general processing exception - unexpected error";

}
