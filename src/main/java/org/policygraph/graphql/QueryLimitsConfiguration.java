package org.policygraph.graphql;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Maximum query depth and complexity (graphql-java instrumentation, checked before execution)
 * and a per-request timeout, each from {@link QueryLimitsProperties}. The timeout holds for
 * blocking data fetchers too: the request runs on a worker thread, and a request still running
 * when it expires is cancelled (graphql-java fetches no further fields). Database work has its own
 * transaction timeout ({@code spring.transaction.default-timeout}), so a timed-out request does
 * not leave a query running.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryLimitsProperties.class)
class QueryLimitsConfiguration {

	@Bean
	Instrumentation maxQueryDepthInstrumentation(QueryLimitsProperties limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth());
	}

	@Bean
	Instrumentation maxQueryComplexityInstrumentation(QueryLimitsProperties limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
	}

	@Bean
	WebGraphQlInterceptor requestTimeoutInterceptor(QueryLimitsProperties limits) {
		// Data fetchers block on the database, so graphql-java runs the whole request inside the
		// subscription: subscribing on another thread lets the timeout fire while it runs (and cancel
		// the execution), instead of only after it returns.
		return (request, chain) -> chain.next(request)
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(limits.timeout())
			.onErrorResume(TimeoutException.class, ex -> {
				ExecutionResult result = ExecutionResult.newExecutionResult()
					.addError(GraphqlErrorBuilder.newError()
						.errorType(ErrorType.INTERNAL_ERROR)
						.message("The request took longer than " + limits.timeout().toSeconds()
								+ " s and was stopped; narrow the query or ask for smaller pages.")
						.extensions(Map.of("reason", "TIMEOUT"))
						.build())
					.build();
				return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
			});
	}

}
