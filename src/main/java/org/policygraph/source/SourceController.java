package org.policygraph.source;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.Connection;
import org.policygraph.graphql.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The sources over GraphQL: their list and state, and the editor's mutations. A poll
 * asked for runs in the background: the mutation does not wait for the network.
 */
@Controller
class SourceController {

	private final SourceService service;

	SourceController(SourceService service) {
		this.service = service;
	}

	@QueryMapping
	Connection<Source> sources(@Argument @Nullable Integer first, @Argument @Nullable String after) {
		return this.service.page(PageRequest.of(first, after, 1));
	}

	@QueryMapping
	@Nullable Source source(@Argument String url) {
		return this.service.source(url).orElse(null);
	}

	@BatchMapping(typeName = "Source", field = "polling")
	Map<Source, Boolean> polling(List<Source> sources) {
		return sources.stream()
			.distinct()
			.collect(java.util.stream.Collectors.toMap(s -> s, s -> this.service.isPolling(s.url())));
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Payload addSource(@Argument AddSourceInput input) {
		SourceService.Result result = this.service.add(input.url(), input.kind());
		if (result.source() != null) {
			this.service.pollLater(result.source().url());
		}
		return new Payload(result.source(), result.error());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Payload removeSource(@Argument UrlInput input) {
		SourceService.Result result = this.service.remove(input.url());
		return new Payload(result.source(), result.error());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	SourceService.PollRequest pollSource(@Argument UrlInput input) {
		return this.service.pollLater(input.url());
	}

	/**
	 * The input of {@code addSource}.
	 *
	 * @param url the URL
	 * @param kind what it is
	 */
	record AddSourceInput(String url, SourceKind kind) {
	}

	/**
	 * The input of {@code removeSource} and {@code pollSource}.
	 *
	 * @param url the source's URL
	 */
	record UrlInput(String url) {
	}

	/**
	 * The payload of {@code addSource} and {@code removeSource}.
	 *
	 * @param source the source
	 * @param error why refused
	 */
	record Payload(@Nullable Source source, @Nullable String error) {
	}

}
