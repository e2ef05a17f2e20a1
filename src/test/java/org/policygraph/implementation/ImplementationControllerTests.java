package org.policygraph.implementation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.policygraph.document.DocumentRoots;
import org.policygraph.graph.Article;
import org.policygraph.graph.Document;
import org.policygraph.graph.Evidence;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graph.Province;
import org.policygraph.graphql.Cursor;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.implementation.Implementation.CarriedEvidence;
import org.policygraph.implementation.Implementation.EvidenceRequest;
import org.policygraph.implementation.ImplementationQueries.Page;
import org.policygraph.implementation.ImplementationQueries.Row;
import org.policygraph.province.ProvinceRoots;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * The fields under {@code Province} and {@code Document} that
 * {@link ImplementationController} maps ({@code Province.implements},
 * {@code Document.implementedBy}, {@code Implementation.evidence},
 * {@code Document.implementations}, {@code Document.lineage}), through the schema with
 * the queries mocked. The parents come from the real province and document roots over
 * mocked queries ({@link ProvinceRoots}, {@link DocumentRoots}). Proves: the arguments
 * (period, type, predecessors, page size and cursor, evidence count, depth) reach the
 * query with their defaults when left out; a list of parents costs one query per field,
 * not one per parent; cursors and page info come out as the schema says; reversed
 * periods, page sizes and depths out of range are refused with {@code BAD_REQUEST} naming
 * the argument, and no query runs.
 * <p>
 * The query cost limit is raised a hundredfold here: with the application's 100,000,
 * {@code implementations(depth: 5)} costs 300,000 even under one document and is refused
 * before the controller sees it, as is {@code depth: 6} (3,000,000), so the controller's
 * own range check could not be reached.
 */
@GraphQlSliceTest(controllers = ImplementationController.class, properties = "policygraph.graphql.max-cost=10000000")
@Import({ ProvinceRoots.class, DocumentRoots.class })
class ImplementationControllerTests {

	private static final Province HA_NAM = new Province("ha-nam", "Hà Nam", "35", "province", "PRE_2025", List.of(),
			"ninh-binh");

	private static final Province NINH_BINH = new Province("ninh-binh", "Ninh Bình", "37", "province", "BOTH",
			List.of(), null);

	private static final Document RESOLUTION = new Document("nq-18-2017", "18-NQ/TW", "Nghị quyết số 18-NQ/TW",
			"RESOLUTION", "18", LocalDate.of(2017, 10, 25), 2017, "XII", null, "CENTRAL");

	private static final Document DIRECTIVE = new Document("ct-35-2024", "35-CT/TW", "Chỉ thị số 35-CT/TW", "DIRECTIVE",
			"35", LocalDate.of(2024, 6, 14), 2024, "XIII", null, "CENTRAL");

	private static final Document PLAN = new Document("kh-12-ha-nam-2018", "12-KH/TU", "Kế hoạch số 12-KH/TU", "PLAN",
			"12", LocalDate.of(2018, 1, 5), 2018, null, null, "PROVINCIAL");

	private static final Article ARTICLE = new Article("a-1", "https://example.vn/a", "Hà Nam triển khai Nghị quyết 18",
			"…", LocalDate.of(2018, 2, 1), "Báo Thử", "ha-nam", List.of());

	@Autowired
	private GraphQlTester graphQl;

	@Autowired
	private ProvinceRoots provinces;

	@Autowired
	private DocumentRoots documents;

	@MockitoBean
	private ImplementationQueries queries;

	@MockitoBean
	private GraphLookups lookups;

	@Test
	void shouldReadThePageOfEveryProvinceInOneQueryWithItsArguments() {
		this.provinces.willList(HA_NAM, NINH_BINH);
		String after = Cursor.of("ct-35-2024", "ha-nam").encode();
		given(this.queries.byProvinces(List.of("ha-nam", "ninh-binh"), false, "PLAN", LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 6, 30), "ct-35-2024", "ha-nam", 3, false))
			.willReturn(Map.of("ha-nam", new Page(
					List.of(carried(HA_NAM, RESOLUTION, 4), carried(HA_NAM, DIRECTIVE, 2), carried(HA_NAM, PLAN, 1)),
					7)));

		GraphQlTester.Response response = this.graphQl.documentName("provincesImplements")
			.variable("first", 2)
			.variable("after", after)
			.variable("type", "PLAN")
			.variable("includePredecessors", false)
			.variable("from", "2025-01-01")
			.variable("to", "2025-06-30")
			.execute();

