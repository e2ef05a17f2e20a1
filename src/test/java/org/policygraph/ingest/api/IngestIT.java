package org.policygraph.ingest.api;

import org.policygraph.ingest.ArticleOutcome;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;

import org.policygraph.support.Testers;
import org.policygraph.support.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing: idempotence, retraction of a changed article's own support, rejection of bad
 * records, and the write permission of the mutation. Counts nodes and relationships in
 * the database.
 */
class IngestIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://test.example/ingest-it/";

	@Autowired
	private IngestService ingest;

	@Autowired
	private Driver driver;

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	@AfterEach
	void removeTestArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	private static RawArticle article(String slug, String title, String text) {
		return new RawArticle(title, text, PREFIX + slug, LocalDate.of(2019, 3, 1), "test", null, slug);
	}

	private IngestReport ingest(RawArticle... articles) {
		return this.ingest.ingestRecords(List.of(articles).stream().map(ReadResult::ok).toList(),
				IngestOptions.defaults(), IngestListener.NONE);
	}

	private long count(String cypher) {
		try (var session = this.driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

	private long nodes() {
		return count("MATCH (n) RETURN count(n)");
	}

	private long relationships() {
		return count("MATCH ()-[r]->() RETURN count(r)");
	}

	private static final RawArticle NGHE_AN = article("nghe-an", "Nghệ An triển khai Chỉ thị số 901-CT/TW",
			"Thực hiện Chỉ thị số 901-CT/TW ngày 5-1-2019 của Ban Bí thư về công tác cán bộ, Ban Thường vụ Tỉnh ủy Nghệ An đã ban hành Kế hoạch số 905-KH/TU ngày 20-2-2019 để thực hiện.");

	private static final RawArticle THANH_HOA = article("thanh-hoa", "Thanh Hóa quán triệt Chỉ thị số 901-CT/TW",
			"Ban Thường vụ Tỉnh ủy Thanh Hóa đã tổ chức quán triệt và triển khai thực hiện Chỉ thị số 901-CT/TW ngày 5-1-2019 của Ban Bí thư.");

	@Test
	void shouldCreateNothingWhenTheSameArticlesAreIngestedAgain() {
		IngestReport first = ingest(NGHE_AN, THANH_HOA);
		long nodes = nodes();
		long relationships = relationships();

		IngestReport second = ingest(NGHE_AN, THANH_HOA);

		assertThat(first.newArticles()).isEqualTo(2);
		assertThat(first.nodesCreated()).isPositive();
		assertThat(second.unchangedArticles()).isEqualTo(2);
		assertThat(second.newArticles()).isZero();
		assertThat(second.nodesCreated()).isZero();
		assertThat(second.relationshipsCreated()).isZero();
		assertThat(nodes()).isEqualTo(nodes);
		assertThat(relationships()).isEqualTo(relationships);
	}

	@Test
	void shouldRecordEvidenceForEachRelationAndCountSupportingArticles() {
		ingest(NGHE_AN);

		assertThat(count("""
				MATCH (:Province {key: '40'})-[r:IMPLEMENTS]->(:Document {key: '901-CT/TW|TW|2019-01-05'})
				RETURN r.articleCount""")).isEqualTo(1);
		assertThat(
				count("""
						MATCH (:Document {key: '905-KH/TU|40|2019-02-20'})-[r:IMPLEMENTS]->(:Document {key: '901-CT/TW|TW|2019-01-05'})
						RETURN count(r)"""))
			.isEqualTo(1);
		assertThat(
				count("""
						MATCH (a:Article {url: $url})-[:ASSERTS]->(e:Evidence {type: 'IMPLEMENTS', toKey: '901-CT/TW|TW|2019-01-05'})
						WHERE e.sentence CONTAINS 'Kế hoạch số 905-KH/TU'
						RETURN count(e)"""
					.replace("$url", "'" + PREFIX + "nghe-an'")))
			.isPositive();
	}

	@Test
	void shouldKeepOneEvidencePerArticleAndRelationWithoutAnIdOrItsConstraint() {
		ingest(NGHE_AN);
		ingest(NGHE_AN);

		String article = "'" + PREFIX + "nghe-an'";
		assertThat(count("MATCH (:Article {url: " + article + "})-[:ASSERTS]->(e:Evidence) RETURN count(e)"))
			.isPositive();
		assertThat(count("""
				MATCH (:Article {url: $url})-[:ASSERTS]->(e:Evidence)
				WITH e.type AS type, e.fromKey AS fromKey, e.toKey AS toKey, count(e) AS n
				WHERE n > 1
				RETURN count(*)""".replace("$url", article))).isZero();
		assertThat(count("MATCH (:Article {url: " + article
				+ "})-[:ASSERTS]->(e:Evidence) WHERE e.id IS NOT NULL RETURN count(e)"))
			.isZero();
		// V0004 dropped the unique constraint V0001 made.
		assertThat(count("SHOW CONSTRAINTS YIELD name WHERE name = 'evidence_id' RETURN count(*)")).isZero();
		assertThat(count("SHOW INDEXES YIELD name WHERE name = 'evidence_relation' RETURN count(*)")).isEqualTo(1);
	}

	@Test
	void shouldRetractOnlyTheChangedArticlesSupport() {
		ingest(NGHE_AN, THANH_HOA);
		assertThat(count("MATCH (d:Document {key: '901-CT/TW|TW|2019-01-05'}) RETURN COUNT { (d)<-[:MENTIONS]-() }"))
			.isEqualTo(2);

		RawArticle ngheAnWithoutPlan = article("nghe-an", "Nghệ An tổ chức hội nghị cán bộ",
				"Tỉnh ủy Nghệ An tổ chức hội nghị cán bộ toàn tỉnh.");
		IngestReport changed = ingest(ngheAnWithoutPlan);

		assertThat(changed.changedArticles()).isEqualTo(1);
		// Nghệ An's plan is no longer mentioned by any article: gone, with its edges.
		assertThat(count("MATCH (d:Document {key: '905-KH/TU|40|2019-02-20'}) RETURN count(d)")).isZero();
		assertThat(count(
				"MATCH (:Province {key: '40'})-[r:IMPLEMENTS]->(:Document {key: '901-CT/TW|TW|2019-01-05'}) RETURN count(r)"))
			.isZero();
		// Thanh Hóa's support is untouched.
		assertThat(count(
				"MATCH (:Province {key: '38'})-[r:IMPLEMENTS]->(:Document {key: '901-CT/TW|TW|2019-01-05'}) RETURN r.articleCount"))
			.isEqualTo(1);
		assertThat(count("MATCH (e:Evidence) WHERE e.articleId = '" + PREFIX
				+ "nghe-an' AND e.toKey = '901-CT/TW|TW|2019-01-05' RETURN count(e)"))
			.isZero();
	}

	@Test
	void shouldRejectBadRecordsWithTheirLocationAndWriteTheRest() {
		String ndjson = """
				{"url": "%1$sok-1", "title": "Hà Tĩnh thực hiện Nghị quyết số 902-NQ/TW", "text": "Tỉnh ủy Hà Tĩnh thực hiện Nghị quyết số 902-NQ/TW ngày 1-1-2019 của Bộ Chính trị.", "publishedAt": "2019-02-01"}
				{"url": "%1$sno-title", "text": "Không có tiêu đề."}
				{"url": "%1$sbad-date", "title": "Ngày sai", "text": "…", "publishedAt": "31-31-2019"}
				{"url": "%1$sok-2", "title": "Cao Bằng quán triệt Nghị quyết 902-NQ/TW", "text": "Cao Bằng quán triệt Nghị quyết số 902-NQ/TW ngày 1-1-2019 của Bộ Chính trị."}
				"""
			.formatted(PREFIX);

		IngestReport report = this.ingest.ingest("batch.ndjson",
				new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), IngestOptions.defaults(),
				IngestListener.NONE);

		assertThat(report.newArticles()).isEqualTo(2);
		assertThat(report.rejected()).isEqualTo(2);
		assertThat(report.problems()).extracting(ArticleOutcome::location)
			.containsExactly("batch.ndjson:2", "batch.ndjson:3");
		assertThat(report.problems().get(0).reason()).contains("title");
		assertThat(report.problems().get(1).reason()).contains("31-31-2019");
		assertThat(count("MATCH (a:Article) WHERE a.url STARTS WITH '" + PREFIX + "' RETURN count(a)")).isEqualTo(2);
	}

	@Test
	void shouldWriteNothingOnADryRun() {
		long nodes = nodes();

		IngestReport report = this.ingest.ingestRecords(List.of(ReadResult.ok(NGHE_AN)),
				new IngestOptions(null, true, 10), IngestListener.NONE);

		assertThat(report.checkedArticles()).isEqualTo(1);
		assertThat(nodes()).isEqualTo(nodes);
	}

	@Test
	void shouldRefuseAnUnauthenticatedMutationAndWriteNothing() {
		long nodes = nodes();

		this.graphQl.documentName("ingestArticles")
			.variable("input",
					Map.of("articles",
							List.of(Map.of("url", PREFIX + "anon", "title", "Bài viết", "text",
									"Tỉnh ủy Nghệ An thực hiện Chỉ thị số 903-CT/TW."))))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));

		assertThat(nodes()).isEqualTo(nodes);
	}

	@Test
	void shouldIngestThroughTheMutationWithEditorCredentialsAndReportEachArticle() {
		HttpGraphQlTester editor = this.graphQl.mutate()
			.headers(h -> h.setBasicAuth("editor", EDITOR_PASSWORD))
			.build();
		Map<String, Object> input = Map.of("articles",
				List.of(Map.of("url", PREFIX + "m1", "title", "Nghệ An thực hiện Chỉ thị số 904-CT/TW", "text",
						"Tỉnh ủy Nghệ An thực hiện Chỉ thị số 904-CT/TW ngày 2-2-2019 của Ban Bí thư.", "publishedAt",
						"2019-03-01"), Map.of("url", PREFIX + "m2", "text", "no title"),
						Map.of("url", PREFIX + "m1", "title", "Nghệ An thực hiện Chỉ thị số 904-CT/TW", "text",
								"Tỉnh ủy Nghệ An thực hiện Chỉ thị số 904-CT/TW ngày 2-2-2019 của Ban Bí thư.",
								"publishedAt", "2019-03-01")));

		var response = editor.documentName("ingestArticles").variable("input", input).execute();

		response.path("ingestArticles.newCount").entity(Integer.class).isEqualTo(1);
		response.path("ingestArticles.rejectedCount").entity(Integer.class).isEqualTo(1);
		response.path("ingestArticles.results[*].status")
			.entityList(String.class)
			.containsExactly("NEW", "REJECTED", "DUPLICATE");
		response.path("ingestArticles.results[1].reason")
			.entity(String.class)
			.satisfies(reason -> assertThat(reason).contains("title"));

		editor.documentName("ingestArticles")
			.variable("input", input)
			.execute()
			.path("ingestArticles.unchangedCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("ingestArticles.nodesCreated")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("ingestArticles.relationshipsCreated")
			.entity(Integer.class)
			.isEqualTo(0);
	}

}
