package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FeedArticleReaderTests {

	private final FeedArticleReader reader = new FeedArticleReader(Collector.VALIDATOR);

	private Collector read(String name, byte[] bytes) throws IOException {
		Collector collector = new Collector();
		reader.read(name, new ByteArrayInputStream(bytes), collector);
		return collector;
	}

	@Test
	void shouldReadRssItemsWithStrippedHtmlAndTheDescriptionAsTheLeadOfTheContent() throws IOException {
		Collector collector = read("feed-rss.xml", Collector.resource("ingest/feed-rss.xml"));

		assertThat(collector.rejections()).isEmpty();
		assertThat(collector.articles()).containsExactly(
				new RawArticle("Long An đánh giá chất lượng đảng bộ cấp huyện hằng năm",
						"Từ năm 2011, Ban Thường vụ Tỉnh ủy Long An đã ban hành Quy định về tiêu chí đánh giá.\n\n"
								+ "Năm 2017, Tỉnh ủy tiếp tục việc đánh giá.",
						"https://www.xaydungdang.org.vn/co-so-dang/long-an-danh-gia-chat-luong-20002.html",
						LocalDate.of(2024, 5, 14), "Tạp chí Xây dựng Đảng - Cơ sở đảng", "Cơ sở đảng",
						"feed-rss.xml#item 1"),
				new RawArticle("Sóc Trăng cụ thể hóa hướng dẫn sinh hoạt chi bộ",
						"Sóc Trăng hướng dẫn các chi bộ sinh hoạt chuyên đề hằng quý.\n\n"
								+ "Ban Tổ chức Tỉnh ủy Sóc Trăng đã cụ thể hóa Hướng dẫn số 12-HD/BTCTW.",
						"https://www.xaydungdang.org.vn/co-so-dang/soc-trang-sinh-hoat-chi-bo-20003.html",
						LocalDate.of(2024, 5, 13), "Tạp chí Xây dựng Đảng - Cơ sở đảng", null, "feed-rss.xml#item 2"));
	}

	@Test
	void shouldReadAtomEntriesFallingBackToUpdatedDate() throws IOException {
		Collector collector = read("feed-atom.xml", Collector.resource("ingest/feed-atom.xml"));

		assertThat(collector.rejections()).isEmpty();
		assertThat(collector.articles()).hasSize(2);
		RawArticle first = collector.articles().get(0);
		assertThat(first.title()).isEqualTo("Đăk Lăk: kết quả 10 năm thực hiện Nghị quyết số 22");
		assertThat(first.text()).isEqualTo("Đảng bộ tỉnh có 22 đảng bộ trực thuộc với 803 tổ chức cơ sở đảng.");
		assertThat(first.url()).isEqualTo("https://nhandan.vn/xay-dung-dang/dak-lak-nghi-quyet-22-30001.html");
		assertThat(first.publishedAt()).isEqualTo(LocalDate.of(2024, 5, 15));
		assertThat(first.category()).isEqualTo("Tổ chức cơ sở đảng");
		assertThat(first.source()).isEqualTo("Báo Nhân Dân - Xây dựng Đảng");
		assertThat(first.location()).isEqualTo("feed-atom.xml#item 1");
		RawArticle second = collector.articles().get(1);
		assertThat(second.text())
			.isEqualTo("Công tác tổ chức, xây dựng đảng của Đảng bộ tỉnh Hà Tĩnh đạt nhiều kết quả tích cực.");
		assertThat(second.publishedAt()).isEqualTo(LocalDate.of(2024, 5, 10));
	}

	@Test
	void shouldRejectFeedWithNoItems() throws IOException {
		Collector collector = read("feed-empty.xml", Collector.resource("ingest/feed-empty.xml"));

		assertThat(collector.results).containsExactly(ReadResult.rejected("feed-empty.xml", "feed has no items"));
	}

	@Test
	void shouldRejectMalformedFeedNamingTheParserProblem() throws IOException {
		Collector collector = read("broken.xml",
				"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x</item></channel></rss>"
					.getBytes(StandardCharsets.UTF_8));

		assertThat(collector.rejections()).singleElement().satisfies(rejection -> {
			assertThat(rejection.location()).isEqualTo("broken.xml");
			assertThat(rejection.reason()).startsWith("not a valid RSS or Atom feed: ");
		});
	}

	@Test
	void shouldRejectItemWithoutTitleButKeepOthers() throws IOException {
		String rss = """
				<rss version="2.0"><channel><title>Kênh</title>
				<item><description>Không có tiêu đề</description><link>https://example.vn/1</link></item>
				<item><title>Có tiêu đề</title><link>ftp://example.vn/2</link></item>
				<item><title>Bài hợp lệ</title><link>https://example.vn/3</link></item>
				</channel></rss>""";

		Collector collector = read("kenh.rss", rss.getBytes(StandardCharsets.UTF_8));

		assertThat(collector.rejections()).containsExactly(new Rejection("kenh.rss#item 1", "missing title"),
				new Rejection("kenh.rss#item 2", "url 'ftp://example.vn/2' is not an http(s) URL"));
		assertThat(collector.titles()).containsExactly("Bài hợp lệ");
	}

	@Test
	void shouldTakeTheAlternateLinkAfterARelatedOneAndKeepTheSummaryBeforeTheContent() throws IOException {
		String atom = """
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Báo Nhân Dân - Xây dựng Đảng</title>
				<entry><title>Hải Dương ngăn chặn suy thoái</title>
				<link rel="related" href="https://nhandan.vn/bai-khac-post1.html"/>
				<link rel="alternate" type="text/html" href="https://nhandan.vn/hai-duong-post2.html?utm_source=rss"/>
				<id>tag:nhandan.vn,2021:post2</id><published>2021-03-14T17:45:00Z</published><updated>2021-03-15T07:00:00Z</updated>
				<summary type="html">&lt;p&gt;Tỉnh ủy Hải Dương đã ban hành nhiều văn bản lãnh đạo, chỉ đạo.&lt;/p&gt;</summary>
				<content type="html">&lt;p&gt;Thực hiện Nghị quyết số 04-NQ/TW, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 46-KH/TU để triển khai trong toàn Đảng bộ.&lt;/p&gt;&lt;p&gt;&lt;em&gt;Xem thêm:&lt;/em&gt; &lt;a href="/x"&gt;Kon Tum quán triệt Nghị quyết số 36-NQ/TW&lt;/a&gt;&lt;/p&gt;</content>
				</entry></feed>""";

		Collector collector = read("feed.atom", atom.getBytes(StandardCharsets.UTF_8));

		assertThat(collector.articles()).singleElement().satisfies(article -> {
			assertThat(article.url()).isEqualTo("https://nhandan.vn/hai-duong-post2.html");
			assertThat(article.publishedAt()).isEqualTo(LocalDate.of(2021, 3, 15));
			assertThat(article.text())
				.startsWith("Tỉnh ủy Hải Dương đã ban hành nhiều văn bản lãnh đạo, chỉ đạo.\n\nThực hiện")
				.contains("Kế hoạch số 46-KH/TU")
				.doesNotContain("Kon Tum", "Xem thêm");
		});
	}

	@Test
	void shouldKeepTheLeadOnceWhenTheContentStartsWithIt() throws IOException {
		String rss = """
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tin tức</title>
				<item><title>Long An đổi mới sinh hoạt chi bộ</title><link>https://tinhuylongan.vn/tin-tuc/1</link>
				<description>Thời gian qua, Đảng bộ tỉnh Long An đã tập trung lãnh đạo nâng cao chất lượng sinh hoạt chi bộ.</description>
				<content:encoded><![CDATA[<p><strong>Thời gian qua, Đảng bộ tỉnh Long An đã tập trung lãnh đạo nâng cao chất lượng sinh hoạt chi bộ.</strong></p><p>Các chi bộ đã chú trọng lựa chọn chuyên đề sát với tình hình thực tế của địa phương.</p>]]></content:encoded>
				</item></channel></rss>""";

		Collector collector = read("tin.rss", rss.getBytes(StandardCharsets.UTF_8));

		assertThat(collector.articles()).singleElement()
			.extracting(RawArticle::text)
			.isEqualTo(
					"Thời gian qua, Đảng bộ tỉnh Long An đã tập trung lãnh đạo nâng cao chất lượng sinh hoạt chi bộ.\n\n"
							+ "Các chi bộ đã chú trọng lựa chọn chuyên đề sát với tình hình thực tế của địa phương.");
	}

}
