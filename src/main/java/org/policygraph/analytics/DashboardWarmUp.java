package org.policygraph.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Asks the questions of the dashboard's first load once, in the background, as soon as
 * the application is ready: the most implemented central document, the provinces, that
 * document's coverage and months, and the picker's list (and one typed search). On a
 * graph of real size the first of them costs seconds in a cold process (query planning,
 * the database's page cache, the JIT); asked here, the first visitor finds them planned
 * and read (the answers themselves are kept by the response cache of the HTTP requests,
 * which this in-process execution does not go through). Failures are logged and ignored:
 * the warm-up only saves time. {@code policygraph.dashboard.warm-up=false} turns it off.
 * When the application closes, no further question is asked and the one being answered is
 * awaited (a little while) before the database connection closes under it. Only in the
 * server: the {@code ingest} command serves no dashboard.
 */
@Component
@ConditionalOnWebApplication
class DashboardWarmUp {

	private static final Logger log = LoggerFactory.getLogger(DashboardWarmUp.class);

	/**
	 * The dashboard's first requests (static/js/dashboard.js), the document chosen by the
	 * first.
	 */
	private static final String MOST_IMPLEMENTED = """
			query MostImplemented {
			  documentChoices(scope: CENTRAL, first: 1) { document { key } }
			}""";

	private static final String PROVINCES = "query DashboardProvinces { provinces { key name era } }";

	private static final String COVERAGE_AND_MONTHS = """
			query WarmCoverage($key: ID!) {
			  coverage(documentKey: $key, units: PRE_2025) {
			    document { key name subject year issuedOn }
			    units totalUnits implementedCount
			    implemented { province { key name } firstReported articleCount via { key name } }
			    missing { key name }
			  }
			  mentionsPerMonth(documentKey: $key) { month count }
			}""";

	private static final String CHOICES = """
			query WarmChoices {
			  central: documentChoices(scope: CENTRAL, first: 12) { ...choice }
			  local: documentChoices(scope: LOCAL, first: 12) { ...choice }
			}
			fragment choice on DocumentChoice {
			  document { key name year issuedOn }
			  implementers { pre2025 post2025 }
			  mentionCount
			}""";

	private static final String TYPED_CHOICES = """
			query WarmTypedChoices {
			  documentChoices(text: "nghi quyet", scope: CENTRAL, first: 12) { document { key } mentionCount }
			}""";

	private final ExecutionGraphQlService graphQl;

	/** How long closing the application waits for the question being answered. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private final boolean enabled;

	private volatile boolean stopping;

	private volatile @Nullable Thread thread;

	DashboardWarmUp(ExecutionGraphQlService graphQl, @Value("${policygraph.dashboard.warm-up:true}") boolean enabled) {
		this.graphQl = graphQl;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (!this.enabled) {
			return;
		}
		Thread thread = new Thread(this::run, "dashboard-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		this.thread = thread;
		thread.start();
	}

	/**
	 * The application is closing (published before its beans, the driver among them, are
	 * destroyed): no further question, and the one in flight is awaited.
	 */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		this.stopping = true;
		Thread running = this.thread;
		if (running != null && running != Thread.currentThread()) {
			try {
				running.join(STOP_WAIT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Asks the questions, one after the other; the first error stops it. */
	void run() {
		long start = System.nanoTime();
		try {
			Map<String, Object> top = ask(MOST_IMPLEMENTED, Map.of());
			ask(PROVINCES, Map.of());
			String key = firstKey(top);
			if (key != null) {
				ask(COVERAGE_AND_MONTHS, Map.of("key", key));
			}
			ask(CHOICES, Map.of());
			// The picker's type-ahead reads the full-text index: read it once too.
			ask(TYPED_CHOICES, Map.of());
			log.info("Dashboard warmed up in {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
		}
		catch (RuntimeException ex) {
			log.info("Dashboard warm-up stopped: {}", ex.getMessage());
		}
	}

	private Map<String, Object> ask(String document, Map<String, Object> variables) {
		if (this.stopping) {
			throw new IllegalStateException("the application is closing");
		}
		ExecutionGraphQlResponse response = this.graphQl
			.execute(new DefaultExecutionGraphQlRequest(document, null, variables, null, "warm-up-" + UUID.randomUUID(),
					Locale.ROOT))
			.block(Duration.ofMinutes(2));
		if (response == null || !response.isValid() || !response.getErrors().isEmpty()) {
			throw new IllegalStateException("a warm-up query was answered with errors: "
					+ ((response != null) ? response.getErrors() : "no response"));
		}
		Map<String, Object> data = response.getData();
		return (data != null) ? data : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static @Nullable String firstKey(Map<String, Object> data) {
		if (data.get("documentChoices") instanceof List<?> choices && !choices.isEmpty()
				&& choices.get(0) instanceof Map<?, ?> choice && choice.get("document") instanceof Map<?, ?> document
				&& document.get("key") instanceof String key) {
			return key;
		}
		return null;
	}

}
