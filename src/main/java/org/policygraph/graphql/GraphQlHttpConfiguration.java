package org.policygraph.graphql;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import jakarta.servlet.ServletException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.function.AsyncServerResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The GraphQL-over-HTTP handler, reading and writing JSON like the default one, with a
 * parser bounded by the body limit, and the limits on what a client may send
 * ({@link RequestBodyLimit} for HTTP bodies, the WebSocket container's message size for
 * graphql-ws), except that a request body that is JSON {@code null} is refused as
 * unreadable (400) — the default handler fails on it with a 500 — and that a request
 * turned away unrun by admission control ({@code BUSY}, see {@link RequestAdmission}) is
 * answered 503 Service Unavailable, with its {@code Retry-After}, so that load balancers
 * and clients see an overload, not a bad request, and one turned away because its client
 * has too many requests in flight ({@code TOO_MANY_REQUESTS}) 429 Too Many Requests. An
 * answer ready at once (a kept response) is written without an asynchronous dispatch.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestBodyProperties.class)
class GraphQlHttpConfiguration {

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, RequestBodyProperties body) {
		JsonMapper mapper = graphQlJsonMapper(body);
		return new BusyAwareHandler(webGraphQlHandler,
				new NonNullBodyConverter(new JacksonJsonHttpMessageConverter(mapper), mapper), mapper);
	}

	/*
	 * GraphQL over HTTP reads and writes plain JSON objects, lists, strings and numbers.
	 * Its parser refuses a document, or a string in it, longer than the body limit (the
	 * filter has refused a longer body by then; this holds for any other way in, too).
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
		FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
				new RequestBodyLimit(body));
		registration.addUrlPatterns(path);
		// Before security and everything else: an oversized body is refused unread.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/*
	 * GraphQL's HTTP handler answers asynchronously without a timeout of its own, so the
	 * servlet container's (30 s in Tomcat) would cut a request that waited in line and
	 * then ran a mutation for its write timeout: the container's is set to the MVC one,
	 * which covers both.
	 */
	@Bean
	TomcatConnectorCustomizer asyncRequestTimeout(@Value("${spring.mvc.async.request-timeout:180s}") Duration timeout) {
		return connector -> connector.setAsyncTimeout(timeout.toMillis());
	}

	// The largest graphql-ws message (Tomcat's buffer of each WebSocket session is this
	// size).
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(RequestBodyProperties body) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		int max = (int) Math.min(Integer.MAX_VALUE, body.maxWebSocketMessage().toBytes());
		container.setMaxTextMessageBufferSize(max);
		container.setMaxBinaryMessageBufferSize(max);
		return container;
	}

	/**
	 * {@code GET /graphql?query=…}: queries over GET (GraphQL over HTTP), before Spring
	 * Boot's route, which answers every GET with 405. A WebSocket handshake on the same
	 * path is left to the graphql-ws handler.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGetRoute(GraphQlHttpHandler handler, RequestBodyProperties body,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		GraphQlGetHandler get = new GraphQlGetHandler((BusyAwareHandler) handler, graphQlJsonMapper(body));
		return RouterFunctions.route(RequestPredicates.GET(path)
			.and(request -> request.headers()
				.header(HttpHeaders.UPGRADE)
				.stream()
				.noneMatch(protocol -> protocol.equalsIgnoreCase("websocket"))), get::handle);
	}

	/**
	 * {@code POST /graphql} with a body of a media type GraphQL over HTTP does not read
	 * ({@code text/plain}, a form, none): 415 with a GraphQL error naming the type to
	 * use, where Spring Boot's route, which matches JSON bodies only, would leave an
	 * empty 415.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlUnsupportedMediaTypeRoute(RequestBodyProperties body,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		JsonMapper json = graphQlJsonMapper(body);
		return RouterFunctions.route(RequestPredicates.POST(path).and(request -> !readable(request)),
				request -> RequestErrors.answer(json, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"The request's Content-Type "
								+ request.headers().contentType().map(MediaType::toString).orElse("(none)")
								+ " is not supported: send the GraphQL request as application/json."));
	}

	private static boolean readable(ServerRequest request) {
		return request.headers()
			.contentType()
			.filter(type -> MediaType.APPLICATION_JSON.isCompatibleWith(type)
					|| "application".equals(type.getType()) && type.getSubtype().endsWith("+json")
					|| "application".equals(type.getType()) && "graphql".equals(type.getSubtype()))
			.isPresent();
	}

	/** Answers a request that was not run because the service is busy with 503. */
	static final class BusyAwareHandler extends GraphQlHttpHandler {

		private final WebGraphQlHandler webGraphQlHandler;

		private final IdGenerator ids = new AlternativeJdkIdGenerator();

		private final JsonMapper json;

		BusyAwareHandler(WebGraphQlHandler handler, HttpMessageConverter<?> converter, JsonMapper json) {
			super(handler, converter);
			this.webGraphQlHandler = handler;
			this.json = json;
		}

		/**
		 * A body that cannot be read as a GraphQL request (not JSON, not an object, a
		 * parameter of the wrong type, no {@code query}) is answered 400, and a body of
		 * another media type 415, each with a GraphQL error saying why, instead of the
		 * servlet container's error page.
		 */
		@Override
		public ServerResponse handleRequest(ServerRequest request) throws ServletException {
			try {
				return super.handleRequest(request);
			}
			catch (HttpMessageNotReadableException ex) {
				return RequestErrors.answer(this.json, request, HttpStatus.BAD_REQUEST,
						shorten("The request body is not a GraphQL request: " + firstLine(ex.getMessage())));
			}
			catch (ServerWebInputException ex) {
				return RequestErrors.answer(this.json, request, HttpStatus.BAD_REQUEST, reason(ex));
			}
			catch (HttpMediaTypeNotSupportedException ex) {
				return RequestErrors.answer(this.json, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"The request's Content-Type " + ex.getContentType()
								+ " is not supported: send the GraphQL request as application/json.");
			}
		}

		private static String reason(ServerWebInputException ex) {
			String reason = (ex.getReason() != null) ? ex.getReason() : "The request cannot be read";
			String detail = (ex.getCause() != null) ? firstLine(ex.getCause().getMessage()) : null;
			String message = (detail == null || detail.isBlank() || detail.equals(reason)) ? reason
					: reason + ": " + detail;
			return shorten(message);
		}

		private static String shorten(String message) {
			return (message.length() > 300) ? message.substring(0, 300) + "…" : message;
		}

		private static @Nullable String firstLine(@Nullable String text) {
			return (text != null) ? text.lines().findFirst().orElse(text) : null;
		}

		/**
		 * Runs a request read from elsewhere than the body (a GET's parameters) as a POST
		 * of the same request would run, answered the same way.
		 */
		ServerResponse handle(ServerRequest request, GraphQlRequest graphQlRequest) {
			MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
			request.cookies()
				.values()
				.forEach(
						list -> list.forEach(c -> cookies.add(c.getName(), new HttpCookie(c.getName(), c.getValue()))));
			WebGraphQlRequest webRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
					cookies, request.remoteAddress().orElse(null), request.attributes(), graphQlRequest,
					this.ids.generateId().toString(), LocaleContextHolder.getLocale());
			return prepareResponse(request, this.webGraphQlHandler.handleRequest(webRequest));
		}

		/*
		 * Spring for GraphQL answers every request asynchronously (a second dispatch
		 * through the servlet filters and the dispatcher). An answer that is ready at
		 * once, a kept response (ResponseCache), is written on the request's thread
		 * instead.
		 */
		@Override
		protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
			CompletableFuture<WebGraphQlResponse> answer = responseMono.toFuture();
			ServerResponse response = super.prepareResponse(request, Mono.fromFuture(answer));
			if (answer.isDone() && !answer.isCompletedExceptionally()
					&& response instanceof AsyncServerResponse async) {
				try {
					return async.block();
				}
				catch (RuntimeException ex) {
					// Preparing the response failed: the asynchronous path hands the
					// cause to the
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

	/**
	 * Delegates to a JSON converter, refusing a body that reads as {@code null}, and a
	 * GraphQL request whose parameters have the wrong type (GraphQL over HTTP:
	 * {@code query} a string, {@code operationName} a string or null, {@code variables}
	 * and {@code extensions} objects or null) as unreadable: 400, instead of running
	 * {@code 0} or {@code false} as a document.
	 */
	static final class NonNullBodyConverter implements HttpMessageConverter<Object> {

		private final HttpMessageConverter<Object> delegate;

		private final @Nullable JsonMapper mapper;

		NonNullBodyConverter(HttpMessageConverter<Object> delegate) {
			this(delegate, null);
		}

		NonNullBodyConverter(HttpMessageConverter<Object> delegate, @Nullable JsonMapper mapper) {
			this.delegate = delegate;
			this.mapper = mapper;
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
			if (this.mapper == null || clazz != SerializableGraphQlRequest.class) {
				Object body = this.delegate.read(clazz, inputMessage);
				if (body == null) {
					throw new HttpMessageNotReadableException(
							"The request body is JSON null, not a GraphQL request object", inputMessage);
				}
				return body;
			}
			Object tree = this.delegate.read(JsonNode.class, inputMessage);
			if (!(tree instanceof JsonNode node) || !node.isObject()) {
				throw new HttpMessageNotReadableException("The request body is not a JSON object (a GraphQL request)",
						inputMessage);
			}
			checkType(node, "query", JsonNode::isString, "a string", inputMessage);
			checkType(node, "operationName", JsonNode::isString, "a string", inputMessage);
			checkType(node, "variables", JsonNode::isObject, "an object", inputMessage);
			checkType(node, "extensions", JsonNode::isObject, "an object", inputMessage);
			return this.mapper.convertValue(node, SerializableGraphQlRequest.class);
		}

		private static void checkType(JsonNode request, String name, Predicate<JsonNode> type, String expected,
				HttpInputMessage inputMessage) {
			JsonNode value = request.get(name);
			if (value != null && !value.isNull() && !type.test(value)) {
				throw new HttpMessageNotReadableException(
						"The GraphQL request's '" + name + "' must be " + expected + " or null", inputMessage);
			}
		}

		@Override
		public void write(Object t, @Nullable MediaType contentType, HttpOutputMessage outputMessage)
				throws IOException, HttpMessageNotWritableException {
			this.delegate.write(t, contentType, outputMessage);
		}

	}

}
