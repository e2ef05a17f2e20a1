package org.policygraph.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.policygraph.graph.Document;
import org.policygraph.graph.ProvinceUnits;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.graph.Province;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The dashboard's aggregates through the schema, with the queries mocked: dates, enums
 * and defaults reach the queries, reversed periods and page sizes out of range are
 * refused naming the argument before any query runs, the picker's text becomes a
 * full-text query of folded words (the last a prefix), and the answers come back in the
 * schema's shape.
 */
@GraphQlSliceTest(controllers = AnalyticsController.class)
class AnalyticsControllerTests {

	private static final Document RESOLUTION = new Document("nq-tw-18-2017", "18-NQ/TW", "Nghị quyết số 18-NQ/TW",
			"RESOLUTION", "18", LocalDate.of(2017, 10, 25), 2017, null, "bộ máy", "CENTRAL");

	private static final Province NGHE_AN = new Province("nghe-an", "Nghệ An", "40", "PROVINCE", "PRE_2025", List.of(),
			null);

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private AnalyticsQueries queries;

	@Test
	void shouldCountByTheDimensionInThePeriod() {
		given(this.queries.counts(CountDimension.YEAR, null, LocalDate.of(2018, 1, 1), LocalDate.of(2019, 6, 30)))
			.willReturn(List.of(new CountBucket("2018", "2018", 12), new CountBucket("2019", "2019", 4)));

		GraphQlTester.Response response = this.graphQl.documentName("counts")
			.variable("by", "YEAR")
			.variable("from", "2018-01-01")
			.variable("to", "2019-06-30")
			.execute();

		response.path("counts[*].key").entityList(String.class).containsExactly("2018", "2019");
		response.path("counts[0].count").entity(Integer.class).isEqualTo(12);
	}

	@Test
	void shouldRefuseCountsOverAReversedPeriod() {
		assertRefused(this.graphQl.documentName("counts")
			.variable("by", "PROVINCE")
			.variable("from", "2019-01-01")
			.variable("to", "2018-12-31"), "to", "must not be before 'from' (2019-01-01), was 2018-12-31");
	}

