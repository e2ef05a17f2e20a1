package org.policygraph.fuzz;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;

/**
 * Argument values of the right GraphQL type, chosen by argument name where the name says
 * what the API expects (keys, cursors, page sizes, years, search text): known keys and
 * cursors of the graph under test, values at and beyond the documented ranges, odd and
 * very long strings. Values are plain Java objects ({@link String}, {@link Long},
 * {@link BigInteger}, {@link Boolean}, {@link EnumValue}, {@link List}, {@link Map},
 * {@link #NULL}) that {@link GraphQlDocumentGenerator} writes either as GraphQL literals
 * or as JSON variables.
 */
public final class ArgumentValues {

	/** An explicit null. */
	public static final Object NULL = new Object() {
		@Override
		public String toString() {
			return "null";
		}
	};

	/**
	 * An enum value: written without quotes in a literal, as a string in JSON.
	 *
	 * @param name the value's name (possibly not one the enum has)
	 */
	public record EnumValue(String name) {
	}

	private static final List<Long> PAGE_SIZES = List.of(1L, 2L, 5L, 10L, 20L, 50L, 99L, 100L, 0L, -1L, 101L, 1000L,
			1001L, 200L, 2147483647L, -2147483648L);

	private static final List<Long> YEARS = List.of(1930L, 1986L, 2008L, 2017L, 2018L, 2019L, 2020L, 2024L, 2025L, 0L,
			-1L, 1L, 9999L, 10000L, 2147483647L, -2147483648L);

	private static final List<String> DATES = List.of("2008-02-02", "2017-09-22", "2018-08-07", "2019-01-05",
			"2019-03-01", "2024-02-29", "2025-06-30", "2025-07-01", "1930-02-03", "1900-01-01", "0001-01-01",
			"9999-12-31", "1970-01-01");

	private static final List<String> RELATIONSHIP_TYPES = List.of("IMPLEMENTS", "ISSUED_BY", "MENTIONS", "PART_OF",
			"OF_PROVINCE", "MERGED_INTO", "implements", "ASSERTS", "", "IMPLEMENTS|MENTIONS", "*");

	private static final List<String> LEVELS = List.of("CENTRAL", "PROVINCIAL", "DISTRICT", "GRASSROOTS", "OTHER",
			"central", "");

	private static final List<String> TERMS = List.of("X", "XI", "XII", "XIII", "IX", "x", "", "MMXXIV");

	private final List<String> keys;

	private final List<String> cursors;

	/**
	 * @param keys entity keys and article ids that exist in the graph under test
	 * @param cursors cursors the API handed out
	 */
	public ArgumentValues(List<String> keys, List<String> cursors) {
		this.keys = List.copyOf(keys);
		this.cursors = List.copyOf(cursors);
	}

	/**
	 * @return values for a graph with the sample and reference data but no cursors
	 * collected
	 */
	public static ArgumentValues offline() {
		return new ArgumentValues(List.of("22-NQ/TW|TW|2008-02-02", "18-KL/TW|TW|2017-09-22", "40", "66", "66-2025",
				"01", "79", "94", "TW/bo-chinh-tri", "TW/ban-chap-hanh-trung-uong", "66/ban-thuong-vu-tinh-uy",
				"08-HD/BTCTU|94|2018-08-07"), List.of());
	}

