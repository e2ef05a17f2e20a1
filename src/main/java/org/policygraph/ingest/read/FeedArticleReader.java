package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom feed with Rome (UTF-8, at most
 * {@link ReaderLimits#MAX_DOCUMENT_BYTES}, doctypes refused).
 *
 * <ul>
 * <li>title: item title, HTML stripped, entities decoded</li>
 * <li>text: the description/summary as the lead, then the content
 * ({@code content:encoded}, Atom {@code content}) unless the content already starts with
 * it; HTML stripped with jsoup, block elements kept as paragraphs; images, captions,
 * adverts, link-dense blocks and a trailing "Tin liên quan:" / "Xem thêm:" list dropped
 * as in a page ({@link MainContent})</li>
 * <li>url: the item link (Atom: the alternate link, whatever links come before it),
 * without tracking parameters ({@code utm_*} ...), so that an item repeated with other
 * tracking parameters is a duplicate</li>
 * <li>publishedAt: {@code pubDate}/{@code published}, else {@code updated}; Rome yields
 * an instant, whose date is taken in the reader's zone (Asia/Ho_Chi_Minh by default, the
 * zone of the sources)</li>
 * <li>category: the first category; source: the feed title</li>
 * </ul>
 * Locations are {@code name#item N} (1-based). A feed without items gives one rejection
 * {@code feed has no items} so the caller can report it; a document that is not a feed
 * gives one rejection naming the parser's complaint.
 */
public final class FeedArticleReader implements ArticleReader {

	/** The zone feed dates are converted in unless another is given. */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final ArticleValidator validator;

	private final ZoneId zone;

	public FeedArticleReader(ArticleValidator validator, ZoneId zone) {
		this.validator = validator;
		this.zone = zone;
	}

	public FeedArticleReader(ArticleValidator validator) {
		this(validator, DEFAULT_ZONE);
	}

	/** A reader validating against the system clock. */
	public FeedArticleReader() {
		this(new ArticleValidator(Clock.systemDefaultZone()));
	}

	@Override
	public SourceFormat format() {
		return SourceFormat.FEED;
	}

	@Override
	public void read(String sourceName, InputStream in, Consumer<ReadResult> sink) throws IOException {
		InputStream stream = Utf8.markable(in);
		int bom = Utf8.skipBom(stream);
		byte[] bytes = Utf8.readAtMost(stream, ReaderLimits.MAX_DOCUMENT_BYTES);
		if (bytes == null) {
			sink.accept(ReadResult.rejected(sourceName,
					"feed is larger than " + Utf8.grouped(ReaderLimits.MAX_DOCUMENT_BYTES) + " bytes"));
			return;
		}
		String xml;
		try {
			xml = Utf8.decode(bytes, 0, bytes.length, bom);
		}
		catch (InvalidUtf8Exception ex) {
			sink.accept(ReadResult.rejected(sourceName, ex.getMessage()));
			return;
		}
		SyndFeed feed;
		try {
			SyndFeedInput input = new SyndFeedInput();
			input.setAllowDoctypes(false);
			feed = input.build(new StringReader(xml));
		}
		catch (FeedException | IllegalArgumentException ex) {
			sink.accept(ReadResult.rejected(sourceName, "not a valid RSS or Atom feed: " + ex.getMessage()));
			return;
		}
		List<SyndEntry> entries = feed.getEntries();
		if (entries == null || entries.isEmpty()) {
			sink.accept(ReadResult.rejected(sourceName, "feed has no items"));
			return;
		}
		String source = HtmlText.fromHtml(feed.getTitle());
		for (int i = 0; i < entries.size(); i++) {
			SyndEntry entry = entries.get(i);
			String location = sourceName + "#item " + (i + 1);
			sink.accept(validator.validate(new ArticleDraft(PageMetadata.unescape(HtmlText.fromHtml(entry.getTitle())),
					text(entry), link(entry), date(entry), source, category(entry), location)));
		}
	}

	private static String text(SyndEntry entry) {
		StringBuilder contents = new StringBuilder();
		for (SyndContent content : entry.getContents()) {
			if (content.getValue() != null && !content.getValue().isBlank()) {
				contents.append(content.getValue()).append("\n\n");
			}
		}
		SyndContent description = entry.getDescription();
		String lead = description == null ? null : cleanText(description.getValue());
		if (contents.length() == 0) {
			return lead;
		}
		String body = cleanText(contents.toString());
		if (lead == null || lead.isBlank()) {
			return body;
		}
		String l = ArticleValidator.normalizeLine(lead);
		String b = ArticleValidator.normalizeLine(body);
		if (b != null && b.startsWith(l.length() > 60 ? l.substring(0, 60) : l)) {
			return body;
		}
		return lead + "\n\n" + body;
	}

	/** The text of an HTML fragment without what is not the article. */
	private static String cleanText(String html) {
		if (html == null || html.isBlank()) {
			return null;
		}
		if (html.indexOf('<') < 0) {
			return PageMetadata.unescape(HtmlText.fromHtml(html));
		}
		Element body = Jsoup.parseBodyFragment(Normalizer.normalize(html, Normalizer.Form.NFC)).body();
		MainContent.clean(body, null);
		return PageMetadata.unescape(HtmlText.of(body));
	}

	private static String link(SyndEntry entry) {
		for (SyndLink link : entry.getLinks()) {
			if (link.getHref() != null && (link.getRel() == null || "alternate".equals(link.getRel()))) {
				return ArticleUrls.clean(link.getHref());
			}
		}
		if (entry.getLink() != null && !entry.getLink().isBlank()) {
			return ArticleUrls.clean(entry.getLink());
		}
		return null;
	}

	private String date(SyndEntry entry) {
		Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
		return date == null ? null : date.toInstant().atZone(zone).toLocalDate().toString();
	}

	private static String category(SyndEntry entry) {
		List<SyndCategory> categories = entry.getCategories();
		return categories == null || categories.isEmpty() ? null : categories.get(0).getName();
	}

}
