package org.policygraph.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.graph.Province;
import org.policygraph.graph.ProvinceUnits;
import org.policygraph.support.CypherSliceTest;
import org.policygraph.support.TestGraph;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's Cypher on a small graph: a central resolution implemented by Nghệ An
 * (two 2018 reports) and by two provinces merged on 1-7-2025 into one (one 2019 article
 * about both), a central directive mentioned once in 2019, and a provincial plan; Hà Tĩnh
 * implements nothing.
 */
@CypherSliceTest(AnalyticsQueries.class)
class AnalyticsQueriesTests {

	@Autowired
	private AnalyticsQueries queries;

	@Autowired
	private TestGraph graph;

	@BeforeEach
	void writeGraph() {
		this.graph.replace("""
				CREATE (na:Province:Entity {key: '40', name: 'Nghệ An', era: 'BOTH'}),
				       (ht:Province:Entity {key: '42', name: 'Hà Tĩnh', era: 'BOTH'}),
				       (pa:Province:Entity {key: 'A', name: 'Tỉnh A', era: 'PRE_2025'}),
				       (pc:Province:Entity {key: 'C', name: 'Tỉnh C', era: 'PRE_2025'}),
				       (pb:Province:Entity {key: 'B-2025', name: 'Tỉnh B', era: 'POST_2025'}),
				       (pa)-[:MERGED_INTO]->(pb), (pc)-[:MERGED_INTO]->(pb),
				       (nq:Document:Entity {key: 'nq-18-2017', name: 'Nghị quyết số 18-NQ/TW về tinh gọn bộ máy',
				        type: 'RESOLUTION', number: '18', scope: 'TW', issuedOn: date('2017-10-25'), year: 2017,
				        subject: 'tinh gọn bộ máy'}),
				       (ct:Document:Entity {key: 'ct-05-2016', name: 'Chỉ thị số 05-CT/TW', type: 'DIRECTIVE',
				        number: '05', scope: 'TW', year: 2016}),
				       (kh:Document:Entity {key: 'kh-501-2018', name: 'Kế hoạch số 501-KH/TU', type: 'PLAN',
				        number: '501', scope: '40', issuedOn: date('2018-01-10'), year: 2018}),
				       (na)-[:IMPLEMENTS {firstReported: date('2018-01-15'), articleCount: 2}]->(nq),
				       (pa)-[:IMPLEMENTS {firstReported: date('2019-05-01'), articleCount: 1}]->(nq),
				       (pc)-[:IMPLEMENTS {firstReported: date('2019-05-01'), articleCount: 1}]->(nq),
				       (a1:Article {id: 'a1', publishedAt: date('2018-01-15')}),
				       (a2:Article {id: 'a2', publishedAt: date('2018-03-02')}),
				       (a3:Article {id: 'a3', publishedAt: date('2019-05-01')}),
				       (a4:Article {id: 'a4', publishedAt: date('2019-07-20')}),
				       (a1)-[:ASSERTS]->(:Evidence {id: 'e1', type: 'IMPLEMENTS', fromKey: '40', toKey: 'nq-18-2017',
				        articleId: 'a1'}),
				       (a2)-[:ASSERTS]->(:Evidence {id: 'e2', type: 'IMPLEMENTS', fromKey: '40', toKey: 'nq-18-2017',
				        articleId: 'a2'}),
				       (a3)-[:ASSERTS]->(:Evidence {id: 'e3', type: 'IMPLEMENTS', fromKey: 'A', toKey: 'nq-18-2017',
				        articleId: 'a3'}),
				       (a3)-[:ASSERTS]->(:Evidence {id: 'e4', type: 'IMPLEMENTS', fromKey: 'C', toKey: 'nq-18-2017',
				        articleId: 'a3'}),
				       (a1)-[:MENTIONS]->(nq), (a1)-[:MENTIONS]->(na),
				       (a2)-[:MENTIONS]->(nq), (a2)-[:MENTIONS]->(na), (a2)-[:MENTIONS]->(kh),
				       (a3)-[:MENTIONS]->(nq), (a3)-[:MENTIONS]->(pa), (a3)-[:MENTIONS]->(pc),
				       (a4)-[:MENTIONS]->(ct), (a4)-[:MENTIONS]->(ht)""");
	}

	@Test
	void shouldCoverThe63UnitsEarliestReportFirst() {
		Coverage coverage = this.queries.coverage("nq-18-2017", ProvinceUnits.PRE_2025, null, null).orElseThrow();

		assertThat(coverage.totalUnits()).isEqualTo(4);
		assertThat(coverage.implemented())
			.extracting(c -> c.province().key(), Coverage.Cell::firstReported, Coverage.Cell::articleCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("40", LocalDate.of(2018, 1, 15), 2),
					org.assertj.core.groups.Tuple.tuple("A", LocalDate.of(2019, 5, 1), 1),
					org.assertj.core.groups.Tuple.tuple("C", LocalDate.of(2019, 5, 1), 1));
		assertThat(coverage.implemented()).allSatisfy(c -> assertThat(c.via()).isEmpty());
		assertThat(coverage.missing()).extracting(Province::key).containsExactly("42");
	}

