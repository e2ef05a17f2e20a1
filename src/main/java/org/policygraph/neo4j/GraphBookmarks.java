package org.policygraph.neo4j;

import java.io.Serial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.stereotype.Component;

/**
 * This instance's causal chain: the Neo4j bookmarks of the latest transactions it knows
 * of.
 * <p>
 * One {@link Neo4jBookmarkManager} is shared by Spring Data Neo4j (every
 * {@code Neo4jClient} transaction starts after the bookmarks it holds and replaces them
 * with its own on commit), by the ingest writer's driver sessions (through
 * {@link #forDriverSessions()}), and by clients: bookmarks a client sends
 * ({@code Neo4j-Bookmarks}) are first waited for in a read session and, once the database
 * has reached them, join the chain, so that every later read on this instance sees the
 * write they stand for. Bookmarks the database rejects or has not reached in time never
 * join it. After an ingest, {@link #current()} is what the client gets back: it covers
 * the ingest's own transactions.
 */
@Component
public class GraphBookmarks {

	/** The HTTP header carrying bookmarks, in requests and responses, comma-separated. */
	public static final String HEADER = "Neo4j-Bookmarks";

	/** The most bookmarks one request may carry. */
	static final int MAX_BOOKMARKS = 16;

	/** The longest bookmark accepted (a Neo4j 5 bookmark has about 30 characters). */
	static final int MAX_LENGTH = 1_000;

	private static final Logger log = LoggerFactory.getLogger(GraphBookmarks.class);

	private final Neo4jBookmarkManager manager;

	private final Driver driver;

	private final DatabaseSelectionProvider databases;

	private final Duration waitTimeout;

	GraphBookmarks(Neo4jBookmarkManager manager, Driver driver, DatabaseSelectionProvider databases,
			BookmarkProperties properties) {
		this.manager = manager;
		this.driver = driver;
		this.databases = databases;
		this.waitTimeout = properties.waitTimeout();
	}

	/**
	 * @return the bookmarks this instance knows to be the latest, as sent to clients
	 */
	public List<String> current() {
		return this.manager.getBookmarks().stream().map(Bookmark::value).sorted().toList();
	}

	/**
	 * Forgets every bookmark, after the store was replaced (a bulk load): they name
	 * transactions of the old store, which the new one may never reach.
	 */
	public void forget() {
		this.manager.updateBookmarks(List.copyOf(this.manager.getBookmarks()), List.of());
	}

	/**
	 * @return a driver bookmark manager for sessions opened on the driver directly: their
	 * transactions start after, and update, the same bookmarks as Spring Data Neo4j's
	 */
	public BookmarkManager forDriverSessions() {
		return new SharedBookmarkManager(this.manager);
	}

	/**
	 * Splits and checks bookmarks as a client sent them: each value may hold several,
	 * comma-separated; blanks are ignored.
	 * @param values the header values or extension entries, as sent
	 * @param source where they came from, for the error message
	 * @return the bookmarks, without duplicates
	 * @throws BookmarkException ({@link BookmarkException.Reason#INVALID}) when there are
	 * too many, one is too long or holds characters no bookmark has
	 */
	public static List<String> parse(Collection<String> values, String source) {
		Set<String> bookmarks = new LinkedHashSet<>();
		for (String value : values) {
			for (String part : value.split(",")) {
				String bookmark = part.strip();
				if (bookmark.isEmpty()) {
					continue;
				}
				if (bookmark.length() > MAX_LENGTH) {
					throw new BookmarkException(BookmarkException.Reason.INVALID,
							"Invalid " + source + ": a bookmark of " + bookmark.length()
									+ " characters; send the bookmarks an ingestArticles payload returned, unchanged.");
				}
				if (!bookmark.chars().allMatch(c -> c > ' ' && c < 127)) {
					throw new BookmarkException(BookmarkException.Reason.INVALID, "Invalid " + source
							+ ": bookmarks are printable ASCII; send the bookmarks an ingestArticles payload returned, unchanged.");
				}
				bookmarks.add(bookmark);
			}
		}
		if (bookmarks.size() > MAX_BOOKMARKS) {
			throw new BookmarkException(BookmarkException.Reason.INVALID, "Invalid " + source + ": at most "
					+ MAX_BOOKMARKS + " bookmarks, got " + bookmarks.size() + "; the latest ones are enough.");
		}
		return new ArrayList<>(bookmarks);
	}

