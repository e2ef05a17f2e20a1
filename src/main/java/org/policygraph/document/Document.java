package org.policygraph.document;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * A party document as the API shows it.
 *
 * @param key the identity key
 * @param code the code
 * @param name a readable name
 * @param type the document type
 * @param number the number in the code
 * @param issuedOn the issue date
 * @param year the issue year
 * @param term the Central Committee term
 * @param subject the subject
 * @param level the issuing level
 */
public record Document(String key, @Nullable String code, String name, String type, @Nullable String number,
		@Nullable LocalDate issuedOn, @Nullable Integer year, @Nullable String term, @Nullable String subject,
		@Nullable String level) {

	/**
	 * Maps a {@code Document} node, for queries outside this package that return document nodes.
	 * @param node a Document node as the driver returns it
	 * @return the read model
	 */
	public static Document fromNode(Value node) {
		return DocumentQueries.map(node);
	}

}