		response.path("provinces[0].implements.totalCount").entity(Long.class).isEqualTo(7L);
		response.path("provinces[0].implements.edges[*].cursor")
			.entityList(String.class)
			.containsExactly(Cursor.of("nq-18-2017", "ha-nam").encode(), Cursor.of("ct-35-2024", "ha-nam").encode());
		response.path("provinces[0].implements.edges[*].node.document.key")
			.entityList(String.class)
			.containsExactly("nq-18-2017", "ct-35-2024");
		response.path("provinces[0].implements.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("province", Map.of("key", "ha-nam"), "document", Map.of("key", "nq-18-2017"),
					"firstReported", "2018-02-01", "lastReported", "2025-03-01", "articleCount", 4));
		response.path("provinces[0].implements.pageInfo")
			.entity(Map.class)
			.isEqualTo(Map.of("hasNextPage", true, "hasPreviousPage", true, "endCursor",
					Cursor.of("ct-35-2024", "ha-nam").encode()));
		response.path("provinces[1].implements.totalCount").entity(Long.class).isEqualTo(0L);
		response.path("provinces[1].implements.edges").entityList(Object.class).hasSize(0);
		then(this.queries).should(times(1))
			.byProvinces(anyList(), anyBoolean(), any(), any(), any(), any(), any(), anyInt(), anyBoolean());
		then(this.lookups).shouldHaveNoInteractions();
	}

	@Test
	void shouldAskForTwentyImplementationsWithPredecessorsWhenTheArgumentsAreLeftOut() {
		this.provinces.willList(NINH_BINH);

		this.graphQl.documentName("provincesImplements").execute().errors().verify();

		then(this.queries).should().byProvinces(List.of("ninh-binh"), true, null, null, null, null, null, 21, false);
	}

	@Test
	void shouldReadTheProvincesPlansWithTheirPageWhenThePlansAreAsked() {
		this.provinces.willList(HA_NAM);
		Implementation plain = carried(HA_NAM, RESOLUTION, 4).implementation();
		Implementation withPlan = new Implementation(plain.provinceKey(), plain.documentKey(), plain.firstReported(),
				plain.lastReported(), plain.articleCount(), plain.province(), plain.document(), List.of(PLAN), null);
		given(this.queries.byProvinces(List.of("ha-nam"), true, null, null, null, null, null, 3, true))
			.willReturn(Map.of("ha-nam", new Page(List.of(new Row(withPlan, "Hà Nam")), 1)));

		GraphQlTester.Response response = this.graphQl.documentName("provincesImplementsWithPlans").execute();

		response.path("provinces[0].implements.edges[0].node.via[*].key")
			.entityList(String.class)
			.containsExactly(PLAN.key());
		then(this.queries).should(never()).via(anyList());
	}

	@Test
	void shouldRefuseAReversedPeriod() {
		this.provinces.willList(HA_NAM);

		GraphQlTester.Response response = this.graphQl.documentName("provincesImplements")
			.variable("from", "2025-07-01")
			.variable("to", "2025-06-30")
			.execute();

		assertRefused(response, "provinces[0].implements", "to",
				"Invalid argument 'to': must not be before 'from' (2025-07-01), was 2025-06-30");
		then(this.queries).shouldHaveNoInteractions();
	}

	@Test
	void shouldRefuseAProvincePageSizeOutOfRange() {
		this.provinces.willList(HA_NAM);

		for (int first : new int[] { 0, 101 }) {
			assertRefused(this.graphQl.documentName("provincesImplements").variable("first", first).execute(),
					"provinces[0].implements", "first",
					"Invalid argument 'first': must be between 1 and 100, was " + first);
		}
		then(this.queries).shouldHaveNoInteractions();
	}

	@Test
	void shouldReadImplementersWithTheirEvidenceInOneQueryForAllDocuments() {
		this.documents.willList(RESOLUTION, DIRECTIVE);
		EvidenceRequest asked = new EvidenceRequest(3, true, false);
		Evidence evidence = new Evidence("a-1", "Tỉnh ủy Hà Nam triển khai Nghị quyết số 18-NQ/TW.", "IMPLEMENTS",
				"ha-nam", "nq-18-2017", ARTICLE);
		Implementation haNam = withEvidence(looseImplementation("ha-nam", "nq-18-2017"), asked, List.of(evidence));
		Implementation ninhBinh = withEvidence(looseImplementation("ninh-binh", "nq-18-2017"), asked, List.of());
		Implementation haNamDirective = withEvidence(looseImplementation("ha-nam", "ct-35-2024"), asked, List.of());
		// Evidence is asked for one way: it is read with the page, with the local
		// documents.
		given(this.queries.byDocuments(List.of("nq-18-2017", "ct-35-2024"), "Hà Nam", "ha-nam", 2, true, asked))
			.willReturn(
					Map.of("nq-18-2017", new Page(List.of(new Row(haNam, "Hà Nam"), new Row(ninhBinh, "Ninh Bình")), 2),
							"ct-35-2024", new Page(List.of(new Row(haNamDirective, "Hà Nam")), 1)));
		given(this.lookups.provinces(any())).willReturn(Map.of("ha-nam", HA_NAM, "ninh-binh", NINH_BINH));
		given(this.lookups.documents(any())).willReturn(Map.of("nq-18-2017", RESOLUTION, "ct-35-2024", DIRECTIVE));

		GraphQlTester.Response response = this.graphQl.documentName("documentsImplementedBy")
			.variable("first", 1)
			.variable("after", Cursor.of("Hà Nam", "ha-nam").encode())
			.variable("evidence", 3)
			.execute();

		response.path("documents.edges[0].node.implementedBy.totalCount").entity(Long.class).isEqualTo(2L);
		response.path("documents.edges[0].node.implementedBy.edges[*].cursor")
			.entityList(String.class)
			.containsExactly(Cursor.of("Hà Nam", "ha-nam").encode());
		response.path("documents.edges[0].node.implementedBy.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
		response.path("documents.edges[0].node.implementedBy.edges[0].node.province")
			.entity(Map.class)
			.isEqualTo(Map.of("key", "ha-nam", "name", "Hà Nam"));
		response.path("documents.edges[0].node.implementedBy.edges[0].node.evidence")
			.entityList(Map.class)
			.containsExactly(Map.of("sentence", "Tỉnh ủy Hà Nam triển khai Nghị quyết số 18-NQ/TW.", "relation",
					"IMPLEMENTS", "fromKey", "ha-nam", "toKey", "nq-18-2017", "article",
					Map.of("id", "a-1", "title", "Hà Nam triển khai Nghị quyết 18")));
		response.path("documents.edges[1].node.implementedBy.edges[0].node.document.key")
			.entity(String.class)
			.isEqualTo("ct-35-2024");
		response.path("documents.edges[1].node.implementedBy.edges[0].node.evidence")
			.entityList(Object.class)
			.hasSize(0);

		then(this.queries).should(times(1))
			.byDocuments(anyList(), any(), any(), anyInt(), anyBoolean(), any(EvidenceRequest.class));
		then(this.queries).should(never()).evidence(anyList(), anyInt(), anyBoolean(), anyBoolean());
		then(this.lookups).should(times(1)).provinces(List.of("ha-nam"));
		then(this.lookups).should(never()).articles(any());
	}

	@Test
	void shouldReadEvidenceAskedForTwoWaysOnceForAllImplementations() {
		this.documents.willList(RESOLUTION, DIRECTIVE);
		Implementation haNam = looseImplementation("ha-nam", "nq-18-2017");
		Implementation haNamDirective = looseImplementation("ha-nam", "ct-35-2024");
		given(this.queries.byDocuments(List.of("nq-18-2017", "ct-35-2024"), null, null, 21, true))
			.willReturn(Map.of("nq-18-2017", new Page(List.of(new Row(haNam, "Hà Nam")), 1), "ct-35-2024",
					new Page(List.of(new Row(haNamDirective, "Hà Nam")), 1)));
		given(this.lookups.provinces(any())).willReturn(Map.of("ha-nam", HA_NAM));
		given(this.queries.evidence(anyList(), anyInt(), anyBoolean(), anyBoolean()))
			.willReturn(Map.of(List.of("ha-nam", "nq-18-2017"),
					List.of(new Evidence("a-1", "Một câu.", "IMPLEMENTS", "ha-nam", "nq-18-2017", ARTICLE))));

		GraphQlTester.Response response = this.graphQl.documentName("implementersEvidenceTwoWays").execute();

		response.path("documents.edges[0].node.implementedBy.edges[0].node.one[*].sentence")
			.entityList(String.class)
			.containsExactly("Một câu.");
		response.path("documents.edges[0].node.implementedBy.edges[0].node.three[*].sentence")
			.entityList(String.class)
			.containsExactly("Một câu.");
		then(this.queries).should(never())
			.byDocuments(anyList(), any(), any(), anyInt(), anyBoolean(), any(EvidenceRequest.class));
		then(this.queries).should(times(1)).evidence(anyList(), eq(1), anyBoolean(), anyBoolean());
		then(this.queries).should(times(1)).evidence(anyList(), eq(3), anyBoolean(), anyBoolean());
	}

	@Test
	void shouldReadNoLocalDocumentsWhenNeitherPlansNorEvidenceAreAskedFor() {
		this.documents.willFind(RESOLUTION);

		this.graphQl.documentName("implementersPlain").variable("key", "nq-18-2017").execute().errors().verify();

		then(this.queries).should().byDocuments(List.of("nq-18-2017"), null, null, 21, false);
	}

	@Test
	void shouldRefuseAnImplementersPageSizeOutOfRange() {
		this.documents.willList(RESOLUTION);

		assertRefused(this.graphQl.documentName("documentsImplementedBy").variable("first", 101).execute(),
				"documents.edges[0].node.implementedBy", "first",
				"Invalid argument 'first': must be between 1 and 100, was 101");
		then(this.queries).shouldHaveNoInteractions();
	}

	@Test
	void shouldRefuseAnEvidenceCountOutOfRange() {
		this.documents.willList(RESOLUTION);
		given(this.queries.byDocuments(anyList(), any(), any(), anyInt(), anyBoolean())).willReturn(Map.of("nq-18-2017",
				new Page(List.of(new Row(carried(HA_NAM, RESOLUTION, 1).implementation(), "Hà Nam")), 1)));

		assertRefused(this.graphQl.documentName("documentsImplementedBy").variable("evidence", 0).execute(),
				"documents.edges[0].node.implementedBy.edges[0].node.evidence", "first",
				"Invalid argument 'first': must be between 1 and 100, was 0");
		then(this.queries).should(never()).evidence(anyList(), anyInt(), anyBoolean(), anyBoolean());
	}

	@Test
	void shouldFollowTheChainsOfEveryDocumentInOneQueryEachWay() {
		this.documents.willList(RESOLUTION, DIRECTIVE);
		given(this.queries.downwards(List.of("nq-18-2017", "ct-35-2024"), 3))
			.willReturn(Map.of("nq-18-2017", List.of(new DocumentStep("kh-12-ha-nam-2018", 1))));
		given(this.queries.upwards(List.of("nq-18-2017", "ct-35-2024")))
			.willReturn(Map.of("ct-35-2024", List.of(new DocumentStep("nq-18-2017", 2))));
		given(this.lookups.documents(any()))
			.willReturn(Map.of("kh-12-ha-nam-2018", PLAN, "nq-18-2017", RESOLUTION, "ct-35-2024", DIRECTIVE));

		GraphQlTester.Response response = this.graphQl.documentName("documentsImplementations").execute();

		response.path("documents.edges[0].node.implementations")
			.entityList(Map.class)
			.containsExactly(Map.of("distance", 1, "document", Map.of("key", "kh-12-ha-nam-2018")));
		response.path("documents.edges[1].node.implementations").entityList(Object.class).hasSize(0);
		response.path("documents.edges[0].node.lineage").entityList(Object.class).hasSize(0);
		response.path("documents.edges[1].node.lineage")
			.entityList(Map.class)
			.containsExactly(Map.of("distance", 2, "document", Map.of("key", "nq-18-2017")));
		then(this.queries).should(times(1)).downwards(anyList(), anyInt());
		then(this.queries).should(times(1)).upwards(anyList());
	}

	@Test
	void shouldFollowTheChainsAsDeepAsAsked() {
		// One document: a page of documents five steps deep is over even the raised cost.
		this.documents.willFind(RESOLUTION);

		this.graphQl.documentName("implementationChain")
			.variable("key", "nq-18-2017")
			.variable("depth", 5)
			.execute()
			.errors()
			.verify();

		then(this.queries).should().downwards(List.of("nq-18-2017"), 5);
	}

	@Test
	void shouldRefuseADepthOutOfRange() {
		this.documents.willFind(RESOLUTION);

		for (int depth : new int[] { 0, 6 }) {
			assertRefused(
					this.graphQl.documentName("implementationChain")
						.variable("key", "nq-18-2017")
						.variable("depth", depth)
						.execute(),
					"document.implementations", "depth",
					"Invalid argument 'depth': must be between 1 and 5, was " + depth);
		}
		then(this.queries).should(never()).downwards(anyList(), anyInt());
	}

	private static void assertRefused(GraphQlTester.Response response, String path, String argument, String message) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getMessage()).isEqualTo(message);
			assertThat(error.getExtensions()).containsEntry("argument", argument);
			assertThat(error.getPath()).isEqualTo(path);
		}));
	}

	/** A row whose province and document came with it (no lookups needed). */
	private static Row carried(Province province, Document document, int articles) {
		return new Row(new Implementation(province.key(), document.key(), LocalDate.of(2018, 2, 1),
				LocalDate.of(2025, 3, 1), articles, province, document), province.name());
	}

	/** The same implementation, with the evidence read with it. */
	private static Implementation withEvidence(Implementation i, EvidenceRequest request, List<Evidence> items) {
		return new Implementation(i.provinceKey(), i.documentKey(), i.firstReported(), i.lastReported(),
				i.articleCount(), i.province(), i.document(), List.of(), new CarriedEvidence(request, items));
	}

	/** An implementation read without its province and document. */
	private static Implementation looseImplementation(String provinceKey, String documentKey) {
		return new Implementation(provinceKey, documentKey, LocalDate.of(2018, 2, 1), null, 1, null, null);
	}

}
