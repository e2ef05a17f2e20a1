package org.policygraph.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Helpers for {@code @BatchMapping} methods: one query for all parents, the rows then
 * handed back to each parent in order.
 */
public final class Batches {

	private Batches() {
	}

	/**
	 * Maps each parent to the children found for its key, in the parents' order, with an
	 * empty list for a parent that has none.
	 * @param <P> the parent type
	 * @param <C> the child type
	 * @param parents the parents
	 * @param keyOf the key of a parent
	 * @param childrenByKey the children found, by parent key
	 * @return the children of each parent
	 */
	public static <P, C> Map<P, List<C>> byParent(Collection<P> parents, Function<P, String> keyOf,
			Map<String, List<C>> childrenByKey) {
		Map<P, List<C>> result = new LinkedHashMap<>();
		for (P parent : parents) {
			result.put(parent, childrenByKey.getOrDefault(keyOf.apply(parent), List.of()));
		}
		return result;
	}

	/**
	 * @param <P> the parent type
	 * @param parents the parents
	 * @param keyOf the key of a parent
	 * @return the distinct keys, as a query parameter
	 */
	public static <P> List<String> keys(Collection<P> parents, Function<P, String> keyOf) {
		Set<String> keys = new LinkedHashSet<>();
		for (P parent : parents) {
			String key = keyOf.apply(parent);
			if (key != null) {
				keys.add(key);
			}
		}
		return new ArrayList<>(keys);
	}

	/**
	 * Maps each parent to at most one child (a to-one field).
	 * @param <P> the parent type
	 * @param <C> the child type
	 * @param parents the parents
	 * @param childrenOf the children found for a parent; the first is taken
	 * @return the child of each parent, {@code null} where there is none
	 */
	public static <P, C> Map<P, C> single(Collection<P> parents, Function<P, List<C>> childrenOf) {
		Map<P, C> result = new LinkedHashMap<>();
		for (P parent : parents) {
			List<C> children = childrenOf.apply(parent);
			result.put(parent, children.isEmpty() ? null : children.get(0));
		}
		return result;
	}

	/**
	 * Maps each parent to a computed value (a scalar field such as a count).
	 * @param <P> the parent type
	 * @param <V> the value type
	 * @param parents the parents
	 * @param valueOf the value of a parent
	 * @return the value of each parent
	 */
	public static <P, V> Map<P, V> values(Collection<P> parents, Function<P, V> valueOf) {
		Map<P, V> result = new LinkedHashMap<>();
		for (P parent : parents) {
			result.put(parent, valueOf.apply(parent));
		}
		return result;
	}

	/**
	 * Maps each parent to a to-one child that the parent usually carries already (read by
	 * the statement that found the parent); the children of the others are looked up
	 * together.
	 * @param <P> the parent type
	 * @param <K> the type of the key a child is looked up by
	 * @param <C> the child type (a list, for a to-many field whose whole list the parent
	 * carries)
	 * @param parents the parents
	 * @param carried the child a parent carries, {@code null} if none
	 * @param keyOf the key to look a parent's child up by
	 * @param lookUp finds the children of the given keys, in one statement
	 * @return the child of each parent, {@code null} where there is none
	 */
	public static <P, K, C> Map<P, C> carriedOrLookedUp(Collection<P> parents, Function<P, @Nullable C> carried,
			Function<P, K> keyOf, Function<List<K>, Map<K, C>> lookUp) {
		List<K> missing = parents.stream().filter(p -> carried.apply(p) == null).map(keyOf).distinct().toList();
		Map<K, C> found = missing.isEmpty() ? Map.of() : lookUp.apply(missing);
		return values(parents, p -> {
			C child = carried.apply(p);
			return (child != null) ? child : found.get(keyOf.apply(p));
		});
	}

	/**
	 * @param <K> the parent key type
	 * @param <C> the child type
	 * @param keys parent keys
	 * @param children children by parent key, as {@link #grouped} returns them (parents
	 * without children are missing)
	 * @return the children of every key, an empty list for a parent without any
	 */
	public static <K, C> Map<K, List<C>> everyKey(Collection<K> keys, Map<K, List<C>> children) {
		Map<K, List<C>> result = new HashMap<>(children);
		keys.forEach(key -> result.putIfAbsent(key, List.of()));
		return result;
	}

	/**
	 * @param <C> the child type
	 * @param children children by parent key, as {@link #grouped} returns them
	 * @return the first child of each parent key
	 */
	public static <C> Map<String, C> firstOfEach(Map<String, List<C>> children) {
		Map<String, C> result = new HashMap<>();
		children.forEach((key, list) -> {
			if (!list.isEmpty()) {
				result.put(key, list.get(0));
			}
		});
		return result;
	}

	/**
	 * Runs one statement for all parents and groups its rows by parent key. The statement
	 * takes the keys as {@code $keys} and returns a column {@code key} and a column
	 * holding the child.
	 * @param <C> the child type
	 * @param client the client
	 * @param cypher the statement
	 * @param keys the parent keys
	 * @param column the column holding the child
	 * @param mapper turns the child's value into the read model
	 * @return the children by parent key, in row order
	 */
	public static <C> Map<String, List<C>> grouped(Neo4jClient client, String cypher, Collection<String> keys,
			String column, Function<Value, C> mapper) {
		if (keys.isEmpty()) {
			return new HashMap<>();
		}
		return grouped(client.query(cypher).bind(List.copyOf(keys)).to("keys"), r -> r.get("key").asString(),
				r -> mapper.apply(r.get(column)));
	}

	/**
	 * Runs a statement that returns rows of many parents and groups the rows' values by
	 * parent key.
	 * @param <K> the parent key type
	 * @param <C> the child type
	 * @param statement the statement with its parameters bound
	 * @param keyOf the parent key of a row
	 * @param valueOf the child of a row
	 * @return the children by parent key, in row order (parents without a row are
	 * missing)
	 */
	public static <K, C> Map<K, List<C>> grouped(Neo4jClient.RunnableSpec statement, Function<Record, K> keyOf,
			Function<Record, C> valueOf) {
		Map<K, List<C>> result = new HashMap<>();
		statement.fetchAs(Keyed.class)
			.mappedBy((types, record) -> new Keyed(keyOf.apply(record), valueOf.apply(record)))
			.all()
			.forEach(row -> result.computeIfAbsent(castChild(row.key()), k -> new ArrayList<>())
				.add(castChild(row.child())));
		return result;
	}

	/**
	 * Runs a statement that returns one row per parent and maps each row to the parent's
	 * key and the value for that parent (a page, a list read with {@code collect}).
	 * @param <K> the parent key type
	 * @param <V> the value type
	 * @param statement the statement with its parameters bound
	 * @param keyOf the parent key of a row
	 * @param valueOf the value of a row
	 * @return the values by parent key (parents without a row are missing)
	 */
	public static <K, V> Map<K, V> keyed(Neo4jClient.RunnableSpec statement, Function<Record, K> keyOf,
			Function<Record, V> valueOf) {
		Map<K, V> result = new HashMap<>();
		statement.fetchAs(Keyed.class)
			.mappedBy((types, record) -> new Keyed(keyOf.apply(record), valueOf.apply(record)))
			.all()
			.forEach(row -> result.put(castChild(row.key()), castChild(row.child())));
		return result;
	}

	@SuppressWarnings("unchecked")
	private static <C> C castChild(Object child) {
		return (C) child;
	}

	private record Keyed(Object key, Object child) {
	}

}
