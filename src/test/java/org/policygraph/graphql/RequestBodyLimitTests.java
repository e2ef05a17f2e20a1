package org.policygraph.graphql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are bounded one by one, and all together while they are held.
 */
class RequestBodyLimitTests {

	private final RequestBodyLimit limit = new RequestBodyLimit(
			new RequestBodyProperties(DataSize.ofKilobytes(64), DataSize.ofKilobytes(100), null));

	private static MockHttpServletRequest post(byte[] body, boolean withLength) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql") {
			@Override
			public long getContentLengthLong() {
				return withLength ? super.getContentLengthLong() : -1;
			}
		};
		request.setContentType("application/json");
		request.setContent(body);
		return request;
	}

	@Test
	void shouldRefuseABodyOverTheLimitByItsLengthWithAGraphQlError() throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.limit.doFilter(post(new byte[65 * 1024], true), response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"reason\":\"PAYLOAD_TOO_LARGE\"",
				"66,560 bytes", "65,536");
	}

	@Test
	void shouldRefuseABodyOfUnknownLengthOnceItPassesTheLimit() throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.limit.doFilter(post(new byte[65 * 1024], false), response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void shouldPassABodyOfUnknownLengthWithinTheLimitWhole() throws ServletException, IOException {
		byte[] body = "{\"query\":\"{ about { name } }\"}".getBytes(StandardCharsets.UTF_8);
		AtomicReference<String> read = new AtomicReference<>();

		this.limit.doFilter(post(body, false), new MockHttpServletResponse(), (request, response) -> read
			.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));

		assertThat(read.get()).isEqualTo("{\"query\":\"{ about { name } }\"}");
		assertThat(this.limit.inFlightBytes()).isZero();
	}

	@Test
	void shouldGiveABodyReadAheadToANonBlockingReaderWhole() throws ServletException, IOException {
		byte[] body = "{\"query\":\"{ about { name } }\"}".getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		AtomicReference<String> events = new AtomicReference<>("");

		this.limit.doFilter(post(body, false), new MockHttpServletResponse(), (request, response) -> {
			ServletInputStream in = request.getInputStream();
			in.setReadListener(new ReadListener() {
				@Override
				public void onDataAvailable() throws IOException {
					events.accumulateAndGet("data ", String::concat);
					while (in.isReady() && !in.isFinished()) {
						read.write(in.read());
					}
				}

				@Override
				public void onAllDataRead() {
					events.accumulateAndGet("all", String::concat);
				}

				@Override
				public void onError(Throwable t) {
					events.accumulateAndGet("error", String::concat);
				}
			});
		});

		assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo("{\"query\":\"{ about { name } }\"}");
		assertThat(events.get()).isEqualTo("data all");
	}

	@Test
	void shouldAnswerBusyWhenTheBodiesHeldTogetherWouldPassTheirLimit() throws ServletException, IOException {
		MockHttpServletResponse inner = new MockHttpServletResponse();
		MockHttpServletResponse outer = new MockHttpServletResponse();

		// While a 60 KiB body is held, another of 60 KiB would make 120 KiB of the 100
		// allowed.
		this.limit.doFilter(post(new byte[60 * 1024], true), outer, (request, response) -> this.limit
			.doFilter(post(new byte[60 * 1024], true), inner, new MockFilterChain()));

		assertThat(outer.getStatus()).isEqualTo(200);
		assertThat(inner.getStatus()).isEqualTo(503);
		assertThat(inner.getHeader("Retry-After")).isNotNull();
		assertThat(inner.getContentAsString(StandardCharsets.UTF_8)).contains("\"reason\":\"BUSY\"");
		assertThat(this.limit.inFlightBytes()).isZero();
	}

}