	@Test
	void shouldCountAMergedUnitThroughItsPredecessorsAndAnArticleAboutBothOnce() {
		Coverage coverage = this.queries.coverage("nq-18-2017", ProvinceUnits.POST_2025, null, null).orElseThrow();

		assertThat(coverage.totalUnits()).isEqualTo(3);
		assertThat(coverage.implemented()).extracting(c -> c.province().key()).containsExactly("40", "B-2025");
		Coverage.Cell merged = coverage.implemented().get(1);
		assertThat(merged.via()).extracting(Province::key).containsExactlyInAnyOrder("A", "C");
		assertThat(merged.articleCount()).isEqualTo(1);
		assertThat(merged.firstReported()).isEqualTo(LocalDate.of(2019, 5, 1));
		assertThat(coverage.missing()).extracting(Province::key).containsExactly("42");
	}

	@Test
	void shouldCoverAPeriodFromTheReportsPublishedInIt() {
		Coverage coverage = this.queries
			.coverage("nq-18-2017", ProvinceUnits.PRE_2025, LocalDate.of(2018, 2, 1), LocalDate.of(2018, 12, 31))
			.orElseThrow();

		assertThat(coverage.implemented()).singleElement().satisfies(cell -> {
			assertThat(cell.province().key()).isEqualTo("40");
			assertThat(cell.firstReported()).isEqualTo(LocalDate.of(2018, 3, 2));
			assertThat(cell.articleCount()).isEqualTo(1);
		});
		assertThat(coverage.missing()).extracting(Province::key).containsExactlyInAnyOrder("42", "A", "C");
	}

	@Test
	void shouldFindNoCoverageOfAnUnknownDocument() {
		assertThat(this.queries.coverage("nowhere", ProvinceUnits.PRE_2025, null, null)).isEmpty();
	}

	@Test
	void shouldCountArticlesByProvinceMostFirst() {
		assertThat(this.queries.counts(CountDimension.PROVINCE, null, null, null)).containsExactly(
				new CountBucket("40", "Nghệ An", 2), new CountBucket("42", "Hà Tĩnh", 1),
				new CountBucket("A", "Tỉnh A", 1), new CountBucket("C", "Tỉnh C", 1));
		assertThat(this.queries.counts(CountDimension.PROVINCE, null, LocalDate.of(2018, 1, 1),
				LocalDate.of(2018, 12, 31)))
			.containsExactly(new CountBucket("40", "Nghệ An", 2));
	}

	@Test
	void shouldCountDocumentsByTypeWithVietnameseLabels() {
		assertThat(this.queries.counts(CountDimension.DOCUMENT_TYPE, null, null, null)).containsExactly(
				new CountBucket("DIRECTIVE", "Chỉ thị", 1), new CountBucket("PLAN", "Kế hoạch", 1),
				new CountBucket("RESOLUTION", "Nghị quyết", 1));
	}

	@Test
	void shouldCountDocumentsByYearOfIssueInThePeriod() {
		assertThat(this.queries.counts(CountDimension.YEAR, null, null, null)).containsExactly(
				new CountBucket("2016", "2016", 1), new CountBucket("2017", "2017", 1),
				new CountBucket("2018", "2018", 1));
		// The directive has a year but no day: a period of days takes it by its year.
		assertThat(this.queries.counts(CountDimension.YEAR, null, LocalDate.of(2017, 1, 1), LocalDate.of(2018, 1, 9)))
			.containsExactly(new CountBucket("2017", "2017", 1));
	}

	@Test
	void shouldCountMentionsPerMonthWithEmptyMonthsFilled() {
		List<MonthCount> months = this.queries.mentionsPerMonth("nq-18-2017", null, null, null);

		assertThat(months).hasSize(17);
		assertThat(months.subList(0, 3)).containsExactly(new MonthCount("2018-01", 1), new MonthCount("2018-02", 0),
				new MonthCount("2018-03", 1));
		assertThat(months.get(16)).isEqualTo(new MonthCount("2019-05", 1));
		assertThat(months.stream().mapToInt(MonthCount::count).sum()).isEqualTo(3);
	}

	@Test
	void shouldCountMentionsOfADocumentInAProvinceOverAPeriod() {
		assertThat(this.queries.mentionsPerMonth("nq-18-2017", "A", null, null))
			.containsExactly(new MonthCount("2019-05", 1));
		assertThat(this.queries.mentionsPerMonth(null, "40", LocalDate.of(2017, 12, 1), LocalDate.of(2018, 2, 28)))
			.containsExactly(new MonthCount("2017-12", 0), new MonthCount("2018-01", 1), new MonthCount("2018-02", 0));
	}

