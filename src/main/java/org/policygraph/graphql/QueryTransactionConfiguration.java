package org.policygraph.graphql;

import org.policygraph.neo4j.ReadScopeTransactionManager;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * One read transaction per GraphQL query ({@link QueryTransactions}); off with
 * {@code policygraph.graphql.query-transaction=false}, when every statement runs in a transaction
 * of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "policygraph.graphql.query-transaction", matchIfMissing = true)
class QueryTransactionConfiguration {

	// Last among the instrumentations: an operation the query limits abort never begins one.
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	QueryTransactions queryTransactions(ReadScopeTransactionManager transactionManager) {
		return new QueryTransactions(transactionManager);
	}

}
