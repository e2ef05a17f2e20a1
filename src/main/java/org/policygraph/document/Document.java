package org.policygraph.document;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.policygraph.body.PartyBody;

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
 * @param issuers the issuing party bodies, when the statement that found the document read them
 * too (then {@code Document.issuedBy} needs no statement of its own)
 * @param implemented the documents this one implements, likewise ({@code Document.implements})
 */
public record Document(String key, @Nullable String code, String name, String type, @Nullable String number,
		@Nullable LocalDate issuedOn, @Nullable Integer year, @Nullable String term, @Nullable String subject,
		@Nullable String level, @Nullable List<PartyBody> issuers, @Nullable List<Document> implemented) {

	/**
	 * A document read without its lists.
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
	public Document(String key, @Nullable String code, String name, String type, @Nullable String number,
			@Nullable LocalDate issuedOn, @Nullable Integer year, @Nullable String term, @Nullable String subject,
			@Nullable String level) {
		this(key, code, name, type, number, issuedOn, year, term, subject, level, null, null);
	}

	/**
	 * Maps a {@code Document} node, for queries outside this package that return document nodes.
	 * @param node a Document node as the driver returns it
	 * @return the read model
	 */
	public static Document fromNode(Value node) {
		return DocumentQueries.map(node);
	}

}
