package org.policygraph.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.policygraph.graph.Document;
import org.policygraph.graph.PartyBody;
import org.policygraph.document.DocumentQueries.DocumentFilter;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.graphql.PageRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * {@code documents}, {@code document} and {@code documentsByCode} through the schema,
 * with the queries mocked: the filter and page reach the query, cursors are year and key
 * (no year sorts as {@code -1}), reversed years and foreign cursors are refused naming
 * the argument, the total is counted only when asked, and a document's issuers read with
 * it are not read again.
 */
@GraphQlSliceTest(controllers = DocumentController.class)
class DocumentControllerTests {

	private static final Document RESOLUTION = new Document("nq-18-2017", "18-NQ/TW", "Nghị quyết số 18-NQ/TW",
			"RESOLUTION", "18", LocalDate.of(2017, 10, 25), 2017, null, null, "CENTRAL");

	private static final Document UNDATED = new Document("NQ|18|TW|?", "18-NQ/TW", "Nghị quyết số 18-NQ/TW",
			"RESOLUTION", "18", null, null, null, null, "CENTRAL");

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private DocumentQueries queries;

	@Test
	void shouldPassTheFilterAndCountOnlyWhenAsked() {
		DocumentFilter filter = new DocumentFilter("DIRECTIVE", "TW/bo-chinh-tri", null, null, 2015, 2020, "40");
		given(this.queries.page(filter, new PageRequest(50, null))).willReturn(List.of(RESOLUTION));
		given(this.queries.count(filter)).willReturn(7L);

		GraphQlTester.Response response = this.graphQl.documentName("documentsFiltered")
			.variable("issuedByKey", "TW/bo-chinh-tri")
			.variable("fromYear", 2015)
			.variable("toYear", 2020)
			.variable("implementedByProvinceKey", "40")
			.variable("type", "DIRECTIVE")
			.execute();

		response.path("documents.totalCount").entity(Long.class).isEqualTo(7L);
		response.path("documents.edges[0].node.issuedOn").entity(String.class).isEqualTo("2017-10-25");

		this.graphQl.document("{ documents(first: 2) { edges { cursor node { key } } } }").execute();
		then(this.queries).should()
			.page(new DocumentFilter(null, null, null, null, null, null, null), new PageRequest(2, null));
		then(this.queries).should(org.mockito.Mockito.times(1)).count(any());
	}

	@Test
	void shouldMakeCursorsOfYearAndKey() {
		given(this.queries.page(any(), any())).willReturn(List.of(RESOLUTION, UNDATED));

		GraphQlTester.Response response = this.graphQl.document("{ documents { edges { cursor } } }").execute();

		response.path("documents.edges[*].cursor")
			.entityList(String.class)
			.containsExactly(Cursor.of("2017", "nq-18-2017").encode(), Cursor.of("-1", "NQ|18|TW|?").encode());
	}

	@Test
	void shouldRefuseReversedYears() {
		assertRefused(
				this.graphQl.documentName("documentsFiltered").variable("fromYear", 2021).variable("toYear", 2020),
				"toYear", "must not be before 'fromYear' (2021), was 2020");
	}

	@Test
	void shouldRefuseACursorThatIsNotOne() {
		assertRefused(this.graphQl.document("{ documents(after: \"%%%\") { edges { cursor } } }"), "after",
				"'%%%' is not a cursor returned by this API");
	}

	@Test
	void shouldNotReadAgainTheIssuersReadWithTheDocument() {
		Document withIssuers = new Document(RESOLUTION.key(), RESOLUTION.code(), RESOLUTION.name(), RESOLUTION.type(),
				RESOLUTION.number(), RESOLUTION.issuedOn(), RESOLUTION.year(), null, null, "CENTRAL",
				List.of(new PartyBody("TW/bo-chinh-tri", "Bộ Chính trị", "CENTRAL", null)), List.of());
		given(this.queries.byKey("nq-18-2017", true, true)).willReturn(Optional.of(withIssuers));

		GraphQlTester.Response response = this.graphQl.documentName("documentWithLists")
			.variable("key", "nq-18-2017")
			.execute();

		response.path("document.issuedBy[0].name").entity(String.class).isEqualTo("Bộ Chính trị");
		response.path("document.implements").entityList(Object.class).hasSize(0);
		then(this.queries).should(never()).issuers(any());
		then(this.queries).should(never()).implemented(any());
	}

	@Test
	void shouldLookUpTheListsOfADocumentReadWithout() {
		given(this.queries.byKey("nq-18-2017", false, false)).willReturn(Optional.of(RESOLUTION));
		given(this.queries.implementing(List.of("nq-18-2017"))).willReturn(Map.of());

		this.graphQl.document("{ document(key: \"nq-18-2017\") { key implementedByDocuments { key } } }")
			.execute()
			.path("document.implementedByDocuments")
			.entityList(Object.class)
			.hasSize(0);

		then(this.queries).should().implementing(List.of("nq-18-2017"));
	}

	@Test
	void shouldFindDocumentsByTheirCodeNormalized() {
		given(this.queries.byCode(DocumentCodes.normalize(" 18-nq/tw "))).willReturn(List.of(RESOLUTION, UNDATED));

		this.graphQl.document("{ documentsByCode(code: \" 18-nq/tw \") { key } }")
			.execute()
			.path("documentsByCode[*].key")
			.entityList(String.class)
			.containsExactly("nq-18-2017", "NQ|18|TW|?");
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
