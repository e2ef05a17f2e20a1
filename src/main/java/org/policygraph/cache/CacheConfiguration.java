package org.policygraph.cache;

import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.util.function.SingletonSupplier;

/**
 * The GraphQL caches: documents parsed and validated once ({@link ParsedDocumentCache},
 * as many as {@code policygraph.graphql.parsed-documents}; {@code 0} turns it off) and,
 * for dashboard queries, kept responses ({@link ResponseCache},
 * {@code policygraph.graphql.response-cache.*}). The dashboard aggregates are kept there
 * alone: {@code policygraph.analytics.cache.*}, which configured a second copy of them,
 * is no longer read, and a warning says so when it is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseCacheProperties.class)
class CacheConfiguration {

	/** Properties of the aggregates' former cache, no longer read. */
	static final List<String> RETIRED = List.of("policygraph.analytics.cache.ttl",
			"policygraph.analytics.cache.max-entries");

	private static final Logger log = LoggerFactory.getLogger(CacheConfiguration.class);

	CacheConfiguration(Environment environment) {
		for (String name : RETIRED) {
			if (environment.containsProperty(name)) {
				log.warn("{} is no longer read: the dashboard aggregates are kept with the dashboard responses "
						+ "(policygraph.graphql.response-cache.ttl and max-values)", name);
			}
		}
	}

	// Right after the bookmarks' interceptor: a kept response neither waits in
	// admission's line nor executes.
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	ResponseCache responseCache(ResponseCacheProperties properties, ObjectProvider<GraphQlSource> graphQlSource,
			ObjectProvider<MeterRegistry> meterRegistry, GraphGeneration generation) {
		ResponseCache cache = new ResponseCache(properties,
				SingletonSupplier.of(() -> ResponseCache.cacheableFields(graphQlSource.getObject().schema())),
				generation);
		meterRegistry.ifAvailable(registry -> {
			CaffeineCacheMetrics.monitor(registry, cache.responses(), "graphql.responses");
			FunctionCounter.builder("graphql.responses.stale", cache, ResponseCache::staleServed)
				.description("Requests answered with a response kept from before a write (serve-stale)")
				.register(registry);
			FunctionCounter.builder("graphql.responses.refreshes", cache, ResponseCache::refreshes)
				.description("Refreshes of kept responses outdated by a write (serve-stale)")
				.register(registry);
			FunctionCounter.builder("graphql.responses.refreshes.failed", cache, ResponseCache::failedRefreshes)
				.description("Refreshes that ended without a response to keep")
				.register(registry);
		});
		return cache;
	}

	// After the kept responses: identical queries in flight execute once, before
	// admission's line.
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	SingleFlight singleFlight(@Value("${policygraph.graphql.single-flight.enabled:true}") boolean enabled,
			ResponseCacheProperties properties, GraphGeneration generation) {
		return new SingleFlight(enabled, properties.documents(), generation);
	}

	// Tells the caches which reads are fresh (a request that sent bookmarks), and marks
	// mutations.
	@Bean
	FreshReads freshReads() {
		return new FreshReads();
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
