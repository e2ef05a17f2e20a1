package org.policygraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.function.AsyncServerResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP handler writes an answer that is ready at once (a kept response) on the
 * request's thread, and leaves one still being computed to an asynchronous dispatch.
 */
class GraphQlHttpHandlerTests {

	private final List<HttpMessageConverter<?>> converters = List
		.of(new JacksonJsonHttpMessageConverter(new JsonMapper()));

	@Test
	void shouldWriteAnAnswerThatIsReadyAtOnceWithoutAnAsynchronousDispatch() throws Exception {
		GraphQlHttpConfiguration.BusyAwareHandler handler = handler(
				request -> Mono.just(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
						ExecutionResult.newExecutionResult()
							.data(Map.of("about", Map.of("name", "policy-graph")))
							.build())));
		MockHttpServletRequest servletRequest = post();

		ServerResponse response = handler.handleRequest(ServerRequest.create(servletRequest, this.converters));

		assertThat(response).isNotInstanceOf(AsyncServerResponse.class);
		MockHttpServletResponse written = new MockHttpServletResponse();
		response.writeTo(servletRequest, written, () -> this.converters);
		assertThat(written.getStatus()).isEqualTo(200);
		assertThat(written.getContentAsString(StandardCharsets.UTF_8)).contains("\"name\":\"policy-graph\"");
		assertThat(servletRequest.isAsyncStarted()).isFalse();
	}

	@Test
	void shouldLeaveAnAnswerStillBeingComputedToAnAsynchronousDispatch() throws Exception {
		GraphQlHttpConfiguration.BusyAwareHandler handler = handler(request -> Mono.never());

		ServerResponse response = handler.handleRequest(ServerRequest.create(post(), this.converters));

		assertThat(response).isInstanceOf(AsyncServerResponse.class);
	}

	private GraphQlHttpConfiguration.BusyAwareHandler handler(ExecutionGraphQlService service) {
		return new GraphQlHttpConfiguration.BusyAwareHandler(WebGraphQlHandler.builder(service).build(),
				new JacksonJsonHttpMessageConverter(new JsonMapper()), new JsonMapper());
	}

	private static MockHttpServletRequest post() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContentType("application/json");
		request.addHeader("Accept", "application/graphql-response+json");
		request.setContent("{\"query\":\"{ about { name } }\"}".getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
