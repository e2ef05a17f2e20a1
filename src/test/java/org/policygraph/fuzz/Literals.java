package org.policygraph.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes {@link ArgumentValues} values as GraphQL literals (strings escaped as the spec
 * requires, sometimes as block strings) or converts them to JSON-ready Java objects for
 * variables.
 */
final class Literals {

	private Literals() {
	}

	/**
	 * @param value a value from {@link ArgumentValues}
	 * @param r the generator, for the choice of string form
	 * @return the GraphQL literal
	 */
	static String literal(Object value, Random r) {
		if (value == ArgumentValues.NULL || value == null) {
			return "null";
		}
		if (value instanceof ArgumentValues.EnumValue e) {
			return e.name();
		}
		if (value instanceof String s) {
			return (r != null && r.nextInt(10) == 0 && blockable(s)) ? "\"\"\"" + s + "\"\"\"" : string(s);
		}
		if (value instanceof List<?> list) {
			List<String> items = new ArrayList<>();
			for (Object item : list) {
				items.add(literal(item, r));
			}
			return "[" + String.join(", ", items) + "]";
		}
		if (value instanceof Map<?, ?> map) {
			List<String> fields = new ArrayList<>();
			map.forEach((k, v) -> fields.add(k + ": " + literal(v, r)));
			return "{" + String.join(", ", fields) + "}";
		}
		return String.valueOf(value);
	}

	/**
	 * @param s any string
	 * @return a GraphQL string literal: quotes, backslashes and control characters
	 * escaped
	 */
	static String string(String s) {
		StringBuilder out = new StringBuilder(s.length() + 2).append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x7F) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private static boolean blockable(String s) {
		return !s.contains("\"\"\"") && !s.contains("\\") && !s.isBlank() && s.chars().noneMatch(c -> c < 0x20)
				&& !s.endsWith("\"") && s.strip().equals(s);
	}

	/**
	 * @param value a value from {@link ArgumentValues}
	 * @return the value for a JSON variables object (enums as strings,
	 * {@link ArgumentValues#NULL} as null)
	 */
	static Object json(Object value) {
		if (value == ArgumentValues.NULL) {
			return null;
		}
		if (value instanceof ArgumentValues.EnumValue e) {
			return e.name();
		}
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>();
			for (Object item : list) {
				items.add(json(item));
			}
			return items;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> fields = new LinkedHashMap<>();
			map.forEach((k, v) -> fields.put(String.valueOf(k), json(v)));
			return fields;
		}
		return value;
	}

}
