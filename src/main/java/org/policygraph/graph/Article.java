package org.policygraph.graph;

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
	 * Maps an {@code Article} node, or a map projection of one with the same keys.
	 * @param a the node or map as the driver returns it
	 * @return the read model
	 */
	public static Article of(Value a) {
		return new Article(a.get("id").asString(), a.get("url").asString(null), a.get("title").asString(),
				a.get("text").asString(""), a.get("publishedAt").isNull() ? null : a.get("publishedAt").asLocalDate(),
				a.get("source").asString(null), a.get("provinceKey").asString(null),
				a.get("unresolvedCitations").isNull() ? List.of()
						: a.get("unresolvedCitations").asList(Value::asString));
	}

}
