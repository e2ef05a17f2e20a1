package org.policygraph.neo4j;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.neo4j.driver.exceptions.ResultConsumedException;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalPath;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.InternalRelationship;
import org.neo4j.driver.internal.summary.InternalDatabaseInfo;
import org.neo4j.driver.internal.summary.InternalSummaryCounters;
import org.neo4j.driver.internal.value.BooleanValue;
import org.neo4j.driver.internal.value.DateValue;
import org.neo4j.driver.internal.value.FloatValue;
import org.neo4j.driver.internal.value.IntegerValue;
import org.neo4j.driver.internal.value.MapValue;
import org.neo4j.driver.internal.value.StringValue;
import org.neo4j.driver.summary.DatabaseInfo;
import org.neo4j.driver.summary.GqlStatusObject;
import org.neo4j.driver.summary.Notification;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.summary.ServerInfo;
import org.neo4j.driver.summary.SummaryCounters;
import org.neo4j.driver.types.Entity;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.spatial.Point;
import org.neo4j.values.storable.DurationValue;

/**
 * An embedded statement's result as the driver's {@link Result}: records are converted
 * one at a time as they are read (a long result is not held in memory), values to the
 * driver's types (nodes, relationships and paths with their properties, lists and maps
 * element by element, temporal values, points and durations).
 */
final class EmbeddedResult implements Result {

	private static final ServerInfo SERVER = new ServerInfo() {

		@Override
		public String address() {
			return "embedded";
		}

		@Override
		public String protocolVersion() {
			return "embedded";
		}

		@Override
		public String agent() {
			return "Neo4j/embedded";
		}

	};

	private static final DatabaseInfo DATABASE = new InternalDatabaseInfo(
			org.neo4j.configuration.GraphDatabaseSettings.DEFAULT_DATABASE_NAME);

	private final Query query;

	private final org.neo4j.graphdb.Result result;

	private final List<String> keys;

	private final Deque<Record> buffered = new ArrayDeque<>();

	private boolean consumed;

	EmbeddedResult(Query query, org.neo4j.graphdb.Result result) {
		this.query = query;
		this.result = result;
		this.keys = List.copyOf(result.columns());
	}

	@Override
	public List<String> keys() {
		return this.keys;
	}

	@Override
	public boolean hasNext() {
		if (!this.buffered.isEmpty()) {
			return true;
		}
		if (this.consumed) {
			return false;
		}
		try {
			return this.result.hasNext();
		}
		catch (RuntimeException ex) {
			throw EmbeddedReadTransaction.translate(ex);
		}
	}

	@Override
	public Record next() {
		if (this.consumed && this.buffered.isEmpty()) {
			throw new ResultConsumedException(
					"Cannot access records on this result any more as the result has already been consumed or the query runner where the result is created has already been closed.");
		}
		if (!hasNext()) {
			throw new NoSuchRecordException("No more records");
		}
		Record buffered = this.buffered.pollFirst();
		return (buffered != null) ? buffered : read();
	}

	private Record read() {
		Map<String, Object> row;
		try {
			row = this.result.next();
		}
		catch (RuntimeException ex) {
			throw EmbeddedReadTransaction.translate(ex);
		}
		List<Value> values = new ArrayList<>(this.keys.size());
		for (String key : this.keys) {
			values.add(value(row.get(key)));
		}
		return new InternalRecord(this.keys, values);
	}

	@Override
	public Record single() {
		if (!hasNext()) {
			throw new NoSuchRecordException("Cannot retrieve a single record, because this result is empty.");
		}
		Record first = next();
		if (hasNext()) {
			throw new NoSuchRecordException(
					"Expected a result with a single record, but this result contains at least one more. Ensure your query returns only one record.");
		}
		return first;
	}

	@Override
	public Record peek() {
		if (!hasNext()) {
			throw new NoSuchRecordException("Cannot peek past the last record");
		}
		if (this.buffered.isEmpty()) {
			this.buffered.addLast(read());
		}
		return this.buffered.peekFirst();
	}

