package org.policygraph.extraction;

import java.util.List;

/**
 * What one article says: the entities it mentions (each listed once, by key) and the
 * relations between them. Every endpoint of an {@code ISSUED_BY}, {@code IMPLEMENTS} or
 * {@code OF_PROVINCE} relation is in the entity lists; {@code PART_OF} is emitted only
 * when both bodies are listed (the parent of every body is also on
 * {@link BodyMention#parentKey()}).
 *
 * @param articleProvinceKey the province the article is about, {@code null} when none
 * @param provinces provinces mentioned, including those of the local bodies mentioned
 * @param bodies party bodies mentioned or named as the issuer of a document
 * @param documents party documents cited
 * @param relations relations stated in the article
 */
public record Extraction(String articleProvinceKey, List<ProvinceMention> provinces, List<BodyMention> bodies,
		List<DocumentMention> documents, List<Relation> relations) {

	public Extraction {
		provinces = List.copyOf(provinces);
		bodies = List.copyOf(bodies);
		documents = List.copyOf(documents);
		relations = List.copyOf(relations);
	}

	/** The relations of one type. */
	public List<Relation> relations(RelationType type) {
		return this.relations.stream().filter(r -> r.type() == type).toList();
	}

}
