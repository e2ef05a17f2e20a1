package org.policygraph.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.Connection;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.PageRequest;
import org.policygraph.ingest.ArticleOutcome;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.UrlIngest;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.source.SourcePoller.Harvest;
import org.policygraph.source.SourcePoller.PollResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources: the configured ones made the graph's on first use, those added and removed
 * through the API, polls started by the scheduler or on request (one at a time per
 * source), and the command line's one-off fetch of URLs.
 */
class SourceService implements UrlIngest {

	private static final Logger log = LoggerFactory.getLogger(SourceService.class);

	/** The longest source URL accepted. */
	static final int MAX_URL_LENGTH = 2_048;

	private final SourceStore store;

	private final SourcePoller poller;

	private final SourceProperties properties;

	private final IngestService ingest;

	private final ExecutorService polls;

	private final Clock clock;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private volatile boolean configured;

	SourceService(SourceStore store, SourcePoller poller, SourceProperties properties, IngestService ingest,
			ExecutorService polls, Clock clock) {
		this.store = store;
		this.poller = poller;
		this.properties = properties;
		this.ingest = ingest;
		this.polls = polls;
		this.clock = clock;
	}

	/**
	 * Makes the configured sources the graph's (once; again after a failure, e.g. the
	 * database was not reachable yet).
	 */
	void ensureConfigured() {
		if (this.configured) {
			return;
		}
		synchronized (this) {
			if (!this.configured) {
				Map<String, SourceKind> sources = new LinkedHashMap<>();
				this.properties.feeds().forEach(url -> sources.put(url.strip(), SourceKind.FEED));
				this.properties.sitemaps().forEach(url -> sources.put(url.strip(), SourceKind.SITEMAP));
				this.properties.listings().forEach(url -> sources.put(url.strip(), SourceKind.LISTING));
				sources.keySet().forEach(url -> {
					String problem = checkUrl(url);
					if (problem != null) {
						throw new IllegalStateException("policygraph.sources: " + problem);
					}
				});
				this.store.configure(sources, now());
				this.configured = true;
			}
		}
	}

