package org.policygraph.graphql;

import java.util.function.Function;
import java.util.regex.Pattern;

import graphql.language.Description;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Descriptions as flowing paragraphs: the schema files wrap their descriptions at about
 * 120 characters, and GraphiQL's Docs render every line break of a description as a break
 * ({@code markdown-it} with {@code breaks: true}), so a paragraph showed ragged lines at
 * any width. The lines of a paragraph are joined with a space when the schema is built;
 * what Markdown reads line by line stays as written: blank lines between paragraphs, list
 * items, headings, quotes, table rows, fenced code and a line ending in a hard break (two
 * spaces or a backslash).
 * <p>
 * Applied as a transforming type visitor, so introspection, the Docs and the printed
 * schema ({@code /graphql/schema}) all give the joined text.
 */
final class DescriptionParagraphs extends GraphQLTypeVisitorStub {

	private static final Pattern BLOCK_START = Pattern.compile("^\\s*(?:[-*+]\\s|\\d+[.)]\\s|#|>|\\||```|~~~)");

	private static final Pattern FENCE = Pattern.compile("^\\s*(?:```|~~~)");

	/**
	 * The description with the lines of each paragraph joined.
	 * @param description a description, possibly {@code null}
	 * @return the joined description, {@code null} for {@code null}
	 */
	static String join(String description) {
		if (description == null || description.indexOf('\n') < 0) {
			return description;
		}
		String[] lines = description.split("\n", -1);
		StringBuilder joined = new StringBuilder(description.length());
		boolean inFence = false;
		String previous = null;
		for (String line : lines) {
			boolean fence = FENCE.matcher(line).find();
			if (previous != null) {
				if (!inFence && !fence && joinable(previous, line)) {
					trimTrailing(joined);
					joined.append(' ').append(line.strip());
				}
				else {
					joined.append('\n').append(line);
				}
			}
			else {
				joined.append(line);
			}
			if (fence) {
				inFence = !inFence;
			}
			previous = line;
		}
		return joined.toString();
	}

	private static boolean joinable(String previous, String line) {
		if (previous.isBlank() || line.isBlank()) {
			return false;
		}
		if (previous.endsWith("  ") || previous.endsWith("\\")) {
			return false;
		}
		String head = previous.stripLeading();
		if (head.startsWith("#") || head.startsWith("|") || FENCE.matcher(previous).find()) {
			return false;
		}
		return !BLOCK_START.matcher(line).find();
	}

	private static void trimTrailing(StringBuilder text) {
		int end = text.length();
		while (end > 0 && Character.isWhitespace(text.charAt(end - 1)) && text.charAt(end - 1) != '\n') {
			end--;
		}
		text.setLength(end);
	}

	/**
	 * The schema's own description ({@code schema { … }}) joined in the type definitions:
	 * the schema is not one of the elements a type visitor visits.
	 * @param registry the type definitions read from the schema files
	 */
	static void joinSchemaDescription(TypeDefinitionRegistry registry) {
		registry.schemaDefinition().ifPresent((schema) -> {
			Description description = schema.getDescription();
			String joined = (description != null) ? join(description.getContent()) : null;
			if (joined != null && !joined.equals(description.getContent())) {
				registry.remove(schema);
				registry.add(schema.transform((b) -> b
					.description(new Description(joined, description.getSourceLocation(), description.isMultiLine()))));
			}
		});
	}

	private TraversalControl joined(String description, TraverserContext<GraphQLSchemaElement> context,
			Function<String, GraphQLSchemaElement> withDescription) {
		String joined = join(description);
		return (joined == null || joined.equals(description)) ? TraversalControl.CONTINUE
				: changeNode(context, withDescription.apply(joined));
	}

	@Override
	public TraversalControl visitGraphQLObjectType(GraphQLObjectType node,
			TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLInterfaceType(GraphQLInterfaceType node,
			TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLUnionType(GraphQLUnionType node,
			TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLEnumType(GraphQLEnumType node, TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLEnumValueDefinition(GraphQLEnumValueDefinition node,
			TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLInputObjectType(GraphQLInputObjectType node,
			TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLInputObjectField(GraphQLInputObjectField node,
			TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition node,
			TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLArgument(GraphQLArgument node, TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLDirective(GraphQLDirective node,
			TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

	@Override
	public TraversalControl visitGraphQLScalarType(GraphQLScalarType node,
			TraverserContext<GraphQLSchemaElement> context) {
		return joined(node.getDescription(), context, (text) -> node.transform((b) -> b.description(text)));
	}

}
