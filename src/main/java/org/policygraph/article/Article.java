package org.policygraph.article;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * An article as the API shows it.
 *
 * @param id the identity
 * @param url the URL
 * @param title the title
 * @param text the lead or body
 * @param publishedAt the publication date
 * @param source the publication
 * @param provinceKey the province the article is about
 * @param unresolvedCitations short citations that matched no known document
 */
public record Article(String id, @Nullable String url, String title, String text, @Nullable LocalDate publishedAt,
		@Nullable String source, @Nullable String provinceKey, List<String> unresolvedCitations) {

	/**
	 * Maps an {@code Article} node, for queries outside this package that return article nodes.
	 * @param node an Article node as the driver returns it
	 * @return the read model
	 */
	public static Article fromNode(Value node) {
		return ArticleQueries.map(node);
	}

}
