package org.policygraph.ingest.write;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.policygraph.extraction.NodeKind;
import org.policygraph.extraction.RelationType;

/**
 * One article as the graph writer stores it: the article's own properties, everything it
 * mentions, and the relations it supports with their evidence sentences. Built from an
 * extraction by {@link ExtractionMapper}; knows nothing of how the text was analysed.
 *
 * @param article the article node
 * @param mentions what the article names (provinces, party bodies, documents)
 * @param bodies the party bodies to create if missing
 * @param documents the documents to create if missing, or to complete
 * @param relations the derived relations, each with its evidence sentence
 * @param unresolved short citations that name no full citation in the article
 */
public record GraphArticle(ArticleNode article, List<Mention> mentions, List<BodyNode> bodies,
		List<DocumentNode> documents, List<RelationEdge> relations, List<UnresolvedCitation> unresolved) {

	/**
	 * The article node.
	 *
	 * @param id the identity: the URL when given, else a hash of the normalized title and
	 * text
	 * @param url the URL
	 * @param title the title
	 * @param text the text (lead or body)
	 * @param publishedAt the publication date
	 * @param source the publication
	 * @param category the section
	 * @param contentHash a hash of everything stored, to tell a changed article from an
	 * unchanged one
	 * @param provinceKey the province the article is about
	 */
	public record ArticleNode(String id, @Nullable String url, String title, String text,
			@Nullable LocalDate publishedAt, @Nullable String source, @Nullable String category, String contentHash,
			@Nullable String provinceKey) {
	}

	/**
	 * A named entity in the article.
	 *
	 * @param kind what is named
	 * @param key the entity's identity key
	 * @param surface the text as written
	 * @param sentence the first sentence naming it
	 */
	public record Mention(NodeKind kind, String key, String surface, String sentence) {
	}

	/**
	 * A party body.
	 *
	 * @param key the identity key
	 * @param name the canonical name
	 * @param level CENTRAL, PROVINCIAL, DISTRICT, GRASSROOTS or OTHER
	 * @param provinceKey the province of a local body ({@code OF_PROVINCE})
	 * @param parentKey the body it belongs to ({@code PART_OF}), e.g. the standing
	 * committee's provincial committee
	 */
	public record BodyNode(String key, String name, String level, @Nullable String provinceKey,
			@Nullable String parentKey) {
	}

	/**
	 * A party document.
	 *
	 * @param key the identity key ({@code code|scope|date-or-year-or-term})
	 * @param code the code as normalized, e.g. {@code 22-NQ/TW}; absent for congress
	 * resolutions
	 * @param type the document type
	 * @param number the number in the code
	 * @param issuerSuffix the issuer part of the code
	 * @param level the issuing level
	 * @param scope {@code TW} for central documents, else the province key
	 * @param issuedOn the issue date when known
	 * @param year the year when known
	 * @param term the Central Committee term (khóa) when known
	 * @param subject the title given after "về"
	 * @param name a readable name, e.g. {@code Nghị quyết số 22-NQ/TW}
	 */
	public record DocumentNode(String key, @Nullable String code, String type, @Nullable String number,
			@Nullable String issuerSuffix, @Nullable String level, String scope, @Nullable LocalDate issuedOn,
			@Nullable Integer year, @Nullable String term, @Nullable String subject, String name) {
	}

	/**
	 * A derived relation and the sentence that supports it.
	 *
	 * @param type the relationship type: {@code IMPLEMENTS} or {@code ISSUED_BY}
	 * ({@code PART_OF} and {@code OF_PROVINCE} follow from a body's identity and are
	 * written with the body)
	 * @param fromKind the start node's kind
	 * @param fromKey the start node's key
	 * @param toKind the end node's kind
	 * @param toKey the end node's key
	 * @param sentence the evidence
	 */
	public record RelationEdge(RelationType type, NodeKind fromKind, String fromKey, NodeKind toKind, String toKey,
			String sentence) {

		public RelationEdge {
			if (type != RelationType.IMPLEMENTS && type != RelationType.ISSUED_BY) {
				throw new IllegalArgumentException(
						"an article supports IMPLEMENTS and ISSUED_BY with evidence, not " + type);
			}
		}

	}

	/**
	 * A short citation ("Nghị quyết 22") with no full citation in the same article. It is
	 * linked to a known document only when exactly one matches.
	 *
	 * @param placeholderKey the key the extraction used for it in relations
	 * @param type the document type
	 * @param number the number
	 * @param scope the province of the article: candidates are central documents and this
	 * province's own
	 * @param surface the text as written
	 * @param sentence the sentence
	 */
	public record UnresolvedCitation(String placeholderKey, String type, String number, @Nullable String scope,
			String surface, String sentence) {
	}

}
