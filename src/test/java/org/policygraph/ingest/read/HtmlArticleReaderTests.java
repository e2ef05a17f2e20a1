package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class HtmlArticleReaderTests {

	private final HtmlArticleReader reader = new HtmlArticleReader(Collector.VALIDATOR);

	private Collector read(String name, byte[] bytes) throws IOException {
		Collector collector = new Collector();
		reader.read(name, new ByteArrayInputStream(bytes), collector);
		return collector;
	}

	@Test
	void shouldExtractArticleMetadataFromPage() throws IOException {
		Collector collector = read("article.html", Collector.resource("ingest/article.html"));

		assertThat(collector.rejections()).isEmpty();
		RawArticle article = collector.articles().get(0);
		assertThat(article.title()).isEqualTo("Đổi mới nội dung, phương thức sinh hoạt chi bộ ở Nghệ An");
		assertThat(article.url())
			.isEqualTo("https://www.xaydungdang.org.vn/co-so-dang/doi-moi-sinh-hoat-chi-bo-o-nghe-an-20001.html");
		assertThat(article.publishedAt()).isEqualTo(LocalDate.of(2024, 5, 14));
		assertThat(article.source()).isEqualTo("Tạp chí Xây dựng Đảng");
		assertThat(article.category()).isEqualTo("Cơ sở đảng");
		assertThat(article.location()).isEqualTo("article.html");
	}

	@Test
	void shouldKeepLeadAndBodyParagraphsWithoutNavAdsRelatedOrFooter() throws IOException {
		Collector collector = read("article.html", Collector.resource("ingest/article.html"));

		assertThat(collector.articles()).singleElement().extracting(RawArticle::text).isEqualTo(String.join("\n\n",
				"Thời gian qua, các cấp ủy trong Đảng bộ tỉnh Nghệ An đã tập trung lãnh đạo nâng cao chất lượng sinh hoạt chi bộ.",
				"Tỉnh ủy Nghệ An ban hành Kế hoạch thực hiện Chỉ thị số 10-CT/TW của Ban Bí thư về nâng cao chất lượng sinh hoạt chi bộ.",
				"Các chi bộ đã chú trọng lựa chọn chuyên đề sát với tình hình thực tế của địa phương, cơ quan, đơn vị.",
				"Nhờ vậy, tỷ lệ đảng viên tham gia sinh hoạt đạt trên 95%."));
	}

	@Test
	void shouldRejectPageWithoutArticle() throws IOException {
		Collector collector = read("no-article.html", Collector.resource("ingest/no-article.html"));

		assertThat(collector.results).containsExactly(ReadResult.rejected("no-article.html", "HTML has no article"));
	}

	@Test
	void shouldFallBackToH1TimeAndPlainParagraphs() throws IOException {
		String html = """
				<html><head><title>Trang tin</title></head><body>
				<h1>Hà Tĩnh kiện toàn tổ chức cơ sở đảng</h1>
				<time datetime="2024-05-03">03/05/2024</time>
				<p>Đoạn thứ nhất.</p><p>Đoạn thứ hai.</p>
				</body></html>""";

		Collector collector = read("page.html", html.getBytes(StandardCharsets.UTF_8));

		assertThat(collector.articles()).singleElement().satisfies(article -> {
			assertThat(article.title()).isEqualTo("Hà Tĩnh kiện toàn tổ chức cơ sở đảng");
			assertThat(article.text()).isEqualTo("Đoạn thứ nhất.\n\nĐoạn thứ hai.");
			assertThat(article.publishedAt()).isEqualTo(LocalDate.of(2024, 5, 3));
			assertThat(article.url()).isNull();
		});
	}

	@Test
	void shouldIgnoreRelativeCanonicalAndUsePubdateMeta() throws IOException {
		String html = """
				<html><head><title>Bài viết</title><link rel="canonical" href="/bai-viet-1.html">
				<meta name="pubdate" content="2024-04-30T10:00:00+07:00"></head>
				<body><article><p>Nội dung bài viết.</p></article></body></html>""";

		Collector collector = read("page.html", html.getBytes(StandardCharsets.UTF_8));

		assertThat(collector.articles()).singleElement().satisfies(article -> {
			assertThat(article.title()).isEqualTo("Bài viết");
			assertThat(article.url()).isNull();
			assertThat(article.publishedAt()).isEqualTo(LocalDate.of(2024, 4, 30));
		});
	}

	@Test
	void shouldRejectInvalidUtf8InHtmlWithByteOffset() throws IOException {
		byte[] bytes = "<html><body><h1>Ti\u00eau \u0111\u1ec1</h1><p>X</p></body></html>".getBytes(StandardCharsets.UTF_8);
		bytes[20] = (byte) 0xFF;

		Collector collector = read("bad.html", bytes);

		assertThat(collector.results).containsExactly(ReadResult.rejected("bad.html", "invalid UTF-8 at byte 20"));
	}

}
