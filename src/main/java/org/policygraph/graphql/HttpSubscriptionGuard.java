package org.policygraph.graphql;

import java.util.List;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Refuses a subscription sent as a plain HTTP request. Subscriptions are served over
 * WebSocket (graphql-ws) and as server-sent events ({@code Accept: text/event-stream}); a
 * plain request would otherwise be answered with the event stream object itself
 * serialized as {@code data}. The answer is a {@code BAD_REQUEST} error saying which
 * transports to use.
 */
@Component
class HttpSubscriptionGuard implements WebGraphQlInterceptor {

	static final String MESSAGE = "A subscription needs a stream: use WebSocket (graphql-ws) at /graphql, "
			+ "or server-sent events with 'Accept: text/event-stream'";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest || acceptsEventStream(request)) {
			return chain.next(request);
		}
		return chain.next(request)
			.map(response -> (response.getExecutionResult().getData() instanceof Publisher<?>) ? refusal(response)
					: response);
	}

	private static boolean acceptsEventStream(WebGraphQlRequest request) {
		List<MediaType> accept;
		try {
			accept = request.getHeaders().getAccept();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		return accept.stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
	}

	private static WebGraphQlResponse refusal(WebGraphQlResponse response) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(MESSAGE).build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(response.getExecutionInput(), result));
	}

}
