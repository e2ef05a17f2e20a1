package org.policygraph.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Generates valid GraphQL documents from the schema: random root fields with arguments of
 * the right types (passed as literals or variables), random sub-selections down to a
 * bounded depth, aliases, inline and named fragments, {@code @include}/{@code @skip},
 * {@code __typename}, several operations with an {@code operationName}, odd but legal
 * whitespace, commas and comments. Each document records the response keys its root
 * selection may produce, so that a response can be checked against it.
 */
public final class GraphQlDocumentGenerator {

	/**
	 * A generated operation.
	 *
	 * @param document the document text
	 * @param variables the variables (JSON-ready: strings, numbers, booleans, lists,
	 * maps, nulls)
	 * @param operationName the operation to run, or {@code null}
	 * @param operation {@code query}, {@code mutation} or {@code subscription}
	 * @param rootKeys the response keys the root selection may produce
	 */
	public record Operation(String document, Map<String, Object> variables, String operationName, String operation,
			Set<String> rootKeys) {
	}

	private static final int MAX_LITERAL_CHARS = 2_000;

	private final GraphQLSchema schema;

	private final ArgumentValues values;

	/**
	 * @param schema the schema to generate documents for
	 * @param values where argument values come from
	 */
	public GraphQlDocumentGenerator(GraphQLSchema schema, ArgumentValues values) {
		this.schema = schema;
		this.values = values;
	}

