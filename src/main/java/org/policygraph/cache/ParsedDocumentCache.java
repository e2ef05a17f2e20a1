package org.policygraph.cache;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated GraphQL documents, kept by their text. Dashboards and pages send
 * the same few documents over and over with different variables; each is parsed and
 * validated against the schema once, not on every request. Only documents that passed
 * validation and are at most {@link #MAX_TEXT} characters long are kept, and the texts
 * kept together are bounded in size (Caffeine evicts the least used first), so large or
 * random requests cannot fill the heap. The query limits are checked on every execution
 * all the same (they run when the operation starts, not at validation).
 */
public class ParsedDocumentCache implements PreparsedDocumentProvider {

	/**
	 * The longest document text kept, in characters; a longer one is parsed on every
	 * request.
	 */
	static final int MAX_TEXT = 16 * 1024;

	private final Cache<String, PreparsedDocumentEntry> documents;

	/**
	 * @param maximumSize how many documents to keep (their texts together at most that
	 * many times 2,048 characters)
	 */
	public ParsedDocumentCache(int maximumSize) {
		this.documents = Caffeine.newBuilder()
			.maximumWeight(maximumSize * 2048L)
			.<String, PreparsedDocumentEntry>weigher((text, entry) -> text.length())
			.build();
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
		if (!entry.hasErrors() && text.length() <= MAX_TEXT) {
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
