package org.policygraph.source;

import java.time.Clock;

import graphql.scalars.ExtendedScalars;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.Readers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The live sources' parts as beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SourceProperties.class)
class SourceConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SourceConfiguration.class);

	@Bean
	SourceThreads sourceThreads(SourceProperties properties) {
		return new SourceThreads(properties.sourceConcurrency(),
				Math.max(2, properties.hostConcurrency() * properties.sourceConcurrency()));
	}

	@Bean
	PoliteFetcher politeFetcher(SourceProperties properties, ObjectProvider<BuildProperties> build, Clock clock) {
		PoliteFetcher fetcher = new PoliteFetcher(properties, version(build), clock);
		if (properties.contactUrl() == null && properties.pollingEnabled() && !(properties.feeds().isEmpty()
				&& properties.sitemaps().isEmpty() && properties.listings().isEmpty())) {
			log.warn("Sources are polled without policygraph.sources.contact-url: site operators cannot tell who "
					+ "fetches their pages (User-Agent: {})", fetcher.userAgent());
		}
		return fetcher;
	}

	/**
	 * The version for the User-Agent: the build's
	 * ({@code META-INF/build-info.properties}), else the jar manifest's, else {@code dev}
	 * (classes compiled by an IDE).
	 */
	static String version(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		if (properties != null && properties.getVersion() != null) {
			return properties.getVersion();
		}
		String manifest = SourceConfiguration.class.getPackage().getImplementationVersion();
		return (manifest != null && !manifest.isBlank()) ? manifest : "dev";
	}

	@Bean
	SourcePoller sourcePoller(PoliteFetcher fetcher, Readers readers, IngestService ingest, SourceStore store,
			SourceProperties properties, SourceThreads threads, Clock clock) {
		return new SourcePoller(fetcher, new SourceDocuments(readers), readers, ingest, store, properties,
				threads.pages(), clock);
	}

	@Bean
	SourceService sourceService(SourceStore store, SourcePoller poller, SourceProperties properties,
			IngestService ingest, SourceThreads threads, Clock clock) {
		return new SourceService(store, poller, properties, ingest, threads.polls(), clock);
	}

	@Bean
	SourceScheduler sourceScheduler(SourceService service, SourceProperties properties) {
		return new SourceScheduler(service, properties);
	}

	/** The {@code DateTime} scalar of the sources' times (ISO-8601 with an offset). */
	@Bean
	RuntimeWiringConfigurer sourceScalars() {
		return wiring -> wiring.scalar(ExtendedScalars.DateTime);
	}

}