	/**
	 * Waits until the database (the server a read is routed to) has reached the given
	 * bookmarks, at most the configured wait timeout, then adds them to this instance's
	 * chain.
	 * @param values bookmarks as returned by {@link #parse(Collection, String)}
	 * @param source where they came from, for the error message
	 * @throws BookmarkException when the database rejects them, has not reached them in
	 * time, or cannot be reached
	 */
	public void await(List<String> values, String source) {
		if (values.isEmpty()) {
			return;
		}
		Set<Bookmark> wanted = new LinkedHashSet<>();
		values.forEach(value -> wanted.add(Bookmark.from(value)));
		if (this.manager.getBookmarks().containsAll(wanted)) {
			return;
		}
		SessionConfig.Builder config = SessionConfig.builder()
			.withDefaultAccessMode(AccessMode.READ)
			.withBookmarks(wanted);
		String database = this.databases.getDatabaseSelection().getValue();
		if (database != null) {
			config.withDatabase(database);
		}
		AsyncSession session = this.driver.session(AsyncSession.class, config.build());
		try {
			CompletableFuture<?> reached = session.beginTransactionAsync()
				.thenCompose(tx -> tx.runAsync("RETURN 1")
					.thenCompose(ResultCursor::consumeAsync)
					.thenCompose(summary -> tx.commitAsync()))
				.toCompletableFuture();
			reached.get(this.waitTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw notReached(source);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw notReached(source);
		}
		catch (ExecutionException ex) {
			throw classify(ex.getCause(), source);
		}
		finally {
			session.closeAsync();
		}
		this.manager.updateBookmarks(Set.of(), wanted);
	}

	private BookmarkException notReached(String source) {
		return new BookmarkException(BookmarkException.Reason.NOT_REACHED,
				"Not yet visible: the database has not caught up with the bookmarks in " + source + " within "
						+ this.waitTimeout.toSeconds() + " s, so the write they stand for cannot be read here yet. "
						+ "Retry shortly; bookmarks from another Neo4j deployment are never reached.");
	}

	private BookmarkException classify(@Nullable Throwable cause, String source) {
		if (cause instanceof ClientException client
				&& client.code().startsWith("Neo.ClientError.Transaction.InvalidBookmark")) {
			// The database's own message names its internal classes: logged, not sent to
			// the client.
			log.debug("Bookmarks in {} rejected by the database: {}", source, cause.getMessage());
			return new BookmarkException(BookmarkException.Reason.INVALID, "Invalid " + source
					+ ": the database does not accept them as bookmarks. Send the bookmarks an ingestArticles payload "
					+ "returned, unchanged.", cause);
		}
		if (cause instanceof TransientException transientError
				&& "Neo.TransientError.Transaction.BookmarkTimeout".equals(transientError.code())) {
			return notReached(source);
		}
		if (!(cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException)) {
			log.warn("Waiting for bookmarks failed", cause);
		}
		return new BookmarkException(BookmarkException.Reason.DATABASE_UNAVAILABLE,
				"The database is unavailable; try again shortly.", cause);
	}

	/** The driver's view of the shared bookmark manager. */
	private static final class SharedBookmarkManager implements BookmarkManager {

		@Serial
		private static final long serialVersionUID = 1L;

		private final transient Neo4jBookmarkManager manager;

		SharedBookmarkManager(Neo4jBookmarkManager manager) {
			this.manager = manager;
		}

		@Override
		public void updateBookmarks(Set<Bookmark> previousBookmarks, Set<Bookmark> newBookmarks) {
			this.manager.updateBookmarks(previousBookmarks, newBookmarks);
		}

		@Override
		public Set<Bookmark> getBookmarks() {
			return Set.copyOf(this.manager.getBookmarks());
		}

	}

}
