package org.policygraph.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policygraph.source.FetchException.Reason;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fetcher against a real HTTP server: conditional GET, Retry-After, timeouts,
 * redirect loops, oversized bodies, charsets, gzip, robots.txt, the User-Agent and
 * per-host pacing. No timing is asserted as an upper bound; waits the server asked for
 * are checked as lower bounds.
 */
class PoliteFetcherTests {

	private static final String VIETNAMESE = "Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 112-KH/TU";

	private final TestSite site = new TestSite();

	@AfterEach
	void stop() {
		this.site.close();
	}

	static SourceProperties properties(Duration requestTimeout, DataSize maxBody, int maxRedirects, Duration hostDelay,
			int maxRetries, Duration maxRetryWait) {
		return new SourceProperties(false, List.of(), List.of(), List.of(), Duration.ofMinutes(15), Duration.ofHours(6),
				Duration.ofSeconds(10), 2, "https://policygraph.example/crawler", Duration.ofSeconds(2), requestTimeout,
				maxBody, maxRedirects, hostDelay, 2, maxRetries, Duration.ofMillis(50), maxRetryWait, 100, 1500,
				Duration.ofHours(24));
	}

	private static PoliteFetcher fetcher() {
		return fetcher(
				properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 3, Duration.ZERO, 2, Duration.ofSeconds(5)));
	}

	private static PoliteFetcher fetcher(SourceProperties properties) {
		return new PoliteFetcher(properties, "1.2.3", Clock.systemUTC());
	}

	private URI uri(String path) {
		return URI.create(this.site.url(path));
	}

	@Test
	void shouldSendValidatorsAndReportNotModifiedOnASecondFetch() throws Exception {
		this.site.fixture("/rss.xml", "feed-summary.rss", "application/rss+xml; charset=utf-8");
		PoliteFetcher fetcher = fetcher();

		Fetched first = fetcher.fetch(uri("/rss.xml"), Validators.NONE);
		Fetched second = fetcher.fetch(uri("/rss.xml"), first.validators());

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.validators().etag()).isNotNull();
		assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("Hà Tĩnh triển khai Nghị quyết");
		assertThat(second.notModified()).isTrue();
		assertThat(second.body()).isEmpty();
		assertThat(second.validators().etag()).isEqualTo(first.validators().etag());
		assertThat(this.site.requests("/rss.xml").get(1).headers().get("if-none-match"))
			.isEqualTo(first.validators().etag());
	}

	@Test
	void shouldSendAClearUserAgentAndAskForGzip() throws Exception {
		this.site.fixture("/rss.xml", "feed-summary.rss", "application/rss+xml");

		fetcher().fetch(uri("/rss.xml"), Validators.NONE);

		TestSite.Request request = this.site.requests("/rss.xml").get(0);
		assertThat(request.headers().get("user-agent"))
			.isEqualTo("policy-graph/1.2.3 (+https://policygraph.example/crawler)");
		assertThat(request.headers().get("accept-encoding")).contains("gzip");
	}

	@Test
	void shouldWaitAsLongAsRetryAfterSaysAndThenSucceed() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		this.site.route("/busy.xml", exchange -> {
			if (calls.incrementAndGet() == 1) {
				exchange.getResponseHeaders().set("Retry-After", "1");
				TestSite.send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
			}
			else {
				TestSite.send(exchange, 200, "text/plain", "xin chào".getBytes(StandardCharsets.UTF_8));
			}
		});

		Fetched fetched = fetcher().fetch(uri("/busy.xml"), Validators.NONE);

		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.requests()).isEqualTo(2);
		List<TestSite.Request> requests = this.site.requests("/busy.xml");
		assertThat(Duration.ofNanos(requests.get(1).atNanos() - requests.get(0).atNanos()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void shouldGiveUpWithTheRetryTimeWhenRetryAfterIsLongerThanAPollMayWait() {
		this.site.route("/maintenance.xml", exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "3600");
			TestSite.send(exchange, 503, "text/plain", "bảo trì".getBytes(StandardCharsets.UTF_8));
		});
		Instant before = Instant.now();

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher().fetch(uri("/maintenance.xml"), Validators.NONE))
			.satisfies(ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.UNAVAILABLE);
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.retryAfter()).isAfterOrEqualTo(before.plusSeconds(3599));
				assertThat(ex.getMessage()).contains("Retry-After 3600 s");
			});
		assertThat(this.site.requests("/maintenance.xml")).hasSize(1);
	}

	@Test
	void shouldLeaveAHostAloneUntilItsRetryAfterOnTheNextRequestsToo() {
		this.site.route("/maintenance.xml", exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "3600");
			TestSite.send(exchange, 503, "text/plain", new byte[] { 'x' });
		});
		this.site.fixture("/rss.xml", "feed-summary.rss", "application/rss+xml");
		PoliteFetcher fetcher = fetcher();

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher.fetch(uri("/maintenance.xml"), Validators.NONE));
		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher.fetch(uri("/rss.xml"), Validators.NONE))
			.satisfies(ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.UNAVAILABLE);
				assertThat(ex.getMessage()).contains("Retry-After");
			});
		assertThat(this.site.requests("/rss.xml")).isEmpty();
	}

	@Test
	void shouldRetryServerErrorsWithBackoffAndThenFail() {
		this.site.route("/broken.xml", exchange -> TestSite.send(exchange, 500, "text/plain", new byte[] { 'x' }));

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher().fetch(uri("/broken.xml"), Validators.NONE))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.UNAVAILABLE));
		// the first attempt and max-retries (2) more
		assertThat(this.site.requests("/broken.xml")).hasSize(3);
	}

	@Test
	void shouldTimeOutOnAServerThatDoesNotAnswer() {
		this.site.route("/slow.xml", exchange -> Thread.sleep(5_000));
		PoliteFetcher fetcher = fetcher(properties(Duration.ofMillis(300), DataSize.ofMegabytes(1), 3, Duration.ZERO, 2,
				Duration.ofSeconds(5)));

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher.fetch(uri("/slow.xml"), Validators.NONE))
			.satisfies(ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.TIMEOUT);
				assertThat(ex.reason().isTransient()).isTrue();
			});
		// a timeout is not retried within the poll
		assertThat(this.site.requests("/slow.xml")).hasSize(1);
	}

	@Test
	void shouldTimeOutOnABodyThatTrickles() {
		this.site.route("/trickle.xml", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/xml");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 50; i++) {
					out.write("<item/>".getBytes(StandardCharsets.UTF_8));
					out.flush();
					Thread.sleep(100);
				}
			}
		});
		PoliteFetcher fetcher = fetcher(properties(Duration.ofMillis(500), DataSize.ofMegabytes(1), 3, Duration.ZERO, 2,
				Duration.ofSeconds(5)));

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher.fetch(uri("/trickle.xml"), Validators.NONE))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.TIMEOUT));
	}

	@Test
	void shouldStopFollowingARedirectLoop() {
		this.site.route("/a", exchange -> {
			exchange.getResponseHeaders().set("Location", "/b");
			exchange.sendResponseHeaders(302, -1);
		});
		this.site.route("/b", exchange -> {
			exchange.getResponseHeaders().set("Location", this.site.url("/a"));
			exchange.sendResponseHeaders(301, -1);
		});

		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> fetcher().fetch(uri("/a"), Validators.NONE))
			.satisfies(ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
				assertThat(ex.requests()).isEqualTo(4);
			});
		// the first request and max-redirects (3) hops
		assertThat(this.site.paths()).containsExactly("/a", "/b", "/a", "/b");
	}

	@Test
	void shouldFollowARedirectToItsEnd() throws Exception {
		this.site.route("/old-feed", exchange -> {
			exchange.getResponseHeaders().set("Location", "/rss/new.rss");
			exchange.sendResponseHeaders(301, -1);
		});
		this.site.fixture("/rss/new.rss", "feed-summary.rss", "application/rss+xml");

		Fetched fetched = fetcher().fetch(uri("/old-feed"), Validators.NONE);

		assertThat(fetched.uri()).isEqualTo(uri("/rss/new.rss"));
		assertThat(fetched.requests()).isEqualTo(2);
	}

	@Test
	void shouldRefuseABodyOverTheLimitWithoutReadingIt() throws Exception {
		long total = 64L * 1024 * 1024;
		AtomicLong written = new AtomicLong();
		this.site.route("/huge.xml", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/xml");
			exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse
													// it by
			byte[] chunk = new byte[64 * 1024];
			java.util.Arrays.fill(chunk, (byte) 'a');
			try (OutputStream out = exchange.getResponseBody()) {
				while (written.get() < total) {
					out.write(chunk);
					written.addAndGet(chunk.length);
				}
			}
		});
		PoliteFetcher fetcher = fetcher(properties(Duration.ofSeconds(20), DataSize.ofKilobytes(256), 3, Duration.ZERO,
				2, Duration.ofSeconds(5)));

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher.fetch(uri("/huge.xml"), Validators.NONE))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.TOO_LARGE));
		Thread.sleep(500);
		// the transfer was cut off: far from all of it was sent
		assertThat(written.get()).isLessThan(total / 4);
	}

	@Test
	void shouldRefuseABodyWhoseDeclaredLengthIsOverTheLimit() {
		this.site.route("/declared.xml",
				exchange -> TestSite.send(exchange, 200, "application/xml", new byte[512 * 1024]));
		PoliteFetcher fetcher = fetcher(properties(Duration.ofSeconds(5), DataSize.ofKilobytes(256), 3, Duration.ZERO,
				2, Duration.ofSeconds(5)));

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher.fetch(uri("/declared.xml"), Validators.NONE))
			.satisfies(ex -> assertThat(ex.getMessage()).contains("Content-Length"));
	}

	@Test
	void shouldDecompressGzip() throws Exception {
		byte[] page = this.site.fixture("article-1001.html").getBytes(StandardCharsets.UTF_8);
		this.site.route("/gzip.html", exchange -> {
			ByteArrayOutputStream zipped = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
				gzip.write(page);
			}
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			TestSite.send(exchange, 200, "text/html; charset=utf-8", zipped.toByteArray());
		});

		Fetched fetched = fetcher().fetch(uri("/gzip.html"), Validators.NONE);

		assertThat(fetched.body()).isEqualTo(page);
	}

	@Test
	void shouldRefuseAGzipBombOverTheLimitOnceDecompressed() throws Exception {
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
			gzip.write(new byte[4 * 1024 * 1024]);
		}
		this.site.route("/bomb.xml", exchange -> {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			TestSite.send(exchange, 200, "application/xml", zipped.toByteArray());
		});
		PoliteFetcher fetcher = fetcher(properties(Duration.ofSeconds(5), DataSize.ofKilobytes(256), 3, Duration.ZERO,
				2, Duration.ofSeconds(5)));

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher.fetch(uri("/bomb.xml"), Validators.NONE))
			.satisfies(ex -> assertThat(ex.getMessage()).contains("decompressed"));
	}

	@Test
	void shouldReadUtf8WhenTheHeaderSaysIso88591AndTheMetaUtf8() throws Exception {
		String html = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><p>" + VIETNAMESE
				+ "</p></body></html>";
		this.site.route("/latin1-header.html", exchange -> TestSite.send(exchange, 200, "text/html; charset=ISO-8859-1",
				html.getBytes(StandardCharsets.UTF_8)));

		Fetched fetched = fetcher().fetch(uri("/latin1-header.html"), Validators.NONE);

		assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).contains(VIETNAMESE);
	}

	@Test
	void shouldReadTheMetaCharsetWhenTheHeaderWronglySaysUtf8() throws Exception {
		Charset cp1258 = Charset.forName("windows-1258");
		String text = "Ban Thường vụ Tỉnh ủy Nghệ An";
		// windows-1258 writes tones as combining marks: encode the decomposed form
		String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">"
				+ "</head><body><p>" + BodyCharsetTests.cp1258Form(text) + "</p></body></html>";
		this.site.route("/cp1258.html",
				exchange -> TestSite.send(exchange, 200, "text/html; charset=utf-8", html.getBytes(cp1258)));

		Fetched fetched = fetcher().fetch(uri("/cp1258.html"), Validators.NONE);

		String decoded = java.text.Normalizer.normalize(new String(fetched.body(), StandardCharsets.UTF_8),
				java.text.Normalizer.Form.NFC);
		assertThat(decoded).contains(text);
	}

	@Test
	void shouldNotFetchWhatRobotsTxtDisallows() throws Exception {
		this.site.route("/robots.txt", exchange -> TestSite.send(exchange, 200, "text/plain", """
				User-agent: *
				Disallow: /private/

				User-agent: policy-graph
				Disallow: /rss/
				Crawl-delay: 0
				""".getBytes(StandardCharsets.UTF_8)));
		this.site.fixture("/rss/feed.rss", "feed-summary.rss", "application/rss+xml");
		this.site.fixture("/public/feed.rss", "feed-summary.rss", "application/rss+xml");
		PoliteFetcher fetcher = fetcher();

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher.fetch(uri("/rss/feed.rss"), Validators.NONE))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.DISALLOWED));
		assertThat(fetcher.fetch(uri("/public/feed.rss"), Validators.NONE).status()).isEqualTo(200);
		assertThat(this.site.requests("/rss/feed.rss")).isEmpty();
		// robots.txt fetched once and kept
		assertThat(this.site.requests("/robots.txt")).hasSize(1);
	}

	@Test
	void shouldNotFetchARedirectTargetThatRobotsTxtDisallows() {
		this.site.route("/robots.txt", exchange -> TestSite.send(exchange, 200, "text/plain",
				"User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)));
		this.site.route("/go", exchange -> {
			exchange.getResponseHeaders().set("Location", "/private/page.html");
			exchange.sendResponseHeaders(302, -1);
		});

		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> fetcher().fetch(uri("/go"), Validators.NONE))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.DISALLOWED));
		assertThat(this.site.paths()).containsExactly("/go");
	}

	@Test
	void shouldKeepAHostClosedWhileItsRobotsTxtIsUnavailable() {
		this.site.route("/robots.txt", exchange -> TestSite.send(exchange, 503, "text/plain", new byte[] { 'x' }));
		this.site.fixture("/rss.xml", "feed-summary.rss", "application/rss+xml");

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher().fetch(uri("/rss.xml"), Validators.NONE))
			.satisfies(ex -> assertThat(ex.getMessage()).contains("robots.txt"));
		assertThat(this.site.requests("/rss.xml")).isEmpty();
	}

	@Test
	void shouldSpaceTheRequestsToOneHost() throws Exception {
		this.site.fixture("/rss.xml", "feed-summary.rss", "application/rss+xml");
		PoliteFetcher fetcher = fetcher(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 3,
				Duration.ofMillis(300), 2, Duration.ofSeconds(5)));
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Fetched>> fetches = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				fetches.add(threads.submit(() -> fetcher.fetch(uri("/rss.xml"), Validators.NONE)));
			}
			for (Future<Fetched> fetch : fetches) {
				assertThat(fetch.get().status()).isEqualTo(200);
			}
		}
		finally {
			threads.shutdownNow();
		}
		List<TestSite.Request> requests = this.site.requests("/rss.xml");
		assertThat(requests).hasSize(4);
		// starts 300 ms apart: the four arrive over at least 900 ms (unpaced, within a
		// few ms); a
		// margin for the arrival jitter of a loaded machine
		assertThat(Duration.ofNanos(requests.get(3).atNanos() - requests.get(0).atNanos()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(600));
	}

	@Test
	void shouldRefuseWhatIsNotHttp() {
		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> fetcher().fetch(URI.create("file:///etc/passwd"), Validators.NONE))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.UNSUPPORTED));
	}

	@Test
	void shouldReadRetryAfterAsSecondsOrAsADate() {
		Instant now = Instant.parse("2026-03-01T08:00:00Z");
		assertThat(PoliteFetcher.retryAfter(headers("120"), now)).isEqualTo(Duration.ofSeconds(120));
		assertThat(PoliteFetcher.retryAfter(headers("Sun, 01 Mar 2026 08:05:00 GMT"), now))
			.isEqualTo(Duration.ofMinutes(5));
		assertThat(PoliteFetcher.retryAfter(headers("soon"), now)).isNull();
	}

	private static java.net.http.HttpHeaders headers(String retryAfter) {
		return java.net.http.HttpHeaders.of(java.util.Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
	}

	static byte[] bytes(String text) throws IOException {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