	/**
	 * @return the schema of {@code classpath:graphql/*.graphqls}, without runtime wiring
	 */
	public static GraphQLSchema schemaFromClasspath() {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath:graphql/*.graphqls")) {
				try (InputStream in = resource.getInputStream()) {
					registry.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	/**
	 * @return the schema documents are generated for
	 */
	public GraphQLSchema schema() {
		return this.schema;
	}

	/**
	 * @param r the generator
	 * @return a query over random root fields of {@code Query}
	 */
	public Operation query(Random r) {
		return operation(r, "query", this.schema.getQueryType(), 1 + r.nextInt(4), null);
	}

	/**
	 * @param r the generator
	 * @return a subscription (one root field, as the spec requires)
	 */
	public Operation subscription(Random r) {
		return operation(r, "subscription", this.schema.getSubscriptionType(), 1, null);
	}

	/**
	 * @param r the generator
	 * @param field the root mutation field
	 * @param argumentOverride values for some of the field's arguments, by name (the rest
	 * are generated)
	 * @return a mutation selecting that one field
	 */
	public Operation mutation(Random r, String field, Map<String, Object> argumentOverride) {
		GraphQLObjectType type = this.schema.getMutationType();
		return operation(r, "mutation", type, 1, (f) -> f.getName().equals(field) ? argumentOverride : null);
	}

	/**
	 * @param r the generator
	 * @param field the field name
	 * @return many aliased copies of one root field of {@code Query} with small
	 * selections: a wide document that stays under the depth limit but asks for a lot of
	 * work
	 */
	public Operation wide(Random r, String field) {
		GraphQLObjectType query = this.schema.getQueryType();
		GraphQLFieldDefinition definition = query.getFieldDefinition(field);
		Set<String> keys = new LinkedHashSet<>();
		Context context = new Context(r, 2, keys, null);
		int copies = 10 + r.nextInt(60);
		StringBuilder selection = new StringBuilder();
		for (int i = 0; i < copies; i++) {
			String alias = "w" + i;
			keys.add(alias);
			selection.append(' ').append(alias).append(": ");
			appendField(context, selection, definition, 1);
		}
		return assemble(context, "query", selection, null);
	}

	/**
	 * @return the names of the fields of {@code Query}
	 */
	public List<String> queryFields() {
		return this.schema.getQueryType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList();
	}

	private Operation operation(Random r, String operation, GraphQLObjectType root, int rootFields,
			Function<GraphQLFieldDefinition, Map<String, Object>> overrides) {
		int maxDepth = 1 + r.nextInt(5);
		Set<String> rootKeys = new LinkedHashSet<>();
		Context context = new Context(r, maxDepth, rootKeys, overrides);
		StringBuilder selection = new StringBuilder();
		List<GraphQLFieldDefinition> fields = root.getFieldDefinitions();
		if (overrides != null) {
			fields = fields.stream().filter(f -> overrides.apply(f) != null).toList();
		}
		for (int i = 0; i < rootFields; i++) {
			GraphQLFieldDefinition field = FuzzStrings.pick(r, fields);
			String key = context.freshAlias(field.getName(), r.nextInt(4) == 0 || i > 0);
			rootKeys.add(key);
			context.space(selection);
			if (!key.equals(field.getName())) {
				selection.append(key).append(": ");
			}
			appendField(context, selection, field, 1);
		}
		if (!operation.equals("subscription") && r.nextInt(8) == 0) {
			selection.append(" __typename");
			rootKeys.add("__typename");
		}
		String name = (r.nextInt(3) == 0) ? "Op" + r.nextInt(1000) : null;
		return assemble(context, operation, selection, name);
	}

	private Operation assemble(Context context, String operation, StringBuilder selection, String name) {
		Random r = context.r;
		StringBuilder document = new StringBuilder();
		if (r.nextInt(10) == 0) {
			document.append("# generated\n");
		}
		boolean anonymous = name == null && context.variableDefinitions.isEmpty() && operation.equals("query")
				&& r.nextBoolean();
		if (anonymous) {
			document.append("{").append(selection).append(" }");
		}
		else {
			document.append(operation);
			if (name != null) {
				document.append(' ').append(name);
			}
			if (!context.variableDefinitions.isEmpty()) {
				document.append('(')
					.append(String.join(r.nextBoolean() ? ", " : " ", context.variableDefinitions))
					.append(')');
			}
			document.append(" {").append(selection).append(" }");
		}
		for (String fragment : context.fragments) {
			document.append('\n').append(fragment);
		}
		String operationName = name;
		if (name != null && r.nextInt(3) == 0) {
			// a second operation the operationName must skip
			document.append("\nquery Other").append(name).append(" { __typename }");
		}
		else if (name != null && r.nextBoolean()) {
			operationName = null;
		}
		return new Operation(document.toString(), context.variables, operationName, operation, context.rootKeys);
	}

	private void appendField(Context c, StringBuilder out, GraphQLFieldDefinition field, int depth) {
		out.append(field.getName());
		Map<String, Object> override = (c.overrides != null && depth == 1) ? c.overrides.apply(field) : null;
		List<String> arguments = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			boolean required = argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue();
			Object value;
			if (override != null && override.containsKey(argument.getName())) {
				value = override.get(argument.getName());
			}
			else if (required || c.r.nextInt(3) == 0) {
				value = this.values.value(c.r, argument.getName(), argument.getType(), true);
			}
			else {
				continue;
			}
			arguments.add(argument.getName() + ": " + c.argument(argument.getType(), value));
		}
		if (!arguments.isEmpty()) {
			out.append('(').append(String.join(c.r.nextInt(3) == 0 ? ", " : " ", arguments)).append(')');
		}
		if (depth > 1 && c.r.nextInt(15) == 0) {
			boolean include = c.r.nextBoolean();
			String condition = c.r.nextBoolean() ? String.valueOf(c.r.nextBoolean())
					: c.variable("Boolean!", c.r.nextBoolean());
			out.append(include ? " @include(if: " : " @skip(if: ").append(condition).append(')');
		}
		GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
		if (type instanceof GraphQLObjectType object) {
			out.append(" {");
			appendSelection(c, out, object, depth);
			out.append(" }");
		}
	}

