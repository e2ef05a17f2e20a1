package org.policygraph.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import crawlercommons.robots.BaseRobotRules;
import org.jspecify.annotations.Nullable;
import org.policygraph.source.FetchException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches feeds, sitemaps and pages politely with the JDK's {@link HttpClient}:
 * <ul>
 * <li>a clear User-Agent ({@code policy-graph/<version> (+<contact URL>)});</li>
 * <li>robots.txt honoured (its Crawl-delay too, up to a minute);</li>
 * <li>per host: a few requests in flight at most, their starts spaced (see
 * {@link HostGate});</li>
 * <li>conditional requests ({@code If-None-Match}, {@code If-Modified-Since}): an
 * unchanged resource is a {@code 304} without a body;</li>
 * <li>gzip (and deflate) bodies, decompressed within the size limit;</li>
 * <li>a size limit (the transfer stops at it) and a time limit for the whole request,
 * body included;</li>
 * <li>redirects followed by hand, at most {@code max-redirects}, each hop checked against
 * robots.txt;</li>
 * <li>retries with exponential backoff on 429, 5xx and cut connections, honouring
 * Retry-After (seconds or a date), which also pauses the whole host;</li>
 * <li>the body transcoded to UTF-8 ({@link BodyCharset}).</li>
 * </ul>
 */
final class PoliteFetcher {

	private static final Logger log = LoggerFactory.getLogger(PoliteFetcher.class);

	/** The longest Crawl-delay of a robots.txt that is honoured. */
	static final Duration MAX_CRAWL_DELAY = Duration.ofMinutes(1);

	private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
			+ "text/xml;q=0.9, text/html;q=0.9, */*;q=0.5";

	private final SourceProperties properties;

	private final HttpClient client;

	private final HostGate gate;

	private final Robots robots;

	private final String userAgent;

	private final Clock clock;

	PoliteFetcher(SourceProperties properties, String version, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.gate = new HostGate(properties.hostConcurrency());
		this.robots = new Robots(this::loadRobots, properties.robotsTtl(), clock);
		this.userAgent = "policy-graph/" + version
				+ ((properties.contactUrl() != null) ? " (+" + properties.contactUrl() + ")" : "");
	}

	/**
	 * @return the User-Agent header sent with every request
	 */
	String userAgent() {
		return this.userAgent;
	}

	/**
	 * Fetches a URL, conditionally when validators are given.
	 * @param uri the URL
	 * @param validators the validators of the version already held
	 * @return the response: a body in UTF-8, or a 304
	 * @throws FetchException when nothing usable came back
	 * @throws InterruptedException when interrupted
	 */
	Fetched fetch(URI uri, Validators validators) throws FetchException, InterruptedException {
		return fetch(uri, validators, true, this.properties.maxBodySize().toBytes());
	}

	private Robots.Response loadRobots(URI robotsTxt) throws FetchException, InterruptedException {
		Fetched fetched = fetch(robotsTxt, Validators.NONE, false, Robots.MAX_BYTES);
		return new Robots.Response(fetched.status(), fetched.body(), fetched.contentType());
	}

