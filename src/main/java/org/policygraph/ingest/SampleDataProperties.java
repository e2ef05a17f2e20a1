package org.policygraph.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample articles loaded on first start.
 *
 * @param enabled whether to load them when the graph has no article
 * @param location the sample file
 */
@ConfigurationProperties("policygraph.sample")
public record SampleDataProperties(boolean enabled, String location) {

	public SampleDataProperties {
		location = (location != null) ? location : "classpath:sample/listing.txt";
	}

}
