package org.policygraph.ingest.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.graphql.RequestDeadline;
import org.policygraph.ingest.ArticleOutcome;
import org.policygraph.ingest.ArticleOutcome.Status;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestProperties;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.ingest.read.Rejection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * {@code ingestArticles} through the schema, with {@link IngestService} mocked: each
 * input article reaches the service as a record validated like a file record (accepted,
 * or rejected with its reason and written by nobody), the payload has one result per
 * article in input order whatever order the outcomes come in, the counts land in their
 * own fields, and a call over the article limit is refused with {@code BAD_REQUEST}
 * before the service is called. Inside a request with a deadline the service gets the
 * time left less the answer reserve.
 * <p>
 * Not part of the slice: security ({@code @PreAuthorize("hasRole('EDITOR')")} has no
 * method security here; the editors' role is tested over HTTP in {@code IngestIT}), the
 * payload's {@code bookmarks} (mapped by the cache package) and the writes themselves.
 */
@GraphQlSliceTest(controllers = IngestController.class)
@Import(IngestControllerTests.IngestBeans.class)
class IngestControllerTests {

	/** The machine's day in the tests: later dates are in the future. */
	private static final Instant NOW = Instant.parse("2025-08-01T08:00:00Z");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private IngestService service;

	@Test
	void shouldValidateEachArticleAndPassTheBatchInInputOrder() {
		List<ReadResult> records = answerWith(report(0, 0, 0, 0, 0, 0, 0, 0));

		this.graphQl.documentName("ingestArticles")
			.variable("input", Map.of("articles",
					List.of(article("https://example.vn/a", "  Tỉnh ủy   Hà Nam\n", "Thân bài.", null, "2025-07-30"),
							article(null, "Chỉ có tóm tắt", null, "Tóm tắt.", "30/07/2025"),
							article(null, " ", "Không có tiêu đề.", null, null),
							article(null, "Ngày mai", null, null, "2025-08-03"))))
			.execute()
			.path("ingestArticles.newCount")
			.entity(Long.class)
			.isEqualTo(0L);

		assertThat(records).extracting(ReadResult::location)
			.containsExactly("input[0]", "input[1]", "input[2]", "input[3]");
		assertThat(records.get(0).article()).isEqualTo(new RawArticle("Tỉnh ủy Hà Nam", "Thân bài.",
				"https://example.vn/a", LocalDate.of(2025, 7, 30), "Báo Thử", "Xây dựng Đảng", "input[0]"));
		assertThat(records.get(1).article().text()).as("the summary stands in for a missing text")
			.isEqualTo("Tóm tắt.");
		assertThat(records.get(1).article().publishedAt()).isEqualTo(LocalDate.of(2025, 7, 30));
		assertThat(records.get(2).rejection()).isEqualTo(new Rejection("input[2]", "missing title"));
		assertThat(records.get(3).rejection())
			.isEqualTo(new Rejection("input[3]", "publishedAt '2025-08-03' is in the future"));
		ArgumentCaptor<IngestOptions> options = ArgumentCaptor.forClass(IngestOptions.class);
		then(this.service).should().ingestRecords(anyList(), options.capture(), any(IngestListener.class));
		assertThat(options.getValue()).isEqualTo(new IngestOptions(null, false, IngestController.WRITE_BATCH));
	}

	@Test
	void shouldRejectATextOverOneMebibyteInItsOwnResultNotTheWholeCall() {
		List<ReadResult> records = answerWith(report(0, 0, 0, 0, 0, 0, 0, 0));
		// Three bytes of UTF-8 a character: 349,526 characters are 1,048,578 bytes.
		String text = "ệ".repeat(349_526);

		this.graphQl.documentName("ingestArticles")
			.variable("input",
					Map.of("articles",
							List.of(article(null, "Quá dài", text, null, null), article(null, "Vừa", "ệ", null, null))))
			.execute()
			.path("ingestArticles.results[*].status")
			.entityList(String.class)
			.containsExactly("REJECTED", "NEW");

		assertThat(records.get(0).rejection())
			.isEqualTo(new Rejection("input[0]", "text is 1,048,578 bytes; the limit is 1,048,576"));
		assertThat(records.get(1).ok()).isTrue();
	}

	@Test
	void shouldAnswerOneResultPerArticleInInputOrderWithTheCountsInTheirFields() {
		given(this.service.ingestRecords(anyList(), any(), any())).willAnswer(invocation -> {
			IngestListener listener = invocation.getArgument(2);
			// The pipeline reports outcomes as batches finish, not in input order.
			listener.onOutcome(new ArticleOutcome("input[3]", 3, "a-3", Status.NOT_PROCESSED, null));
			listener.onOutcome(new ArticleOutcome("input[1]", 1, null, Status.REJECTED, "missing title"));
			listener.onOutcome(new ArticleOutcome("input[2]", 2, "a-0", Status.DUPLICATE, null));
			listener.onOutcome(new ArticleOutcome("input[0]", 0, "a-0", Status.NEW, null));
			return report(1, 2, 3, 4, 5, 6, 7, 8);
		});

		GraphQlTester.Response response = this.graphQl.documentName("ingestArticlesCounts")
			.variable("input",
					Map.of("articles",
							List.of(article(null, "Một", "x", null, null), article(null, null, "x", null, null),
									article(null, "Một", "x", null, null), article(null, "Bốn", "x", null, null))))
			.execute();

		response.path("ingestArticles.results")
			.entityList(Map.class)
			.containsExactly(result(0, "a-0", "NEW", null), result(1, null, "REJECTED", "missing title"),
					result(2, "a-0", "DUPLICATE", null), result(3, "a-3", "NOT_PROCESSED", null));
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("newCount", 1);
		counts.put("changedCount", 2);
		counts.put("unchangedCount", 3);
		counts.put("rejectedCount", 4);
		counts.put("failedCount", 5);
		counts.put("notProcessedCount", 6);
		counts.put("duplicateCount", 7);
		counts.put("checkedCount", 8);
		counts.put("nodesCreated", 11);
		counts.put("relationshipsCreated", 12);
		counts.put("nodesDeleted", 13);
		counts.put("relationshipsDeleted", 14);
		response.path("ingestArticles")
			.entity(Map.class)
			.satisfies(payload -> assertThat(payload).containsAllEntriesOf(counts));
	}

	@Test
	void shouldPassADryRun() {
		answerWith(report(0, 0, 0, 0, 0, 0, 0, 0));

		this.graphQl.documentName("ingestArticles")
			.variable("input", Map.of("articles", List.of(article(null, "Một", "x", null, null)), "dryRun", true))
			.execute()
			.errors()
			.verify();

		ArgumentCaptor<IngestOptions> options = ArgumentCaptor.forClass(IngestOptions.class);
		then(this.service).should().ingestRecords(anyList(), options.capture(), any(IngestListener.class));
		assertThat(options.getValue().dryRun()).isTrue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldGiveTheServiceTheRequestsTimeLeftLessTheAnswerReserve() {
		given(this.service.ingestRecords(anyList(), any(), any(), any())).willAnswer(invocation -> {
			IngestListener listener = invocation.getArgument(2);
			listener.onOutcome(new ArticleOutcome("input[0]", 0, "a-0", Status.NEW, null));
			return report(1, 0, 0, 0, 0, 0, 0, 0);
		});
		GraphQlTester withDeadline = ((ExecutionGraphQlServiceTester) this.graphQl).mutate()
			.configureExecutionInput((input, builder) -> builder
				.graphQLContext(Map.of(RequestDeadline.class, RequestDeadline.after(Duration.ofSeconds(60))))
				.build())
			.build();

		withDeadline.documentName("ingestArticles")
			.variable("input", Map.of("articles", List.of(article(null, "Một", "x", null, null))))
			.execute()
			.errors()
			.verify();

		ArgumentCaptor<Supplier<Duration>> timeLeft = ArgumentCaptor.forClass(Supplier.class);
		then(this.service).should().ingestRecords(anyList(), any(), any(), timeLeft.capture());
		then(this.service).should(never()).ingestRecords(anyList(), any(), any());
		// 60 s less 5 s of reserve (IngestBeans), less the time the call took.
		assertThat(timeLeft.getValue().get()).isLessThanOrEqualTo(Duration.ofSeconds(55))
			.isGreaterThan(Duration.ofSeconds(25));
	}

	@Test
	void shouldRefuseMoreThanAThousandArticlesAndCallNothing() {
		List<Map<String, Object>> articles = Collections.nCopies(IngestController.MAX_ARTICLES + 1,
				article(null, "Một", "x", null, null));

		this.graphQl.documentName("ingestArticles")
			.variable("input", Map.of("articles", articles))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).isEqualTo(
						"Invalid argument 'input.articles': at most 1000 articles per call, got 1001; split the batch or use the ingest command line");
				assertThat(error.getExtensions()).containsEntry("argument", "input.articles");
				assertThat(error.getPath()).isEqualTo("ingestArticles");
			}));
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void shouldTakeAThousandArticles() {
		List<ReadResult> records = answerWith(report(0, 0, 0, 0, 0, 0, 0, 0));

		this.graphQl.documentName("ingestArticles")
			.variable("input",
					Map.of("articles",
							Collections.nCopies(IngestController.MAX_ARTICLES, article(null, "Một", "x", null, null))))
			.execute()
			.errors()
			.verify();

		assertThat(records).hasSize(IngestController.MAX_ARTICLES);
	}

	/**
	 * Stubs the service to keep the records it is given (in the returned list) and answer
	 * with {@code report}, reporting an outcome for each record as the pipeline does: NEW
	 * when accepted, REJECTED with the reason when not.
	 */
	private List<ReadResult> answerWith(IngestReport report) {
		List<ReadResult> records = new ArrayList<>();
		given(this.service.ingestRecords(anyList(), any(), any())).willAnswer(invocation -> {
			records.addAll(invocation.getArgument(0));
			IngestListener listener = invocation.getArgument(2);
			for (int i = 0; i < records.size(); i++) {
				ReadResult record = records.get(i);
				listener.onOutcome(record.ok() ? new ArticleOutcome(record.location(), i, "a-" + i, Status.NEW, null)
						: new ArticleOutcome(record.location(), i, null, Status.REJECTED, record.rejection().reason()));
			}
			return report;
		});
		return records;
	}

	private static IngestReport report(long newArticles, long changed, long unchanged, long rejected, long failed,
			long notProcessed, long duplicates, long checked) {
		return new IngestReport(newArticles, changed, unchanged, duplicates, checked, rejected, failed, notProcessed,
				11, 13, 12, 14, Duration.ofMillis(5), List.of(), null);
	}

	private static Map<String, Object> article(String url, String title, String text, String summary,
			String publishedAt) {
		Map<String, Object> article = new LinkedHashMap<>();
		article.put("url", url);
		article.put("title", title);
		article.put("text", text);
		article.put("summary", summary);
		article.put("publishedAt", publishedAt);
		article.put("source", "Báo Thử");
		article.put("category", "Xây dựng Đảng");
		return article;
	}

	private static Map<String, Object> result(int index, String articleId, String status, String reason) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("index", index);
		result.put("articleId", articleId);
		result.put("status", status);
		result.put("reason", reason);
		return result;
	}

	/** The controller's other collaborators: a fixed clock and the ingest limits. */
	@TestConfiguration(proxyBeanMethods = false)
	static class IngestBeans {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		IngestProperties ingestProperties() {
			return new IngestProperties(Duration.ofSeconds(120), Duration.ofSeconds(5));
		}

	}

}
