package org.policygraph.bench;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the answer of a GraphQL operation (its JSON {@code data}) with the answer of
 * its hand-written Cypher statement (the driver's maps and lists): both are brought to
 * plain maps, lists, strings, whole numbers and doubles, and compared either in order or
 * as multisets (lists sorted by their canonical text), so that a floor need not repeat
 * the order of every nested list.
 */
final class Answers {

	private Answers() {
	}

	/**
	 * @param value a JSON tree converted to Java objects, or a driver value's
	 * {@code asObject()}
	 * @param ignoredKeys map keys left out (fields the database cannot compute, e.g.
	 * snippets)
	 * @return the value with sorted map keys, dates as ISO text, numbers as longs or
	 * doubles
	 */
	static Object normalize(Object value, Set<String> ignoredKeys) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((k, v) -> {
				if (!ignoredKeys.contains(String.valueOf(k))) {
					sorted.put(String.valueOf(k), normalize(v, ignoredKeys));
				}
			});
			return sorted;
		}
		if (value instanceof Collection<?> list) {
			List<Object> items = new ArrayList<>(list.size());
			list.forEach(v -> items.add(normalize(v, ignoredKeys)));
			return items;
		}
		if (value instanceof Number n) {
			double d = n.doubleValue();
			if (d == Math.rint(d) && Math.abs(d) < 1e15) {
				return (long) d;
			}
			return d;
		}
		if (value instanceof TemporalAccessor temporal) {
			return temporal.toString();
		}
		return value;
	}

	/**
	 * @param value a normalized value
	 * @param unordered whether lists are taken as multisets
	 * @return a text that is equal for equal values
	 */
	static String canonical(Object value, boolean unordered) {
		StringBuilder sb = new StringBuilder();
		write(sb, value, unordered);
		return sb.toString();
	}

	private static void write(StringBuilder sb, Object value, boolean unordered) {
		if (value instanceof Map<?, ?> map) {
			sb.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				sb.append(first ? "" : ",").append(e.getKey()).append(':');
				write(sb, e.getValue(), unordered);
				first = false;
			}
			sb.append('}');
		}
		else if (value instanceof List<?> list) {
			List<String> items = new ArrayList<>(list.size());
			list.forEach(v -> items.add(canonical(v, unordered)));
			if (unordered) {
				items.sort(Comparator.naturalOrder());
			}
			sb.append('[').append(String.join(",", items)).append(']');
		}
		else if (value instanceof Double d) {
			sb.append(String.format(java.util.Locale.ROOT, "%.6f", d));
		}
		else if (value instanceof String s) {
			sb.append('"').append(s).append('"');
		}
		else {
			sb.append(value);
		}
	}

	/**
	 * @param expected a normalized value
	 * @param actual a normalized value
	 * @param unordered whether lists are taken as multisets
	 * @return where the two differ first (a path and both values, shortened), or empty
	 * when equal
	 */
	static Optional<String> difference(Object expected, Object actual, boolean unordered) {
		return difference("data", expected, actual, unordered);
	}

	private static Optional<String> difference(String path, Object expected, Object actual, boolean unordered) {
		if (canonical(expected, unordered).equals(canonical(actual, unordered))) {
			return Optional.empty();
		}
		if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
			Set<String> keys = new TreeSet<>();
			a.keySet().forEach(k -> keys.add(String.valueOf(k)));
			b.keySet().forEach(k -> keys.add(String.valueOf(k)));
			for (String key : keys) {
				if (!a.containsKey(key) || !b.containsKey(key)) {
					return Optional.of(path + "." + key + ": present on one side only");
				}
				Optional<String> inner = difference(path + "." + key, a.get(key), b.get(key), unordered);
				if (inner.isPresent()) {
					return inner;
				}
			}
		}
		if (expected instanceof List<?> a && actual instanceof List<?> b) {
			if (a.size() != b.size()) {
				return Optional
					.of(path + ": " + a.size() + " items against " + b.size() + " " + shorten(a, b, unordered));
			}
			List<Object> left = sorted(a, unordered);
			List<Object> right = sorted(b, unordered);
			for (int i = 0; i < left.size(); i++) {
				Optional<String> inner = difference(path + "[" + i + "]", left.get(i), right.get(i), unordered);
				if (inner.isPresent()) {
					return inner;
				}
			}
		}
		return Optional.of(path + ": " + shorten(expected, actual, unordered));
	}

	private static List<Object> sorted(List<?> list, boolean unordered) {
		List<Object> copy = new ArrayList<>(list);
		if (unordered) {
			copy.sort(Comparator.comparing(v -> canonical(v, true)));
		}
		return copy;
	}

	private static String shorten(Object expected, Object actual, boolean unordered) {
		return abbreviate(canonical(expected, unordered)) + " <> " + abbreviate(canonical(actual, unordered));
	}

	private static String abbreviate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "…";
	}

}
