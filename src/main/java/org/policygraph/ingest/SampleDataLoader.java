package org.policygraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.policygraph.neo4j.GraphInitializationStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * On a start with an empty graph (no article yet), ingests the bundled sample listing
 * through the real pipeline so a newcomer sees a real graph. Off with
 * {@code policygraph.sample.enabled=false}.
 */
@Component
class SampleDataLoader implements GraphInitializationStep {

	private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

	private final SampleDataProperties properties;

	private final IngestService ingestService;

	private final ResourceLoader resourceLoader;

	SampleDataLoader(SampleDataProperties properties, IngestService ingestService, ResourceLoader resourceLoader) {
		this.properties = properties;
		this.ingestService = ingestService;
		this.resourceLoader = resourceLoader;
	}

	@Override
	public int getOrder() {
		return 100;
	}

	@Override
	public void run(Driver driver, String database) {
		if (!this.properties.enabled()) {
			return;
		}
		SessionConfig config = database.isBlank() ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
		try (var session = driver.session(config)) {
			boolean empty = session.executeRead(
					tx -> tx.run("MATCH (a:Article) RETURN count(a) = 0 AS empty").single().get("empty").asBoolean());
			if (!empty) {
				return;
			}
		}
		Resource resource = this.resourceLoader.getResource(this.properties.location());
		try (InputStream in = resource.getInputStream()) {
			IngestReport report = this.ingestService.ingest(String.valueOf(resource.getFilename()), in,
					IngestOptions.defaults(), IngestListener.NONE);
			log.info("Sample data: {} articles ingested from {} ({} nodes, {} relationships created)",
					report.newArticles(), this.properties.location(), report.nodesCreated(),
					report.relationshipsCreated());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sample data " + this.properties.location(), ex);
		}
	}

}