	@Test
	void shouldRefuseAnUnknownDimension() {
		this.graphQl.documentName("counts")
			.variable("by", "CITY")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(graphql.ErrorType.ValidationError)));
		then(this.queries).shouldHaveNoInteractions();
	}

	@Test
	void shouldRankTenDocumentsByDefault() {
		given(this.queries.topDocuments(null, null, null, 10))
			.willReturn(List.of(new DocumentRank(1, RESOLUTION, 30, 12)));

		GraphQlTester.Response response = this.graphQl.documentName("topDocuments").execute();

		response.path("topDocuments[0].rank").entity(Integer.class).isEqualTo(1);
		response.path("topDocuments[0].document.key").entity(String.class).isEqualTo("nq-tw-18-2017");
		response.path("topDocuments[0].document.type").entity(String.class).isEqualTo("RESOLUTION");
		response.path("topDocuments[0].mentionCount").entity(Integer.class).isEqualTo(30);
		response.path("topDocuments[0].implementingProvinceCount").entity(Integer.class).isEqualTo(12);
	}

	@Test
	void shouldPassTheDocumentTypeAndPageSizeToTheRanking() {
		given(this.queries.topDocuments(null, LocalDate.of(2020, 1, 1), "DIRECTIVE", 100)).willReturn(List.of());

		this.graphQl.documentName("topDocuments")
			.variable("to", "2020-01-01")
			.variable("type", "DIRECTIVE")
			.variable("first", 100)
			.execute()
			.path("topDocuments")
			.entityList(Object.class)
			.hasSize(0);

		then(this.queries).should().topDocuments(null, LocalDate.of(2020, 1, 1), "DIRECTIVE", 100);
	}

	@Test
	void shouldRefuseARankingLongerThanTheMaximum() {
		assertRefused(this.graphQl.documentName("topDocuments").variable("first", 101), "first",
				"must be between 1 and 100, was 101");
	}

	@Test
	void shouldRefuseAnEmptyRanking() {
		assertRefused(this.graphQl.documentName("topDocuments").variable("first", 0), "first",
				"must be between 1 and 100, was 0");
	}

	@Test
	void shouldReportCoverageOverThePre2025UnitsByDefault() {
		given(this.queries.coverage("nq-tw-18-2017", ProvinceUnits.PRE_2025, null, null))
			.willReturn(Optional.of(new Coverage(RESOLUTION, ProvinceUnits.PRE_2025, 63,
					List.of(new Coverage.Cell(NGHE_AN, LocalDate.of(2018, 2, 1), 3, List.of())), List.of())));

		GraphQlTester.Response response = this.graphQl.documentName("coverage")
			.variable("documentKey", "nq-tw-18-2017")
			.execute();

		response.path("coverage.units").entity(String.class).isEqualTo("PRE_2025");
		response.path("coverage.totalUnits").entity(Integer.class).isEqualTo(63);
		response.path("coverage.implementedCount").entity(Integer.class).isEqualTo(1);
		response.path("coverage.implemented[0].province.name").entity(String.class).isEqualTo("Nghệ An");
		response.path("coverage.implemented[0].firstReported").entity(String.class).isEqualTo("2018-02-01");
		response.path("coverage.missing").entityList(Object.class).hasSize(0);
	}

	@Test
	void shouldAnswerNullCoverageForAnUnknownDocument() {
		given(this.queries.coverage("unknown", ProvinceUnits.POST_2025, null, null)).willReturn(Optional.empty());

		this.graphQl.documentName("coverage")
			.variable("documentKey", "unknown")
			.variable("units", "POST_2025")
			.execute()
			.path("coverage")
			.valueIsNull();
	}

	@Test
	void shouldRefuseCoverageOverAReversedPeriod() {
		assertRefused(this.graphQl.documentName("coverage")
			.variable("documentKey", "nq-tw-18-2017")
			.variable("from", "2020-02-01")
			.variable("to", "2020-01-31"), "to", "must not be before 'from' (2020-02-01), was 2020-01-31");
	}

	@Test
	void shouldCountMentionsPerMonthOfADocumentInAProvince() {
		given(this.queries.mentionsPerMonth("nq-tw-18-2017", "nghe-an", LocalDate.of(2018, 1, 1), null))
			.willReturn(List.of(new MonthCount("2018-02", 3)));

		this.graphQl.documentName("mentionsPerMonth")
			.variable("documentKey", "nq-tw-18-2017")
			.variable("provinceKey", "nghe-an")
			.variable("from", "2018-01-01")
			.execute()
			.path("mentionsPerMonth[0].month")
			.entity(String.class)
			.isEqualTo("2018-02");
	}

	@Test
	void shouldRefuseMentionsPerMonthOverAReversedPeriod() {
		assertRefused(this.graphQl.documentName("mentionsPerMonth")
			.variable("from", "2018-01-02")
			.variable("to", "2018-01-01"), "to", "must not be before 'from' (2018-01-02), was 2018-01-01");
	}

	@Test
	void shouldTurnThePickersTextIntoFoldedWordsTheLastAPrefix() {
		given(this.queries.documentChoices(any(), any(), any(), org.mockito.ArgumentMatchers.anyInt()))
			.willReturn(List.of(new DocumentChoice(RESOLUTION, new ImplementerCounts(40, 20), 55)));

		GraphQlTester.Response response = this.graphQl.documentName("documentChoices")
			.variable("text", "Nghị quyết Tinh gọn")
			.variable("scope", "CENTRAL")
			.execute();

		response.path("documentChoices[0].implementers.pre2025").entity(Integer.class).isEqualTo(40);
		response.path("documentChoices[0].implementers.post2025").entity(Integer.class).isEqualTo(20);
		response.path("documentChoices[0].mentionCount").entity(Integer.class).isEqualTo(55);
		then(this.queries).should()
			.documentChoices("+(name:nghi subject:nghi) +(name:quyet subject:quyet) "
					+ "+(name:tinh subject:tinh) +(name:gon* subject:gon*)", null, DocumentScope.CENTRAL, 20);
	}

	@Test
	void shouldListTheDocumentsOfANumberTypedFirst() {
		given(this.queries.documentChoices(any(), any(), any(), org.mockito.ArgumentMatchers.anyInt()))
			.willReturn(List.of());

		this.graphQl.documentName("documentChoices")
			.variable("text", "18 nghị")
			.variable("first", 5)
			.execute()
			.path("documentChoices")
			.entityList(Object.class)
			.hasSize(0);

		then(this.queries).should().documentChoices("+(name:18 subject:18) +(name:nghi* subject:nghi*)", "18", null, 5);
	}

	@Test
	void shouldListEveryDocumentWithoutText() {
		given(this.queries.documentChoices(null, null, null, 20)).willReturn(List.of());

		this.graphQl.documentName("documentChoices")
			.execute()
			.path("documentChoices")
			.entityList(Object.class)
			.hasSize(0);

		then(this.queries).should().documentChoices(null, null, null, 20);
	}

	@Test
	void shouldRefuseAPickerTextLongerThanTheMaximum() {
		assertRefused(this.graphQl.documentName("documentChoices").variable("text", "a".repeat(201)), "text",
				"must be at most 200 characters, was 201");
	}

	@Test
	void shouldRefuseTooManyChoices() {
		assertRefused(this.graphQl.documentName("documentChoices").variable("first", 101), "first",
				"must be between 1 and 100, was 101");
	}

	private void assertRefused(GraphQlTester.Request<?> request, String argument, String problem) {
		request.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getMessage()).isEqualTo("Invalid argument '" + argument + "': " + problem);
			assertThat(error.getExtensions()).containsEntry("argument", argument);
		}));
		then(this.queries).shouldHaveNoInteractions();
	}

}
