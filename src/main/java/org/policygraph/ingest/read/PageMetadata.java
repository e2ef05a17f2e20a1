package org.policygraph.ingest.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What an article page says about itself: title, lead, address, date of first
 * publication, site and section. See {@link HtmlArticleReader} for the rules.
 */
final class PageMetadata {

	private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[-|–—:»/]|::|\\|\\|)\\s+");

	private static final Pattern SITE_LIKE = Pattern.compile("(?iu)^(báo|tạp chí|cổng thông tin|cổng ttđt|"
			+ "trang thông tin|trang tin|bản tin|thông tấn|đài phát thanh|truyền hình|tin tức|trang chủ|"
			+ ".*\\.(vn|com|net|org)$|.*online$).*");

	private static final Pattern LEAD_NAMES = Pattern.compile("(?i)(sapo|trichdan|trich-dan|chapeau|tomtat|"
			+ "tom-tat|summary|excerpt|abstract|teaser|description|(^|[^a-z])(lead|desc|intro|mota|mo-ta)([^a-z]|$))");

	private static final Pattern TITLE_NAMES = Pattern.compile("(?i)(title|tieude|tieu-de|headline|heading)");

	private static final Pattern DATE_NAMES = Pattern
		.compile("(?i)(date|time|ngay|publish|posted|created|meta|" + "thoigian|thoi-gian)");

	private static final Pattern ENTITY = Pattern
		.compile("&(#\\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

	private static final String[][] DATE_METAS = { { "property", "article:published_time" },
			{ "name", "article:published_time" }, { "itemprop", "datePublished" }, { "property", "og:published_time" },
			{ "name", "pubdate" }, { "name", "publishdate" }, { "name", "publish_date" }, { "name", "publish-date" },
			{ "name", "dc.date.issued" }, { "name", "dcterms.issued" }, { "name", "dc.date.created" },
			{ "name", "dcterms.created" }, { "name", "dc.date" }, { "name", "date" } };

	private final Document doc;

	private final List<Element> order;

	private final Map<Element, Integer> position = new IdentityHashMap<>();

	private final String siteName;

	private final List<JsonNode> jsonLd = new ArrayList<>();

	PageMetadata(Document doc) {
		this.doc = doc;
		this.order = doc.getAllElements();
		for (int i = 0; i < this.order.size(); i++) {
			this.position.put(this.order.get(i), i);
		}
		for (Element script : doc.select("script[type=application/ld+json]")) {
			try {
				this.jsonLd.add(JsonArticles.MAPPER.readTree(script.data()));
			}
			catch (JacksonException ex) {
				// broken JSON-LD is common; the other sources still work
			}
		}
		this.siteName = firstNonBlank(meta("property", "og:site_name"), meta("name", "application-name"),
				jsonLdText("publisher", "name"));
	}

	String siteName() {
		return this.siteName;
	}

	String section() {
		return meta("property", "article:section");
	}

	/**
	 * The headline: a meta title ({@code og:title}, JSON-LD {@code headline},
	 * {@code twitter:title}, {@code <title>}) that a heading of the page repeats once the
	 * site's name is cut from either end; else a meta title without the site's name; else
	 * the page's main heading.
	 */
	String title(Element content) {
		Set<String> headings = new LinkedHashSet<>();
		Element best = null;
		int bestRank = -1;
		int contentStart = firstParagraphPosition(content);
		for (Element e : this.doc.body() == null ? List.<Element>of() : this.doc.body().getAllElements()) {
			boolean heading = e.nameIs("h1") || e.nameIs("h2") || e.nameIs("h3");
			boolean named = TITLE_NAMES.matcher(e.className() + " " + e.id()).find();
			if ((!heading && !named) || insideFurniture(e)) {
				continue;
			}
			String text = unescape(MainContent.normalized(e.text()));
			if (text.length() < 10 || text.length() > 400 || isSiteName(text) || e.closest("li") != null) {
				continue;
			}
			headings.add(text);
			int pos = this.position.getOrDefault(e, Integer.MAX_VALUE);
			int rank = (e.nameIs("h1") ? 3 : named ? 2 : 1) + (pos < contentStart ? 3 : 0);
			if (rank > bestRank) {
				best = e;
				bestRank = rank;
			}
		}
		List<String> metaTitles = new ArrayList<>();
		for (String candidate : new String[] { meta("property", "og:title"), jsonLdText("headline"),
				meta("name", "twitter:title"), this.doc.title() }) {
			String t = unescape(MainContent.normalized(candidate));
			if (!t.isEmpty()) {
				metaTitles.add(t);
			}
		}
		for (String t : metaTitles) {
			String matched = matchHeading(t, headings);
			if (matched != null) {
				return matched;
			}
		}
		for (String t : metaTitles) {
			String stripped = stripSite(t);
			if (stripped != null) {
				return stripped;
			}
		}
		if (best != null) {
			return unescape(MainContent.normalized(best.text()));
		}
		return metaTitles.isEmpty() ? null : metaTitles.get(0);
	}

	/**
	 * The lead in its own block: an element whose class or id names a sapo, lead, summary
	 * or description, before the content's first paragraph (or opening it); {@code null}
	 * when there is none.
	 */
	Element leadElement(Element content) {
		int contentStart = firstParagraphPosition(content);
		Element found = null;
		for (Element e : this.doc.body() == null ? List.<Element>of() : this.doc.body().getAllElements()) {
			int pos = this.position.getOrDefault(e, Integer.MAX_VALUE);
			if (pos > contentStart) {
				break;
			}
			String names = e.className() + " " + e.id();
			boolean named = LEAD_NAMES.matcher(names).find() || "description".equals(e.attr("itemprop"));
			if (!named || e.nameIs("meta") || e.nameIs("h1") || insideFurniture(e) || isAncestorOf(e, content)) {
				continue;
			}
			int length = e.text().strip().length();
			if (length < 30 || length > 1500 || MainContent.linkDensity(e) > 0.3) {
				continue;
			}
			if (found == null || !isAncestorOf(found, e)) {
				found = e;
			}
		}
		return found;
	}

	/**
	 * The page's description as a lead when it is the article's own: not the site's
	 * description (naming the site), not cut short ("..."), not the title.
	 */
	String metaLead(String title) {
		for (String candidate : new String[] { meta("property", "og:description"), meta("name", "twitter:description"),
				meta("name", "description") }) {
			String d = unescape(MainContent.normalized(candidate));
			if (d.length() < 40 || d.endsWith("...") || d.endsWith("…") || d.equals(title) || isSiteName(d)
					|| SITE_LIKE.matcher(d).matches()
					|| (this.siteName != null && fold(d).contains(fold(this.siteName)))) {
				continue;
			}
			return d;
		}
		return null;
	}

	/**
	 * The address: the canonical link, else {@code og:url}, {@code twitter:url} or the
	 * JSON-LD page id, resolved against the first absolute address the page gives
	 * ({@code <base>}, {@code og:url}, the canonical, JSON-LD, the AMP or alternate link)
	 * and without tracking parameters.
	 */
	String url() {
		String base = null;
		for (String candidate : new String[] { attr(this.doc.selectFirst("base[href]"), "href"),
				meta("property", "og:url"), attr(this.doc.selectFirst("link[rel=canonical]"), "href"),
				meta("name", "twitter:url"), jsonLdText("mainEntityOfPage", "@id"), jsonLdText("url"),
				attr(this.doc.selectFirst("link[rel=amphtml]"), "href"),
				attr(this.doc.selectFirst("link[rel=alternate][hreflang]"), "href"),
				attr(this.doc.selectFirst("link[rel=shortlink]"), "href") }) {
			if (ArticleUrls.isAbsolute(candidate)) {
				base = candidate.strip();
				break;
			}
		}
		for (String candidate : new String[] { attr(this.doc.selectFirst("link[rel=canonical]"), "href"),
				meta("property", "og:url"), meta("name", "twitter:url"), jsonLdText("mainEntityOfPage", "@id"),
				jsonLdText("mainEntityOfPage"), jsonLdText("url") }) {
			String url = ArticleUrls.resolve(candidate, base);
			if (url != null) {
				return url;
			}
		}
		return null;
	}

	/**
	 * The date of first publication, as {@code yyyy-MM-dd} in Vietnam: publication metas,
	 * JSON-LD {@code datePublished}, {@code itemprop=datePublished}, a
	 * {@code <time datetime>} before or at the start of the content, else a date printed
	 * in a date line before the content. Modification dates are never used. When dates
	 * are given but none can be read, the first is returned as written (the validator
	 * rejects it).
	 */
	String date(Element content) {
		List<String> machine = new ArrayList<>();
		for (String[] m : DATE_METAS) {
			machine.add(meta(m[0], m[1]));
		}
		machine.add(jsonLdText("datePublished"));
		for (Element e : this.doc.select("[itemprop=datePublished]")) {
			machine.add(firstNonBlank(attr(e, "content"), attr(e, "datetime"), e.text()));
		}
		int contentStart = firstParagraphPosition(content);
		for (Element e : this.doc.select("time[datetime]")) {
			if (!insideFurniture(e) && (this.position.getOrDefault(e, 0) < contentStart || isAncestorOf(content, e))) {
				machine.add(attr(e, "datetime"));
			}
		}
		String unreadable = null;
		for (String value : machine) {
			if (value == null || value.isBlank()) {
				continue;
			}
			LocalDate date = PublicationDates.parse(value);
			if (date != null) {
				return date.toString();
			}
			if (unreadable == null) {
				unreadable = value;
			}
		}
		for (Element e : this.doc.body() == null ? List.<Element>of() : this.doc.body().getAllElements()) {
			int pos = this.position.getOrDefault(e, Integer.MAX_VALUE);
			if (pos > contentStart) {
				break;
			}
			if (!DATE_NAMES.matcher(e.className() + " " + e.id()).find() || insideFurniture(e)) {
				continue;
			}
			String text = e.text();
			if (text.length() > 120) {
				continue;
			}
			LocalDate date = PublicationDates.printed(text);
			if (date != null) {
				return date.toString();
			}
		}
		return unreadable;
	}

	private String matchHeading(String title, Set<String> headings) {
		if (headings.contains(title)) {
			return title;
		}
		List<String> parts = new ArrayList<>(List.of(SEPARATOR.split(title)));
		List<String> separators = new ArrayList<>();
		var m = SEPARATOR.matcher(title);
		while (m.find()) {
			separators.add(m.group());
		}
		for (int from = 0; from < parts.size(); from++) {
			for (int to = parts.size(); to > from; to--) {
				if (from == 0 && to == parts.size()) {
					continue;
				}
				StringBuilder b = new StringBuilder(parts.get(from));
				for (int i = from + 1; i < to; i++) {
					b.append(separators.get(i - 1)).append(parts.get(i));
				}
				if (headings.contains(b.toString())) {
					return b.toString();
				}
			}
		}
		return null;
	}

	/**
	 * {@code title} without segments at either end that name a site; {@code null} when
	 * nothing is left.
	 */
	private String stripSite(String title) {
		List<String> parts = new ArrayList<>(List.of(SEPARATOR.split(title)));
		List<String> separators = new ArrayList<>();
		var m = SEPARATOR.matcher(title);
		while (m.find()) {
			separators.add(m.group());
		}
		int from = 0;
		int to = parts.size();
		while (to > from && isSiteSegment(parts.get(to - 1))) {
			to--;
		}
		while (from < to && isSiteSegment(parts.get(from))) {
			from++;
		}
		if (from >= to) {
			return null;
		}
		StringBuilder b = new StringBuilder(parts.get(from));
		for (int i = from + 1; i < to; i++) {
			b.append(separators.get(i - 1)).append(parts.get(i));
		}
		String result = b.toString().strip();
		return result.isEmpty() ? null : result;
	}

	private boolean isSiteSegment(String segment) {
		return isSiteName(segment) || SITE_LIKE.matcher(segment.strip()).matches();
	}

	private boolean isSiteName(String text) {
		if (this.siteName == null) {
			return false;
		}
		String t = fold(text);
		String site = fold(this.siteName);
		return !site.isEmpty() && (t.equals(site) || (t.contains(site) && t.length() < site.length() + 40));
	}

	private int firstParagraphPosition(Element content) {
		for (Element e : content.getAllElements()) {
			if (e.ownText().strip().length() >= 25 && !e.nameIs("a")) {
				return this.position.getOrDefault(e, Integer.MAX_VALUE);
			}
		}
		return this.position.getOrDefault(content, Integer.MAX_VALUE);
	}

	private static boolean isAncestorOf(Element ancestor, Element e) {
		for (Element p = e; p != null; p = p.parent()) {
			if (p == ancestor) {
				return true;
			}
		}
		return false;
	}

	private static boolean insideFurniture(Element e) {
		for (Element p = e; p != null; p = p.parent()) {
			if (p.nameIs("nav") || p.nameIs("footer") || p.nameIs("aside")) {
				return true;
			}
			String names = (p.className() + " " + p.id()).toLowerCase(Locale.ROOT);
			if (names.contains("related") || names.contains("relate") || names.contains("lien-quan")
					|| names.contains("tinkhac") || names.contains("other") || names.contains("sidebar")
					|| names.contains("most") || names.contains("box-stories")) {
				return true;
			}
		}
		return false;
	}

	String meta(String attribute, String name) {
		for (Element element : this.doc.getElementsByAttributeValue(attribute, name)) {
			if (element.nameIs("meta")) {
				return attr(element, "content");
			}
		}
		return null;
	}

	private String jsonLdText(String... path) {
		for (JsonNode root : this.jsonLd) {
			String found = find(root, path, 0);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static String find(JsonNode node, String[] path, int depth) {
		if (node == null || depth > 8) {
			return null;
		}
		if (node.isObject()) {
			JsonNode value = node;
			for (String step : path) {
				value = value == null ? null : value.get(step);
			}
			if (value != null && value.isString() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		if (node.isContainer()) {
			for (JsonNode child : node) {
				String found = find(child, path, depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static String attr(Element element, String attribute) {
		if (element == null || !element.hasAttr(attribute)) {
			return null;
		}
		String value = element.attr(attribute).strip();
		return value.isEmpty() ? null : value;
	}

	/**
	 * Entities left in text after parsing (written twice escaped, {@code &amp;agrave;})
	 * decoded.
	 */
	static String unescape(String text) {
		if (text == null || text.indexOf('&') < 0 || !ENTITY.matcher(text).find()) {
			return text;
		}
		return Parser.unescapeEntities(text, false);
	}

	private static String fold(String s) {
		return org.policygraph.reference.TextNormalizer.fold(s).replaceAll("[^a-z0-9]+", " ").strip();
	}

	@SafeVarargs
	static <T> T firstNonNull(T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
