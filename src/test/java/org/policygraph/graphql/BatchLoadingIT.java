package org.policygraph.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.StatementCounter;

import org.policygraph.support.Testers;
import org.policygraph.support.TestArticles;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: the number of Cypher statements a deep query runs does not grow with the number
 * of results, because every nested list is batched; and they all share one read
 * transaction ({@link QueryTransactions}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchLoadingIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/batch-loading-it/";

	/**
	 * Directive 960-CT/TW, implemented (in every third article) by Nghệ An and Quảng
	 * Ninh.
	 */
	private static final String DIRECTIVE = "960-CT/TW|TW|2020-02-01";

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@Autowired
	private StatementCounter statements;

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@BeforeAll
	void ingestThirtyArticles() {
		String[] provinces = { "Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Quảng Ninh", "Sơn La", "Cao Bằng" };
		List<ReadResult> records = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String province = provinces[i % provinces.length];
			records.add(ReadResult.ok(new RawArticle(province + " triển khai Chỉ thị số " + (960 + i % 3) + "-CT/TW",
					"Thực hiện Chỉ thị số " + (960 + i % 3)
							+ "-CT/TW ngày 1-2-2020 của Ban Bí thư, Ban Thường vụ Tỉnh ủy " + province
							+ " ban hành Kế hoạch số " + (100 + i) + "-KH/TU ngày 1-3-2020 để thực hiện.",
					PREFIX + i, LocalDate.of(2020, 3, 1 + i % 28), "test", null, "batch[" + i + "]")));
		}
		this.ingest.ingestRecords(records, IngestOptions.defaults(), IngestListener.NONE);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private long statementsFor(int first) {
		this.statements.reset();
		this.graphQl.documentName("deepArticles")
			.variable("first", first)
			.execute()
			.path("articles.edges")
			.entityList(Object.class)
			.hasSizeGreaterThan(first - 1);
		return this.statements.count();
	}

	@Autowired
	private ApplicationContext context;

	@Test
	void shouldTimeNoGraphQlFieldWhileNoMetricsAreExposed() {
		statementsFor(30);

		assertThat(this.context.getBeanProvider(GraphQlObservationInstrumentation.class).getIfAvailable()).isNull();
		this.context.getBeanProvider(MeterRegistry.class)
			.ifAvailable(registry -> assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
				.doesNotContain("graphql.request", "graphql.datafetcher", "graphql.dataloader")
				.doesNotContain("graphql.request.active", "graphql.datafetcher.active", "graphql.dataloader.active"));
	}

	@Test
	void shouldRunTheSameNumberOfStatementsForFewAndManyResults() {
		long few = statementsFor(2);
		long many = statementsFor(30);

		assertThat(many).isEqualTo(few);
		assertThat(few).isBetween(5L, 40L);
	}

	@Test
	void shouldReadAnImplementationsProvinceDocumentAndEvidenceArticlesWithTheStatementsThatFindThem() {
		this.statements.reset();
		this.graphQl.documentName("implementersPlain")
			.variable("key", DIRECTIVE)
			.execute()
			.path("document.implementedBy.edges")
			.entityList(Object.class)
			.hasSize(2);
		long plain = this.statements.count();

		this.statements.reset();
		GraphQlTester.Response withNodes = this.graphQl.documentName("implementersWithNodes")
			.variable("key", DIRECTIVE)
			.execute();
		long withNodesStatements = this.statements.count();

		assertThat(withNodes.path("document.implementedBy.edges[*].node.province.name").entityList(String.class).get())
			.containsExactlyInAnyOrder("Nghệ An", "Quảng Ninh");
		assertThat(withNodes.path("document.implementedBy.edges[*].node.document.key").entityList(String.class).get())
			.containsOnly(DIRECTIVE);
		withNodes.path("document.implementedBy.edges[0].node.evidence[0].article.id")
			.entity(String.class)
			.satisfies(id -> assertThat(id).isNotBlank());
		// The evidence, asked for one way, comes with the page (and the local documents
		// it needs): no statement added.
		assertThat(withNodesStatements).as("no statement added").isEqualTo(plain);
	}

	@Test
	void shouldGiveTheSameEvidenceWhetherOrNotItsArticlesAreAskedFor() {
		List<String> alone = this.graphQl.documentName("implementersEvidenceOnly")
			.variable("key", DIRECTIVE)
			.execute()
			.path("document.implementedBy.edges[*].node.evidence[*].sentence")
			.entityList(String.class)
			.get();
		List<String> withArticles = this.graphQl.documentName("implementersWithNodes")
			.variable("key", DIRECTIVE)
			.execute()
			.path("document.implementedBy.edges[*].node.evidence[*].sentence")
			.entityList(String.class)
			.get();

		assertThat(alone).isNotEmpty().isEqualTo(withArticles);
	}

	@Test
	void shouldRunAllStatementsOfAQueryInOneReadTransaction() {
		long statements = statementsFor(30);

		assertThat(statements).isGreaterThan(5);
		assertThat(this.statements.transactions()).isEqualTo(1);
	}

}
