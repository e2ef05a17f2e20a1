package org.policygraph.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns valid documents into invalid ones and makes documents that break the limits:
 * tokens dropped, inserted, swapped or duplicated, unknown fields, arguments of the wrong
 * type, unbalanced braces, truncation, random characters, variables of the wrong type,
 * nesting deeper than the depth limit or the parser's, and documents larger than the
 * parser accepts.
 */
public final class DocumentMutations {

	/**
	 * A document with its variables.
	 *
	 * @param document the text
	 * @param variables the variables (may hold values of the wrong type)
	 * @param description what was done, for the failure message
	 */
	public record Mutated(String document, Map<String, Object> variables, String description) {
	}

	/**
	 * JSON text to put into a request body as it is (for values a JSON writer refuses,
	 * such as nesting deeper than its limit).
	 *
	 * @param json the JSON text
	 */
	public record RawJson(String json) {
	}

	private static final List<String> NOISE = List.of("{", "}", "(", ")", "[", "]", ":", "$x", "$", "...", "@skip",
			"@include(if: $nope)", "@deprecated", "fragment", "query", "mutation", "subscription", "on", "\"s\"", "123",
			"-1", "1.5", "1e999", "99999999999999999999", "-0", "null", "true", "__typename", "__schema",
			"unknownField", "!", "=", "|", "&", "\"unterminated", "\"\\u12\"", "\"\\x41\"", "\u0000", "\u0007", "🇻🇳",
			"Đắk", "\uFEFF", "\"\"\"", "#", "\\", "'single'", "0x10", "..", ".");

	private static final List<String> WRONG_VALUES = List.of("\"text\"", "42", "-7", "3.14", "true", "null", "[1, 2]",
			"{a: 1}", "RESOLUTION", "UNKNOWN_ENUM_VALUE", "$undeclared", "\"\"", "2147483648", "-2147483649",
			"99999999999999999999", "1e400", "[[[]]]", "\"2024-13-45\"", "\"0000-00-00\"", "\"+999999999-12-31\"");

	private DocumentMutations() {
	}

	/**
	 * @param r the generator
	 * @param document a valid document
	 * @param variables its variables
	 * @return the document with one or more random mutations applied
	 */
	public static Mutated mutate(Random r, String document, Map<String, Object> variables) {
		List<String> tokens = tokens(document);
		Map<String, Object> vars = new LinkedHashMap<>(variables);
		StringBuilder description = new StringBuilder();
		int rounds = 1 + (r.nextInt(4) == 0 ? r.nextInt(5) : 0);
		for (int round = 0; round < rounds; round++) {
			int kind = r.nextInt(13);
			description.append(description.length() > 0 ? ", " : "");
			switch (kind) {
				case 0 -> {
					int i = significant(r, tokens);
					description.append("dropped '").append(abbreviate(tokens.get(i))).append('\'');
					tokens.remove(i);
				}
				case 1 -> {
					String noise = FuzzStrings.pick(r, NOISE);
					tokens.add(r.nextInt(tokens.size() + 1), " " + noise + " ");
					description.append("inserted '").append(abbreviate(noise)).append('\'');
				}
				case 2 -> {
					int i = significant(r, tokens);
					int j = significant(r, tokens);
					String t = tokens.get(i);
					tokens.set(i, tokens.get(j));
					tokens.set(j, t);
					description.append("swapped two tokens");
				}
				case 3 -> {
					int i = significant(r, tokens);
					tokens.add(i, tokens.get(i) + " ");
					description.append("duplicated '").append(abbreviate(tokens.get(i))).append('\'');
				}
				case 4 -> {
					int i = indexOf(r, tokens, "{");
					String field = FuzzStrings.pick(r, List.of("unknownField", "__unknown", "totalcount", "Edges",
							"node", "id(x: 1)", "key { name }", "province", "title { x }"));
					tokens.add(i + 1, " " + field + " ");
					description.append("added field '").append(field).append('\'');
				}
				case 5 -> {
					int i = argumentValue(r, tokens);
					String wrong = FuzzStrings.pick(r, WRONG_VALUES);
					if (i >= 0) {
						tokens.set(i, wrong);
					}
					else {
						tokens.add(indexOf(r, tokens, "{"), "(first: " + wrong + ")");
					}
					description.append("wrong argument value ").append(wrong);
				}
				case 6 -> {
					if (r.nextBoolean()) {
						int i = indexOf(r, tokens, "}");
						tokens.remove(i);
						description.append("removed a '}'");
					}
					else {
						tokens.add(r.nextInt(tokens.size() + 1), r.nextBoolean() ? "{" : "}");
						description.append("added an unbalanced brace");
					}
				}
				case 7 -> {
					String text = String.join("", tokens);
					int cut = r.nextInt(text.length() + 1);
					tokens = tokens(text.substring(0, cut));
					description.append("truncated at ").append(cut);
				}
				case 8 -> {
					String text = String.join("", tokens);
					StringBuilder s = new StringBuilder(text);
					int n = 1 + r.nextInt(5);
					for (int k = 0; k < n && s.length() > 0; k++) {
						int at = r.nextInt(s.length());
						s.replace(at, at + 1, FuzzStrings.randomCodePoints(r, 1));
					}
					tokens = tokens(s.toString());
					description.append("replaced ").append(n).append(" characters");
				}
				case 9 -> {
					if (vars.isEmpty()) {
						vars.put("extra", FuzzStrings.any(r));
						description.append("added an undeclared variable");
					}
					else {
						String name = FuzzStrings.pick(r, new ArrayList<>(vars.keySet()));
						Object wrong = FuzzStrings.pick(r, wrongJsonValues(r));
						vars.put(name, wrong);
						description.append("variable ")
							.append(name)
							.append(" set to ")
							.append(abbreviate(String.valueOf(wrong)));
					}
				}
				case 10 -> {
					if (!vars.isEmpty()) {
						String name = FuzzStrings.pick(r, new ArrayList<>(vars.keySet()));
						vars.remove(name);
						description.append("removed variable ").append(name);
					}
					else {
						tokens.add(0, "query ($unused: Int) ");
						description.append("prefixed a second operation head");
					}
				}
				case 11 -> {
					int i = identifier(r, tokens);
					String replacement = FuzzStrings.pick(r, List.of("x", "__typename", "Query", "fragment", "on",
							"true", "null", "_", "province", "articles", "edges"));
					description.append("renamed '")
						.append(abbreviate(tokens.get(i)))
						.append("' to ")
						.append(replacement);
					tokens.set(i, replacement);
				}
				default -> {
					String extra = FuzzStrings.pick(r, List.of("fragment X on Query { about { name } }",
							"fragment Y on Nope { x }", "{ ...Missing }",
							"query Dup { about { name } } query Dup { __typename }", "fragment C on Query { ...C }",
							"subscription { a: articleIngested { id } b: implementationAdded { firstReported } }",
							"mutation { checkWriteAccess }", "extend type Query { x: Int }", "schema { query: Query }",
							"directive @x on FIELD", "{ __type(name: \"Query\") { name fields { name } } }"));
					tokens.add(r.nextInt(tokens.size() + 1), "\n" + extra + "\n");
					description.append("added '").append(abbreviate(extra)).append('\'');
				}
			}
		}
		return new Mutated(String.join("", tokens), vars, description.toString());
	}

