package org.policygraph.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.policygraph.neo4j.ReadScopeTransactionManager;

import org.policygraph.ingest.IngestGeneration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.util.function.SingletonSupplier;

/**
 * How queries execute: in one read transaction each ({@link QueryTransactions}; off with
 * {@code policygraph.graphql.query-transaction=false}, when every statement runs in a transaction
 * of its own), from documents parsed and validated once ({@link ParsedDocumentCache}, as many as
 * {@code policygraph.graphql.parsed-documents}; {@code 0} turns it off), and, for dashboard
 * queries, from kept responses ({@link ResponseCache}, {@code policygraph.graphql.response-cache.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseCacheProperties.class)
class GraphQlExecutionConfiguration {

	// Right after the bookmarks' interceptor: a kept response neither waits in admission's line nor executes.
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	ResponseCache responseCache(ResponseCacheProperties properties, ObjectProvider<GraphQlSource> graphQlSource,
			ObjectProvider<MeterRegistry> meterRegistry, IngestGeneration generation) {
		ResponseCache cache = new ResponseCache(properties,
				SingletonSupplier.of(() -> ResponseCache.cacheableFields(graphQlSource.getObject().schema())), generation);
		meterRegistry.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, cache.responses(), "graphql.responses"));
		return cache;
	}

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
