package org.policygraph.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.policygraph.support.TestArticles;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document lists count their matches only when asked; a document read by key brings its
 * own lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentQueriesIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/document-queries-it/";

	private static final String[][] PLANS = { { "Nghệ An", "40", "981" }, { "Thanh Hóa", "38", "981" },
			{ "Nghệ An", "40", "982" }, { "Hà Tĩnh", "42", "982" } };

	@Autowired
	private StatementCounter statements;

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@BeforeAll
	void ingestPlans() {
		List<ReadResult> records = new ArrayList<>();
		for (int i = 0; i < PLANS.length; i++) {
			String province = PLANS[i][0];
			String directive = PLANS[i][2];
			records.add(ReadResult.ok(new RawArticle(province + " triển khai Chỉ thị số " + directive + "-CT/TW",
					"Thực hiện Chỉ thị số " + directive + "-CT/TW ngày 1-2-2020 của Ban Bí thư, Ban Thường vụ Tỉnh ủy "
							+ province + " ban hành Kế hoạch số " + (870 + i) + "-KH/TU ngày 1-3-2020 để thực hiện.",
					PREFIX + i, LocalDate.of(2020, 3, 2 + i), "test", null, "via[" + i + "]")));
		}
		this.ingest.ingestRecords(records, IngestOptions.defaults(), IngestListener.NONE);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldCountTheMatchingDocumentsOnlyWhenTheTotalIsAsked() {
		this.statements.reset();
		List<String> withTotal = this.graphQl.documentName("documentKeysWithTotal")
			.variable("type", "DIRECTIVE")
			.execute()
			.path("documents.edges[*].node.key")
			.entityList(String.class)
			.get();
		long statementsWithTotal = this.statements.count();

		this.statements.reset();
		List<String> withoutTotal = this.graphQl.documentName("documentKeys")
			.variable("type", "DIRECTIVE")
			.execute()
			.path("documents.edges[*].node.key")
			.entityList(String.class)
			.get();
		long statementsWithoutTotal = this.statements.count();

		assertThat(withoutTotal).isEqualTo(withTotal).isNotEmpty();
		assertThat(statementsWithoutTotal).isEqualTo(statementsWithTotal - 1);
	}

	@Test
	void shouldReadADocumentsIssuersAndTheDocumentsItImplementsWithTheDocument() {
		String plan = "870-KH/TU|40|2020-03-01";
		this.statements.reset();
		Map<String, Object> withLists = this.graphQl.documentName("documentWithLists")
			.variable("key", plan)
			.execute()
			.path("document")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		long statementsRun = this.statements.count();

		assertThat(statementsRun).as("one statement for the document and its lists").isEqualTo(1);
		assertThat((List<?>) withLists.get("implements")).singleElement()
			.satisfies(d -> assertThat(((Map<?, ?>) d).get("key")).isEqualTo("981-CT/TW|TW|2020-02-01"));
		assertThat((List<?>) withLists.get("issuedBy")).isNotEmpty();
		Map<String, Object> lookedUp = this.graphQl.documentName("documentsByCodeWithLists")
			.variable("code", "870-KH/TU")
			.execute()
			.path("documentsByCode[0]")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(lookedUp).as("the same lists, looked up by their own statements").isEqualTo(withLists);
	}

}