	@Override
	public Stream<Record> stream() {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false);
	}

	@Override
	public List<Record> list() {
		return list(Function.identity());
	}

	@Override
	public <T> List<T> list(Function<Record, T> mapFunction) {
		List<T> list = new ArrayList<>();
		while (hasNext()) {
			list.add(mapFunction.apply(next()));
		}
		return list;
	}

	/**
	 * Reads what is left into memory, so that the transaction can run its next statement
	 * while this result is still being read (as the driver buffers an open result).
	 */
	void buffer() {
		if (this.consumed) {
			return;
		}
		try {
			while (this.result.hasNext()) {
				this.buffered.addLast(read());
			}
		}
		catch (RuntimeException ex) {
			throw EmbeddedReadTransaction.translate(ex);
		}
		finally {
			close();
		}
	}

	@Override
	public ResultSummary consume() {
		this.buffered.clear();
		close();
		return summary();
	}

	private void close() {
		if (!this.consumed) {
			this.consumed = true;
			try {
				this.result.close();
			}
			catch (RuntimeException ex) {
				throw EmbeddedReadTransaction.translate(ex);
			}
		}
	}

	@Override
	public boolean isOpen() {
		return !this.consumed || !this.buffered.isEmpty();
	}

	/**
	 * A value of the embedded API as the driver's value.
	 * @param value a value of a record or a property
	 * @return the driver's value
	 */
	static Value value(@Nullable Object value) {
		if (value == null) {
			return Values.NULL;
		}
		// The values of map projections and scalar columns first, each a class test:
		// most of a result is these, and the interface tests below cost more per value.
		if (value instanceof String string) {
			return new StringValue(string);
		}
		if (value instanceof Long number) {
			return new IntegerValue(number);
		}
		if (value instanceof LocalDate date) {
			return new DateValue(date);
		}
		if (value instanceof Boolean bool) {
			return BooleanValue.fromBoolean(bool);
		}
		if (value instanceof Double number) {
			return new FloatValue(number);
		}
		if (value instanceof Node node) {
			return node(node).asValue();
		}
		if (value instanceof Relationship relationship) {
			return relationship(relationship).asValue();
		}
		if (value instanceof Path path) {
			List<Entity> entities = new ArrayList<>();
			for (org.neo4j.graphdb.Entity entity : path) {
				entities.add((entity instanceof Node node) ? node(node) : relationship((Relationship) entity));
			}
			return new InternalPath(entities).asValue();
		}
		if (value instanceof List<?> list) {
			Value[] values = new Value[list.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = value(list.get(i));
			}
			return Values.value(values);
		}
		if (value instanceof Map<?, ?> map) {
			// the converted entries as they are (Values.value(Map) would copy them again)
			return new MapValue(properties(map));
		}
		if (value instanceof Point point) {
			double[] coordinates = point.getCoordinate().getCoordinate();
			int srid = point.getCRS().getCode();
			return (coordinates.length == 3) ? Values.point(srid, coordinates[0], coordinates[1], coordinates[2])
					: Values.point(srid, coordinates[0], coordinates[1]);
		}
		if (value instanceof DurationValue duration) {
			return Values.isoDuration(duration.get(ChronoUnit.MONTHS), duration.get(ChronoUnit.DAYS),
					duration.get(ChronoUnit.SECONDS), (int) duration.get(ChronoUnit.NANOS));
		}
		return Values.value(value);
	}

	private static InternalNode node(Node node) {
		List<String> labels = new ArrayList<>();
		for (Label label : node.getLabels()) {
			labels.add(label.name());
		}
		return new InternalNode(node.getId(), node.getElementId(), labels, properties(node.getAllProperties()));
	}

	private static InternalRelationship relationship(Relationship relationship) {
		return new InternalRelationship(relationship.getId(), relationship.getElementId(),
				relationship.getStartNodeId(), relationship.getStartNode().getElementId(), relationship.getEndNodeId(),
				relationship.getEndNode().getElementId(), relationship.getType().name(),
				properties(relationship.getAllProperties()));
	}

	private static Map<String, Value> properties(Map<?, ?> properties) {
		Map<String, Value> values = new HashMap<>(properties.size() * 2);
		properties.forEach((key, element) -> values.put(String.valueOf(key), value(element)));
		return values;
	}

	private ResultSummary summary() {
		Query query = this.query;
		return new ResultSummary() {

			@Override
			public Query query() {
				return query;
			}

			@Override
			public SummaryCounters counters() {
				return InternalSummaryCounters.EMPTY_STATS;
			}

			@Override
			public QueryType queryType() {
				return QueryType.READ_ONLY;
			}

			@Override
			public boolean hasPlan() {
				return false;
			}

			@Override
			public boolean hasProfile() {
				return false;
			}

			@Override
			public @Nullable Plan plan() {
				return null;
			}

			@Override
			public @Nullable ProfiledPlan profile() {
				return null;
			}

			@Override
			public List<Notification> notifications() {
				return List.of();
			}

			@Override
			public java.util.Set<GqlStatusObject> gqlStatusObjects() {
				return java.util.Set.of();
			}

			@Override
			public long resultAvailableAfter(TimeUnit unit) {
				return -1;
			}

			@Override
			public long resultConsumedAfter(TimeUnit unit) {
				return -1;
			}

			@Override
			public ServerInfo server() {
				return SERVER;
			}

			@Override
			public DatabaseInfo database() {
				return DATABASE;
			}

		};
	}

}
