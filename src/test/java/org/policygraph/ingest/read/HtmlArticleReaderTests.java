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

		assertThat(collector.articles()).singleElement()
			.extracting(RawArticle::text)
			.isEqualTo(String.join("\n\n",
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
		byte[] bytes = "<html><body><h1>Ti\u00eau \u0111\u1ec1</h1><p>X</p></body></html>"
			.getBytes(StandardCharsets.UTF_8);
		bytes[20] = (byte) 0xFF;

		Collector collector = read("bad.html", bytes);

		assertThat(collector.results).containsExactly(ReadResult.rejected("bad.html", "invalid UTF-8 at byte 20"));
	}

	private RawArticle readOne(String html) throws IOException {
		Collector collector = read("page.html", html.getBytes(StandardCharsets.UTF_8));
		assertThat(collector.rejections()).isEmpty();
		return collector.articles().get(0);
	}

	private static final String BODY = """
			<p>Thực hiện Chỉ thị số 10-CT/TW ngày 30-3-2007 của Ban Bí thư, Ban Thường vụ Tỉnh ủy Quảng Bình đã ban hành Kế hoạch số 45-KH/TU, chỉ đạo các cấp ủy triển khai.</p>
			<p>Nội dung sinh hoạt chuyên đề được lựa chọn sát với nhiệm vụ chính trị của từng chi bộ, như xây dựng nông thôn mới, giảm nghèo bền vững.</p>
			""";

	@Test
	void shouldDropARelatedBoxAndATrailingRelatedListInsideTheArticleContainer() throws IOException {
		RawArticle article = readOne(
				"""
						<html><head><title>Quảng Bình nâng cao chất lượng sinh hoạt chi bộ</title></head><body>
						<div class="content-detail">%s
						<div class="box-relate"><div>Tin liên quan</div><ul>
						<li><a href="/a">Nghệ An sơ kết 5 năm thực hiện Kết luận số 14-KL/TW</a></li>
						<li><a href="/b">Lạng Sơn: Nâng cao chất lượng đảng viên theo Nghị quyết số 31-NQ/TU</a></li></ul></div>
						<p>Kết quả, sau 3 năm thực hiện, 100%% chi bộ duy trì sinh hoạt định kỳ hằng tháng, nền nếp, đúng quy định.</p>
						<p><strong>Tin liên quan:</strong></p>
						<p><a href="/c">Đồng Nai đổi mới công tác kiểm tra, giám sát theo Kế hoạch số 77-KH/TU</a></p>
						<ul><li><a href="/d">Tây Ninh quán triệt Chỉ thị số 44-CT/TW</a> (12/03/2020)</li></ul>
						</div></body></html>"""
					.formatted(BODY));

		assertThat(article.text()).contains("Kế hoạch số 45-KH/TU", "100% chi bộ duy trì sinh hoạt")
			.doesNotContain("Nghệ An", "Lạng Sơn", "Đồng Nai", "Tây Ninh", "14-KL/TW", "Tin liên quan");
	}

	@Test
	void shouldKeepTheSapoInItsOwnBlockAsTheLeadWhenOgDescriptionIsTheSites() throws IOException {
		RawArticle article = readOne(
				"""
						<html><head><title>Quảng Bình nâng cao chất lượng sinh hoạt chi bộ</title>
						<meta property="og:site_name" content="Tạp chí Xây dựng Đảng">
						<meta property="og:description" content="Tạp chí Xây dựng Đảng - Cơ quan lý luận và nghiệp vụ về công tác xây dựng Đảng">
						</head><body>
						<h2 class="title-detail">Quảng Bình nâng cao chất lượng sinh hoạt chi bộ</h2>
						<div class="sapo-detail"><p>Thời gian qua, Đảng bộ tỉnh Quảng Bình đã tập trung lãnh đạo nâng cao chất lượng sinh hoạt chi bộ.</p></div>
						<div class="content-detail">%s</div></body></html>"""
					.formatted(BODY));

		assertThat(article.text()).startsWith("Thời gian qua, Đảng bộ tỉnh Quảng Bình đã tập trung lãnh đạo")
			.doesNotContain("Cơ quan lý luận");
	}

	@Test
	void shouldCutTheSiteNameFromOgTitleWhenTheHeadingHasNone() throws IOException {
		RawArticle article = readOne(
				"""
						<html><head><title>Quảng Bình nâng cao chất lượng sinh hoạt chi bộ - Tạp chí Xây dựng Đảng</title>
						<meta property="og:site_name" content="Tạp chí Xây dựng Đảng">
						<meta property="og:title" content="Quảng Bình nâng cao chất lượng sinh hoạt chi bộ - Tạp chí Xây dựng Đảng">
						</head><body><header><h1 class="logo"><a href="/">Tạp chí Xây dựng Đảng</a></h1></header>
						<h2 class="title-detail">Quảng Bình nâng cao chất lượng sinh hoạt chi bộ</h2>
						<div class="content-detail">%s</div></body></html>"""
					.formatted(BODY));

		assertThat(article.title()).isEqualTo("Quảng Bình nâng cao chất lượng sinh hoạt chi bộ");
	}

	@Test
	void shouldKeepAHyphenThatBelongsToTheTitle() throws IOException {
		RawArticle article = readOne(
				"""
						<html><head><title>Thừa Thiên - Huế: Đổi mới sinh hoạt chi bộ | Báo Nhân Dân điện tử</title></head><body>
						<h1>Thừa Thiên - Huế: Đổi mới sinh hoạt chi bộ</h1><div class="article-body">%s</div></body></html>"""
					.formatted(BODY));

		assertThat(article.title()).isEqualTo("Thừa Thiên - Huế: Đổi mới sinh hoạt chi bộ");
	}

	@Test
	void shouldKeepTheBodyOfAnAspNetPageWrittenWithNamedEntities() throws IOException {
		RawArticle article = readOne(
				"""
						<html><head><title>Trang th&ocirc;ng tin điện tử Đảng bộ tỉnh Y&ecirc;n B&aacute;i</title>
						<meta property="og:description" content="Th&#7901;i gian qua, &#272;&#7843;ng b&#7897; t&#7881;nh Y&ecirc;n B&aacute;i &#273;&atilde; t&#7853;p trung l&atilde;nh &#273;&#7841;o."></head>
						<body><form name="aspnetForm" method="post" action="./ChiTietTin.aspx?ID=4100"><table><tr><td>
						<span class="TieuDe">Y&ecirc;n B&aacute;i n&acirc;ng cao ch&#7845;t l&#432;&#7907;ng sinh ho&#7841;t chi b&#7897;</span>
						<div class="NoiDung"><div>Th&#7921;c hi&#7879;n Ch&#7881; th&#7883; s&#7889; 05-CT/TW, Ban Th&#432;&#7901;ng v&#7909; T&#7881;nh &#7911;y Y&ecirc;n B&aacute;i &#273;&atilde; ban h&agrave;nh K&#7871; ho&#7841;ch s&#7889; 41-KH/TU.</div>
						<span>M&#7895;i c&aacute;n b&#7897;, &#273;&#7843;ng vi&ecirc;n &#273;&#259;ng k&yacute; m&#7897;t vi&#7879;c l&agrave;m c&#7909; th&#7875; v&agrave; &#273;&#432;&#7907;c chi b&#7897; &#273;&aacute;nh gi&aacute; v&agrave;o cu&#7889;i n&#259;m.</span><br /><br />
						</div></td></tr></table></form></body></html>""");

		assertThat(article.title()).isEqualTo("Yên Bái nâng cao chất lượng sinh hoạt chi bộ");
		assertThat(article.text()).startsWith("Thời gian qua, Đảng bộ tỉnh Yên Bái")
			.contains("Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Kế hoạch số 41-KH/TU",
					"Mỗi cán bộ, đảng viên đăng ký một việc làm cụ thể");
	}

	@Test
	void shouldTakeTheVietnameseDayOfAUtcTimestampAcrossMidnight() throws IOException {
		RawArticle article = readOne(
				"""
						<html><head><title>Hải Dương ngăn chặn suy thoái</title>
						<meta property="article:modified_time" content="2021-03-18T09:00:00+07:00">
						<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2021-03-16T02:00:00Z","datePublished":"2021-03-14T17:45:00Z"}</script>
						</head><body><h1>Hải Dương ngăn chặn suy thoái</h1><div class="article-body">%s</div></body></html>"""
					.formatted(BODY));

		assertThat(article.publishedAt()).isEqualTo(LocalDate.of(2021, 3, 15));
	}

	@Test
	void shouldTakeThePrintedDateLineWhenMetasOnlyGiveTheModificationTime() throws IOException {
		RawArticle article = readOne("""
				<html><head><title>Long An đổi mới sinh hoạt chi bộ</title>
				<meta property="article:modified_time" content="2019-04-10T08:00:00+07:00"></head><body>
				<h3 class="header-title">Long An đổi mới sinh hoạt chi bộ</h3>
				<div class="metadata-publish-date">Cập nhật: 08:45 Thứ Ba, 09/04/2019</div>
				<div class="journal-content-article">%s</div></body></html>""".formatted(BODY));

		assertThat(article.publishedAt()).isEqualTo(LocalDate.of(2019, 4, 9));
	}

	@Test
	void shouldResolveARelativeCanonicalAgainstThePagesAddressWithoutTrackingParameters() throws IOException {
		RawArticle article = readOne(
				"""
						<html><head><title>Bài viết về sinh hoạt chi bộ</title>
						<meta property="og:url" content="https://www.xaydungdang.org.vn/co-so-dang/bai-15020.html?utm_source=facebook&amp;utm_medium=social">
						<link rel="canonical" href="/co-so-dang/bai-15020.html?utm_source=zalo&amp;page=2#binh-luan">
						</head><body><div class="content-detail">%s</div></body></html>"""
					.formatted(BODY));

		assertThat(article.url()).isEqualTo("https://www.xaydungdang.org.vn/co-so-dang/bai-15020.html?page=2");
	}

	@Test
	void shouldDropCaptionsAdvertsAndTheAuthorLine() throws IOException {
		RawArticle article = readOne(
				"""
						<html><head><title>Bài viết về sinh hoạt chi bộ</title></head><body>
						<div class="detail-content">%s
						<table class="image center"><tr><td><img src="/a.jpg"></td></tr><tr><td class="image_desc">Quang cảnh hội nghị. Ảnh: Thu Hà</td></tr></table>
						<div class="banner-qc"><a href="/qc"><img src="/qc.gif"></a><span>Quảng cáo</span></div>
						<p>Kết quả, sau 3 năm thực hiện, 100%% chi bộ duy trì sinh hoạt định kỳ hằng tháng, nền nếp, đúng quy định.</p>
						<p style="text-align: right;"><strong>ThS. Trần Thị Thu Hà</strong><br>Trường Chính trị tỉnh Nghệ An</p>
						</div></body></html>"""
					.formatted(BODY));

		assertThat(article.text()).endsWith("nền nếp, đúng quy định.")
			.doesNotContain("Quang cảnh", "Quảng cáo", "Trần Thị Thu Hà", "Nghệ An");
	}

}