	/**
	 * @return why the URL cannot be a source, or {@code null} when it can
	 */
	static @Nullable String checkUrl(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return "a URL is required";
		}
		if (url.length() > MAX_URL_LENGTH) {
			return "the URL is longer than " + MAX_URL_LENGTH + " characters";
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
				return "'" + url + "' is not an absolute http(s) URL";
			}
		}
		catch (URISyntaxException ex) {
			return "'" + url + "' is not a URL: " + ex.getReason();
		}
		return null;
	}

	/**
	 * @return the new source, or why it could not be added
	 */
	Result add(String url, SourceKind kind) {
		String problem = checkUrl(url);
		if (problem != null) {
			return Result.refused(problem);
		}
		ensureConfigured();
		Optional<Source> added = this.store.add(url.strip(), kind, now());
		return added.map(Result::of).orElseGet(() -> Result.refused("'" + url + "' is already a source"));
	}

	/**
	 * @return the removed source, or why it could not be removed
	 */
	Result remove(String url) {
		ensureConfigured();
		Optional<Source> source = this.store.byUrl(url);
		if (source.isEmpty()) {
			return Result.refused("'" + url + "' is not a source");
		}
		if (source.get().configured()) {
			return Result.refused("'" + url + "' is configured in policygraph.sources.*: remove it there");
		}
		return this.store.remove(url) ? Result.of(source.get()) : Result.refused("'" + url + "' is not a source");
	}

	/**
	 * Starts a poll of a source now, in the background.
	 * @return the source and whether a poll was started (false: one is already running)
	 */
	PollRequest pollLater(String url) {
		ensureConfigured();
		Optional<Source> source = this.store.byUrl(url);
		if (source.isEmpty()) {
			return new PollRequest(null, false, "'" + url + "' is not a source");
		}
		if (!submit(source.get(), false)) {
			return new PollRequest(source.get(), false, "a poll of '" + url + "' is already running");
		}
		return new PollRequest(source.get(), true, null);
	}

	/**
	 * Polls a source now and waits for the outcome.
	 * @return what the poll did, or empty when the URL is not a source or is being polled
	 * already
	 * @throws InterruptedException when interrupted
	 */
	Optional<PollResult> pollNow(String url) throws InterruptedException {
		ensureConfigured();
		Optional<Source> source = this.store.byUrl(url);
		if (source.isEmpty() || !this.running.add(url)) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.poller.poll(source.get()));
		}
		finally {
			this.running.remove(url);
		}
	}

	/**
	 * Starts polls of the sources that are due (the scheduler's tick).
	 * @return how many were started
	 */
	int pollDue() {
		ensureConfigured();
		int started = 0;
		for (Source source : this.store.due(now(), 100)) {
			if (submitDue(source)) {
				started++;
			}
		}
		return started;
	}

	/**
	 * Starts a poll of a source read as due, unless it is being polled or is no longer
	 * due when the poll begins: a poll that ended between the read and now has moved its
	 * next poll on, and the source is not fetched again.
	 * @param source the source as read by the look-up for due sources
	 * @return whether a poll was started
	 */
	boolean submitDue(Source source) {
		return submit(source, true);
	}

	/**
	 * @return whether a poll of the source is running
	 */
	boolean isPolling(String url) {
		return this.running.contains(url);
	}

	private boolean submit(Source source, boolean onlyIfStillDue) {
		if (!this.running.add(source.url())) {
			return false;
		}
		try {
			if (onlyIfStillDue && !stillDue(source.url())) {
				this.running.remove(source.url());
				return false;
			}
		}
		catch (RuntimeException ex) {
			this.running.remove(source.url());
			throw ex;
		}
		try {
			this.polls.execute(() -> {
				try {
					this.poller.poll(source);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (RuntimeException ex) {
					log.error("Polling {} failed unexpectedly", source.url(), ex);
				}
				finally {
					this.running.remove(source.url());
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.running.remove(source.url());
			return false;
		}
	}

	/**
	 * Reads the source again once its poll is claimed: the look-up for due sources may
	 * have read it before a poll that has ended since recorded its next poll.
	 */
	private boolean stillDue(String url) {
		return this.store.byUrl(url).map(s -> s.nextPollAt() == null || !s.nextPollAt().isAfter(now())).orElse(false);
	}

	Optional<Source> source(String url) {
		return this.store.byUrl(url);
	}

	/**
	 * @return a page of sources in URL order
	 */
	Connection<Source> page(PageRequest page) {
		List<Source> rows = this.store.page(page.afterPart(0), page.first() + 1);
		return Connection.of(rows, page, s -> Cursor.of(s.url()), this.store.count());
	}

	@Override
	public IngestReport ingest(List<String> urls, IngestOptions options, IngestListener listener) {
		List<Harvest> harvests = new ArrayList<>();
		List<ReadResult> records = new ArrayList<>();
		for (String url : urls) {
			Harvest harvest;
			try {
				String problem = checkUrl(url);
				harvest = (problem != null) ? Harvest.rejected(this.poller, url, problem, 0)
						: this.poller.harvestUrl(url);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while fetching " + url, ex);
			}
			harvests.add(harvest);
			records.addAll(harvest.records());
		}
		Map<String, Harvest> byLocation = new ConcurrentHashMap<>();
		harvests.forEach(h -> h.locations().forEach(location -> byLocation.put(location, h)));
		IngestReport report = this.ingest.ingestRecords(records, options, new IngestListener() {

			@Override
			public void onOutcome(ArticleOutcome outcome) {
				Harvest harvest = byLocation.get(outcome.location());
				if (harvest != null) {
					harvest.note(outcome);
				}
				listener.onOutcome(outcome);
			}

			@Override
			public void onBatch(long recordsSoFar) {
				listener.onBatch(recordsSoFar);
			}

		});
		if (!options.dryRun()) {
			harvests.forEach(this.poller::recordItems);
		}
		return report;
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	/**
	 * A source, or why an operation on it was refused.
	 *
	 * @param source the source
	 * @param error why it was refused
	 */
	record Result(@Nullable Source source, @Nullable String error) {

		static Result of(Source source) {
			return new Result(source, null);
		}

		static Result refused(String error) {
			return new Result(null, error);
		}

	}

	/**
	 * The answer to a request for a poll.
	 *
	 * @param source the source
	 * @param started whether a poll was started
	 * @param error why not
	 */
	record PollRequest(@Nullable Source source, boolean started, @Nullable String error) {
	}

}