	private void appendSelection(Context c, StringBuilder out, GraphQLObjectType type, int depth) {
		List<GraphQLFieldDefinition> candidates = new ArrayList<>();
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			boolean leaf = !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType);
			if (leaf || depth < c.maxDepth) {
				candidates.add(field);
			}
		}
		int count = candidates.isEmpty() ? 0 : 1 + c.r.nextInt(Math.min(4, candidates.size()));
		boolean any = false;
		Set<String> used = new LinkedHashSet<>();
		for (int i = 0; i < count && c.fields < 150; i++) {
			GraphQLFieldDefinition field = FuzzStrings.pick(c.r, candidates);
			if (!used.add(field.getName())) {
				continue;
			}
			c.fields++;
			c.space(out);
			if (c.r.nextInt(6) == 0) {
				out.append(c.freshAlias(field.getName(), true)).append(": ");
			}
			appendField(c, out, field, depth + 1);
			any = true;
		}
		int extra = c.r.nextInt(12);
		if (extra == 0 || !any) {
			out.append(" __typename");
		}
		else if (extra == 1 && depth < c.maxDepth) {
			// an inline fragment on the same type; every field in it gets an alias of its
			// own
			out.append(" ... on ").append(type.getName()).append(" {");
			appendAliasedSelection(c, out, type, depth);
			out.append(" }");
		}
		else if (extra == 2 && depth < c.maxDepth) {
			String name = "F" + c.fragments.size() + "_" + type.getName();
			StringBuilder fragment = new StringBuilder("fragment ").append(name)
				.append(" on ")
				.append(type.getName())
				.append(" {");
			c.fragments.add("");
			int slot = c.fragments.size() - 1;
			appendAliasedSelection(c, fragment, type, depth);
			fragment.append(" }");
			c.fragments.set(slot, fragment.toString());
			out.append(" ...").append(name);
		}
	}

	private void appendAliasedSelection(Context c, StringBuilder out, GraphQLObjectType type, int depth) {
		List<GraphQLFieldDefinition> fields = type.getFieldDefinitions();
		int count = 1 + c.r.nextInt(Math.min(3, fields.size()));
		for (int i = 0; i < count; i++) {
			GraphQLFieldDefinition field = FuzzStrings.pick(c.r, fields);
			boolean leaf = !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType);
			if (!leaf && depth + 1 > c.maxDepth) {
				out.append(" __typename");
				continue;
			}
			String alias = c.freshAlias(field.getName(), true);
			out.append(' ').append(alias).append(": ");
			c.fields++;
			appendField(c, out, field, depth + 1);
		}
	}

	/** State of one document being generated. */
	private final class Context {

		final Random r;

		final int maxDepth;

		final Set<String> rootKeys;

		final Function<GraphQLFieldDefinition, Map<String, Object>> overrides;

		final List<String> variableDefinitions = new ArrayList<>();

		final Map<String, Object> variables = new LinkedHashMap<>();

		final List<String> fragments = new ArrayList<>();

		int fields;

		int aliases;

		int literalChars;

		Context(Random r, int maxDepth, Set<String> rootKeys,
				Function<GraphQLFieldDefinition, Map<String, Object>> overrides) {
			this.r = r;
			this.maxDepth = maxDepth;
			this.rootKeys = rootKeys;
			this.overrides = overrides;
		}

		String freshAlias(String field, boolean alias) {
			return alias ? field + "_" + (this.aliases++) : field;
		}

		void space(StringBuilder out) {
			switch (this.r.nextInt(10)) {
				case 0 -> out.append(",\n  ");
				case 1 -> out.append(" # note\n");
				case 2 -> out.append("\t");
				default -> out.append(' ');
			}
		}

		/**
		 * An argument value, as a literal or (sometimes) as a variable of the argument's
		 * type.
		 */
		String argument(GraphQLInputType type, Object value) {
			String literal = Literals.literal(value, this.r);
			boolean outsideBmp = literal.codePoints().anyMatch(Character::isSupplementaryCodePoint);
			if (this.r.nextInt(3) == 0 || outsideBmp || literal.length() > MAX_LITERAL_CHARS
					|| this.literalChars + literal.length() > MAX_LITERAL_CHARS * 100) {
				// long values go as variables, the parser refuses documents over a
				// million characters;
				// so do characters outside the BMP: the graphql-java 25 parser fails on a
				// surrogate pair
				// that straddles a 4,096-character boundary of the document
				return variable(GraphQLTypeUtil.simplePrint(type), value);
			}
			this.literalChars += literal.length();
			return literal;
		}

		String variable(String type, Object value) {
			String name = "v" + this.variableDefinitions.size();
			this.variableDefinitions.add("$" + name + ": " + type);
			this.variables.put(name, Literals.json(value));
			return "$" + name;
		}

	}

}
