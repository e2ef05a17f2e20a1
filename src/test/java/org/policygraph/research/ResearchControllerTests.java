package org.policygraph.research;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graph.ProvinceUnits;
import org.policygraph.graph.Document;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.graph.Province;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;

/**
 * {@code implementationLag} and {@code coverageMatrix} through the schema, with
 * {@link CoverageMatrices} real and the queries mocked: the arguments reach the queries,
 * a province's rows are reduced to one per document (a local document before a report),
 * reversed year ranges and mixed selections are refused naming the argument, unknown
 * documents are {@code NOT_FOUND}, and the answers come back in the schema's shape.
 */
@GraphQlSliceTest(controllers = ResearchController.class)
@Import(CoverageMatrices.class)
class ResearchControllerTests {

	private static final Province NGHE_AN = new Province("nghe-an", "Nghệ An", "40", "PROVINCE", "PRE_2025", List.of(),
			null);

	private static final Document RESOLUTION = new Document("nq-tw-18-2017", "18-NQ/TW", "Nghị quyết số 18-NQ/TW",
			"RESOLUTION", "18", LocalDate.of(2017, 10, 25), 2017, null, null, "CENTRAL");

	private static final Document PLAN = new Document("kh-tu-501-2018-nghe-an", "501-KH/TU", "Kế hoạch số 501-KH/TU",
			"PLAN", "501", LocalDate.of(2018, 1, 10), 2018, null, null, "PROVINCIAL");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private ResearchQueries queries;

	@MockitoBean
	private GraphLookups lookups;

	@Test
	void shouldKeepOneRowPerDocumentALocalDocumentFirst() {
		LagRow report = new LagRow(NGHE_AN, RESOLUTION, LocalDate.of(2017, 12, 1), LagBasis.FIRST_REPORT, null, 37);
		LagRow local = new LagRow(NGHE_AN, RESOLUTION, LocalDate.of(2018, 1, 10), LagBasis.LOCAL_DOCUMENT, PLAN, 77);
		given(this.queries.provinceLags("nghe-an", "RESOLUTION", 2015, 2020))
			.willReturn(Optional.of(Map.entry(NGHE_AN, List.of(report, local))));

		GraphQlTester.Response response = this.graphQl.documentName("provinceLag")
			.variable("provinceKey", "nghe-an")
			.variable("type", "RESOLUTION")
			.variable("fromYear", 2015)
			.variable("toYear", 2020)
			.execute();

		response.path("implementationLag.province.key").entity(String.class).isEqualTo("nghe-an");
		response.path("implementationLag.documentCount").entity(Integer.class).isEqualTo(1);
		response.path("implementationLag.averageDays").entity(Double.class).isEqualTo(77.0);
		response.path("implementationLag.undatedCount").entity(Integer.class).isEqualTo(0);
		response.path("implementationLag.documents[0].basis").entity(String.class).isEqualTo("LOCAL_DOCUMENT");
		response.path("implementationLag.documents[0].startedOn").entity(String.class).isEqualTo("2018-01-10");
		response.path("implementationLag.documents[0].localDocument.key")
			.entity(String.class)
			.isEqualTo("kh-tu-501-2018-nghe-an");
	}

	@Test
	void shouldAnswerNullForAnUnknownProvince() {
		given(this.queries.provinceLags("atlantis", null, null, null)).willReturn(Optional.empty());

		this.graphQl.documentName("provinceLag")
			.variable("provinceKey", "atlantis")
			.execute()
			.path("implementationLag")
			.valueIsNull();
	}