	@Test
	void shouldRankDocumentsByMentionsWithTheirImplementers() {
		List<DocumentRank> ranks = this.queries.topDocuments(null, null, null, 10);

		assertThat(ranks)
			.extracting(DocumentRank::rank, r -> r.document().key(), DocumentRank::mentionCount,
					DocumentRank::implementingProvinceCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "nq-18-2017", 3, 3),
					org.assertj.core.groups.Tuple.tuple(2, "ct-05-2016", 1, 0),
					org.assertj.core.groups.Tuple.tuple(3, "kh-501-2018", 1, 0));
		assertThat(ranks.get(0).document().type()).isEqualTo("RESOLUTION");
	}

	@Test
	void shouldRankTheMentionsOfAPeriodAndOfOneType() {
		assertThat(this.queries.topDocuments(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), null, 10))
			.extracting(r -> r.document().key(), DocumentRank::mentionCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ct-05-2016", 1),
					org.assertj.core.groups.Tuple.tuple("nq-18-2017", 1));
		assertThat(this.queries.topDocuments(null, null, "PLAN", 10)).extracting(r -> r.document().key())
			.containsExactly("kh-501-2018");
		assertThat(this.queries.topDocuments(null, null, null, 1)).extracting(r -> r.document().key())
			.containsExactly("nq-18-2017");
	}

	@Test
	void shouldOfferTheMostImplementedDocumentsFirstCountedOverBothSetsOfUnits() {
		List<DocumentChoice> choices = this.queries.documentChoices(null, null, null, 20);

		assertThat(choices).extracting(c -> c.document().key())
			.containsExactly("nq-18-2017", "ct-05-2016", "kh-501-2018");
		// Nghệ An, A and C among the 63; Nghệ An and B (which A and C became) among the
		// 34.
		assertThat(choices.get(0).implementers()).isEqualTo(new ImplementerCounts(3, 2));
		assertThat(choices.get(0).mentionCount()).isEqualTo(3);
	}

	@Test
	void shouldOfferTheDocumentsOfTheNumberTypedFirstAndOfOneScope() {
		assertThat(this.queries.documentChoices(null, "501", null, 20)).extracting(c -> c.document().key())
			.containsExactly("kh-501-2018", "nq-18-2017", "ct-05-2016");
		assertThat(this.queries.documentChoices(null, null, DocumentScope.LOCAL, 20))
			.extracting(c -> c.document().key())
			.containsExactly("kh-501-2018");
		assertThat(this.queries.documentChoices(null, null, DocumentScope.CENTRAL, 1))
			.extracting(c -> c.document().key())
			.containsExactly("nq-18-2017");
		assertThat(this.queries.documentChoices(null, null, DocumentScope.CENTRAL, 20))
			.extracting(c -> c.document().key())
			.containsExactly("nq-18-2017", "ct-05-2016");
	}

	@Test
	void shouldStartTheCentralChoicesFromTheScopeIndexNotFromEveryDocument() {
		List<String> plan = this.graph.plan(AnalyticsQueries.CHOICES_CENTRAL,
				Map.of("number", "", "preEras", List.of("BOTH"), "postEras", List.of("BOTH"), "limit", 20));

		assertThat(plan).anyMatch(o -> o.startsWith("NodeIndexSeek") && o.contains(":Document(scope)"));
		assertThat(plan).noneMatch(o -> o.startsWith("NodeByLabelScan"));
	}

	@Test
	void shouldRankOneTypeFromTheTypeIndexNotFromEveryDocument() {
		List<String> plan = this.graph.plan(AnalyticsQueries.TOP_DOCUMENTS_ALL_TIME_OF_TYPE,
				Map.of("type", "RESOLUTION", "limit", 100));

		assertThat(plan).anyMatch(o -> o.startsWith("NodeIndexSeek") && o.contains(":Document(type)"));
		assertThat(plan).noneMatch(o -> o.startsWith("NodeByLabelScan"));
	}

	@Test
	void shouldOfferTheDocumentsWhoseNameHoldsTheWordsTyped() {
		this.graph.awaitSearchIndex();

		assertThat(this.queries.documentChoices("+(name:tinh subject:tinh) +(name:gon* subject:gon*)", null, null, 20))
			.extracting(c -> c.document().key())
			.containsExactly("nq-18-2017");
		assertThat(this.queries.documentChoices("+(name:chi subject:chi) +(name:th* subject:th*)", null, null, 20))
			.extracting(c -> c.document().key())
			.containsExactly("ct-05-2016");
	}

}
