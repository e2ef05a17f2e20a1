package org.policygraph.quality;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.quality.GraphQuality.QualityDocument;
import org.policygraph.quality.GraphQuality.SuspectedDuplicate;
import org.policygraph.quality.GraphQuality.UnresolvedShortName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * {@code graphQuality} through the schema, without a database: the page size reaches the
 * query as asked (20 by default), out of range it is refused with an error naming the
 * argument, and the report comes back in the shape of the schema.
 */
@GraphQlSliceTest(controllers = QualityController.class)
class QualityControllerTests {

	private static final GraphQuality REPORT = new GraphQuality(7, 1,
			List.of(new SuspectedDuplicate(
					new QualityDocument("nq-tw-18-2017", "Nghị quyết số 18-NQ/TW", List.of("nq-tw-18"), 3),
					List.of("nq-tw-18-2017", "nq-tw-18-2023"), "same code, two years")),
			1, List.of(new QualityDocument("kl-tw-21", "Kết luận số 21-KL/TW", List.of(), 2)), 2, 3, 4, 5,
			List.of(new UnresolvedShortName("Nghị quyết Trung ương 4", 4)));

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private QualityQueries queries;

	@Test
	void shouldAskForTwentyItemsWhenFirstIsLeftOut() {
		given(this.queries.report(20)).willReturn(REPORT);

		this.graphQl.documentName("graphQuality")
			.execute()
			.path("graphQuality.documentCount")
			.entity(Long.class)
			.isEqualTo(7L);

		then(this.queries).should().report(20);
	}

	@Test
	void shouldReturnTheReportInTheShapeOfTheSchema() {
		given(this.queries.report(100)).willReturn(REPORT);

		GraphQlTester.Response response = this.graphQl.documentName("graphQuality").variable("first", 100).execute();

		response.path("graphQuality.suspectedDuplicateCount").entity(Long.class).isEqualTo(1L);
		response.path("graphQuality.suspectedDuplicates[0].document.key")
			.entity(String.class)
			.isEqualTo("nq-tw-18-2017");
		response.path("graphQuality.suspectedDuplicates[0].document.mergedKeys")
			.entityList(String.class)
			.containsExactly("nq-tw-18");
		response.path("graphQuality.suspectedDuplicates[0].candidates")
			.entityList(String.class)
			.containsExactly("nq-tw-18-2017", "nq-tw-18-2023");
		response.path("graphQuality.suspectedDuplicates[0].reason")
			.entity(String.class)
			.isEqualTo("same code, two years");
		response.path("graphQuality.undatedDocuments[0].name").entity(String.class).isEqualTo("Kết luận số 21-KL/TW");
		response.path("graphQuality.undatedDocuments[0].articleCount").entity(Long.class).isEqualTo(2L);
		response.path("graphQuality.mergedDocumentCount").entity(Long.class).isEqualTo(2L);
		response.path("graphQuality.mergedKeyCount").entity(Long.class).isEqualTo(3L);
		response.path("graphQuality.articlesWithUnresolvedCitationsCount").entity(Long.class).isEqualTo(4L);
		response.path("graphQuality.unresolvedCitationCount").entity(Long.class).isEqualTo(5L);
		response.path("graphQuality.unresolvedCitations[0]")
			.entity(Map.class)
			.isEqualTo(Map.of("surface", "Nghị quyết Trung ương 4", "articleCount", 4));
	}

	@Test
	void shouldRefuseAPageSizeBelowOne() {
		assertRefused(0);
	}

	@Test
	void shouldRefuseAPageSizeAboveTheMaximum() {
		assertRefused(QualityController.MAX_ITEMS + 1);
	}

	private void assertRefused(int first) {
		this.graphQl.documentName("graphQuality").variable("first", first).execute().errors().satisfy(errors -> {
			assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage())
					.isEqualTo("Invalid argument 'first': must be between 1 and 100, was " + first);
				assertThat(error.getExtensions()).containsEntry("argument", "first");
				assertThat(error.getPath()).isEqualTo("graphQuality");
			});
		});
		then(this.queries).should(never()).report(anyInt());
	}

	@Test
	void shouldRefuseADocumentOverTheQueryLimitsBeforeAnyQueryRuns() {
		// Two data fields an alias (the report and its count): 502, over max-complexity
		// (500).
		String document = IntStream.range(0, 251)
			.mapToObj(i -> "q" + i + ": graphQuality(first: 1) { documentCount }")
			.collect(Collectors.joining("\n", "{\n", "\n}"));

		this.graphQl.document(document)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage())
					.isEqualTo("maximum query complexity exceeded 502 > 500")));
		then(this.queries).should(never()).report(anyInt());
	}

}
