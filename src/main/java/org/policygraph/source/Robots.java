package org.policygraph.source;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.jspecify.annotations.Nullable;

/**
 * Each host's robots.txt (RFC 9309), parsed with crawler-commons and kept for a while:
 * what this crawler may fetch and the Crawl-delay it is asked to keep. A robots.txt that
 * is missing (4xx) allows everything; one that cannot be fetched (5xx, timeout, network)
 * disallows everything for a few minutes, as the RFC asks.
 */
final class Robots {

	/** The product token matched against User-agent lines. */
	static final String AGENT = "policy-graph";

	/**
	 * How long an unreachable robots.txt keeps a host closed before it is asked for
	 * again.
	 */
	static final Duration UNREACHABLE_TTL = Duration.ofMinutes(5);

	/** The longest robots.txt read (RFC 9309 asks crawlers to parse at least 500 KiB). */
	static final int MAX_BYTES = 512 * 1024;

	/** Fetches a robots.txt. */
	interface Loader {

		/**
		 * @param robotsTxt the robots.txt URI
		 * @return the status and body
		 * @throws FetchException when nothing came back
		 * @throws InterruptedException when interrupted
		 */
		Response load(URI robotsTxt) throws FetchException, InterruptedException;

	}

	/**
	 * @param status the final HTTP status
	 * @param body the body
	 * @param contentType the content type
	 */
	record Response(int status, byte[] body, @Nullable String contentType) {
	}

	private final Loader loader;

	private final Duration ttl;

	private final Clock clock;

	private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

	private final ConcurrentMap<String, Entry> byOrigin = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

	Robots(Loader loader, Duration ttl, Clock clock) {
		this.loader = loader;
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * @param uri a URI about to be fetched
	 * @return the rules of its host
	 * @throws InterruptedException when interrupted while fetching robots.txt
	 */
	BaseRobotRules rules(URI uri) throws InterruptedException {
		String origin = origin(uri);
		Instant now = this.clock.instant();
		Entry entry = this.byOrigin.get(origin);
		if (entry != null && entry.expires().isAfter(now)) {
			return entry.rules();
		}
		// one load per host at a time; other hosts are not held up by a slow one
		synchronized (this.locks.computeIfAbsent(origin, k -> new Object())) {
			entry = this.byOrigin.get(origin);
			if (entry == null || !entry.expires().isAfter(now)) {
				entry = load(origin, now);
				this.byOrigin.put(origin, entry);
			}
			return entry.rules();
		}
	}

	private Entry load(String origin, Instant now) throws InterruptedException {
		String robotsTxt = origin + "/robots.txt";
		try {
			Response response = this.loader.load(URI.create(robotsTxt));
			if (response.status() >= 200 && response.status() < 300) {
				return new Entry(this.parser.parseContent(robotsTxt, response.body(),
						(response.contentType() != null) ? response.contentType() : "text/plain", List.of(AGENT)),
						now.plus(this.ttl));
			}
			if (response.status() >= 400 && response.status() < 500) {
				return new Entry(this.parser.failedFetch(response.status()), now.plus(this.ttl));
			}
			return new Entry(this.parser.failedFetch(503), now.plus(UNREACHABLE_TTL));
		}
		catch (FetchException ex) {
			if (ex.reason() == FetchException.Reason.HTTP_STATUS && ex.status() >= 400 && ex.status() < 500) {
				return new Entry(this.parser.failedFetch(ex.status()), now.plus(this.ttl));
			}
			return new Entry(this.parser.failedFetch(503), now.plus(UNREACHABLE_TTL));
		}
	}

	static String origin(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

	private record Entry(BaseRobotRules rules, Instant expires) {
	}

}
