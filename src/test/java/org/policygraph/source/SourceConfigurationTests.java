package org.policygraph.source;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version the User-Agent names: the build's, never an unfiltered placeholder.
 */
class SourceConfigurationTests {

	@Test
	void shouldNameTheBuildsVersion() {
		Properties entries = new Properties();
		entries.setProperty("version", "0.1.0-SNAPSHOT");
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				Map.of("buildProperties", new BuildProperties(entries)));

		assertThat(SourceConfiguration.version(beans.getBeanProvider(BuildProperties.class)))
			.isEqualTo("0.1.0-SNAPSHOT");
	}

	@Test
	void shouldSayDevWithoutBuildInformation() {
		assertThat(SourceConfiguration.version(new StaticListableBeanFactory().getBeanProvider(BuildProperties.class)))
			.isEqualTo("dev");
	}

}
