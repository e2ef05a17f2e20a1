package org.policygraph.graphql;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.function.AsyncServerResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The GraphQL-over-HTTP handler, reading and writing JSON like the default one, with a parser
 * bounded by the body limit, and the limits on what a client may send ({@link RequestBodyLimit}
 * for HTTP bodies, the WebSocket container's message size for graphql-ws), except that a request body that is JSON {@code null} is refused as
 * unreadable (400) — the default handler fails on it with a 500 — and that a request turned away
 * unrun by admission control ({@code BUSY}, see {@link RequestAdmission}) is answered 503 Service
 * Unavailable, with its {@code Retry-After}, so that load balancers and clients see an overload, not
 * a bad request, and one turned away because its client has too many requests in flight
 * ({@code TOO_MANY_REQUESTS}) 429 Too Many Requests. An answer ready at once (a kept response) is written without an asynchronous
 * dispatch.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestBodyProperties.class)
class GraphQlHttpConfiguration {

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, RequestBodyProperties body) {
		return new BusyAwareHandler(webGraphQlHandler,
				new NonNullBodyConverter(new JacksonJsonHttpMessageConverter(graphQlJsonMapper(body))));
	}

	/*
	 * GraphQL over HTTP reads and writes plain JSON objects, lists, strings and numbers. Its parser
	 * refuses a document, or a string in it, longer than the body limit (the filter has refused a
	 * longer body by then; this holds for any other way in, too).
	 */
	static JsonMapper graphQlJsonMapper(RequestBodyProperties body) {
		long max = body.maxSize().toBytes();
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxDocumentLength(max)
			.maxStringLength((int) Math.min(Integer.MAX_VALUE, max))
			.build();
		return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build()).build();
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(RequestBodyProperties body,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(body));
		registration.addUrlPatterns(path);
		// Before security and everything else: an oversized body is refused unread.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/*
	 * GraphQL's HTTP handler answers asynchronously without a timeout of its own, so the servlet
	 * container's (30 s in Tomcat) would cut a request that waited in line and then ran a mutation
	 * for its write timeout: the container's is set to the MVC one, which covers both.
	 */
	@Bean
	TomcatConnectorCustomizer asyncRequestTimeout(
			@Value("${spring.mvc.async.request-timeout:180s}") Duration timeout) {
		return connector -> connector.setAsyncTimeout(timeout.toMillis());
	}

	// The largest graphql-ws message (Tomcat's buffer of each WebSocket session is this size).
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(RequestBodyProperties body) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		int max = (int) Math.min(Integer.MAX_VALUE, body.maxWebSocketMessage().toBytes());
		container.setMaxTextMessageBufferSize(max);
		container.setMaxBinaryMessageBufferSize(max);
		return container;
	}

	/** Answers a request that was not run because the service is busy with 503. */
	static final class BusyAwareHandler extends GraphQlHttpHandler {

		BusyAwareHandler(WebGraphQlHandler handler, HttpMessageConverter<?> converter) {
			super(handler, converter);
		}

		/*
		 * Spring for GraphQL answers every request asynchronously (a second dispatch through the
		 * servlet filters and the dispatcher). An answer that is ready at once, a kept response
		 * (ResponseCache), is written on the request's thread instead.
		 */
		@Override
		protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
			CompletableFuture<WebGraphQlResponse> answer = responseMono.toFuture();
			ServerResponse response = super.prepareResponse(request, Mono.fromFuture(answer));
			if (answer.isDone() && !answer.isCompletedExceptionally() && response instanceof AsyncServerResponse async) {
				try {
					return async.block();
				}
				catch (RuntimeException ex) {
					// Preparing the response failed: the asynchronous path hands the cause to the
					// usual exception handling.
					return response;
				}
			}
			return response;
		}

		@Override
		protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
			if (RequestAdmission.isBusy(response)) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
			if (RequestAdmission.isTooManyRequests(response)) {
				return HttpStatus.TOO_MANY_REQUESTS;
			}
			return super.selectResponseStatus(response, responseMediaType);
		}

	}

	/** Delegates to a JSON converter, refusing a body that reads as {@code null}. */
	static final class NonNullBodyConverter implements HttpMessageConverter<Object> {

		private final HttpMessageConverter<Object> delegate;

		NonNullBodyConverter(HttpMessageConverter<Object> delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
			return this.delegate.canRead(clazz, mediaType);
		}

		@Override
		public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
			return this.delegate.canWrite(clazz, mediaType);
		}

		@Override
		public List<MediaType> getSupportedMediaTypes() {
			return this.delegate.getSupportedMediaTypes();
		}

		@Override
		public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
			return this.delegate.getSupportedMediaTypes(clazz);
		}

		@Override
		public Object read(Class<?> clazz, HttpInputMessage inputMessage)
				throws IOException, HttpMessageNotReadableException {
			Object body = this.delegate.read(clazz, inputMessage);
			if (body == null) {
				throw new HttpMessageNotReadableException("The request body is JSON null, not a GraphQL request object",
						inputMessage);
			}
			return body;
		}

		@Override
		public void write(Object t, @Nullable MediaType contentType, HttpOutputMessage outputMessage)
				throws IOException, HttpMessageNotWritableException {
			this.delegate.write(t, contentType, outputMessage);
		}

	}

}
