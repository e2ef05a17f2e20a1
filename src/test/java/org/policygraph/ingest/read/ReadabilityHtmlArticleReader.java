package org.policygraph.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * An HTML reader whose title and text come from Readability4J (a port of Mozilla's
 * Readability), the url and date from the reader before the corpus: scored on the reader
 * corpus to compare a general boilerplate remover with the project's own heuristics. Test
 * scope only.
 */
final class ReadabilityHtmlArticleReader implements ArticleReader {

	private final ArticleValidator validator;

	private final LegacyHtmlArticleReader metadata;

	ReadabilityHtmlArticleReader(ArticleValidator validator) {
		this.validator = validator;
		this.metadata = new LegacyHtmlArticleReader(validator);
	}

	@Override
	public SourceFormat format() {
		return SourceFormat.HTML;
	}

	@Override
	public void read(String sourceName, InputStream in, Consumer<ReadResult> sink) throws IOException {
		byte[] bytes = in.readAllBytes();
		List<ReadResult> meta = new ArrayList<>();
		this.metadata.read(sourceName, new ByteArrayInputStream(bytes), meta::add);
		RawArticle m = meta.isEmpty() || !meta.get(0).ok() ? null : meta.get(0).article();
		Document doc = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
		Article article = new Readability4JExtended("https://example.invalid/", doc).parse();
		String text = article.getArticleContent() == null ? "" : HtmlText.of(article.getArticleContent());
		sink.accept(this.validator.validate(new ArticleDraft(article.getTitle(), text, m == null ? null : m.url(),
				m == null || m.publishedAt() == null ? null : m.publishedAt().toString(), m == null ? null : m.source(),
				m == null ? null : m.category(), sourceName)));
	}

}
