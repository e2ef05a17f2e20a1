package org.policygraph.research;

import java.time.LocalDate;
import java.util.List;

import org.neo4j.driver.Driver;
import org.policygraph.ingest.IngestListener;
import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.support.TestArticles;

/**
 * A small graph whose lags are worked out by hand, ingested through the real pipeline
 * with the test's own URLs and removed afterwards:
 * <ul>
 * <li>Directive 975-CT/TW of 1-2-2020: Nghệ An (40) carries it out through Plan 976-KH/TU
 * of 11-2-2020 (10 days; its first report, 20-2-2020, is later); Hà Giang (02, merged
 * into Tuyên Quang 08-2025 on 1-7-2025) only reports it, first on 2-3-2020 (30 days:
 * February 2020 has 29). Median of [10, 30] = 20.</li>
 * <li>Conclusion 977-KL/TW of 1-3-2020: Nghệ An reports it on 21-3-2020 (20 days).</li>
 * <li>Directive 978-CT/TW of 2020, no day known: Nghệ An reports it; undated.</li>
 * </ul>
 * Nghệ An over 2020: lags 10 and 20, average 15, one undated.
 */
public final class ResearchGraph {

	/** Directive 975-CT/TW of 1-2-2020. */
	public static final String CT975 = "975-CT/TW|TW|2020-02-01";

	/** Nghệ An's plan carrying it out, 11-2-2020. */
	public static final String KH976 = "976-KH/TU|40|2020-02-11";

	/** Conclusion 977-KL/TW of 1-3-2020. */
	public static final String KL977 = "977-KL/TW|TW|2020-03-01";

	/** Directive 978-CT/TW of 2020 (year only). */
	public static final String CT978 = "978-CT/TW|TW|2020";

	/** The source of every article. */
	public static final String SOURCE = "Báo Thử nghiệm";

	/** The sentence of Hà Giang's article. */
	public static final String HA_GIANG_SENTENCE = "Ban Thường vụ Tỉnh ủy Hà Giang tổ chức quán triệt và triển khai thực hiện Chỉ thị số 975-CT/TW ngày 1-2-2020 của Ban Bí thư.";

	private ResearchGraph() {
	}

	/**
	 * @param prefix the URL prefix of the test's articles
	 * @param ingest the ingest service
	 */
	public static void ingest(String prefix, IngestService ingest) {
		List<RawArticle> articles = List.of(article(prefix, "nghe-an-975", "2020-02-20",
				"Nghệ An triển khai Chỉ thị số 975-CT/TW",
				"Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 976-KH/TU ngày 11-2-2020 để thực hiện Chỉ thị số 975-CT/TW ngày 1-2-2020 của Ban Bí thư."),
				article(prefix, "ha-giang", "2020-03-02", "Hà Giang quán triệt Chỉ thị số 975-CT/TW",
						HA_GIANG_SENTENCE),
				article(prefix, "nghe-an-977", "2020-03-21", "Nghệ An thực hiện Kết luận số 977-KL/TW",
						"Ban Thường vụ Tỉnh ủy Nghệ An tổ chức quán triệt và triển khai thực hiện Kết luận số 977-KL/TW ngày 1-3-2020 của Bộ Chính trị."),
				article(prefix, "nghe-an-978", "2020-06-01", "Nghệ An quán triệt chỉ thị mới của Ban Bí thư",
						"Ban Thường vụ Tỉnh ủy Nghệ An tổ chức quán triệt và triển khai thực hiện Chỉ thị số 978-CT/TW năm 2020 của Ban Bí thư."));
		ingest.ingestRecords(articles.stream().map(ReadResult::ok).toList(), IngestOptions.defaults(),
				IngestListener.NONE);
	}

	/**
	 * Removes the test's articles, their evidence and the documents no article mentions
	 * any more.
	 * @param prefix the URL prefix of the test's articles
	 * @param driver the driver
	 */
	public static void remove(String prefix, Driver driver) {
		TestArticles.remove(driver, prefix);
	}

	private static RawArticle article(String prefix, String slug, String date, String title, String text) {
		return new RawArticle(title, text, prefix + slug, LocalDate.parse(date), SOURCE, null, slug);
	}

}