	private Fetched fetch(URI start, Validators validators, boolean checkRobots, long maxBytes)
			throws FetchException, InterruptedException {
		int requests = 0;
		URI uri = start;
		for (int hop = 0;; hop++) {
			if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")
					|| uri.getHost() == null) {
				throw new FetchException(Reason.UNSUPPORTED, "not an http(s) URL: " + uri, requests);
			}
			Duration spacing = this.properties.hostDelay();
			if (checkRobots) {
				BaseRobotRules rules = this.robots.rules(uri);
				if (!rules.isAllowed(uri.toString())) {
					throw new FetchException(Reason.DISALLOWED,
							rules.isDeferVisits()
									? "robots.txt of " + Robots.origin(uri)
											+ " could not be fetched: the site is not crawled until it can be"
									: "disallowed by robots.txt: " + uri,
							requests);
				}
				if (rules.getCrawlDelay() > 0) {
					Duration crawlDelay = Duration
						.ofMillis(Math.min(rules.getCrawlDelay(), MAX_CRAWL_DELAY.toMillis()));
					spacing = (crawlDelay.compareTo(spacing) > 0) ? crawlDelay : spacing;
				}
			}
			Exchange exchange = exchange(uri, validators, spacing, maxBytes, requests);
			requests = exchange.requests();
			HttpResponse<byte[]> response = exchange.response();
			int status = response.statusCode();
			String contentType = response.headers().firstValue("Content-Type").orElse(null);
			if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
				String location = response.headers().firstValue("Location").orElse(null);
				if (location == null || location.isBlank()) {
					throw new FetchException(Reason.HTTP_STATUS, "HTTP " + status + " without a Location: " + uri,
							status, null, requests);
				}
				if (hop >= this.properties.maxRedirects()) {
					throw new FetchException(
							Reason.TOO_MANY_REDIRECTS, "more than " + this.properties.maxRedirects()
									+ " redirects from " + start + " (the last to " + location.strip() + ")",
							status, null, requests);
				}
				try {
					uri = uri.resolve(location.strip());
				}
				catch (IllegalArgumentException ex) {
					throw new FetchException(Reason.HTTP_STATUS, "redirect to an invalid URL: " + location, status,
							null, requests);
				}
				continue;
			}
			Validators received = new Validators(response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Last-Modified").orElse(null));
			if (status == 304) {
				return new Fetched(uri, status, new byte[0], contentType, received.present() ? received : validators,
						requests);
			}
			if (status < 200 || status >= 300) {
				throw new FetchException(Reason.HTTP_STATUS, "HTTP " + status + " from " + uri, status, null, requests);
			}
			byte[] body = decompress(response, maxBytes, requests);
			return new Fetched(uri, status, BodyCharset.toUtf8(body, contentType), contentType, received, requests);
		}
	}

	/** One request, retried on 429, 5xx and cut connections. */
	private Exchange exchange(URI uri, Validators validators, Duration spacing, long maxBytes, int requestsBefore)
			throws FetchException, InterruptedException {
		String host = (uri.getPort() < 0) ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
		int requests = requestsBefore;
		for (int attempt = 0;; attempt++) {
			Duration paused = this.gate.pausedFor(host);
			if (paused.compareTo(this.properties.maxRetryWait()) > 0) {
				// the host asked (Retry-After) to be left alone for longer than a poll
				// may wait
				throw new FetchException(Reason.UNAVAILABLE,
						"not asking " + host + " before its Retry-After, in " + paused.toSeconds() + " s: " + uri, 0,
						this.clock.instant().plus(paused), requests);
			}
			HttpResponse<byte[]> response;
			this.gate.acquire(host, spacing);
			requests++;
			try {
				response = send(uri, validators, maxBytes);
			}
			catch (HttpTimeoutException ex) {
				throw new FetchException(Reason.TIMEOUT, "no complete answer from " + uri + " within "
						+ this.properties.requestTimeout().toMillis() + " ms", requests);
			}
			catch (LimitedBody.TooLargeException ex) {
				throw new FetchException(Reason.TOO_LARGE, ex.getMessage() + ": " + uri, requests);
			}
			catch (IOException ex) {
				if (attempt >= this.properties.maxRetries()) {
					throw new FetchException(Reason.NETWORK, "request to " + uri + " failed: " + message(ex), requests);
				}
				Duration wait = backoff(attempt);
				log.debug("Request to {} failed ({}); retrying in {} ms", uri, message(ex), wait.toMillis());
				sleep(wait);
				continue;
			}
			finally {
				this.gate.release(host);
			}
			int status = response.statusCode();
			if (status != 429 && status < 500) {
				return new Exchange(response, requests);
			}
			Duration asked = retryAfter(response.headers(), this.clock.instant());
			Duration wait = (asked != null) ? asked : backoff(attempt);
			if (asked != null && (status == 429 || status == 503)) {
				this.gate.pause(host, asked);
			}
			if (attempt >= this.properties.maxRetries() || wait.compareTo(this.properties.maxRetryWait()) > 0) {
				Instant retryAt = this.clock.instant().plus(wait);
				throw new FetchException(Reason.UNAVAILABLE,
						"HTTP " + status + " from " + uri + " after " + (attempt + 1)
								+ ((attempt == 0) ? " attempt" : " attempts")
								+ ((asked != null) ? "; Retry-After " + asked.toSeconds() + " s" : ""),
						status, retryAt, requests);
			}
			log.debug("HTTP {} from {}; retrying in {} ms", status, uri, wait.toMillis());
			sleep(wait);
		}
	}

	private HttpResponse<byte[]> send(URI uri, Validators validators, long maxBytes)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.requestTimeout())
			.header("User-Agent", this.userAgent)
			.header("Accept", ACCEPT)
			.header("Accept-Encoding", "gzip, deflate")
			.GET();
		if (validators.etag() != null) {
			request.header("If-None-Match", validators.etag());
		}
		if (validators.lastModified() != null) {
			request.header("If-Modified-Since", validators.lastModified());
		}
		CompletableFuture<HttpResponse<byte[]>> pending = this.client.sendAsync(request.build(),
				LimitedBody.handler(maxBytes));
		try {
			// The request's own timeout ends at the headers; this one bounds the body as
			// well.
			return pending.get(this.properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			pending.cancel(true);
			throw new HttpTimeoutException("request timed out");
		}
		catch (InterruptedException ex) {
			pending.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			throw new IOException(cause);
		}
	}

	private static byte[] decompress(HttpResponse<byte[]> response, long maxBytes, int requests) throws FetchException {
		String encoding = response.headers()
			.firstValue("Content-Encoding")
			.orElse("identity")
			.strip()
			.toLowerCase(Locale.ROOT);
		byte[] body = response.body();
		if (encoding.equals("identity") || encoding.isEmpty() || body.length == 0) {
			return body;
		}
		try (InputStream in = switch (encoding) {
			case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
			case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
			default -> throw new FetchException(Reason.HTTP_STATUS,
					"unsupported Content-Encoding " + encoding + ": " + response.uri(), response.statusCode(), null,
					requests);
		}) {
			byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			if (out.length > maxBytes) {
				throw new FetchException(Reason.TOO_LARGE,
						"body is over the limit of " + maxBytes + " bytes once decompressed: " + response.uri(),
						requests);
			}
			return out;
		}
		catch (IOException ex) {
			throw new FetchException(Reason.NETWORK,
					"body of " + response.uri() + " could not be decompressed: " + message(ex), requests);
		}
	}

	/**
	 * @return the wait a {@code Retry-After} header asks for (delta-seconds or an HTTP
	 * date), or {@code null} when there is none or it cannot be read
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers, Instant now) {
		String value = headers.firstValue("Retry-After").map(String::strip).orElse(null);
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.chars().allMatch(Character::isDigit)) {
			return Duration
				.ofSeconds(Math.min(Long.parseLong(value.substring(0, Math.min(value.length(), 9))), 86_400));
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private Duration backoff(int attempt) {
		return this.properties.retryBackoff().multipliedBy(1L << Math.min(attempt, 10));
	}

	private static void sleep(Duration wait) throws InterruptedException {
		if (!wait.isZero() && !wait.isNegative()) {
			Thread.sleep(wait.toMillis());
		}
	}

	private static String message(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private record Exchange(HttpResponse<byte[]> response, int requests) {
	}

}
