package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;

/**
 * The feed reader as it was before the reader corpus (kept to score it against the
 * current one). Reads an RSS (0.9x, 1.0, 2.0) or Atom feed with Rome (UTF-8, at most
 * {@link ReaderLimits#MAX_DOCUMENT_BYTES}, doctypes refused).
 *
 * <ul>
 * <li>title: item title, HTML stripped</li>
 * <li>text: the content ({@code content:encoded}, Atom {@code content}) if any, else the
 * description/summary; HTML stripped with jsoup, block elements kept as paragraphs</li>
 * <li>url: the item link (Atom: the alternate link)</li>
 * <li>publishedAt: {@code pubDate}/{@code published}, else {@code updated}; Rome yields
 * an instant, whose date is taken in the reader's zone (Asia/Ho_Chi_Minh by default, the
 * zone of the sources)</li>
 * <li>category: the first category; source: the feed title</li>
 * </ul>
 * Locations are {@code name#item N} (1-based). A feed without items gives one rejection
 * {@code feed has no items} so the caller can report it; a document that is not a feed
 * gives one rejection naming the parser's complaint.
 */
final class LegacyFeedArticleReader implements ArticleReader {

	private final ArticleValidator validator;

	private final ZoneId zone;

	LegacyFeedArticleReader(ArticleValidator validator, ZoneId zone) {
		this.validator = validator;
		this.zone = zone;
	}

	LegacyFeedArticleReader(ArticleValidator validator) {
		this(validator, FeedArticleReader.DEFAULT_ZONE);
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
			sink.accept(validator.validate(new ArticleDraft(HtmlText.fromHtml(entry.getTitle()), text(entry),
					link(entry), date(entry), source, category(entry), location)));
		}
	}

	private static String text(SyndEntry entry) {
		StringBuilder contents = new StringBuilder();
		for (SyndContent content : entry.getContents()) {
			if (content.getValue() != null && !content.getValue().isBlank()) {
				contents.append(content.getValue()).append("\n\n");
			}
		}
		if (contents.length() > 0) {
			return HtmlText.fromHtml(contents.toString());
		}
		SyndContent description = entry.getDescription();
		return description == null ? null : HtmlText.fromHtml(description.getValue());
	}

	private static String link(SyndEntry entry) {
		if (entry.getLink() != null && !entry.getLink().isBlank()) {
			return entry.getLink();
		}
		for (SyndLink link : entry.getLinks()) {
			if (link.getHref() != null && (link.getRel() == null || "alternate".equals(link.getRel()))) {
				return link.getHref();
			}
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