	@Test
	void shouldRefuseALagOverReversedYears() {
		assertRefused(this.graphQl.documentName("provinceLag")
			.variable("provinceKey", "nghe-an")
			.variable("fromYear", 2021)
			.variable("toYear", 2020), "toYear", "must not be before 'fromYear' (2021), was 2020");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldBuildTheMatrixOfTheListedDocuments() {
		given(this.lookups.documents(List.of("nq-tw-18-2017"))).willReturn(Map.of("nq-tw-18-2017", RESOLUTION));
		willAnswer(invocation -> {
			invocation.<Consumer<CoverageMatrix.Row>>getArgument(4)
				.accept(new CoverageMatrix.Row(NGHE_AN, List.of(),
						List.of(new CoverageMatrix.Cell(RESOLUTION, true, LocalDate.of(2017, 12, 1), 2, List.of()))));
			return null;
		}).given(this.queries).matrix(eq(List.of(RESOLUTION)), eq(ProvinceUnits.POST_2025), isNull(), isNull(), any());

		GraphQlTester.Response response = this.graphQl.documentName("coverageMatrix")
			.variable("documentKeys", List.of("nq-tw-18-2017", "nq-tw-18-2017", " "))
			.variable("units", "POST_2025")
			.execute();

		response.path("coverageMatrix.units").entity(String.class).isEqualTo("POST_2025");
		response.path("coverageMatrix.documents[*].key").entityList(String.class).containsExactly("nq-tw-18-2017");
		response.path("coverageMatrix.rows[0].province.name").entity(String.class).isEqualTo("Nghệ An");
		response.path("coverageMatrix.rows[0].implementedCount").entity(Integer.class).isEqualTo(1);
		response.path("coverageMatrix.rows[0].cells[0].implemented").entity(Boolean.class).isEqualTo(true);
		response.path("coverageMatrix.rows[0].cells[0].firstReported").entity(String.class).isEqualTo("2017-12-01");
	}

	@Test
	void shouldSelectDocumentsByTypeAndYears() {
		given(this.queries.documentsByFilter("DIRECTIVE", 2016, 2018, DocumentSelection.MAX_DOCUMENTS + 1))
			.willReturn(List.of());

		this.graphQl.documentName("coverageMatrix")
			.variable("type", "DIRECTIVE")
			.variable("fromYear", 2016)
			.variable("toYear", 2018)
			.execute()
			.path("coverageMatrix.units")
			.entity(String.class)
			.isEqualTo("PRE_2025");

		then(this.queries).should().documentsByFilter("DIRECTIVE", 2016, 2018, DocumentSelection.MAX_DOCUMENTS + 1);
	}

	@Test
	void shouldRefuseDocumentKeysTogetherWithAFilter() {
		assertRefused(
				this.graphQl.documentName("coverageMatrix")
					.variable("documentKeys", List.of("nq-tw-18-2017"))
					.variable("type", "RESOLUTION"),
				"documentKeys", "give either documentKeys or type/fromYear/toYear, not both");
	}

	@Test
	void shouldRefuseAMatrixOverReversedYears() {
		assertRefused(this.graphQl.documentName("coverageMatrix").variable("fromYear", 2020).variable("toYear", 2019),
				"toYear", "must not be before 'fromYear' (2020), was 2019");
	}

	@Test
	void shouldRefuseASelectionOfTooManyDocuments() {
		given(this.queries.documentsByFilter(null, null, null, DocumentSelection.MAX_DOCUMENTS + 1))
			.willReturn(java.util.Collections.nCopies(DocumentSelection.MAX_DOCUMENTS + 1, RESOLUTION));

		this.graphQl.documentName("coverageMatrix")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getExtensions()).containsEntry("argument", "type");
			}));
	}

	@Test
	void shouldAnswerNotFoundForUnknownDocumentKeys() {
		given(this.lookups.documents(List.of("nq-tw-18-2017", "nowhere")))
			.willReturn(Map.of("nq-tw-18-2017", RESOLUTION));

		this.graphQl.documentName("coverageMatrix")
			.variable("documentKeys", List.of("nq-tw-18-2017", "nowhere"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
				assertThat(error.getMessage()).isEqualTo("No document has the key(s) nowhere");
			}));
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
