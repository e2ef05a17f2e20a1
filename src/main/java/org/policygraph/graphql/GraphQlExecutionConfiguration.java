package org.policygraph.graphql;

import org.policygraph.neo4j.ReadScopeTransactionManager;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * How queries execute: in one read transaction each ({@link QueryTransactions}; off with
 * {@code policygraph.graphql.query-transaction=false}, when every statement runs in a
 * transaction of its own). The parsed documents' and the dashboard responses' caches are
 * the cache package's ({@code org.policygraph.cache}).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlExecutionConfiguration {

	// Last among the instrumentations: an operation the query limits abort never opens a
	// scope.
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnBooleanProperty(name = "policygraph.graphql.query-transaction", matchIfMissing = true)
	QueryTransactions queryTransactions(ReadScopeTransactionManager transactionManager) {
		return new QueryTransactions(transactionManager);
	}

}
