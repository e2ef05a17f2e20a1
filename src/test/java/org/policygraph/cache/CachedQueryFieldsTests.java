package org.policygraph.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query field is decided on: marked {@code @cached} in the schema (its answer
 * depends on its arguments and the graph alone), or listed in
 * {@link ResponseCache#UNCACHED} with the reason it may not be kept. A new query field
 * that is neither fails here, so that nobody adds one without deciding.
 */
class CachedQueryFieldsTests {

	private static TypeDefinitionRegistry registry;

	@BeforeAll
	static void parseSchema() throws IOException {
		registry = new TypeDefinitionRegistry();
		SchemaParser parser = new SchemaParser();
		try (Stream<Path> files = Files.list(Path.of("graphql-schema"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(parser.parse(Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
	}

	@Test
	void shouldMarkEveryQueryFieldCachedOrListItAsUncachedWithAReason() {
		Set<String> undecided = new TreeSet<>();
		for (FieldDefinition field : queryFields()) {
			if (!field.hasDirective(ResponseCache.DIRECTIVE) && !ResponseCache.UNCACHED.containsKey(field.getName())) {
				undecided.add(field.getName());
			}
		}

		assertThat(undecided)
			.as("query fields neither marked @cached nor listed in ResponseCache.UNCACHED with a reason")
			.isEmpty();
	}

	@Test
	void shouldListOnlyExistingUnmarkedFieldsAsUncachedEachWithItsReason() {
		Set<String> names = queryFields().stream().map(FieldDefinition::getName).collect(Collectors.toSet());
		Set<String> marked = queryFields().stream()
			.filter(field -> field.hasDirective(ResponseCache.DIRECTIVE))
			.map(FieldDefinition::getName)
			.collect(Collectors.toSet());

		assertThat(names).as("every uncached field exists").containsAll(ResponseCache.UNCACHED.keySet());
		assertThat(marked).as("no field both marked and listed uncached")
			.doesNotContainAnyElementsOf(ResponseCache.UNCACHED.keySet());
		assertThat(ResponseCache.UNCACHED.values()).allSatisfy(reason -> assertThat(reason).hasSizeGreaterThan(20));
	}

	@Test
	void shouldKeepTheAnswersOfResearchersQuestionsAndNotTheServersState() {
		Set<String> marked = queryFields().stream()
			.filter(field -> field.hasDirective(ResponseCache.DIRECTIVE))
			.map(FieldDefinition::getName)
			.collect(Collectors.toSet());

		assertThat(marked).contains("articles", "article", "search", "neighbourhood", "shortestPath", "province",
				"partyBody", "documentsByCode", "implementationLag", "graphQuality", "about", "counts");
		assertThat(marked).doesNotContain("sources", "source", "extract");
	}

	private static java.util.List<FieldDefinition> queryFields() {
		return Stream
			.concat(registry.getType("Query", ObjectTypeDefinition.class).stream(),
					registry.objectTypeExtensions().getOrDefault("Query", java.util.List.of()).stream())
			.flatMap(type -> type.getFieldDefinitions().stream())
			.toList();
	}

}