	/**
	 * @param r the generator
	 * @param argument the argument or input field name
	 * @param type its type
	 * @param nullable whether an explicit null is allowed here
	 * @return a value of the type
	 */
	public Object value(Random r, String argument, GraphQLInputType type, boolean nullable) {
		if (type instanceof GraphQLNonNull nonNull) {
			return value(r, argument, (GraphQLInputType) nonNull.getWrappedType(), false);
		}
		if (nullable && r.nextInt(12) == 0) {
			return NULL;
		}
		if (type instanceof GraphQLList list) {
			int size = switch (r.nextInt(8)) {
				case 0 -> 0;
				case 1 -> 40 + r.nextInt(260);
				default -> 1 + r.nextInt(3);
			};
			List<Object> items = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				items.add(value(r, argument, (GraphQLInputType) list.getWrappedType(), true));
			}
			return items;
		}
		if (type instanceof GraphQLEnumType enumType) {
			return new EnumValue(FuzzStrings.pick(r, enumType.getValues()).getName());
		}
		if (type instanceof GraphQLInputObjectType object) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				boolean required = field.getType() instanceof GraphQLNonNull;
				if (required || r.nextInt(3) > 0) {
					fields.put(field.getName(), value(r, field.getName(), field.getType(), true));
				}
			}
			return fields;
		}
		GraphQLScalarType scalar = (GraphQLScalarType) type;
		return switch (scalar.getName()) {
			case "Int" -> integer(r, argument);
			case "Float" ->
				r.nextInt(3) == 0 ? (Object) Long.valueOf(r.nextInt(1000)) : Double.valueOf(r.nextDouble() * 1e6);
			case "Boolean" -> r.nextBoolean();
			case "Date" -> date(r);
			default -> string(r, argument);
		};
	}

	/**
	 * @param r the generator
	 * @param argument the argument name
	 * @return an Int: documented bounds and just beyond them, the 32-bit limits
	 */
	public Object integer(Random r, String argument) {
		String name = argument.toLowerCase(java.util.Locale.ROOT);
		if (name.contains("year")) {
			return r.nextInt(3) == 0 ? Long.valueOf(1900 + r.nextInt(140)) : FuzzStrings.pick(r, YEARS);
		}
		if (name.equals("depth") || name.equals("maxlength")) {
			return Long.valueOf(r.nextInt(5) == 0 ? FuzzStrings.pick(r, PAGE_SIZES) : r.nextInt(13) - 1);
		}
		if (r.nextInt(4) == 0) {
			return Long.valueOf(r.nextInt(201) - 50);
		}
		return FuzzStrings.pick(r, PAGE_SIZES);
	}

	/**
	 * @param r the generator
	 * @return a Date literal: dates of the sample graph, leap days, the first and last
	 * 4-digit years
	 */
	public String date(Random r) {
		if (r.nextInt(3) == 0) {
			return LocalDate.of(1990, 1, 1).plusDays(r.nextInt(13_000)).toString();
		}
		return FuzzStrings.pick(r, DATES);
	}

	/**
	 * @param r the generator
	 * @param argument the argument name
	 * @return a string suited to the argument: a known key, a cursor, search words, a
	 * code, or odd text
	 */
	public String string(Random r, String argument) {
		String name = argument.toLowerCase(java.util.Locale.ROOT);
		if (name.equals("after")) {
			return cursor(r);
		}
		if (r.nextInt(5) == 0) {
			return FuzzStrings.any(r);
		}
		if (name.equals("relationshiptypes")) {
			return FuzzStrings.pick(r, RELATIONSHIP_TYPES);
		}
		if (name.equals("level")) {
			return FuzzStrings.pick(r, LEVELS);
		}
		if (name.equals("term")) {
			return FuzzStrings.pick(r, TERMS);
		}
		if (name.equals("code")) {
			return FuzzStrings.pick(r, List.of("22-NQ/TW", "22 – NQ/TW", "22-nq/tw", "18-KL/TW", "10-CT/TW", "48-KH/TU",
					"NQ/TW", "22", "-NQ/TW", "9999999999999999999-NQ/TW"));
		}
		if (name.equals("text") || name.equals("title")) {
			return r.nextBoolean() ? FuzzStrings.vietnamese(r) : "\"" + FuzzStrings.vietnamese(r) + "\"";
		}
		if (name.equals("url")) {
			return FuzzStrings.pick(r, List.of("https://example.org/a", "http://x", "ftp://x/y", "not a url", ""));
		}
		if (name.equals("publishedat")) {
			return date(r);
		}
		if (name.contains("key") || name.equals("id") || name.equals("from") || name.equals("to")
				|| name.equals("name")) {
			return key(r);
		}
		return FuzzStrings.any(r);
	}

	/**
	 * @param r the generator
	 * @return a key of the graph (often), or one slightly off
	 */
	public String key(Random r) {
		if (this.keys.isEmpty() || r.nextInt(6) == 0) {
			return FuzzStrings.any(r);
		}
		String key = FuzzStrings.pick(r, this.keys);
		return switch (r.nextInt(10)) {
			case 0 -> key.toLowerCase(java.util.Locale.ROOT);
			case 1 -> key + " ";
			case 2 -> key.substring(0, r.nextInt(key.length() + 1));
			case 3 -> FuzzStrings.withoutDiacritics(key);
			default -> key;
		};
	}

	/**
	 * @param r the generator
	 * @return a cursor the API handed out (often), tampered with, or not a cursor at all
	 */
	public String cursor(Random r) {
		if (!this.cursors.isEmpty() && r.nextInt(3) > 0) {
			String cursor = FuzzStrings.pick(r, this.cursors);
			return switch (r.nextInt(6)) {
				case 0 -> cursor.substring(0, r.nextInt(cursor.length() + 1));
				case 1 -> flipOneCharacter(r, cursor);
				default -> cursor;
			};
		}
		return switch (r.nextInt(7)) {
			case 0 -> "";
			case 1 -> "zzz";
			case 2 -> Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
			case 3 -> Base64.getUrlEncoder().encodeToString(FuzzStrings.any(r).getBytes(StandardCharsets.UTF_8));
			case 4 -> Base64.getEncoder().encodeToString(new BigInteger(130, r).toByteArray());
			case 5 -> "====";
			default -> FuzzStrings.any(r);
		};
	}

	private static String flipOneCharacter(Random r, String s) {
		if (s.isEmpty()) {
			return "A";
		}
		char[] chars = s.toCharArray();
		int i = r.nextInt(chars.length);
		chars[i] = (chars[i] == 'A') ? 'B' : 'A';
		return new String(chars);
	}

}
