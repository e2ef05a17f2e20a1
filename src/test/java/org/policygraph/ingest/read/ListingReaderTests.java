package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ListingReaderTests {

	private final ListingReader reader = new ListingReader(Collector.VALIDATOR);

	private Collector read(String name, byte[] bytes) throws IOException {
		Collector collector = new Collector();
		reader.read(name, new ByteArrayInputStream(bytes), collector);
		return collector;
	}

	private Collector read(String text) throws IOException {
		return read("listing.txt", text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldReadSevenArticlesFromSeedListing() throws IOException {
		Collector collector = read("listing.txt", Collector.resource("seed/listing.txt"));

		assertThat(collector.rejections()).isEmpty();
		assertThat(collector.titles()).containsExactly(
				"Một số kết quả trong công tác tổ chức xây dựng đảng của Đảng bộ tỉnh Hà Tĩnh",
				"\"Ba điểm nhấn\" trong công tác tổ chức xây dựng đảng của Bắc Giang",
				"Nâng cao năng lực lãnh đạo, sức chiến đấu của Đảng bộ Khối Các cơ quan Trung ương",
				"Long An thực hiện đánh giá chất lượng đảng bộ cấp huyện và tương đương hằng năm",
				"Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk",
				"Ban Tổ chức Tỉnh ủy Sóc Trăng cụ thể hóa Hướng dẫn “Một số nội dung nâng cao chất lượng sinh hoạt chi bộ”",
				"Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên");
	}

	@Test
	void shouldPairEachSeedTitleWithItsLeadAndTitleLine() throws IOException {
		Collector collector = read("listing.txt", Collector.resource("seed/listing.txt"));

		RawArticle first = collector.articles().get(0);
		assertThat(first.location()).isEqualTo("listing.txt:1");
		assertThat(first.text()).startsWith("Thực hiện Nghị quyết Đại hội XII của Đảng")
			.endsWith("xây dựng đảng của Đảng bộ trong thời gian tới.");
		RawArticle dakLak = collector.articles().get(4);
		assertThat(dakLak.location()).isEqualTo("listing.txt:17");
		assertThat(dakLak.text()).startsWith("Đăk Lăk là tỉnh miền núi, có vị trí chiến lược quan trọng")
			.endsWith("đặc biệt trong lĩnh vực sắp xếp, hoàn thiện...");
		assertThat(collector.articles()).allSatisfy(article -> {
			assertThat(article.text()).isNotBlank().doesNotContain("\n");
			assertThat(article.url()).isNull();
			assertThat(article.publishedAt()).isNull();
		});
	}

	@Test
	void shouldDropSeedPageFurniture() throws IOException {
		Collector collector = read("listing.txt", Collector.resource("seed/listing.txt"));

		assertThat(collector.articles()).noneSatisfy(article -> {
			assertThat(article.title()).isIn("Mới nhất", "Xem nhiều nhất");
		});
		assertThat(collector.articles().get(6).text()).doesNotContain("Mới nhất").doesNotContain("Xem nhiều nhất");
	}

	@Test
	void shouldDropFurnitureLinesInsideAndBetweenBlocks() throws IOException {
		Collector collector = read("""
				Tin liên quan

				Hà Tĩnh kiện toàn tổ chức cơ sở đảng
				14/05/2024 08:30
				Đảng bộ tỉnh Hà Tĩnh tập trung kiện toàn tổ chức cơ sở đảng.
				Xem thêm >>

				Đọc tiếp
				""");

		assertThat(collector.rejections()).isEmpty();
		assertThat(collector.articles()).singleElement().satisfies(article -> {
			assertThat(article.title()).isEqualTo("Hà Tĩnh kiện toàn tổ chức cơ sở đảng");
			assertThat(article.text()).isEqualTo("Đảng bộ tỉnh Hà Tĩnh tập trung kiện toàn tổ chức cơ sở đảng.");
			assertThat(article.location()).isEqualTo("listing.txt:3");
		});
	}

	@Test
	void shouldKeepTitleOnlyBlockAsArticleWithEmptyText() throws IOException {
		Collector collector = read("""
				Bắc Giang: ba điểm nhấn trong công tác tổ chức

				Long An đánh giá chất lượng đảng bộ cấp huyện

				Từ năm 2011, Ban Thường vụ Tỉnh ủy Long An đã ban hành Quy định.
				""");

		assertThat(collector.titles()).containsExactly("Bắc Giang: ba điểm nhấn trong công tác tổ chức",
				"Long An đánh giá chất lượng đảng bộ cấp huyện");
		assertThat(collector.articles().get(0).text()).isEmpty();
		assertThat(collector.articles().get(1).text())
			.isEqualTo("Từ năm 2011, Ban Thường vụ Tỉnh ủy Long An đã ban hành Quy định.");
	}

	@Test
	void shouldJoinSeveralLeadParagraphsWithBlankLine() throws IOException {
		Collector collector = read("""
				Sóc Trăng cụ thể hóa hướng dẫn
				Đoạn một của phần mở đầu.

				Đoạn hai của phần mở đầu.
				""");

		assertThat(collector.articles()).singleElement()
			.extracting(RawArticle::text)
			.isEqualTo("Đoạn một của phần mở đầu.\n\nĐoạn hai của phần mở đầu.");
	}

	@Test
	void shouldRejectLeadParagraphBeforeAnyTitle() throws IOException {
		Collector collector = read("""
				Đoạn văn không có tiêu đề ở phía trên.

				Tiêu đề bài viết

				Phần mở đầu của bài viết.
				""");

		assertThat(collector.rejections())
			.containsExactly(new Rejection("listing.txt:1", "paragraph has no title line before it"));
		assertThat(collector.titles()).containsExactly("Tiêu đề bài viết");
	}

	@Test
	void shouldRejectOnlyTheArticleWithInvalidUtf8() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("Tiêu đề một\n\nMở đầu một.\n\nTiêu đề hai\n\nMở đầu ".getBytes(StandardCharsets.UTF_8));
		int badOffset = bytes.size();
		bytes.write(0xC3);
		bytes.write(0x28);
		bytes.writeBytes(" hai.\n\nTiêu đề ba\n\nMở đầu ba.\n".getBytes(StandardCharsets.UTF_8));

		Collector collector = read("listing.txt", bytes.toByteArray());

		assertThat(collector.titles()).containsExactly("Tiêu đề một", "Tiêu đề ba");
		assertThat(collector.rejections())
			.containsExactly(new Rejection("listing.txt:5", "invalid UTF-8 at byte " + badOffset + " (line 7)"));
	}

	@Test
	void shouldRecogniseTitlesByLengthAndFinalPunctuation() {
		assertThat(ListingReader.looksLikeTitle("Hướng dẫn “Một số nội dung nâng cao chất lượng”")).isTrue();
		assertThat(ListingReader.looksLikeTitle("Bộ Chính trị yêu cầu các cấp ủy thực hiện.")).isFalse();
		assertThat(ListingReader.looksLikeTitle("đạt một số kết quả nổi bật như sau:")).isFalse();
		assertThat(ListingReader.looksLikeTitle("Đặc biệt trong lĩnh vực sắp xếp, hoàn thiện...")).isFalse();
		assertThat(ListingReader.looksLikeTitle("x".repeat(301))).isFalse();
	}

}
