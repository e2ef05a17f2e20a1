package org.policygraph.source;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.policygraph.ingest.ArticleOutcome;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.ingest.read.Readers;
import org.policygraph.ingest.read.SourceFormat;
import org.policygraph.source.SourceDocuments.Contents;
import org.policygraph.source.SourceDocuments.Item;
import org.policygraph.source.SourceStore.ItemState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one source: fetch the source document (conditionally), find its items,
 * fetch the article page of every new item that needs one (feed items with only a
 * summary, sitemap and listing entries; at most {@code max-pages-per-poll}, in parallel
 * within the per-host limits), ingest the articles through {@link IngestService}
 * (transactional and idempotent), then write the source's new state and the items dealt
 * with in one transaction.
 * <p>
 * An item is dealt with once it is ingested, or found unchanged, or refused for a reason
 * that will not change (404, robots.txt, no article on the page): it is not fetched
 * again, unless a sitemap later gives it a newer {@code lastmod} (then it is fetched
 * conditionally). An item whose page timed out or whose host was unavailable is left for
 * the next poll. Should the process stop between the ingest and the state's write, the
 * next poll fetches those pages again and the ingest finds the articles unchanged.
 */
final class SourcePoller {

	private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);

	/**
	 * The most child sitemaps of a sitemap index read in one poll (most recently changed
	 * first).
	 */
	static final int MAX_CHILD_SITEMAPS = 5;

	/** The most page errors kept in a source's last error. */
	private static final int MAX_LISTED_ERRORS = 3;

	private final PoliteFetcher fetcher;

	private final SourceDocuments documents;

	private final Readers readers;

	private final IngestService ingest;

	private final SourceStore store;

	private final SourceProperties properties;

	private final ExecutorService pages;

	private final Clock clock;

	SourcePoller(PoliteFetcher fetcher, SourceDocuments documents, Readers readers, IngestService ingest,
			SourceStore store, SourceProperties properties, ExecutorService pages, Clock clock) {
		this.fetcher = fetcher;
		this.documents = documents;
		this.readers = readers;
		this.ingest = ingest;
		this.store = store;
		this.properties = properties;
		this.pages = pages;
		this.clock = clock;
	}

	/**
	 * What one poll did.
	 *
	 * @param url the source
	 * @param status how it went
	 * @param requests HTTP requests made (redirects and retries included, robots.txt not)
	 * @param items article URLs the source listed
	 * @param pagesFetched article pages fetched with a body
	 * @param pagesNotModified article pages answered 304
	 * @param report the ingest of the new articles, if any were ingested
	 * @param pending new items left for the next poll (over the per-poll limit, or failed
	 * transiently)
	 * @param error what went wrong, if anything
	 * @param elapsed the time the poll took
	 */
	record PollResult(String url, SourceStatus status, int requests, int items, int pagesFetched, int pagesNotModified,
			@Nullable IngestReport report, int pending, @Nullable String error, Duration elapsed) {

		long newArticles() {
			return (this.report != null) ? this.report.newArticles() : 0;
		}

	}

	/**
	 * Polls a source kept in the graph and records the outcome.
	 * @param source the source
	 * @return what it did
	 * @throws InterruptedException when interrupted (nothing of the poll is recorded)
	 */
	PollResult poll(Source source) throws InterruptedException {
		long started = System.nanoTime();
		OffsetDateTime now = now();
		Fetched document;
		try {
			document = this.fetcher.fetch(URI.create(source.url()), source.validators());
		}
		catch (FetchException ex) {
			return failed(source, now,
					ex.reason() == FetchException.Reason.DISALLOWED ? SourceStatus.DISALLOWED : SourceStatus.FAILED,
					(ex.status() > 0) ? ex.status() : null, ex.getMessage(), ex.retryAfter(), ex.requests(), started);
		}
		catch (IllegalArgumentException ex) {
			return failed(source, now, SourceStatus.FAILED, null, "not a URL: " + ex.getMessage(), null, 0, started);
		}
		Map<String, @Nullable Object> state = new HashMap<>();
		state.put("lastFetchedAt", now);
		state.put("lastHttpStatus", document.status());
		state.put("failures", 0);
		state.put("nextPollAt", now.plus(this.properties.pollInterval()));
		if (document.notModified()) {
			state.put("lastStatus", SourceStatus.NOT_MODIFIED.name());
			state.put("lastError", null);
			state.put("lastPollNewArticles", 0);
			putValidators(state, document.validators());
			this.store.recordPoll(source.url(), state, 0, List.of());
			return new PollResult(source.url(), SourceStatus.NOT_MODIFIED, document.requests(), 0, 0, 0, null, 0, null,
					elapsed(started));
		}
		Contents contents;
		try {
			contents = this.documents.read(source.kind(), document);
		}
		catch (SourceDocuments.UnreadableException ex) {
			return failed(source, now, SourceStatus.FAILED, document.status(), ex.getMessage(), null,
					document.requests(), started);
		}
		Harvest harvest = harvest(source.kind(), contents, document.requests(), true);
		IngestReport report = harvest.ingest(IngestOptions.defaults(), IngestListener.NONE);
		List<ItemState> dealtWith = harvest.dealtWith();
		state.put("lastStatus", SourceStatus.OK.name());
		state.put("lastError", harvest.error());
		state.put("lastPollNewArticles", report.newArticles());
		// A poll that left items for later must not be answered 304 next time: forget the
		// validators.
		putValidators(state, harvest.pending() == 0 ? document.validators() : Validators.NONE);
		this.store.recordPoll(source.url(), state, report.newArticles(), dealtWith);
		log.info("Polled {}: {} items, {} pages fetched, {} new articles, {} left for later", source.url(),
				harvest.items(), harvest.pagesFetched(), report.newArticles(), harvest.pending());
		return new PollResult(source.url(), SourceStatus.OK, harvest.requests(), harvest.items(),
				harvest.pagesFetched(), harvest.pagesNotModified(), report, harvest.pending(), harvest.error(),
				elapsed(started));
	}

	/**
	 * The command line's one-off fetch of a URL: a feed, a sitemap, or a page (an
	 * article, else a listing of articles), its articles read and returned as records for
	 * the caller to ingest, with the items to record once they are.
	 * @param url the URL
	 * @return the records, one rejection when the URL itself could not be fetched or read
	 * @throws InterruptedException when interrupted
	 */
	Harvest harvestUrl(String url) throws InterruptedException {
		Fetched document;
		try {
			document = this.fetcher.fetch(URI.create(url), Validators.NONE);
		}
		catch (FetchException ex) {
			return Harvest.rejected(this, url, ex.getMessage(), ex.requests());
		}
		catch (IllegalArgumentException ex) {
			return Harvest.rejected(this, url, "not a URL: " + ex.getMessage(), 0);
		}
		SourceKind kind = detect(document);
		try {
			if (kind == null) {
				ReadResult page = readPage(url, document);
				if (page.ok()) {
					RawArticle article = merge(page.article(), null, url);
					Harvest single = new Harvest(this, document.requests(), 1, 0);
					single.records.put(url, new Pending(ReadResult.ok(article), document.validators(), null));
					return single;
				}
				kind = SourceKind.LISTING;
			}
			return harvest(kind, this.documents.read(kind, document), document.requests(), false);
		}
		catch (SourceDocuments.UnreadableException ex) {
			return Harvest.rejected(this, url, ex.getMessage(), document.requests());
		}
	}

	/**
	 * Records the items of a one-off harvest once its records are ingested.
	 */
	void recordItems(Harvest harvest) {
		this.store.recordItems(harvest.dealtWith());
	}

	/** Feed, sitemap, or neither (an HTML page), from the document's first element. */
	static @Nullable SourceKind detect(Fetched document) {
		byte[] head = java.util.Arrays.copyOf(document.body(), Math.min(document.body().length, 8192));
		String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
		if (text.matches("(?s)^\\s*(<\\?xml.*?\\?>)?(\\s|<!--.*?-->)*<(urlset|sitemapindex)[\\s>].*")) {
			return SourceKind.SITEMAP;
		}
		return (SourceFormat.detect(document.uri().getPath(), head) == SourceFormat.FEED) ? SourceKind.FEED : null;
	}

	private Harvest harvest(SourceKind kind, Contents contents, int requestsSoFar, boolean incremental)
			throws InterruptedException {
		Harvest harvest = new Harvest(this, requestsSoFar, 0, 0);
		List<Item> items = new ArrayList<>(contents.items());
		if (kind == SourceKind.SITEMAP && !contents.sitemaps().isEmpty()) {
			items.addAll(childSitemaps(contents.sitemaps(), harvest));
		}
		Map<String, Item> byUrl = new LinkedHashMap<>();
		for (Item item : items) {
			byUrl.putIfAbsent(item.url(), item);
		}
		harvest.items = byUrl.size();
		Map<String, ItemState> known = incremental ? this.store.known(byUrl.keySet()) : Map.of();
		List<Item> toFetch = new ArrayList<>();
		for (Item item : byUrl.values()) {
			ItemState state = known.get(item.url());
			boolean changed = state != null && item.lastmod() != null
					&& (state.lastmod() == null || item.lastmod().isAfter(state.lastmod()));
			if (state != null && !changed) {
				continue;
			}
			if (item.article() != null && item.article().text().length() >= this.properties.fullTextMinChars()) {
				harvest.records.put(item.url(), new Pending(ReadResult.ok(relocated(item.article(), item.url())),
						Validators.NONE, item.lastmod()));
			}
			else {
				toFetch.add(item);
			}
		}
		int limit = this.properties.maxPagesPerPoll();
		harvest.pending = Math.max(0, toFetch.size() - limit);
		List<Item> batch = toFetch.subList(0, Math.min(limit, toFetch.size()));
		List<Future<Page>> futures = new ArrayList<>(batch.size());
		for (Item item : batch) {
			ItemState state = known.get(item.url());
			Validators validators = (state != null) ? state.validators() : Validators.NONE;
			futures.add(this.pages.submit(() -> fetchPage(item, validators)));
		}
		try {
			for (Future<Page> future : futures) {
				harvest.add(future.get());
			}
		}
		catch (InterruptedException ex) {
			futures.forEach(f -> f.cancel(true));
			throw ex;
		}
		catch (ExecutionException ex) {
			futures.forEach(f -> f.cancel(true));
			throw new IllegalStateException("Fetching a page failed unexpectedly", ex.getCause());
		}
		harvest.errors.addAll(contents.rejected().stream().limit(MAX_LISTED_ERRORS).toList());
		return harvest;
	}

	private List<Item> childSitemaps(List<String> urls, Harvest harvest) throws InterruptedException {
		List<Item> items = new ArrayList<>();
		for (String url : urls.subList(0, Math.min(urls.size(), MAX_CHILD_SITEMAPS))) {
			try {
				Fetched child = this.fetcher.fetch(URI.create(url), Validators.NONE);
				harvest.requests += child.requests();
				items.addAll(this.documents.read(SourceKind.SITEMAP, child).items());
			}
			catch (FetchException ex) {
				harvest.requests += ex.requests();
				harvest.errors.add(ex.getMessage());
			}
			catch (SourceDocuments.UnreadableException ex) {
				harvest.errors.add(url + ": " + ex.getMessage());
			}
		}
		harvest.pending += Math.max(0, urls.size() - MAX_CHILD_SITEMAPS);
		return items;
	}

	private Page fetchPage(Item item, Validators validators) throws InterruptedException {
		try {
			Fetched fetched = this.fetcher.fetch(URI.create(item.url()), validators);
			return new Page(item, fetched, null);
		}
		catch (FetchException ex) {
			return new Page(item, null, ex);
		}
		catch (IllegalArgumentException ex) {
			return new Page(item, null,
					new FetchException(FetchException.Reason.UNSUPPORTED, "not a URL: " + item.url(), 0));
		}
	}

	private ReadResult readPage(String url, Fetched fetched) {
		List<ReadResult> results = new ArrayList<>(1);
		this.readers.read(url, new ByteArrayInputStream(fetched.body()), SourceFormat.HTML, results::add);
		return results.isEmpty() ? ReadResult.rejected(url, "nothing read") : results.get(0);
	}

	/**
	 * The page's article, completed from the feed item: the page's title and text (the
	 * feed's text when it is longer), its date, publication and section when it has them.
	 * Its URL is the page's canonical URL when that is a page of the same site, else the
	 * URL the source listed.
	 */
	static RawArticle merge(RawArticle page, @Nullable RawArticle feed, String itemUrl) {
		String url = page.url();
		if (url == null || !SourceDocuments.host(url).equals(SourceDocuments.host(itemUrl)) || isRoot(url)) {
			url = itemUrl;
		}
		String text = (feed != null && feed.text().length() > page.text().length()) ? feed.text() : page.text();
		LocalDate date = (page.publishedAt() != null) ? page.publishedAt() : (feed != null) ? feed.publishedAt() : null;
		String source = (page.source() != null) ? page.source() : (feed != null) ? feed.source() : null;
		String category = (page.category() != null) ? page.category() : (feed != null) ? feed.category() : null;
		return new RawArticle(page.title(), text, url, date, source, category, itemUrl);
	}

	private static boolean isRoot(String url) {
		try {
			String path = new URL(url).getPath();
			return path == null || path.isEmpty() || path.equals("/");
		}
		catch (java.io.IOException ex) {
			return true;
		}
	}

	private static RawArticle relocated(RawArticle article, String location) {
		return new RawArticle(article.title(), article.text(), article.url(), article.publishedAt(), article.source(),
				article.category(), location);
	}

	private PollResult failed(Source source, OffsetDateTime now, SourceStatus status, @Nullable Integer httpStatus,
			String error, java.time.@Nullable Instant retryAfter, int requests, long started) {
		int failures = source.failures() + 1;
		Duration backoff = this.properties.pollInterval().multipliedBy(1L << Math.min(failures, 16));
		if (backoff.compareTo(this.properties.maxBackoff()) > 0) {
			backoff = this.properties.maxBackoff();
		}
		OffsetDateTime next = now.plus(backoff);
		if (retryAfter != null && retryAfter.atOffset(ZoneOffset.UTC).isAfter(next)) {
			next = retryAfter.atOffset(ZoneOffset.UTC);
		}
		Map<String, @Nullable Object> state = new HashMap<>();
		state.put("lastFetchedAt", now);
		state.put("lastStatus", status.name());
		state.put("lastHttpStatus", httpStatus);
		state.put("lastError", error);
		state.put("lastPollNewArticles", 0);
		state.put("failures", failures);
		state.put("nextPollAt", next);
		this.store.recordPoll(source.url(), state, 0, List.of());
		log.warn("Polling {} failed ({} in a row), next poll at {}: {}", source.url(), failures, next, error);
		return new PollResult(source.url(), status, requests, 0, 0, 0, null, 0, error, elapsed(started));
	}

	private static void putValidators(Map<String, @Nullable Object> state, Validators validators) {
		state.put("etag", validators.etag());
		state.put("lastModified", validators.lastModified());
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static Duration elapsed(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/** An article page fetched, or why not. */
	private record Page(Item item, @Nullable Fetched fetched, @Nullable FetchException failure) {
	}

	/** A record to ingest with what to remember of its item. */
	private record Pending(ReadResult record, Validators validators, @Nullable OffsetDateTime lastmod) {
	}

	/**
	 * The articles a source's items gave, ready to ingest, and the items dealt with
	 * without one.
	 */
	static final class Harvest {

		private final SourcePoller poller;

		/** Item URL → record to ingest (located at the item URL). */
		private final Map<String, Pending> records = new LinkedHashMap<>();

		/** Items dealt with that need no ingest (304, refused for good). */
		private final List<ItemState> settled = new ArrayList<>();

		private final List<String> errors = new ArrayList<>();

		private final Map<String, ArticleOutcome> outcomes = new java.util.concurrent.ConcurrentHashMap<>();

		private int requests;

		private int items;

		private int pending;

		private int pagesFetched;

		private int pagesNotModified;

		private int errorCount;

		Harvest(SourcePoller poller, int requests, int items, int pending) {
			this.poller = poller;
			this.requests = requests;
			this.items = items;
			this.pending = pending;
		}

		static Harvest rejected(SourcePoller poller, String url, String reason, int requests) {
			Harvest harvest = new Harvest(poller, requests, 0, 0);
			harvest.records.put(url, new Pending(ReadResult.rejected(url, reason), Validators.NONE, null));
			return harvest;
		}

		private void add(Page page) {
			Item item = page.item();
			OffsetDateTime now = this.poller.now();
			if (page.failure() != null) {
				FetchException failure = page.failure();
				this.requests += failure.requests();
				error(failure.getMessage());
				if (failure.reason().isTransient()) {
					this.pending++;
					return;
				}
				if (item.article() != null) {
					this.records.put(item.url(), new Pending(ReadResult.ok(relocated(item.article(), item.url())),
							Validators.NONE, item.lastmod()));
				}
				else {
					this.settled.add(new ItemState(item.url(), null, null, item.lastmod(), now,
							failure.reason().name() + ": " + failure.getMessage()));
				}
				return;
			}
			Fetched fetched = page.fetched();
			this.requests += fetched.requests();
			if (fetched.notModified()) {
				this.pagesNotModified++;
				this.settled.add(new ItemState(item.url(), fetched.validators().etag(),
						fetched.validators().lastModified(), item.lastmod(), now, "NOT_MODIFIED"));
				return;
			}
			this.pagesFetched++;
			ReadResult read = this.poller.readPage(item.url(), fetched);
			if (read.ok()) {
				this.records.put(item.url(),
						new Pending(ReadResult.ok(merge(read.article(), item.article(), item.url())),
								fetched.validators(), item.lastmod()));
			}
			else if (item.article() != null) {
				error(item.url() + ": " + read.rejection().reason() + " (the feed's summary was ingested)");
				this.records.put(item.url(), new Pending(ReadResult.ok(relocated(item.article(), item.url())),
						fetched.validators(), item.lastmod()));
			}
			else {
				error(read.rejection().toString());
				this.settled
					.add(new ItemState(item.url(), fetched.validators().etag(), fetched.validators().lastModified(),
							item.lastmod(), now, "REJECTED: " + read.rejection().reason()));
			}
		}

		private void error(String message) {
			this.errorCount++;
			if (this.errors.size() < MAX_LISTED_ERRORS) {
				this.errors.add(message);
			}
		}

		/**
		 * @return the records to ingest, in the source's order
		 */
		List<ReadResult> records() {
			return this.records.values().stream().map(Pending::record).toList();
		}

		/**
		 * @return the locations of the records (their item URLs)
		 */
		java.util.Set<String> locations() {
			return this.records.keySet();
		}

		/**
		 * Notes the ingest's outcome of one of the records.
		 */
		void note(ArticleOutcome outcome) {
			this.outcomes.put(outcome.location(), outcome);
		}

		/**
		 * Ingests the records through the pipeline, noting each one's outcome.
		 * @param options how
		 * @param listener also follows the run
		 * @return the report
		 */
		IngestReport ingest(IngestOptions options, IngestListener listener) {
			return this.poller.ingest.ingestRecords(records(), options, new IngestListener() {

				@Override
				public void onOutcome(ArticleOutcome outcome) {
					note(outcome);
					listener.onOutcome(outcome);
				}

				@Override
				public void onBatch(long recordsSoFar) {
					listener.onBatch(recordsSoFar);
				}

			});
		}

		/**
		 * The items to remember after the ingest: those settled without one, and those
		 * whose record the ingest wrote, found unchanged, or rejected (a failed write is
		 * tried again by the next poll, and so is everything after a dry run).
		 */
		List<ItemState> dealtWith() {
			List<ItemState> states = new ArrayList<>(this.settled);
			OffsetDateTime now = this.poller.now();
			for (Map.Entry<String, Pending> e : this.records.entrySet()) {
				ArticleOutcome outcome = this.outcomes.get(e.getKey());
				if (outcome == null || outcome.status() == ArticleOutcome.Status.FAILED
						|| outcome.status() == ArticleOutcome.Status.NOT_PROCESSED
						|| outcome.status() == ArticleOutcome.Status.CHECKED) {
					continue;
				}
				Pending p = e.getValue();
				states.add(new ItemState(e.getKey(), p.validators().etag(), p.validators().lastModified(), p.lastmod(),
						now, outcome.status().name() + ((outcome.reason() != null) ? ": " + outcome.reason() : "")));
			}
			return states;
		}

		int requests() {
			return this.requests;
		}

		int items() {
			return this.items;
		}

		int pending() {
			return this.pending;
		}

		int pagesFetched() {
			return this.pagesFetched;
		}

		int pagesNotModified() {
			return this.pagesNotModified;
		}

		@Nullable String error() {
			if (this.errorCount == 0) {
				return null;
			}
			String listed = String.join("; ", this.errors);
			return (this.errorCount > this.errors.size())
					? listed + " (and " + (this.errorCount - this.errors.size()) + " more)" : listed;
		}

	}

}
