package org.policygraph.ingest.read;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from HTML, keeping block structure as paragraphs (blank lines) and
 * {@code <br>
 * } as line breaks.
 */
final class HtmlText {

	private HtmlText() {
	}

	/** The text of an HTML fragment (feed descriptions, titles with markup). */
	static String fromHtml(String html) {
		if (html == null) {
			return null;
		}
		if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
			return html;
		}
		return of(Jsoup.parseBodyFragment(html).body());
	}

	/** The text of {@code root}: block elements become paragraphs. */
	static String of(Node root) {
		StringBuilder out = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					out.append(text.text());
				}
				else if (node instanceof Element element) {
					if (element.nameIs("br")) {
						out.append('\n');
					}
					else if (element.isBlock()) {
						out.append("\n\n");
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock()) {
					out.append("\n\n");
				}
			}

		}, root);
		return ArticleValidator.normalizeText(out.toString());
	}

}
