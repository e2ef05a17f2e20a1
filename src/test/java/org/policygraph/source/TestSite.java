package org.policygraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server for the tests of fetching (the JDK's
 * {@code com.sun.net.httpserver}), on a random loopback port: routes by exact path, a log
 * of every request received, and fixtures from {@code src/test/resources/sources/} with
 * {@code {{base}}} replaced by the server's base URL. A path without a route answers 404
 * (robots.txt included: everything allowed).
 */
final class TestSite implements AutoCloseable {

	/** Answers one request. */
	@FunctionalInterface
	interface Handler {

		void handle(HttpExchange exchange) throws IOException, InterruptedException;

	}

	/**
	 * A request the server received.
	 *
	 * @param path the path (and query)
	 * @param headers the request headers (first value of each, names lower case)
	 * @param atNanos when it arrived ({@link System#nanoTime()})
	 */
	record Request(String path, Map<String, String> headers, long atNanos) {
	}

	private final HttpServer server;

	private final Map<String, Handler> routes = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	TestSite() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
					? "?" + exchange.getRequestURI().getRawQuery() : "");
			Map<String, String> headers = new ConcurrentHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			this.requests.add(new Request(path, headers, System.nanoTime()));
			try (exchange) {
				Handler handler = this.routes.get(path);
				if (handler == null) {
					send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
				}
				else {
					handler.handle(exchange);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				// the client went away (timeouts, oversized bodies): nothing to answer
			}
		});
		this.server.start();
	}

	/**
	 * @return {@code http://127.0.0.1:<port>}
	 */
	String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * @return the URL of a path on this server
	 */
	String url(String path) {
		return base() + path;
	}

	TestSite route(String path, Handler handler) {
		this.routes.put(path, handler);
		return this;
	}

	/**
	 * Serves a fixture, with {@code {{base}}} replaced, an ETag and conditional GET.
	 */
	TestSite fixture(String path, String fixture, String contentType) {
		return route(path, exchange -> {
			byte[] body = fixture(fixture).getBytes(StandardCharsets.UTF_8);
			String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.getResponseHeaders().set("ETag", etag);
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().set("ETag", etag);
			send(exchange, 200, contentType, body);
		});
	}

	/**
	 * @return a fixture's text with {@code {{base}}} replaced
	 */
	String fixture(String name) {
		try (InputStream in = TestSite.class.getResourceAsStream("/sources/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/**
	 * @return every request received so far, in order
	 */
	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * @return the requests received for one path
	 */
	List<Request> requests(String path) {
		return this.requests.stream().filter(r -> r.path().equals(path)).toList();
	}

	/**
	 * @return the paths requested, robots.txt left out
	 */
	List<String> paths() {
		return this.requests.stream().map(Request::path).filter(p -> !p.equals("/robots.txt")).toList();
	}

	void clearRequests() {
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
		((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
	}

}
