package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTML reader as it was before the reader corpus (kept to score it against the
 * current one). Reads one HTML article page (UTF-8, at most
 * {@link ReaderLimits#MAX_DOCUMENT_BYTES}) with jsoup.
 *
 * <ul>
 * <li>title: {@code og:title}, else the first {@code
 *
<h1>}, else {@code <title>}</li>
 * <li>lead: {@code og:description}, else {@code .sapo}, {@code .lead}, {@code .summary};
 * the text starts with the lead unless the body already does</li>
 * <li>body: the longest {@code <article>}, else the main content container
 * ({@code [itemprop=articleBody]}, {@code .detail-content}, {@code .article-content},
 * {@code .post-content}, {@code .entry-content}, {@code main}, {@code #content}, ...),
 * else the page's {@code
 *
<p>
 * } elements; navigation, header, footer, aside, scripts, styles, forms, figures, ads
 * ({@code .ads}, {@code .banner}, {@code [class*=advert]}) and related-link lists are
 * dropped first</li>
 * <li>date: {@code article:published_time}, {@code <time datetime>},
 * {@code meta[name=pubdate]}, {@code itemprop=datePublished}, JSON-LD
 * {@code datePublished}</li>
 * <li>url: {@code link[rel=canonical]} or {@code og:url}, whichever is an absolute
 * http(s) URL first</li>
 * <li>source: {@code og:site_name}; category: {@code article:section}</li>
 * </ul>
 * A page without a title or without any text is rejected with
 * {@code HTML has no article}. The location is the source name.
 */
final class LegacyHtmlArticleReader implements ArticleReader {

	static final String NO_ARTICLE = "HTML has no article";

	private static final String JUNK = "nav, header, footer, aside, script, style, noscript, template, iframe, form, "
			+ "button, figure, svg, .ads, .ad, .advertisement, .banner, [class*=advert], [id*=advert], [id*=banner], "
			+ ".related, .related-news, [class*=related], [class*=lien-quan], .tin-lien-quan, .share, .social, "
			+ "[class*=share], .comments, .comment, .breadcrumb, .breadcrumbs, .tags, .menu, .sidebar, .byline, "
			+ ".article-meta, .post-meta, [role=navigation], [role=banner], [role=contentinfo]";

	private static final String LEAD = ".sapo, .lead, .summary, .article-sapo, .detail-sapo";

	private static final String[] CONTAINERS = { "[itemprop=articleBody]", ".detail-content", ".article-content",
			".article-body", ".content-detail", ".news-content", ".post-content", ".entry-content", "main", "#content",
			".content" };

	private final ArticleValidator validator;

	LegacyHtmlArticleReader(ArticleValidator validator) {
		this.validator = validator;
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
		sink.accept(read(sourceName, Jsoup.parse(html)));
	}

	private ReadResult read(String sourceName, Document doc) {
		String title = firstNonBlank(meta(doc, "property", "og:title"), text(doc.selectFirst("h1")), doc.title());
		String lead = firstNonBlank(meta(doc, "property", "og:description"), text(doc.selectFirst(LEAD)));
		String url = firstHttp(attr(doc.selectFirst("link[rel=canonical]"), "href"), meta(doc, "property", "og:url"));
		String date = firstNonBlank(meta(doc, "property", "article:published_time"),
				attr(doc.selectFirst("time[datetime]"), "datetime"), meta(doc, "name", "pubdate"),
				attr(doc.selectFirst("[itemprop=datePublished]"), "content"),
				attr(doc.selectFirst("[itemprop=datePublished]"), "datetime"), jsonLdDatePublished(doc));
		String source = meta(doc, "property", "og:site_name");
		String category = meta(doc, "property", "article:section");

		Document clean = doc.clone();
		clean.select(JUNK).remove();
		clean.select(LEAD).remove();
		removeLinkLists(clean);
		String body = bodyText(clean, title);
		String text = body;
		if (lead != null && !lead.isBlank() && !startsWithLead(body, lead)) {
			text = body.isEmpty() ? lead : lead + "\n\n" + body;
		}
		if (title == null || title.isBlank() || text == null || text.isBlank()) {
			return ReadResult.rejected(sourceName, NO_ARTICLE);
		}
		return validator.validate(new ArticleDraft(title, text, url, date, source, category, sourceName));
	}

	private static String bodyText(Document clean, String title) {
		Element container = null;
		for (Element article : clean.select("article")) {
			if (container == null || article.text().length() > container.text().length()) {
				container = article;
			}
		}
		for (int i = 0; container == null && i < CONTAINERS.length; i++) {
			container = clean.selectFirst(CONTAINERS[i]);
		}
		if (container == null) {
			StringBuilder paragraphs = new StringBuilder();
			for (Element p : clean.select("p")) {
				paragraphs.append(p.text()).append("\n\n");
			}
			return ArticleValidator.normalizeText(paragraphs.toString());
		}
		for (Element heading : container.select("h1")) {
			if (title != null
					&& ArticleValidator.normalizeText(heading.text()).equals(ArticleValidator.normalizeText(title))) {
				heading.remove();
			}
		}
		container.select("time").remove();
		return HtmlText.of(container);
	}

	/** Drops lists whose items are nothing but links ("Tin liên quan" style). */
	private static void removeLinkLists(Document doc) {
		for (Element list : doc.select("ul, ol")) {
			Elements items = list.children();
			if (items.isEmpty()) {
				continue;
			}
			boolean allLinks = true;
			for (Element item : items) {
				String linkText = item.select("a").text().strip();
				if (linkText.isEmpty() || !linkText.equals(item.text().strip())) {
					allLinks = false;
					break;
				}
			}
			if (allLinks) {
				list.remove();
			}
		}
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

	private static String jsonLdDatePublished(Document doc) {
		for (Element script : doc.select("script[type=application/ld+json]")) {
			try {
				String found = findField(JsonArticles.MAPPER.readTree(script.data()), "datePublished", 0);
				if (found != null) {
					return found;
				}
			}
			catch (JacksonException ex) {
				// broken JSON-LD is common; other date sources may still work
			}
		}
		return null;
	}

	private static String findField(JsonNode node, String name, int depth) {
		if (node == null || depth > 8) {
			return null;
		}
		if (node.isObject()) {
			JsonNode value = node.get(name);
			if (value != null && value.isString() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		if (node.isContainer()) {
			for (JsonNode child : node) {
				String found = findField(child, name, depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static String meta(Document doc, String attribute, String name) {
		for (Element element : doc.getElementsByAttributeValue(attribute, name)) {
			if (element.nameIs("meta")) {
				return attr(element, "content");
			}
		}
		return null;
	}

	private static String attr(Element element, String attribute) {
		if (element == null || !element.hasAttr(attribute)) {
			return null;
		}
		String value = element.attr(attribute).strip();
		return value.isEmpty() ? null : value;
	}

	private static String text(Element element) {
		return element == null ? null : element.text();
	}

	private static String firstHttp(String... values) {
		for (String value : values) {
			if (value != null && ArticleValidator.isHttpUrl(value.strip())) {
				return value.strip();
			}
		}
		return null;
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
