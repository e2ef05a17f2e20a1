package org.policygraph.article;

import org.policygraph.ingest.ArticlesIngestedEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.event.EventListener;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code articleIngested}: every article written by an ingest, to every subscriber, as its batch
 * commits. Slow subscribers miss items rather than slowing ingestion down.
 */
@Controller
class ArticleSubscriptionController {

	private final Sinks.Many<Article> sink = Sinks.many().multicast().directBestEffort();

	private final ArticleQueries queries;

	ArticleSubscriptionController(ArticleQueries queries) {
		this.queries = queries;
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
		this.queries.byIds(event.articleIds()).values().forEach(this.sink::tryEmitNext);
	}

}
