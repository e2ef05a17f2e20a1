package org.policygraph.bench;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.policygraph.support.InProcessNeo4j;
import org.policygraph.support.TestArticles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's GraphQL operations answer what their hand-written floors answer, in the
 * same order, on a graph with what makes the document panel's evidence hard: a province
 * implementing a directive directly and through its plan (two relationships whose kept
 * evidence interleave), more evidence than a relationship keeps, undated articles and two
 * on one day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloorAnswersIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/floor-answers-it/";

	@LocalServerPort
	private int port;

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	@BeforeAll
	void ingestArticles() {
		List<ReadResult> records = new ArrayList<>();
		for (int i = 0; i < 14; i++) {
			LocalDate date = switch (i) {
				case 4, 9 -> null;
				case 7 -> LocalDate.of(2020, 3, 7);
				default -> LocalDate.of(2020, 3, 1 + i);
			};
			String text = (i % 2 == 0)
					? "Thực hiện Chỉ thị số 984-CT/TW ngày 1-2-2020 của Ban Bí thư, Ban Thường vụ Tỉnh ủy Nghệ An ban hành "
							+ "Kế hoạch số 884-KH/TU ngày 1-3-2020 để thực hiện, đợt " + i + "."
					: "Tỉnh ủy Nghệ An tổ chức sơ kết đợt " + i
							+ " thực hiện Chỉ thị số 984-CT/TW ngày 1-2-2020 của Ban Bí thư.";
			records.add(ReadResult.ok(new RawArticle("Nghệ An thực hiện Chỉ thị số 984-CT/TW, đợt " + i, text,
					PREFIX + "%02d".formatted(i), date, "test", null, "floor[" + i + "]")));
		}
		this.ingest.ingestRecords(records, new IngestOptions(null, false, 3), IngestListener.NONE);
	}

	@AfterAll
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldAnswerTheDocumentPanelAsItsFloorDoes() {
		try (CypherClient cypher = new CypherClient(InProcessNeo4j.boltUri())) {
			Operations.Choices choices = Operations.Choices.lookUp(cypher);
			assertThat(choices.implementedDocuments()).contains("984-CT/TW|TW|2020-02-01");
			GraphQlClient graphQl = new GraphQlClient(URI.create("http://127.0.0.1:" + this.port + "/graphql"), null,
					null);
			Operation op = Operations.documentImplementedBy(choices);
			List<String> keys = new ArrayList<>(choices.implementedDocuments());
			for (String key : keys) {
				Map<String, Object> p = Map.of("key", key);
				Object expected = Answers.normalize(op.viaGraphQl().apply(graphQl, p), op.ignoredKeys());
				Object actual = Answers.normalize(op.viaCypher().apply(cypher, p), op.ignoredKeys());
				Optional<String> difference = Answers.difference(expected, actual, false);
				assertThat(difference).as(key).isEmpty();
			}
		}
	}

}
