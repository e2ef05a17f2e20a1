package org.policygraph.traversal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.support.CypherSliceTest;
import org.policygraph.support.TestGraph;
import org.policygraph.traversal.Subgraph.GraphEdge;
import org.policygraph.traversal.Subgraph.GraphNode;
import org.policygraph.traversal.Subgraph.NeighbourCount;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traversal's Cypher on a small graph: a central resolution, a provincial plan
 * implementing it (with the evidence of a 2018 article), the body that issued the plan,
 * its province, and two articles, one of 2018 and one of 2019.
 */
@CypherSliceTest(TraversalQueries.class)
class TraversalQueriesTests {

	private static final List<String> ALL = Neighbourhoods.TYPES;

	@Autowired
	private TraversalQueries queries;

	@Autowired
	private TestGraph graph;

	@BeforeEach
	void writeGraph() {
		this.graph.replace("""
				CREATE (na:Province:Entity {key: '40', name: 'Nghệ An', era: 'BOTH'}),
				       (tu:PartyBody:Entity {key: 'tinh-uy-nghe-an', name: 'Tỉnh ủy Nghệ An', level: 'PROVINCIAL',
				        provinceKey: '40'}),
				       (nq:Document:Entity {key: 'nq-18-2017', name: 'Nghị quyết số 18-NQ/TW', scope: 'TW',
				        issuedOn: date('2017-10-25'), year: 2017, level: 'CENTRAL'}),
				       (kh:Document:Entity {key: 'kh-501-2018', name: 'Kế hoạch số 501-KH/TU', scope: '40',
				        issuedOn: date('2018-01-10'), year: 2018}),
				       (a2018:Article {id: 'a-2018', title: 'Nghệ An triển khai Nghị quyết 18',
				        publishedAt: date('2018-01-15'), provinceKey: '40'}),
				       (a2019:Article {id: 'a-2019', title: 'Sơ kết Nghị quyết 18', publishedAt: date('2019-03-01')}),
				       (e:Evidence {id: 'e1', type: 'IMPLEMENTS', fromKey: 'kh-501-2018', toKey: 'nq-18-2017'}),
				       (kh)-[:IMPLEMENTS {articleCount: 1, firstReported: date('2018-01-15')}]->(nq),
				       (kh)-[:ISSUED_BY]->(tu), (tu)-[:OF_PROVINCE]->(na),
				       (a2018)-[:MENTIONS]->(nq), (a2018)-[:MENTIONS]->(kh), (a2019)-[:MENTIONS]->(nq),
				       (a2018)-[:ASSERTS]->(e)""");
	}

	@Test
	void shouldReturnOneStepDocumentsFirstThenArticles() {
		Subgraph subgraph = this.queries.neighbourhood("nq-18-2017", 1, ALL, 200, 200, null, null).orElseThrow();

		// The start, the documents, then the articles (among themselves in no particular
		// order).
		assertThat(subgraph.nodes()).extracting(GraphNode::id)
			.hasSize(4)
			.startsWith("nq-18-2017", "kh-501-2018")
			.containsExactlyInAnyOrder("nq-18-2017", "kh-501-2018", "a-2018", "a-2019");
		assertThat(subgraph.nodes().get(0)).isEqualTo(new GraphNode("nq-18-2017", "DOCUMENT", "Nghị quyết số 18-NQ/TW",
				LocalDate.of(2017, 10, 25), 2017, "CENTRAL", null, null, null));
		assertThat(subgraph.nodes().get(1).provinceKey()).isEqualTo("40");
		assertThat(subgraph.nodes().get(1).provinceName()).isEqualTo("Nghệ An");
		assertThat(subgraph.nodes()).filteredOn(n -> n.id().equals("a-2018"))
			.singleElement()
			.satisfies(article -> assertThat(article.date()).isEqualTo(LocalDate.of(2018, 1, 15)));
		assertThat(subgraph.edges()).contains(
				new GraphEdge("IMPLEMENTS", "kh-501-2018", "nq-18-2017", 1, LocalDate.of(2018, 1, 15)),
				new GraphEdge("MENTIONS", "a-2018", "nq-18-2017", null, null),
				new GraphEdge("MENTIONS", "a-2019", "nq-18-2017", null, null));
		assertThat(subgraph.edges()).hasSize(3);
		assertThat(subgraph.truncated()).isFalse();
		assertThat(subgraph.around()).containsExactly(new NeighbourCount("IMPLEMENTS", false, "DOCUMENT", 1, 1),
				new NeighbourCount("MENTIONS", false, "ARTICLE", 2, 2));
	}

	@Test
	void shouldFollowOnlyTheTypesAskedForAsDeepAsAsked() {
		Subgraph subgraph = this.queries
			.neighbourhood("nq-18-2017", 3, List.of("IMPLEMENTS", "ISSUED_BY", "OF_PROVINCE"), 200, 200, null, null)
			.orElseThrow();

		assertThat(subgraph.nodes()).extracting(GraphNode::id)
			.containsExactly("nq-18-2017", "kh-501-2018", "tinh-uy-nghe-an", "40");
		assertThat(subgraph.nodes()).extracting(GraphNode::kind)
			.containsExactly("DOCUMENT", "DOCUMENT", "PARTY_BODY", "PROVINCE");

		Subgraph oneStep = this.queries
			.neighbourhood("nq-18-2017", 1, List.of("IMPLEMENTS", "ISSUED_BY", "OF_PROVINCE"), 200, 200, null, null)
			.orElseThrow();
		assertThat(oneStep.nodes()).extracting(GraphNode::id).containsExactly("nq-18-2017", "kh-501-2018");
	}

