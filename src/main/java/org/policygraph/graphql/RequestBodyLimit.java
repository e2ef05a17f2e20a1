package org.policygraph.graphql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what a request body to {@code /graphql} may hold, before anything reads it:
 * <ul>
 * <li>A body over {@link RequestBodyProperties#maxSize()} is answered 413 Content Too
 * Large with a GraphQL error ({@code reason: PAYLOAD_TOO_LARGE}), unread: by its
 * {@code Content-Length}, or, for a body sent without one (chunked), as soon as the bytes
 * read pass the limit.</li>
 * <li>All bodies being read or run hold at most
 * {@link RequestBodyProperties#maxInFlight()} bytes together: a request that would go
 * over it is answered 503 with {@code Retry-After} and a GraphQL error
 * ({@code reason: BUSY}), unread. A body holds its share until its response is
 * complete.</li>
 * </ul>
 * The JSON parser of {@code /graphql} has the same size as its own limit (see
 * {@link GraphQlHttpConfiguration}).
 */
class RequestBodyLimit extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);

	private final long maxSize;

	private final int maxInFlightKiB;

	private final Semaphore inFlight;

	RequestBodyLimit(RequestBodyProperties properties) {
		this.maxSize = properties.maxSize().toBytes();
		this.maxInFlightKiB = (int) Math.min(Integer.MAX_VALUE, properties.maxInFlight().toBytes() / 1024);
		this.inFlight = new Semaphore(this.maxInFlightKiB);
	}

	/** Bytes of body held by the requests now being read or run. */
	long inFlightBytes() {
		return (this.maxInFlightKiB - (long) this.inFlight.availablePermits()) * 1024;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		long length = request.getContentLengthLong();
		if (length > this.maxSize) {
			tooLarge(request, response, length);
			return;
		}
		// A body of unknown length holds the most it may be until it has been read.
		int permits = kib((length >= 0) ? length : this.maxSize);
		if (!this.inFlight.tryAcquire(permits)) {
			log.warn("Request body refused: {} KiB of bodies already held",
					this.maxInFlightKiB - this.inFlight.availablePermits());
			error(response, HttpStatus.SERVICE_UNAVAILABLE, "BUSY",
					"The service is busy reading other large requests; try again shortly.");
			response.setHeader(HttpHeaders.RETRY_AFTER, "2");
			return;
		}
		AtomicBoolean released = new AtomicBoolean();
		Runnable release = () -> {
			if (released.compareAndSet(false, true)) {
				this.inFlight.release(permits);
			}
		};
		try {
			HttpServletRequest limited = request;
			if (length < 0) {
				byte[] body = readAtMost(request.getInputStream(), this.maxSize);
				if (body == null) {
					tooLarge(request, response, -1);
					return;
				}
				limited = new BufferedBody(request, body);
			}
			chain.doFilter(limited, response);
		}
		finally {
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new ReleaseOnCompletion(release));
			}
			else {
				release.run();
			}
		}
	}

	private static int kib(long bytes) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + 1023) / 1024));
	}

	// The whole body, or null once it passes the limit.
	private static byte[] readAtMost(InputStream in, long max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long total = 0;
		for (int n; (n = in.read(buffer)) != -1;) {
			total += n;
			if (total > max) {
				return null;
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response, long length) throws IOException {
		String size = (length >= 0) ? String.format("%,d bytes", length) : "larger than the limit";
		log.warn("Request body refused from {}: {}", request.getRemoteAddr(), size);
		// Do not read the rest of a body this large: close the connection after the
		// answer.
		response.setHeader(HttpHeaders.CONNECTION, "close");
		error(response, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
				"The request body is " + size + "; the limit is " + String.format("%,d", this.maxSize)
						+ " bytes. Send fewer or shorter articles per request.");
	}

	private static void error(HttpServletResponse response, HttpStatus status, String reason, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
					+ "\",\"extensions\":{\"classification\":\"BAD_REQUEST\",\"reason\":\"" + reason + "\"}}]}");
	}

	/** A request whose body was read ahead. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				/**
				 * The whole body is in memory: it is available at once, then all read.
				 */
				@Override
				public void setReadListener(ReadListener listener) {
					try {
						if (!isFinished()) {
							listener.onDataAvailable();
						}
						listener.onAllDataRead();
					}
					catch (IOException | RuntimeException ex) {
						listener.onError(ex);
					}
				}

			};
		}

	}

	/** Releases a body's share when its asynchronous response ends, however it ends. */
	private record ReleaseOnCompletion(Runnable release) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			this.release.run();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			this.release.run();
		}

		@Override
		public void onError(AsyncEvent event) {
			this.release.run();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
