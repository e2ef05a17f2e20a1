package org.policygraph.article;

import org.policygraph.graph.Article;
import org.policygraph.graph.GraphLookups;
import org.policygraph.ingest.ArticlesIngestedEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.event.EventListener;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code articleIngested}: every article written by an ingest, to every subscriber, as
 * its batch commits. Slow subscribers miss items rather than slowing ingestion down.
 */
@Controller
class ArticleSubscriptionController {

	private final Sinks.Many<Article> sink = Sinks.many().multicast().directBestEffort();

	private final GraphLookups lookups;

	ArticleSubscriptionController(GraphLookups lookups) {
		this.lookups = lookups;
	}

	@SubscriptionMapping
	Flux<Article> articleIngested() {
		return this.sink.asFlux();
	}

	@EventListener
	void onArticlesIngested(ArticlesIngestedEvent event) {
		if (this.sink.currentSubscriberCount() == 0) {
			return;
		}
		this.lookups.articles(event.articleIds()).values().forEach(this.sink::tryEmitNext);
	}

}