	/**
	 * @param r the generator
	 * @return a document beyond a limit: deeper than the depth limit or the parser's
	 * nesting limit, wider than the complexity or token limit, or larger than the parser
	 * accepts
	 */
	public static Mutated oversized(Random r) {
		return switch (r.nextInt(8)) {
			case 0 -> {
				int depth = 13 + r.nextInt(60);
				StringBuilder s = new StringBuilder("{ province(name: \"66\") {");
				for (int i = 0; i < depth; i++) {
					s.append(i % 2 == 0 ? " mergedInto {" : " mergedFrom {");
				}
				s.append(" key");
				s.append(" }".repeat(depth + 2));
				yield new Mutated(s.toString(), Map.of(), "mergedInto/mergedFrom nested " + depth + " deep");
			}
			case 1 -> {
				int depth = 500 + r.nextInt(20_000);
				yield new Mutated("{" + "a {".repeat(depth) + "b" + "}".repeat(depth + 1), Map.of(),
						"selections nested " + depth + " deep");
			}
			case 2 -> {
				int depth = 100 + r.nextInt(5_000);
				yield new Mutated(
						"{ search(text: \"a\", types: " + "[".repeat(depth) + "]".repeat(depth) + ") { kind } }",
						Map.of(), "list literal nested " + depth + " deep");
			}
			case 3 -> {
				int n = 300 + r.nextInt(20_000);
				StringBuilder s = new StringBuilder("{");
				for (int i = 0; i < n; i++) {
					s.append(" a").append(i).append(": __typename");
				}
				yield new Mutated(s.append(" }").toString(), Map.of(), n + " aliased fields");
			}
			case 4 -> {
				int n = 1_000_000 + r.nextInt(3_000_000);
				yield new Mutated("{ search(text: \"" + "a".repeat(n) + "\") { kind } }", Map.of(),
						"a " + n + "-character string literal");
			}
			case 5 -> {
				int n = 50_000 + r.nextInt(1_000_000);
				yield new Mutated("{ about { name } }" + " ".repeat(n) + "#" + "x".repeat(n), Map.of(),
						n + " characters of whitespace and comment");
			}
			case 6 -> {
				int n = 20 + r.nextInt(40);
				StringBuilder s = new StringBuilder("{ ...F0 }");
				for (int i = 0; i < n; i++) {
					s.append(" fragment F")
						.append(i)
						.append(" on Query { ...F")
						.append(i + 1)
						.append(" ...F")
						.append(i + 1)
						.append(" }");
				}
				s.append(" fragment F").append(n).append(" on Query { about { name } }");
				yield new Mutated(s.toString(), Map.of(), "fragments doubling " + n + " times");
			}
			default -> {
				int depth = 200 + r.nextInt(5_000);
				String nested = "[".repeat(depth) + "\"ARTICLE\"" + "]".repeat(depth);
				yield new Mutated("query($t: [SearchType!]) { search(text: \"a\", types: $t) { kind } }",
						Map.of("t", new RawJson(nested)), "variable nested " + depth + " deep");
			}
		};
	}

