package org.policygraph.ingest.read;

import java.text.Normalizer;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main content of a page and strips what is not the article from it, by the
 * shape of the page rather than by selectors of one site.
 *
 * <p>
 * <b>Finding</b> (after Readability): every block that holds at least 25 characters of
 * its own text outside links is a paragraph; its weight (1 + commas + one per 100
 * characters, at most 3) goes to the element holding the paragraphs, half of it to that
 * element's parent and a third to the grandparent. An element's score is that sum times
 * (1 − its link density), raised a quarter when its class or id says content
 * ({@code content}, {@code detail}, {@code body}, {@code noidung} ...) and halved when it
 * says furniture ({@code related}, {@code sidebar}, {@code comment} ...). The
 * best-scoring element is the content.
 *
 * <p>
 * <b>Cleaning</b> inside it:
 * <ul>
 * <li>scripts, styles, frames, form controls, figures and their captions, media blocks
 * (an image with less than 200 characters of text: photo tables and caption blocks of any
 * CMS);</li>
 * <li>elements whose class or id names furniture: related news, adverts ({@code ads},
 * {@code qc}, {@code banner}), sharing, tags, comments, breadcrumbs, author and source
 * lines;</li>
 * <li>link-dense blocks (over half of their text in links): related boxes and lists in
 * any container;</li>
 * <li>a "Tin liên quan:", "Xem thêm:", "Đọc thêm:", "Bài liên quan", "Tin cùng chuyên
 * mục", "Các tin khác" line and the links, adverts and short lines after it, up to the
 * next real paragraph;</li>
 * <li>author lines at the end (short, right-aligned or all bold, or "Theo ...", "Nguồn:
 * ..."), date lines, and a heading repeating the title.</li>
 * </ul>
 */
final class MainContent {

	private static final int MIN_PARAGRAPH = 25;

	private static final Set<String> PARAGRAPHS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
			"dd", "dt");

	private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "nav", "footer",
			"aside", "head", "select", "option", "textarea", "button", "svg");

	private static final String REMOVED = "script, style, noscript, template, iframe, object, embed, video, audio, "
			+ "canvas, svg, input, select, textarea, button, figure, figcaption, nav, aside, header, footer, time, h1";

	private static final Pattern POSITIVE = Pattern
		.compile("(?i)(content|detail|article|body|entry|noidung|noi-dung|post|story|main|text|chitiet|chi-tiet)");

	private static final Pattern NEGATIVE = Pattern.compile("(?i)(related|relate|lien-?quan|tin-?khac|other|"
			+ "sidebar|comment|binh-?luan|footer|menu|nav|banner|advert|share|social|widget|most|popular|tag|"
			+ "breadcrumb|right|left|col-md-4|box-stories|more)");

	/** Furniture named by a class or id: substrings. */
	private static final Pattern FURNITURE = Pattern.compile("(?i)(caption|chuthich|chu-thich|image_desc|img-desc|"
			+ "photo|related|relate|lienquan|lien-quan|tinkhac|tin-khac|othernews|other-news|readmore|read-more|"
			+ "xemthem|xem-them|docthem|doc-them|share|social|comment|binhluan|binh-luan|breadcrumb|author|byline|"
			+ "tacgia|tac-gia|advert|banner|quangcao|quang-cao|sponsor|keyword|tukhoa|tu-khoa|print|rating|toolbar|"
			+ "subscribe|newsletter|link-callout|link-content-footer)");

	/**
	 * Furniture named by a class or id: whole words (split at anything but letters and
	 * digits).
	 */
	private static final Set<String> FURNITURE_WORDS = Set.of("ads", "ad", "adv", "qc", "tag", "tags", "nav", "menu",
			"sidebar", "footer", "source", "nguon", "date", "meta", "time", "hidden");

	private static final Pattern RELATED_MARKER = Pattern.compile("(?iu)^\\s*(tin liên quan|bài liên quan|"
			+ "tin bài liên quan|bài viết liên quan|các tin liên quan|xem thêm|đọc thêm|mời xem thêm|"
			+ "tin cùng chuyên mục|bài cùng chuyên mục|các tin khác|các bài khác|tin khác|tin đã đưa|"
			+ "có thể bạn quan tâm)\\s*[:.…]*\\s*");

	private static final Pattern SOURCE_LINE = Pattern
		.compile("(?iu)^\\s*[(\\[]?\\s*(theo|nguồn|ảnh|tin, ảnh|" + "bài, ảnh|tin và ảnh)\\b.{0,100}$");

	private static final Pattern STARTS_UPPER = Pattern.compile("^\\p{Lu}");

	private MainContent() {
	}

	/**
	 * The element holding the article's paragraphs, {@code null} when no block holds a
	 * paragraph.
	 */
	static Element find(Element root) {
		Map<Element, Integer> own = new IdentityHashMap<>();
		Map<Element, Integer> commas = new IdentityHashMap<>();
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text && !text.isBlank() && !insideLinkOrSkipped(text)) {
					Element block = blockOf(text);
					if (block != null) {
						String s = text.text().strip();
						own.merge(block, s.length(), Integer::sum);
						commas.merge(block, count(s, ','), Integer::sum);
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
			}

		}, root);
		Map<Element, Double> scores = new IdentityHashMap<>();
		for (Map.Entry<Element, Integer> entry : own.entrySet()) {
			int length = entry.getValue();
			if (length < MIN_PARAGRAPH) {
				continue;
			}
			Element block = entry.getKey();
			double weight = 1 + commas.get(block) + Math.min(length / 100.0, 3);
			Element holder = isParagraph(block) ? block.parent() : block;
			double[] shares = { 1, 0.5, 1 / 3.0 };
			for (int i = 0; i < shares.length && holder != null; i++) {
				scores.merge(holder, weight * shares[i], Double::sum);
				if (holder == root) {
					break;
				}
				holder = holder.parent();
			}
		}
		Stats stats = new Stats(root);
		Element best = null;
		double bestScore = 0;
		for (Map.Entry<Element, Double> entry : scores.entrySet()) {
			Element candidate = entry.getKey();
			double score = entry.getValue() * (1 - stats.linkDensity(candidate)) * classWeight(candidate);
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return best;
	}

	/** Removes from {@code container} what is not the article (see the class comment). */
	static void clean(Element container, String title) {
		container.select(REMOVED).forEach(e -> {
			if (e != container) {
				e.remove();
			}
		});
		for (Element e : container.select("*")) {
			if (e != container && e.parent() != null && isFurniture(e)) {
				e.remove();
			}
		}
		Stats media = new Stats(container);
		for (Element e : container.select("table, div, p, span, center, a")) {
			if (e != container && media.images(e) > 0 && media.text(e) < 200) {
				e.remove();
			}
		}
		removeLinkDense(container);
		removeRelatedMarkers(container);
		removeTitleRepeats(container, title);
		removeTrailingLines(container);
	}

	/** The text of a cleaned container, paragraphs as blank lines. */
	static String text(Element container) {
		return HtmlText.of(container);
	}

	private static void removeLinkDense(Element container) {
		Stats stats = new Stats(container);
		for (Element e : container.select("div, ul, ol, dl, table, section, p, li, tr, td, span, font, center")) {
			if (e != container && stats.text(e) > 0 && stats.linkDensity(e) > 0.5) {
				e.remove();
			}
		}
	}

	private static void removeRelatedMarkers(Element container) {
		Stats stats = new Stats(container);
		for (Element e : container.select("p, div, h2, h3, h4, h5, h6, strong, b, span, li, td")) {
			if (e == container || e.parent() == null || stats.nodes(e) > 400) {
				continue;
			}
			String text = normalized(e.text());
			var m = RELATED_MARKER.matcher(text);
			if (!m.lookingAt()) {
				continue;
			}
			String rest = text.substring(m.end());
			if (rest.length() > 60 && linkDensity(e) < 0.5) {
				continue;
			}
			Element block = e;
			while (block.parent() != null && block.parent() != container && !block.isBlock()) {
				block = block.parent();
			}
			Element next = block.nextElementSibling();
			block.remove();
			while (next != null) {
				Element after = next.nextElementSibling();
				if (stats.text(next) >= 80 && stats.linkDensity(next) < 0.3) {
					break;
				}
				next.remove();
				next = after;
			}
		}
	}

	private static void removeTitleRepeats(Element container, String title) {
		if (title == null) {
			return;
		}
		String t = normalized(title);
		Stats stats = new Stats(container);
		for (Element heading : container.select("h1, h2, h3, h4, p, div, span, strong, b")) {
			if (heading != container && heading.parent() != null && Math.abs(stats.text(heading) - t.length()) < 20
					&& stats.nodes(heading) < 100 && normalized(heading.text()).equals(t)) {
				heading.remove();
			}
		}
	}

	/** Author, source and date lines at the end of the article. */
	private static void removeTrailingLines(Element container) {
		for (int i = 0; i < 3; i++) {
			Stats stats = new Stats(container);
			Element last = lastBlock(container, stats);
			if (last == null || last == container || stats.nodes(last) > 400) {
				return;
			}
			String text = normalized(last.text());
			if (text.isEmpty() || (text.length() < 120 && isAuthorLine(last, text))) {
				removeUpTo(last, container);
			}
			else {
				return;
			}
		}
	}

	private static void removeUpTo(Element element, Element container) {
		Element e = element;
		while (e.parent() != null && e.parent() != container && e.parent().children().size() == 1
				&& e.parent().textNodes().stream().allMatch(TextNode::isBlank)) {
			e = e.parent();
		}
		e.remove();
	}

	private static boolean isAuthorLine(Element line, String text) {
		String style = line.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
		if (style.contains("text-align:right") || "right".equalsIgnoreCase(line.attr("align"))) {
			return true;
		}
		if (SOURCE_LINE.matcher(text).matches()) {
			return true;
		}
		if (PublicationDates.printed(text) != null && text.length() < 60) {
			return true;
		}
		String emphasised = normalized(line.select("b, strong, em, i").text());
		if (!emphasised.isEmpty() && emphasised.length() >= text.length() - 2 && !text.endsWith(".")
				&& text.length() < 80) {
			return true;
		}
		String[] words = text.split(" ");
		if (words.length <= 5 && !text.endsWith(".") && !text.endsWith(":")) {
			for (String word : words) {
				if (!STARTS_UPPER.matcher(word).find() && !word.endsWith(".")) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	/** The last block with text in document order inside {@code container}. */
	private static Element lastBlock(Element container, Stats stats) {
		Element last = null;
		for (Element e : container.getAllElements()) {
			if (e == container || !e.isBlock() || stats.text(e) == 0) {
				continue;
			}
			boolean hasBlockChild = false;
			for (Element child : e.children()) {
				if (child.isBlock() && stats.text(child) > 0) {
					hasBlockChild = true;
					break;
				}
			}
			if (!hasBlockChild) {
				last = e;
			}
		}
		if (last == null) {
			return null;
		}
		// text written straight into the container after the last block (legacy pages
		// with <br>) comes later
		Node after = last;
		while (after != null && after != container) {
			for (Node sibling = after.nextSibling(); sibling != null; sibling = sibling.nextSibling()) {
				if (sibling instanceof TextNode t && !t.isBlank()) {
					return null;
				}
				if (sibling instanceof Element el && stats.text(el) > 0) {
					return null;
				}
			}
			after = after.parent();
		}
		return last;
	}

	private static boolean isFurniture(Element e) {
		String names = (e.className() + " " + e.id()).strip();
		if ("RelatedNewsBox".equalsIgnoreCase(e.attr("type")) || "Photo".equalsIgnoreCase(e.attr("type"))) {
			return true;
		}
		if (names.isEmpty()) {
			return false;
		}
		if (FURNITURE.matcher(names).find()) {
			return true;
		}
		for (String word : names.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
			if (FURNITURE_WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private static double classWeight(Element e) {
		String names = e.className() + " " + e.id();
		if (names.isBlank()) {
			return 1;
		}
		double weight = 1;
		if (POSITIVE.matcher(names).find()) {
			weight *= 1.25;
		}
		if (NEGATIVE.matcher(names).find()) {
			weight *= 0.5;
		}
		return weight;
	}

	/** The share of an element's text inside links. */
	static double linkDensity(Element e) {
		int total = e.text().length();
		if (total == 0) {
			return 0;
		}
		int links = 0;
		for (Element a : e.select("a")) {
			links += a.text().length();
		}
		return Math.min(1, (double) links / total);
	}

	private static boolean insideLinkOrSkipped(TextNode text) {
		for (Element e = text.parent(); e != null; e = e.parent()) {
			if (e.nameIs("a") || SKIPPED.contains(e.normalName())) {
				return true;
			}
		}
		return false;
	}

	private static Element blockOf(TextNode text) {
		for (Element e = text.parent(); e != null; e = e.parent()) {
			if (e.isBlock()) {
				return e;
			}
		}
		return null;
	}

	/**
	 * A block that is one paragraph: a paragraph element, or a block without block
	 * children.
	 */
	private static boolean isParagraph(Element block) {
		if (PARAGRAPHS.contains(block.normalName())) {
			return true;
		}
		for (Element child : block.children()) {
			if (child.isBlock() && !child.nameIs("br")) {
				return false;
			}
		}
		return block.parent() != null;
	}

	private static int count(String s, char c) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

	/** NFC, spaces collapsed, trimmed; never null. */
	static String normalized(String s) {
		String line = ArticleValidator.normalizeLine(s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC));
		return line == null ? "" : line;
	}

	/**
	 * Text, link text, images and nodes per element, counted in one pass from the leaves
	 * up, so that no check walks a subtree again (pages may nest deeply).
	 */
	static final class Stats {

		private final Map<Element, int[]> counts = new IdentityHashMap<>();

		Stats(Element root) {
			NodeTraversor.traverse(new NodeVisitor() {

				@Override
				public void head(Node node, int depth) {
				}

				@Override
				public void tail(Node node, int depth) {
					if (!(node instanceof Element e)) {
						return;
					}
					int[] c = new int[4];
					for (Node child : e.childNodes()) {
						if (child instanceof TextNode t) {
							int length = t.text().strip().length();
							c[0] += length;
							c[3]++;
						}
						else if (child instanceof Element ce) {
							int[] cc = Stats.this.counts.get(ce);
							if (cc != null) {
								c[0] += cc[0];
								c[1] += cc[1];
								c[2] += cc[2];
								c[3] += cc[3];
							}
						}
					}
					if (e.nameIs("a")) {
						c[1] = c[0];
					}
					if (e.nameIs("img")) {
						c[2]++;
					}
					c[3]++;
					Stats.this.counts.put(e, c);
				}

			}, root);
		}

		private int[] of(Element e) {
			int[] c = this.counts.get(e);
			return c == null ? new int[4] : c;
		}

		int text(Element e) {
			return of(e)[0];
		}

		int images(Element e) {
			return of(e)[2];
		}

		int nodes(Element e) {
			return of(e)[3];
		}

		double linkDensity(Element e) {
			int[] c = of(e);
			return c[0] == 0 ? 0 : Math.min(1, (double) c[1] / c[0]);
		}

	}

}
