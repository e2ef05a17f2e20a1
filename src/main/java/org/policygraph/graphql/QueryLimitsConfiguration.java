package org.policygraph.graphql;

import graphql.execution.instrumentation.Instrumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.util.function.SingletonSupplier;

/**
 * Maximum query depth and complexity, introspection apart
 * ({@link QueryLimitsInstrumentation}, checked before execution), and admission control
 * with a per-request timeout ({@link RequestAdmission}), each from
 * {@link QueryLimitsProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ QueryLimitsProperties.class, AdmissionLanesProperties.class })
class QueryLimitsConfiguration {

	// The limits are checked before QueryTransactions begins a transaction (it is ordered
	// last).
	@Bean
	@Order(0)
	Instrumentation queryLimitsInstrumentation(QueryLimitsProperties limits) {
		return new QueryLimitsInstrumentation(limits);
	}

	@Bean
	RequestAdmission requestAdmission(QueryLimitsProperties limits, AdmissionLanesProperties lanes,
			ObjectProvider<GraphQlSource> graphQlSource) {
		return new RequestAdmission(limits, lanes,
				RequestCost.of(SingletonSupplier.of(() -> graphQlSource.getObject().schema()), limits.weights()));
	}

}
