package org.policygraph.cache;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.ValidationError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedDocumentCacheTests {

	private final AtomicInteger parsed = new AtomicInteger();

	private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
		this.parsed.incrementAndGet();
		return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
	};

	private final Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
		this.parsed.incrementAndGet();
		return new PreparsedDocumentEntry(ValidationError.newValidationError().description("no such field").build());
	};

	private static ExecutionInput input(String query) {
		return ExecutionInput.newExecutionInput(query).build();
	}

	@Test
	void shouldParseADocumentOnceAndServeTheSameAfterwards() {
		ParsedDocumentCache cache = new ParsedDocumentCache(10);

		PreparsedDocumentEntry first = cache.getDocumentAsync(input("{ a }"), this.parse).join();
		PreparsedDocumentEntry second = cache.getDocumentAsync(input("{ a }"), this.parse).join();

		assertThat(second.getDocument()).isSameAs(first.getDocument());
		assertThat(this.parsed).hasValue(1);
	}

	@Test
	void shouldNotKeepADocumentThatFailedValidation() {
		ParsedDocumentCache cache = new ParsedDocumentCache(10);

		cache.getDocumentAsync(input("{ nope }"), this.invalid).join();
		PreparsedDocumentEntry again = cache.getDocumentAsync(input("{ nope }"), this.invalid).join();

		assertThat(again.hasErrors()).isTrue();
		assertThat(this.parsed).hasValue(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void shouldNotKeepAVeryLongDocument() {
		ParsedDocumentCache cache = new ParsedDocumentCache(10);
		String padded = "{ a }\n#" + "x".repeat(ParsedDocumentCache.MAX_TEXT);

		cache.getDocumentAsync(input(padded), this.parse).join();

		assertThat(cache.size()).isZero();
	}

	@Test
	void shouldBoundTheTextsKeptTogether() {
		ParsedDocumentCache cache = new ParsedDocumentCache(2);

		for (int i = 0; i < 20; i++) {
			cache.getDocumentAsync(input("{ a" + i + " }\n#" + "x".repeat(2000)), this.parse).join();
		}

		assertThat(cache.size()).isBetween(1L, 2L);
	}

	@Test
	void shouldStillApplyTheDepthLimitToADocumentServedFromTheCache() {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse("type Query { node: Node } type Node { child: Node name: String }"),
				RuntimeWiring.newRuntimeWiring().build());
		ParsedDocumentCache cache = new ParsedDocumentCache(10);
		GraphQL graphQl = GraphQL.newGraphQL(schema)
			.instrumentation(new MaxQueryDepthInstrumentation(2))
			.preparsedDocumentProvider(cache)
			.build();
		String deep = "{ node { child { child { name } } } }";

		ExecutionResult first = graphQl.execute(deep);
		ExecutionResult second = graphQl.execute(deep);

		assertThat(cache.size()).as("valid, so kept").isEqualTo(1);
		assertThat(first.getErrors()).extracting(GraphQLError::getMessage)
			.singleElement()
			.asString()
			.contains("maximum query depth exceeded");
		assertThat(second.getErrors()).extracting(GraphQLError::getMessage)
			.isEqualTo(first.getErrors().stream().map(GraphQLError::getMessage).toList());
	}

}
