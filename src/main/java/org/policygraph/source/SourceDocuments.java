package org.policygraph.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.ingest.read.Readers;
import org.policygraph.ingest.read.SourceFormat;

/**
 * Finds the items of a fetched source document: feed items through the ingest readers
 * (each with its article as the feed gives it), sitemap URLs through crawler-commons'
 * sitemap parser (with their {@code lastmod}), and article links of a listing page with
 * jsoup.
 */
final class SourceDocuments {

	/**
	 * A path that looks like an article's: a long hyphenated slug, a numeric id, or an
	 * .html page.
	 */
	private static final Pattern ARTICLE_PATH = Pattern
		.compile("(?i).*(/[^/]*-[^/]*-[^/]*-[^/]*|[0-9]{4,}[^/]*|\\.html?|\\.vnd|\\.aspx|\\.php)/?$");

	/** Parts of a listing page that are not its list of articles. */
	private static final String FURNITURE = "nav, header, footer, aside, [role=navigation], .menu, .breadcrumb, "
			+ ".breadcrumbs, .pagination, .paging";

	private final Readers readers;

	SourceDocuments(Readers readers) {
		this.readers = readers;
	}

	/**
	 * One article URL a source lists.
	 *
	 * @param url the article URL
	 * @param article the article as the feed gives it (feeds only)
	 * @param lastmod when the sitemap says it last changed (sitemaps only)
	 */
	record Item(String url, @Nullable RawArticle article, @Nullable OffsetDateTime lastmod) {
	}

	/**
	 * What a source document holds.
	 *
	 * @param items the article URLs, in the document's order (sitemaps: newest first)
	 * @param sitemaps the child sitemaps of a sitemap index
	 * @param rejected items that could not be read, with their reasons
	 */
	record Contents(List<Item> items, List<String> sitemaps, List<String> rejected) {
	}

	/** The document is not what the source's kind says it is. */
	static final class UnreadableException extends Exception {

		private static final long serialVersionUID = 1L;

		UnreadableException(String message) {
			super(message);
		}

	}

	Contents read(SourceKind kind, Fetched fetched) throws UnreadableException {
		return switch (kind) {
			case FEED -> feed(fetched);
			case SITEMAP -> sitemap(fetched);
			case LISTING -> listing(fetched);
		};
	}

	private Contents feed(Fetched fetched) throws UnreadableException {
		String name = fetched.uri().toString();
		List<ReadResult> results = new ArrayList<>();
		this.readers.read(name, new ByteArrayInputStream(fetched.body()), SourceFormat.FEED, results::add);
		if (results.size() == 1 && !results.get(0).ok() && results.get(0).location().equals(name)) {
			String reason = results.get(0).rejection().reason();
			if (reason.equals("feed has no items")) {
				return new Contents(List.of(), List.of(), List.of());
			}
			throw new UnreadableException(reason);
		}
		List<Item> items = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		for (ReadResult result : results) {
			if (!result.ok()) {
				rejected.add(result.rejection().toString());
			}
			else if (result.article().url() == null) {
				rejected.add(result.location() + ": item has no link");
			}
			else {
				items.add(new Item(result.article().url(), result.article(), null));
			}
		}
		return new Contents(items, List.of(), rejected);
	}

	private static Contents sitemap(Fetched fetched) throws UnreadableException {
		AbstractSiteMap parsed;
		try {
			SiteMapParser parser = new SiteMapParser(false);
			parsed = parser.parseSiteMap(fetched.contentType(), fetched.body(), fetched.uri().toURL());
		}
		catch (UnknownFormatException | IOException | IllegalArgumentException ex) {
			throw new UnreadableException("not a sitemap: " + ex.getMessage());
		}
		String host = host(fetched.uri().toString());
		if (parsed instanceof SiteMapIndex index) {
			List<AbstractSiteMap> children = new ArrayList<>(index.getSitemaps());
			children.sort(Comparator.comparing(AbstractSiteMap::getLastModified,
					Comparator.nullsLast(Comparator.reverseOrder())));
			List<String> urls = new ArrayList<>();
			for (AbstractSiteMap child : children) {
				String url = child.getUrl().toString();
				if (host.equals(host(url))) {
					urls.add(url);
				}
			}
			return new Contents(List.of(), urls, List.of());
		}
		List<Item> items = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
			String url = entry.getUrl().toString();
			if (!host.equals(host(url))) {
				rejected.add(url + ": on another host than the sitemap");
				continue;
			}
			OffsetDateTime lastmod = (entry.getLastModified() != null)
					? entry.getLastModified().toInstant().atOffset(ZoneOffset.UTC) : null;
			items.add(new Item(url, null, lastmod));
		}
		items.sort(Comparator.comparing(Item::lastmod, Comparator.nullsLast(Comparator.reverseOrder())));
		return new Contents(items, List.of(), rejected);
	}

	private static Contents listing(Fetched fetched) throws UnreadableException {
		String base = fetched.uri().toString();
		Document doc = Jsoup.parse(new String(fetched.body(), StandardCharsets.UTF_8), base);
		if (doc.body() == null || doc.body().children().isEmpty()) {
			throw new UnreadableException("not an HTML page");
		}
		doc.select(FURNITURE).remove();
		String host = host(base);
		Map<String, Item> links = new LinkedHashMap<>();
		for (Element a : doc.select("a[href]")) {
			String url = withoutFragment(a.absUrl("href"));
			if (url == null || url.equals(withoutFragment(base)) || !host.equals(host(url))) {
				continue;
			}
			String path = path(url);
			if (path != null && ARTICLE_PATH.matcher(path).matches()) {
				links.putIfAbsent(url, new Item(url, null, null));
			}
		}
		return new Contents(List.copyOf(links.values()), List.of(), List.of());
	}

	private static @Nullable String withoutFragment(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String lower = url.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
			return null;
		}
		int hash = url.indexOf('#');
		return (hash < 0) ? url : url.substring(0, hash);
	}

	private static @Nullable String path(String url) {
		try {
			return new URL(url).getPath();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * The host without a leading {@code www.}, lower case: sitemaps and listings stay on
	 * their site.
	 */
	static String host(String url) {
		try {
			String host = new URL(url).getHost().toLowerCase(Locale.ROOT);
			return host.startsWith("www.") ? host.substring(4) : host;
		}
		catch (IOException ex) {
			return "";
		}
	}

}
