package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.util.function.Consumer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads one HTML article page (UTF-8, at most {@link ReaderLimits#MAX_DOCUMENT_BYTES})
 * with jsoup. The page is NFC-normalised before parsing (pages in NFD compare as the
 * rest), and entities of any form are decoded ({@code &agrave;}, {@code &#7879;},
 * {@code &#x1EC7;}, and those escaped twice).
 *
 * <ul>
 * <li>body: the element holding the article's paragraphs, found by text and link density
 * ({@link MainContent}: no selectors of one site), cleaned of related-news boxes and
 * trailing "Tin liên quan:" / "Xem thêm:" lists, adverts, captions, author and date
 * lines;</li>
 * <li>lead: the sapo in its own block (class or id {@code sapo}, {@code lead},
 * {@code summary}, {@code description}, {@code TrichDan} ... before the body), else
 * {@code og:description} / {@code description} when it is the article's own (not the
 * site's description, not cut short); the text starts with the lead unless the body
 * already does;</li>
 * <li>title: the meta title ({@code og:title}, JSON-LD {@code headline},
 * {@code twitter:title}, {@code <title>}) that a heading of the page repeats once the
 * site's name is cut from either end, else a meta title without segments naming the site
 * ({@code og:site_name}, "Báo ...", "Tạp chí ...", "Cổng thông tin ..."), else the page's
 * main heading ({@code
 *
<h1>} or a {@code title}-named element);</li>
 * <li>date: the day of first publication in Vietnam (Asia/Ho_Chi_Minh; a UTC timestamp on
 * the other side of midnight gives the Vietnamese day): publication metas
 * ({@code article:published_time}, {@code pubdate}, {@code itemprop=datePublished},
 * {@code dc.date.issued} ...), JSON-LD {@code datePublished}, {@code <time datetime>},
 * else a printed {@code dd/MM/yyyy} in a date line before the body; modification dates
 * are never taken;</li>
 * <li>url: the canonical link, else {@code og:url}, {@code twitter:url}, the JSON-LD page
 * id, resolved against the page's own absolute address when relative, without
 * {@code utm_*} and other tracking parameters ({@link ArticleUrls});</li>
 * <li>source: {@code og:site_name}; category: {@code article:section}.</li>
 * </ul>
 * A page without a title or without any text is rejected with
 * {@code HTML has no article}. The location is the source name.
 */
public final class HtmlArticleReader implements ArticleReader {

	static final String NO_ARTICLE = "HTML has no article";

	private final ArticleValidator validator;

	public HtmlArticleReader(ArticleValidator validator) {
		this.validator = validator;
	}

	/** A reader validating against the system clock. */
	public HtmlArticleReader() {
		this(new ArticleValidator(Clock.systemDefaultZone()));
	}

	@Override
	public SourceFormat format() {
		return SourceFormat.HTML;
	}

	@Override
	public void read(String sourceName, InputStream in, Consumer<ReadResult> sink) throws IOException {
		InputStream stream = Utf8.markable(in);
		int bom = Utf8.skipBom(stream);
		byte[] bytes = Utf8.readAtMost(stream, ReaderLimits.MAX_DOCUMENT_BYTES);
		if (bytes == null) {
			sink.accept(ReadResult.rejected(sourceName,
					"HTML is larger than " + Utf8.grouped(ReaderLimits.MAX_DOCUMENT_BYTES) + " bytes"));
			return;
		}
		String html;
		try {
			html = Utf8.decode(bytes, 0, bytes.length, bom);
		}
		catch (InvalidUtf8Exception ex) {
			sink.accept(ReadResult.rejected(sourceName, ex.getMessage()));
			return;
		}
		sink.accept(read(sourceName, Jsoup.parse(Normalizer.normalize(html, Normalizer.Form.NFC))));
	}

	private ReadResult read(String sourceName, Document doc) {
		PageMetadata page = new PageMetadata(doc);
		Element root = doc.body() == null ? doc : doc.body();
		Element content = MainContent.find(root);
		if (content == null) {
			// no paragraph of any length: the longest <article>, the marked body or
			// <main>, else the page
			for (Element article : root.select("article")) {
				if (content == null || article.text().length() > content.text().length()) {
					content = article;
				}
			}
			content = content != null ? content : PageMetadata.firstNonNull(root.selectFirst("[itemprop=articleBody]"),
					root.selectFirst("main"), root);
		}
		String title = page.title(content);
		Element leadElement = page.leadElement(content);
		String lead = leadElement != null ? PageMetadata.unescape(HtmlText.of(leadElement)) : page.metaLead(title);
		String url = page.url();
		String date = page.date(content);
		if (leadElement != null && !isAncestorOrSelf(content, leadElement)) {
			leadElement.remove();
		}
		MainContent.clean(content, title);
		String body = PageMetadata.unescape(MainContent.text(content));
		String text = body;
		if (lead != null && !lead.isBlank() && !startsWithLead(body, lead)) {
			text = body.isEmpty() ? lead : lead + "\n\n" + body;
		}
		if (title == null || title.isBlank() || text == null || text.isBlank()) {
			return ReadResult.rejected(sourceName, NO_ARTICLE);
		}
		return validator
			.validate(new ArticleDraft(title, text, url, date, page.siteName(), page.section(), sourceName));
	}

	private static boolean isAncestorOrSelf(Element ancestor, Element e) {
		for (Element p = e; p != null; p = p.parent()) {
			if (p == ancestor) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithLead(String body, String lead) {
		String b = ArticleValidator.normalizeLine(body);
		String l = ArticleValidator.normalizeLine(lead);
		if (b == null || l == null) {
			return false;
		}
		String prefix = l.length() > 60 ? l.substring(0, 60) : l;
		return b.contains(prefix);
	}

}