	private static List<Object> wrongJsonValues(Random r) {
		List<Object> values = new ArrayList<>();
		values.add("text");
		values.add(42);
		values.add(-1L);
		values.add(1e300);
		values.add(true);
		values.add(List.of(1, "a"));
		values.add(Map.of("unknown", 1));
		values.add("NOT_AN_ENUM");
		values.add("2024-02-30");
		values.add(new java.math.BigInteger("123456789012345678901234567890"));
		values.add(FuzzStrings.longString(r));
		values.add(FuzzStrings.any(r));
		values.add(new LinkedHashMap<>());
		List<Object> nulls = new ArrayList<>();
		nulls.add(null);
		values.add(nulls);
		return values;
	}

	/**
	 * Splits a document into GraphQL tokens, keeping whitespace, commas and comments as
	 * tokens of their own so that joining the tokens gives the document back.
	 */
	static List<String> tokens(String document) {
		List<String> tokens = new ArrayList<>();
		int n = document.length();
		int i = 0;
		while (i < n) {
			int start = i;
			char c = document.charAt(i);
			if (Character.isWhitespace(c) || c == ',') {
				while (i < n && (Character.isWhitespace(document.charAt(i)) || document.charAt(i) == ',')) {
					i++;
				}
			}
			else if (c == '#') {
				while (i < n && document.charAt(i) != '\n') {
					i++;
				}
			}
			else if (document.startsWith("\"\"\"", i)) {
				int end = document.indexOf("\"\"\"", i + 3);
				i = (end < 0) ? n : end + 3;
			}
			else if (c == '"') {
				i++;
				while (i < n && document.charAt(i) != '"' && document.charAt(i) != '\n') {
					i += (document.charAt(i) == '\\') ? 2 : 1;
				}
				i = Math.min(n, i + 1);
			}
			else if (document.startsWith("...", i)) {
				i += 3;
			}
			else if (c == '_' || Character.isLetterOrDigit(c) || c == '-') {
				i++;
				while (i < n && (document.charAt(i) == '_' || document.charAt(i) == '.'
						|| Character.isLetterOrDigit(document.charAt(i)))) {
					i++;
				}
			}
			else {
				i += Character.charCount(document.codePointAt(i));
			}
			tokens.add(document.substring(start, i));
		}
		if (tokens.isEmpty()) {
			tokens.add("");
		}
		return tokens;
	}

	private static boolean isSignificant(String token) {
		return !token.isBlank() && !token.startsWith("#")
				&& !token.chars().allMatch(c -> c == ',' || Character.isWhitespace(c));
	}

	private static int significant(Random r, List<String> tokens) {
		for (int attempt = 0; attempt < 20; attempt++) {
			int i = r.nextInt(tokens.size());
			if (isSignificant(tokens.get(i))) {
				return i;
			}
		}
		return r.nextInt(tokens.size());
	}

	private static int indexOf(Random r, List<String> tokens, String token) {
		List<Integer> at = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).equals(token)) {
				at.add(i);
			}
		}
		return at.isEmpty() ? r.nextInt(tokens.size()) : FuzzStrings.pick(r, at);
	}

	private static int identifier(Random r, List<String> tokens) {
		List<Integer> at = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			if (Character.isLetter(tokens.get(i).isEmpty() ? ' ' : tokens.get(i).charAt(0))
					|| tokens.get(i).startsWith("_")) {
				at.add(i);
			}
		}
		return at.isEmpty() ? r.nextInt(tokens.size()) : FuzzStrings.pick(r, at);
	}

	/**
	 * The index of a token that is an argument's value (after a ':' inside parentheses),
	 * or -1.
	 */
	private static int argumentValue(Random r, List<String> tokens) {
		List<Integer> at = new ArrayList<>();
		int parens = 0;
		for (int i = 0; i < tokens.size(); i++) {
			String t = tokens.get(i);
			if (t.equals("(")) {
				parens++;
			}
			else if (t.equals(")")) {
				parens--;
			}
			else if (parens > 0 && t.equals(":")) {
				int j = i + 1;
				while (j < tokens.size() && !isSignificant(tokens.get(j))) {
					j++;
				}
				if (j < tokens.size()) {
					at.add(j);
				}
			}
		}
		return at.isEmpty() ? -1 : FuzzStrings.pick(r, at);
	}

	private static String abbreviate(String s) {
		return (s.length() <= 40) ? s : s.substring(0, 40) + "…";
	}

}
