package org.policygraph.ingest;

import java.time.Clock;

import org.policygraph.extraction.Extractor;
import org.policygraph.ingest.read.Readers;
import org.policygraph.reference.PartyBodyCatalog;
import org.policygraph.reference.ProvinceGazetteer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline's parts as beans: the readers (with the clock that decides what "future"
 * means) and the extractor built on the shared gazetteers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SampleDataProperties.class, IngestProperties.class })
class IngestConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	Readers readers(Clock clock) {
		return Readers.defaults(clock);
	}

	@Bean
	Extractor extractor(ProvinceGazetteer gazetteer, PartyBodyCatalog catalog) {
		return new Extractor(gazetteer, catalog);
	}

}
