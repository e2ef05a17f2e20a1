package org.policygraph.graphql;

import org.policygraph.neo4j.ReadScopeTransactionManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * How queries execute: in one read transaction each ({@link QueryTransactions}; off with
 * {@code policygraph.graphql.query-transaction=false}, when every statement runs in a transaction
 * of its own), from documents parsed and validated once ({@link ParsedDocumentCache}, as many as
 * {@code policygraph.graphql.parsed-documents}; {@code 0} turns it off).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlExecutionConfiguration {

	// Last among the instrumentations: an operation the query limits abort never opens a scope.
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnBooleanProperty(name = "policygraph.graphql.query-transaction", matchIfMissing = true)
	QueryTransactions queryTransactions(ReadScopeTransactionManager transactionManager) {
		return new QueryTransactions(transactionManager);
	}

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache(@Value("${policygraph.graphql.parsed-documents:500}") int size) {
		return builder -> {
			if (size > 0) {
				ParsedDocumentCache cache = new ParsedDocumentCache(size);
				builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
			}
		};
	}

}
