package org.policygraph.reference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gazetteers as beans: loaded once from the classpath, immutable and shared.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

	@Bean
	ProvinceGazetteer provinceGazetteer() {
		return ProvinceGazetteer.load();
	}

	@Bean
	PartyBodyCatalog partyBodyCatalog() {
		return PartyBodyCatalog.load();
	}

}
