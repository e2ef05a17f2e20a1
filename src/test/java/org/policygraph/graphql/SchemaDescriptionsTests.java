package org.policygraph.graphql;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumTypeExtensionDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type, field, argument, input field and enum value of the schema files has a
 * description, so that GraphiQL's Docs explain each of them.
 */
class SchemaDescriptionsTests {

	@Test
	@SuppressWarnings("rawtypes")
	void shouldDescribeEveryTypeFieldArgumentAndEnumValue() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls");
		assertThat(files).hasSizeGreaterThan(5);
		for (Resource file : files) {
			try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
				registry.merge(new SchemaParser().parse(reader));
			}
		}
		List<String> undescribed = new ArrayList<>();
		List<TypeDefinition> types = new ArrayList<>(registry.types().values());
		registry.objectTypeExtensions().values().forEach(types::addAll);
		registry.inputObjectTypeExtensions().values().forEach(types::addAll);
		registry.enumTypeExtensions().values().forEach(types::addAll);
		registry.interfaceTypeExtensions().values().forEach(types::addAll);
		registry.scalars().values().stream().filter(s -> s.getSourceLocation() != null).forEach(types::add);
		for (TypeDefinition type : types) {
			boolean extension = type instanceof ObjectTypeExtensionDefinition
					|| type instanceof EnumTypeExtensionDefinition
					|| type.getClass().getSimpleName().endsWith("ExtensionDefinition");
			if (!extension && blank(descriptionOf(type))) {
				undescribed.add(type.getName());
			}
			if (type instanceof ObjectTypeDefinition object) {
				object.getFieldDefinitions().forEach(f -> checkField(type.getName(), f, undescribed));
			}
			else if (type instanceof InterfaceTypeDefinition iface) {
				iface.getFieldDefinitions().forEach(f -> checkField(type.getName(), f, undescribed));
			}
			else if (type instanceof InputObjectTypeDefinition input) {
				input.getInputValueDefinitions()
					.stream()
					.filter(v -> blank(v.getDescription()))
					.forEach(v -> undescribed.add(type.getName() + "." + v.getName()));
			}
			else if (type instanceof EnumTypeDefinition enumType) {
				enumType.getEnumValueDefinitions()
					.stream()
					.filter(v -> blank(v.getDescription()))
					.forEach(v -> undescribed.add(type.getName() + "." + v.getName()));
			}
		}
		assertThat(undescribed).as("types, fields, arguments and enum values without a description").isEmpty();
	}

	private static void checkField(String type, FieldDefinition field, List<String> undescribed) {
		if (blank(field.getDescription())) {
			undescribed.add(type + "." + field.getName());
		}
		for (InputValueDefinition argument : field.getInputValueDefinitions()) {
			if (blank(argument.getDescription())) {
				undescribed.add(type + "." + field.getName() + "(" + argument.getName() + ")");
			}
		}
	}

	@SuppressWarnings("rawtypes")
	private static Description descriptionOf(TypeDefinition type) {
		if (type instanceof graphql.language.AbstractDescribedNode<?> described) {
			return described.getDescription();
		}
		return null;
	}

	private static boolean blank(Description description) {
		return description == null || description.getContent() == null || description.getContent().isBlank();
	}

}
