package org.policygraph.ingest.api;

import org.policygraph.ingest.ArticleOutcome;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestProperties;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.RequestDeadline;
import org.policygraph.ingest.read.ArticleDraft;
import org.policygraph.ingest.read.ArticleValidator;
import org.policygraph.ingest.read.ReadResult;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The {@code ingestArticles} mutation: validates each input article like a file record,
 * then runs the batch through {@link IngestService}. The payload's {@code bookmarks}, and
 * the {@code Neo4j-Bookmarks} response header, are the cache package's (read-your-writes
 * in one place).
 */
@Controller
class IngestController {

	/** The most articles one call may carry. */
	static final int MAX_ARTICLES = 1_000;

	/**
	 * Articles per write transaction. A call is written in transactions of this many,
	 * extracted in parallel while the one before is being written: each transaction stays
	 * short on a loaded machine, and a call that fails or runs out of time keeps what it
	 * had written, so that re-sending it (idempotent) finishes the rest instead of
	 * starting over.
	 */
	static final int WRITE_BATCH = 100;

	private final IngestService service;

	private final ArticleValidator validator;

	private final Duration answerReserve;

	IngestController(IngestService service, Clock clock, IngestProperties properties) {
		this.service = service;
		this.validator = new ArticleValidator(clock);
		this.answerReserve = properties.answerReserve();
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	IngestArticlesPayload ingestArticles(@Argument IngestArticlesInput input, GraphQLContext context) {
		if (input.articles().size() > MAX_ARTICLES) {
			throw new InvalidArgumentException("input.articles", "at most " + MAX_ARTICLES + " articles per call, got "
					+ input.articles().size() + "; split the batch or use the ingest command line");
		}
		List<ReadResult> records = new ArrayList<>(input.articles().size());
		for (int i = 0; i < input.articles().size(); i++) {
			ArticleFields a = input.articles().get(i);
			records.add(this.validator.validate(new ArticleDraft(a.title(), (a.text() != null) ? a.text() : a.summary(),
					a.url(), a.publishedAt(), a.source(), a.category(), location(i))));
		}
		List<ArticleOutcome> outcomes = new ArrayList<>();
		IngestListener listener = new IngestListener() {
			@Override
			public void onOutcome(ArticleOutcome outcome) {
				synchronized (outcomes) {
					outcomes.add(outcome);
				}
			}
		};
		IngestOptions options = new IngestOptions(null, Boolean.TRUE.equals(input.dryRun()), WRITE_BATCH);
		// The call stops starting batches, and its transactions end, a little before the
		// request's
		// timeout, so that it can still answer with a result per article (NOT_PROCESSED
		// for what it
		// had no time for) instead of the timeout error.
		RequestDeadline deadline = RequestDeadline.of(context);
		IngestReport report = (deadline.remaining() != null)
				? this.service.ingestRecords(records, options, listener,
						() -> Objects.requireNonNull(deadline.remaining()).minus(this.answerReserve))
				: this.service.ingestRecords(records, options, listener);
		IngestResult[] results = new IngestResult[records.size()];
		for (ArticleOutcome outcome : outcomes) {
			int index = Math.toIntExact(outcome.index());
			results[index] = new IngestResult(index, outcome.articleId(), outcome.status().name(), outcome.reason());
		}
		return new IngestArticlesPayload(List.of(results), report.newArticles(), report.changedArticles(),
				report.unchangedArticles(), report.rejected(), report.failed(), report.notProcessed(),
				report.duplicateArticles(), report.checkedArticles(), report.nodesCreated(),
				report.relationshipsCreated(), report.nodesDeleted(), report.relationshipsDeleted());
	}

	private static String location(int index) {
		return "input[" + index + "]";
	}

	/**
	 * The mutation's input.
	 *
	 * @param articles the articles
	 * @param dryRun extract without writing
	 */
	record IngestArticlesInput(List<ArticleFields> articles, @Nullable Boolean dryRun) {
	}

	/**
	 * One input article, as sent.
	 *
	 * @param url the URL
	 * @param title the title
	 * @param text the text
	 * @param summary the summary
	 * @param publishedAt the date as sent
	 * @param source the publication
	 * @param category the section
	 */
	record ArticleFields(@Nullable String url, @Nullable String title, @Nullable String text, @Nullable String summary,
			@Nullable String publishedAt, @Nullable String source, @Nullable String category) {
	}

	/**
	 * The mutation's payload.
	 *
	 * @param results per article
	 * @param newCount new
	 * @param changedCount changed
	 * @param unchangedCount unchanged
	 * @param rejectedCount rejected
	 * @param failedCount failed
	 * @param notProcessedCount left for a retry: the request's time was up
	 * @param duplicateCount occurred earlier in the same call
	 * @param checkedCount extracted by a dry run
	 * @param nodesCreated nodes created
	 * @param relationshipsCreated relationships created
	 * @param nodesDeleted nodes deleted
	 * @param relationshipsDeleted relationships deleted
	 */
	record IngestArticlesPayload(List<IngestResult> results, long newCount, long changedCount, long unchangedCount,
			long rejectedCount, long failedCount, long notProcessedCount, long duplicateCount, long checkedCount,
			long nodesCreated, long relationshipsCreated, long nodesDeleted, long relationshipsDeleted) {
	}

	/**
	 * One article's result.
	 *
	 * @param index position in the input
	 * @param articleId identity
	 * @param status outcome
	 * @param reason why rejected or failed
	 */
	record IngestResult(int index, @Nullable String articleId, String status, @Nullable String reason) {
	}

}
