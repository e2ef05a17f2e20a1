package org.policygraph.traversal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.traversal.Subgraph.GraphEdge;
import org.policygraph.traversal.Subgraph.GraphNode;
import org.policygraph.traversal.Subgraph.NeighbourCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * {@code neighbourhood} and {@code shortestPath} through the schema, with the argument
 * checks of {@link Neighbourhoods} and the queries mocked: defaults and arguments reach
 * the queries as the schema documents them, out-of-range depths, limits and lengths,
 * unknown relationship types and reversed periods are refused naming the argument, an
 * unknown id is {@code NOT_FOUND}, and the subgraph comes back in the schema's shape.
 */
@GraphQlSliceTest(controllers = TraversalController.class)
@Import(Neighbourhoods.class)
class TraversalControllerTests {

	private static final Subgraph SUBGRAPH = new Subgraph(
			List.of(new GraphNode("nq-tw-18-2017", "Document", "Nghị quyết số 18-NQ/TW", LocalDate.of(2017, 10, 25),
					2017, "CENTRAL", null, null, null), new GraphNode("province:nghe-an", "Province", "Nghệ An")),
			List.of(new GraphEdge("IMPLEMENTS", "province:nghe-an", "nq-tw-18-2017", 3, LocalDate.of(2018, 2, 1))),
			true, List.of(new NeighbourCount("MENTIONS", false, "Article", 40, 12)));

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private TraversalQueries queries;

	@Test
	void shouldPassTheSchemaDefaultsToTheQuery() {
		given(this.queries.neighbourhood("nq-tw-18-2017", 1, Neighbourhoods.TYPES, 200, 200, null, null))
			.willReturn(Optional.of(SUBGRAPH));

		this.graphQl.documentName("neighbourhood")
			.variable("id", "nq-tw-18-2017")
			.execute()
			.path("neighbourhood.truncated")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void shouldBindEveryArgumentAndReturnTheSubgraph() {
		given(this.queries.neighbourhood("province:nghe-an", 2, List.of("IMPLEMENTS", "MENTIONS"), 50, 10,
				LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)))
			.willReturn(Optional.of(SUBGRAPH));

		GraphQlTester.Response response = this.graphQl.documentName("neighbourhoodInPeriod")
			.variable("id", "province:nghe-an")
			.variable("depth", 2)
			.variable("types", List.of("implements", "MENTIONS", "Implements"))
			.variable("limit", 50)
			.variable("articleLimit", 10)
			.variable("from", "2018-01-01")
			.variable("to", "2018-12-31")
			.execute();

		response.path("neighbourhood.nodes[*].id")
			.entityList(String.class)
			.containsExactly("nq-tw-18-2017", "province:nghe-an");
		response.path("neighbourhood.nodes[0].date").entity(String.class).isEqualTo("2017-10-25");
		response.path("neighbourhood.nodes[0].year").entity(Integer.class).isEqualTo(2017);
		response.path("neighbourhood.nodes[1].date").valueIsNull();
		response.path("neighbourhood.edges[0].type").entity(String.class).isEqualTo("IMPLEMENTS");
		response.path("neighbourhood.edges[0].articleCount").entity(Integer.class).isEqualTo(3);
		response.path("neighbourhood.edges[0].firstReported").entity(String.class).isEqualTo("2018-02-01");
		response.path("neighbourhood.around[0].total").entity(Integer.class).isEqualTo(40);
		response.path("neighbourhood.around[0].included").entity(Integer.class).isEqualTo(12);
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownId() {
		given(this.queries.neighbourhood(anyString(), anyInt(), any(), anyInt(), anyInt(), any(), any()))
			.willReturn(Optional.empty());

		this.graphQl.documentName("neighbourhood").variable("id", "nowhere").execute().errors().satisfy(errors -> {
			assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
				assertThat(error.getMessage())
					.isEqualTo("No province, party body, document or article has the id 'nowhere'");
			});
		});
	}

	@Test
	void shouldRefuseADepthOutOfRange() {
		assertRefused(this.graphQl.documentName("neighbourhood").variable("id", "x").variable("depth", 0), "depth",
				"must be between 1 and 3, was 0");
	}

	@Test
	void shouldRefuseALimitOutOfRange() {
		assertRefused(this.graphQl.documentName("neighbourhood").variable("id", "x").variable("limit", 1001), "limit",
				"must be between 1 and 1000, was 1001");
	}

	@Test
	void shouldRefuseMoreArticlesThanTheLimit() {
		assertRefused(this.graphQl.documentName("neighbourhoodInPeriod")
			.variable("id", "x")
			.variable("limit", 5)
			.variable("articleLimit", 6), "articleLimit", "must be between 0 and 5, was 6");
	}

	@Test
	void shouldRefuseAnUnknownRelationshipType() {
		assertRefused(
				this.graphQl.documentName("neighbourhood").variable("id", "x").variable("types", List.of("LIKES")),
				"relationshipTypes",
				"unknown type 'LIKES'; expected some of " + String.join(", ", Neighbourhoods.TYPES));
	}

	@Test
	void shouldRefuseAPeriodEndingBeforeItStarts() {
		assertRefused(this.graphQl.documentName("neighbourhoodInPeriod")
			.variable("id", "x")
			.variable("from", "2020-01-02")
			.variable("to", "2020-01-01"), "to", "must not be before 'from' (2020-01-02), was 2020-01-01");
	}

	@Test
	void shouldRefuseADateThatIsNotADate() {
		this.graphQl.documentName("neighbourhoodInPeriod")
			.variable("id", "x")
			.variable("from", "2020-13-01")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(graphql.ErrorType.ValidationError);
				assertThat(error.getMessage()).startsWith("Variable 'from' has an invalid value")
					.contains("2020-13-01");
			}));
		thenNoQueryRan();
	}

	@Test
	void shouldFindAShortestPathWithTheDefaultLength() {
		given(this.queries.shortestPath("a", "b", 6, Neighbourhoods.TYPES)).willReturn(Optional.of(SUBGRAPH));

		this.graphQl.documentName("pathBetween")
			.variable("from", "a")
			.variable("to", "b")
			.execute()
			.path("shortestPath.edges[0].from")
			.entity(String.class)
			.isEqualTo("province:nghe-an");
	}

	@Test
	void shouldAnswerNullWhenNoPathExists() {
		given(this.queries.shortestPath("a", "b", 3, List.of("PART_OF"))).willReturn(Optional.empty());

		this.graphQl.documentName("shortestPathWithin")
			.variable("from", "a")
			.variable("to", "b")
			.variable("maxLength", 3)
			.variable("types", List.of("part_of"))
			.execute()
			.path("shortestPath")
			.valueIsNull();
	}

	@Test
	void shouldRefuseAPathLengthOutOfRange() {
		assertRefused(this.graphQl.documentName("shortestPathWithin")
			.variable("from", "a")
			.variable("to", "b")
			.variable("maxLength", 11), "maxLength", "must be between 1 and 10, was 11");
	}

	private void assertRefused(GraphQlTester.Request<?> request, String argument, String problem) {
		request.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getMessage()).isEqualTo("Invalid argument '" + argument + "': " + problem);
			assertThat(error.getExtensions()).containsEntry("argument", argument);
		}));
		thenNoQueryRan();
	}

	private void thenNoQueryRan() {
		then(this.queries).should(never())
			.neighbourhood(anyString(), anyInt(), any(), anyInt(), anyInt(), any(), any());
		then(this.queries).should(never()).shortestPath(anyString(), anyString(), anyInt(), any());
	}

}
