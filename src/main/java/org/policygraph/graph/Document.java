package org.policygraph.graph;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

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
 * @param issuers the issuing party bodies, when the statement that found the document
 * read them too (then {@code Document.issuedBy} needs no statement of its own)
 * @param implemented the documents this one implements, likewise
 * ({@code Document.implements})
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
	 * Maps a {@code Document} node, read without its lists.
	 * @param d the node as the driver returns it
	 * @return the read model
	 */
	public static Document of(Value d) {
		return of(d, Values.NULL, Values.NULL);
	}

	/**
	 * Maps a {@code Document} node with the lists read with it.
	 * @param d the node as the driver returns it
	 * @param issuers its {@code PartyBody} nodes, a null value when not read
	 * @param implemented the {@code Document} nodes it implements, a null value when not
	 * read
	 * @return the read model, carrying the lists read
	 */
	public static Document of(Value d, Value issuers, Value implemented) {
		return new Document(d.get("key").asString(), d.get("code").asString(null), d.get("name").asString(""),
				d.get("type").asString("OTHER"), d.get("number").asString(null),
				d.get("issuedOn").isNull() ? null : d.get("issuedOn").asLocalDate(),
				d.get("year").isNull() ? null : d.get("year").asInt(), d.get("term").asString(null),
				d.get("subject").asString(null), d.get("level").asString(null),
				issuers.isNull() ? null : issuers.asList(PartyBody::of),
				implemented.isNull() ? null : implemented.asList(Document::of));
	}

}
