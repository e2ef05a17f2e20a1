package org.policygraph.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Maximum query depth and complexity (graphql-java instrumentation, checked before execution),
 * and admission control with a per-request timeout ({@link RequestAdmission}), each from
 * {@link QueryLimitsProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryLimitsProperties.class)
class QueryLimitsConfiguration {

	// The limits are checked before QueryTransactions begins a transaction (it is ordered last).
	@Bean
	@Order(0)
	Instrumentation maxQueryDepthInstrumentation(QueryLimitsProperties limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth());
	}

	@Bean
	@Order(0)
	Instrumentation maxQueryComplexityInstrumentation(QueryLimitsProperties limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
	}

	@Bean
	RequestAdmission requestAdmission(QueryLimitsProperties limits) {
		return new RequestAdmission(limits);
	}

}