	@Test
	void shouldKeepOnlyWhatWasReportedInThePeriod() {
		Subgraph in2019 = this.queries
			.neighbourhood("nq-18-2017", 1, ALL, 200, 200, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31))
			.orElseThrow();

		// The plan's IMPLEMENTS rests on a 2018 article only; the 2018 article's MENTIONS
		// is out too.
		assertThat(in2019.nodes()).extracting(GraphNode::id).containsExactly("nq-18-2017", "a-2019");
		assertThat(in2019.around()).containsExactly(new NeighbourCount("MENTIONS", false, "ARTICLE", 1, 1));

		Subgraph in2018 = this.queries
			.neighbourhood("nq-18-2017", 1, ALL, 200, 200, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31))
			.orElseThrow();
		assertThat(in2018.nodes()).extracting(GraphNode::id).containsExactly("nq-18-2017", "kh-501-2018", "a-2018");
	}

	@Test
	void shouldLeaveArticlesOutOnRequestAndCountThem() {
		Subgraph subgraph = this.queries.neighbourhood("nq-18-2017", 1, ALL, 200, 0, null, null).orElseThrow();

		assertThat(subgraph.nodes()).extracting(GraphNode::id).containsExactly("nq-18-2017", "kh-501-2018");
		assertThat(subgraph.truncated()).isFalse();
		assertThat(subgraph.around()).contains(new NeighbourCount("MENTIONS", false, "ARTICLE", 2, 0));
	}

	@Test
	void shouldSayWhenTheLimitCutTheNeighbourhood() {
		Subgraph subgraph = this.queries.neighbourhood("nq-18-2017", 1, ALL, 2, 2, null, null).orElseThrow();

		assertThat(subgraph.edges()).hasSize(2);
		assertThat(subgraph.truncated()).isTrue();
	}

	@Test
	void shouldStartFromAnArticleById() {
		Subgraph subgraph = this.queries.neighbourhood("a-2018", 1, ALL, 200, 200, null, null).orElseThrow();

		assertThat(subgraph.nodes().get(0)).satisfies(article -> {
			assertThat(article.kind()).isEqualTo("ARTICLE");
			assertThat(article.label()).isEqualTo("Nghệ An triển khai Nghị quyết 18");
			assertThat(article.provinceName()).isEqualTo("Nghệ An");
		});
		assertThat(subgraph.nodes()).extracting(GraphNode::id)
			.containsExactlyInAnyOrder("a-2018", "nq-18-2017", "kh-501-2018");
	}

	@Test
	void shouldFindNothingForAnUnknownId() {
		assertThat(this.queries.neighbourhood("nowhere", 1, ALL, 200, 200, null, null)).isEmpty();
	}

	@Test
	void shouldFindTheShortestPathOverTheTypesAsked() {
		Subgraph path = this.queries.shortestPath("a-2019", "tinh-uy-nghe-an", 6, ALL).orElseThrow();

		assertThat(path.nodes()).extracting(GraphNode::id)
			.containsExactly("a-2019", "nq-18-2017", "kh-501-2018", "tinh-uy-nghe-an");
		assertThat(path.edges()).extracting(GraphEdge::type).containsExactly("MENTIONS", "IMPLEMENTS", "ISSUED_BY");
		assertThat(path.edges().get(1).from()).isEqualTo("kh-501-2018");
	}

	@Test
	void shouldFindNoPathLongerThanAllowedOrOverOtherTypes() {
		assertThat(this.queries.shortestPath("a-2019", "tinh-uy-nghe-an", 2, ALL)).isEmpty();
		// Without MENTIONS the 2019 article leads nowhere.
		assertThat(this.queries.shortestPath("a-2019", "tinh-uy-nghe-an", 6, List.of("IMPLEMENTS", "ISSUED_BY")))
			.isEmpty();
		assertThat(this.queries.shortestPath("a-2019", "nowhere", 6, ALL)).isEmpty();
	}

	@Test
	void shouldReturnTheNodeAloneAsThePathToItself() {
		Subgraph path = this.queries.shortestPath("40", "40", 6, ALL).orElseThrow();

		assertThat(path.nodes()).extracting(GraphNode::id).containsExactly("40");
		assertThat(path.edges()).isEmpty();
	}

	@Test
	void shouldDrawAViewWithWhatItLeavesOutAroundTheOpenedNodes() {
		Subgraph view = this.queries.view(List.of("nq-18-2017", "kh-501-2018", "unknown"), List.of("nq-18-2017"), ALL,
				null, null);

		assertThat(view.nodes()).extracting(GraphNode::id).containsExactly("nq-18-2017", "kh-501-2018");
		assertThat(view.edges())
			.containsExactly(new GraphEdge("IMPLEMENTS", "kh-501-2018", "nq-18-2017", 1, LocalDate.of(2018, 1, 15)));
		assertThat(view.around()).containsExactly(new NeighbourCount("IMPLEMENTS", false, "DOCUMENT", 1, 1),
				new NeighbourCount("MENTIONS", false, "ARTICLE", 2, 0));
	}

}
