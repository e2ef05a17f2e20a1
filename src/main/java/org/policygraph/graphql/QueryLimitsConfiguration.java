package org.policygraph.graphql;

import graphql.execution.instrumentation.Instrumentation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Maximum query depth and complexity, introspection apart ({@link QueryLimitsInstrumentation},
 * checked before execution),
 * and admission control with a per-request timeout ({@link RequestAdmission}), each from
 * {@link QueryLimitsProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryLimitsProperties.class)
class QueryLimitsConfiguration {

	// The limits are checked before QueryTransactions begins a transaction (it is ordered last).
	@Bean
	@Order(0)
	Instrumentation queryLimitsInstrumentation(QueryLimitsProperties limits) {
		return new QueryLimitsInstrumentation(limits);
	}

	@Bean
	RequestAdmission requestAdmission(QueryLimitsProperties limits) {
		return new RequestAdmission(limits);
	}

}
