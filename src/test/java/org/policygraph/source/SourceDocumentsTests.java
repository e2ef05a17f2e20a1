package org.policygraph.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.Readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Finding the items of source documents, and completing a page's article from its feed
 * item.
 */
class SourceDocumentsTests {

	private static final String BASE = "https://tapchi.example";

	private final SourceDocuments documents = new SourceDocuments(Readers.defaults(Clock.systemDefaultZone()));

	private static Fetched fetched(String path, String body, String contentType) {
		return new Fetched(URI.create(BASE + path), 200,
				body.replace("{{base}}", BASE).getBytes(StandardCharsets.UTF_8), contentType, Validators.NONE, 1);
	}

	private static String fixture(String name) throws Exception {
		try (var in = SourceDocumentsTests.class.getResourceAsStream("/sources/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void shouldListTheItemsOfAFeedWithTheirSummaries() throws Exception {
		var contents = this.documents.read(SourceKind.FEED,
				fetched("/rss.xml", fixture("feed-summary.rss"), "application/rss+xml"));

		assertThat(contents.items()).extracting(SourceDocuments.Item::url)
			.containsExactly(BASE + "/xay-dung-dang/ha-tinh-trien-khai-nghi-quyet-21-nq-tw-1001.html",
					BASE + "/xay-dung-dang/bac-giang-nang-cao-chat-luong-sinh-hoat-chi-bo-1002.html",
					BASE + "/xay-dung-dang/long-an-danh-gia-chat-luong-dang-bo-cap-huyen-1003.html");
		assertThat(contents.items().get(0).article().text()).startsWith("Ban Thường vụ Tỉnh ủy Hà Tĩnh");
	}

	@Test
	void shouldRefuseADocumentThatIsNotAFeed() {
		assertThatExceptionOfType(SourceDocuments.UnreadableException.class).isThrownBy(() -> this.documents
			.read(SourceKind.FEED, fetched("/rss.xml", "<html><body><p>Trang chủ</p></body></html>", "text/html")));
	}

	@Test
	void shouldListTheSitemapsEntriesOnItsSiteNewestFirst() throws Exception {
		var contents = this.documents.read(SourceKind.SITEMAP, fetched("/sitemap.xml",
				fixture("sitemap.xml").replace("{{lastmod}}", "2020-01-01"), "application/xml"));

		assertThat(contents.items()).extracting(SourceDocuments.Item::url)
			.containsExactly(BASE + "/xay-dung-dang/bac-giang-nang-cao-chat-luong-sinh-hoat-chi-bo-1002.html",
					BASE + "/xay-dung-dang/ha-tinh-trien-khai-nghi-quyet-21-nq-tw-1001.html");
		assertThat(contents.rejected()).singleElement().asString().contains("other-site.example");
	}

	@Test
	void shouldListTheChildSitemapsOfAnIndex() throws Exception {
		String index = """
				<?xml version="1.0" encoding="UTF-8"?>
				<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
				  <sitemap><loc>https://tapchi.example/sitemap-2023.xml</loc><lastmod>2023-12-31</lastmod></sitemap>
				  <sitemap><loc>https://tapchi.example/sitemap-2024.xml</loc><lastmod>2024-06-01</lastmod></sitemap>
				</sitemapindex>""";

		var contents = this.documents.read(SourceKind.SITEMAP, fetched("/sitemap-index.xml", index, "application/xml"));

		assertThat(contents.sitemaps()).containsExactly(BASE + "/sitemap-2024.xml", BASE + "/sitemap-2023.xml");
	}

	@Test
	void shouldFollowOnlyTheArticleLinksOfAListingOnItsSite() throws Exception {
		var contents = this.documents.read(SourceKind.LISTING,
				fetched("/to-chuc-co-so-dang/", fixture("listing.html"), "text/html"));

		assertThat(contents.items()).extracting(SourceDocuments.Item::url)
			.containsExactly(BASE + "/xay-dung-dang/long-an-danh-gia-chat-luong-dang-bo-cap-huyen-1003.html",
					BASE + "/xay-dung-dang/nghe-an-so-ket-5-nam-chi-thi-28-ct-tw-1004.html");
	}

	@Test
	void shouldCompleteAPagesArticleFromItsFeedItem() {
		RawArticle page = new RawArticle("Tiêu đề trang", "Nội dung đầy đủ của bài viết trên trang.", BASE + "/", null,
				null, null, "page");
		RawArticle feed = new RawArticle("Tiêu đề", "Tóm tắt", BASE + "/a-1001.html", LocalDate.of(2024, 3, 8),
				"Tạp chí Xây dựng Đảng", "Tổ chức cơ sở đảng", "feed#item 1");

		RawArticle merged = SourcePoller.merge(page, feed, BASE + "/a-1001.html");

		assertThat(merged.title()).isEqualTo("Tiêu đề trang");
		assertThat(merged.text()).isEqualTo("Nội dung đầy đủ của bài viết trên trang.");
		// a canonical URL pointing at the home page is not the article's identity
		assertThat(merged.url()).isEqualTo(BASE + "/a-1001.html");
		assertThat(merged.publishedAt()).isEqualTo(LocalDate.of(2024, 3, 8));
		assertThat(merged.source()).isEqualTo("Tạp chí Xây dựng Đảng");
		assertThat(merged.category()).isEqualTo("Tổ chức cơ sở đảng");
	}

}
