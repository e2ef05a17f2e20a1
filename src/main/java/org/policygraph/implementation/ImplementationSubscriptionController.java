package org.policygraph.implementation;

import java.util.List;
import java.util.Map;

import org.policygraph.ingest.ImplementationsAddedEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.event.EventListener;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code implementationAdded}: each province newly found implementing a document, as the
 * batch that found it commits.
 */
@Controller
class ImplementationSubscriptionController {

	private final Sinks.Many<Implementation> sink = Sinks.many().multicast().directBestEffort();

	private final ImplementationQueries queries;

	ImplementationSubscriptionController(ImplementationQueries queries) {
		this.queries = queries;
	}

	@SubscriptionMapping
	Flux<Implementation> implementationAdded() {
		return this.sink.asFlux();
	}

	@EventListener
	void onImplementationsAdded(ImplementationsAddedEvent event) {
		if (this.sink.currentSubscriberCount() == 0) {
			return;
		}
		List<Map<String, String>> pairs = event.pairs()
			.stream()
			.map(p -> Map.of("provinceKey", p.get(0), "documentKey", p.get(1)))
			.toList();
		this.queries.byPairs(pairs).forEach(this.sink::tryEmitNext);
	}

}
