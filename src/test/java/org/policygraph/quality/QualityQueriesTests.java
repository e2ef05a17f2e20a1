package org.policygraph.quality;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.quality.GraphQuality.QualityDocument;
import org.policygraph.quality.GraphQuality.UnresolvedShortName;
import org.policygraph.support.CypherSliceTest;
import org.policygraph.support.TestGraph;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality report's Cypher on a small graph: a citation kept apart from two documents,
 * two documents without a date (one unnamed), one document with merged keys, and articles
 * with short names no document answers to.
 */
@CypherSliceTest(QualityQueries.class)
class QualityQueriesTests {

	@Autowired
	private QualityQueries queries;

	@Autowired
	private TestGraph graph;

	@BeforeEach
	void writeGraph() {
		this.graph.replace("""
				CREATE (undated:Document:Entity {key: 'NQ|18|TW|?', name: 'Nghị quyết số 18-NQ/TW', dated: false,
				        ambiguousWith: ['nq-18-2017', 'nq-18-2023']}),
				       (d2017:Document:Entity {key: 'nq-18-2017', name: 'Nghị quyết số 18-NQ/TW (2017)', dated: true,
				        mergedKeys: ['NQ|18|TW|2017', 'NQ|18|TW|k12']}),
				       (d2023:Document:Entity {key: 'nq-18-2023', name: 'Nghị quyết số 18-NQ/TW (2023)', dated: true}),
				       (unnamed:Document:Entity {key: 'KL|21|TW|k12'}),
				       (a1:Article {id: 'a1', unresolvedCitations: ['Nghị quyết Trung ương 4', 'Chỉ thị 05']}),
				       (a2:Article {id: 'a2', unresolvedCitations: ['Nghị quyết Trung ương 4']}),
				       (a3:Article {id: 'a3'}),
				       (a1)-[:MENTIONS]->(undated), (a2)-[:MENTIONS]->(undated), (a3)-[:MENTIONS]->(unnamed),
				       (a3)-[:MENTIONS]->(d2017)""");
	}

	@Test
	void shouldCountWhatTheWriterCouldNotSettle() {
		GraphQuality report = this.queries.report(20);

		assertThat(report.documentCount()).isEqualTo(4);
		assertThat(report.suspectedDuplicateCount()).isEqualTo(1);
		assertThat(report.undatedDocumentCount()).isEqualTo(2);
		assertThat(report.mergedDocumentCount()).isEqualTo(1);
		assertThat(report.mergedKeyCount()).isEqualTo(2);
		assertThat(report.articlesWithUnresolvedCitationsCount()).isEqualTo(2);
		assertThat(report.unresolvedCitationCount()).isEqualTo(2);
	}

	@Test
	void shouldListTheDocumentsMostMentionedFirstWithTheReason() {
		GraphQuality report = this.queries.report(20);

		assertThat(report.suspectedDuplicates()).singleElement().satisfies(duplicate -> {
			assertThat(duplicate.document())
				.isEqualTo(new QualityDocument("NQ|18|TW|?", "Nghị quyết số 18-NQ/TW", java.util.List.of(), 2));
			assertThat(duplicate.candidates()).containsExactly("nq-18-2017", "nq-18-2023");
			assertThat(duplicate.reason()).startsWith("NQ|18|TW|? is cited without a date, and 2 documents");
		});
		assertThat(report.undatedDocuments()).containsExactly(
				new QualityDocument("NQ|18|TW|?", "Nghị quyết số 18-NQ/TW", java.util.List.of(), 2),
				new QualityDocument("KL|21|TW|k12", "KL|21|TW|k12", java.util.List.of(), 1));
		assertThat(report.unresolvedCitations()).containsExactly(new UnresolvedShortName("Nghị quyết Trung ương 4", 2),
				new UnresolvedShortName("Chỉ thị 05", 1));
	}

	@Test
	void shouldCutTheListsButNotTheCounts() {
		GraphQuality report = this.queries.report(1);

		assertThat(report.undatedDocuments()).extracting(QualityDocument::key).containsExactly("NQ|18|TW|?");
		assertThat(report.unresolvedCitations()).extracting(UnresolvedShortName::surface)
			.containsExactly("Nghị quyết Trung ương 4");
		assertThat(report.undatedDocumentCount()).isEqualTo(2);
		assertThat(report.unresolvedCitationCount()).isEqualTo(2);
	}

	@Test
	void shouldReportAnEmptyGraphAsZeros() {
		this.graph.replace("RETURN 1");

		GraphQuality report = this.queries.report(20);

		assertThat(report.documentCount()).isZero();
		assertThat(report.undatedDocuments()).isEmpty();
		assertThat(report.unresolvedCitations()).isEmpty();
		assertThat(report.articlesWithUnresolvedCitationsCount()).isZero();
	}

}
