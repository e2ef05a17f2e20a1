package org.policygraph.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated GraphQL documents, kept by their text. Dashboards and pages send the same
 * few documents over and over with different variables; each is parsed and validated against the
 * schema once, not on every request. Only documents that passed validation are kept, so random
 * or broken requests cannot crowd out the real ones; the cache holds at most a fixed number,
 * least recently used out first. The query limits are checked on every execution all the same
 * (they run when the operation starts, not at validation).
 */
public class ParsedDocumentCache implements PreparsedDocumentProvider {

	private final Cache<String, PreparsedDocumentEntry> documents;

	/**
	 * @param maximumSize how many documents to keep
	 */
	public ParsedDocumentCache(int maximumSize) {
		this.documents = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String text = input.getQuery();
		PreparsedDocumentEntry cached = this.documents.getIfPresent(text);
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			this.documents.put(text, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	/** Documents kept now. */
	long size() {
		this.documents.cleanUp();
		return this.documents.estimatedSize();
	}

}
