package org.policygraph.implementation;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Document;
import org.policygraph.graph.Evidence;
import org.policygraph.graph.Province;

/**
 * A province carrying out a document: the {@code (:Province)-[:IMPLEMENTS]->(:Document)}
 * relationship and its counts.
 *
 * @param provinceKey the province
 * @param documentKey the document
 * @param firstReported the first article's publication date
 * @param lastReported the latest article's publication date
 * @param articleCount the number of supporting articles
 * @param province the province, when the statement that found the implementation read it
 * too
 * @param document the document, likewise (then {@code Implementation.province} and
 * {@code Implementation.document} need no statement of their own)
 * @param via the province's local documents in the chains into the document, oldest
 * first, when the statement that found the implementation followed the chains too (then
 * {@code via} needs no statement of its own, and the evidence statement does not follow
 * them again)
 * @param evidence the first evidence items, when the statement that found the
 * implementation read them too (then {@code evidence} needs no statement of its own when
 * asked for as they were read)
 */
public record Implementation(String provinceKey, String documentKey, @Nullable LocalDate firstReported,
		@Nullable LocalDate lastReported, int articleCount, @Nullable Province province, @Nullable Document document,
		@Nullable List<Document> via, @Nullable CarriedEvidence evidence) {

	/**
	 * An implementation read without its evidence.
	 * @param provinceKey the province
	 * @param documentKey the document
	 * @param firstReported the first article's publication date
	 * @param lastReported the latest article's publication date
	 * @param articleCount the number of supporting articles
	 * @param province the province, if read
	 * @param document the document, if read
	 * @param via the province's local documents, if read
	 */
	public Implementation(String provinceKey, String documentKey, @Nullable LocalDate firstReported,
			@Nullable LocalDate lastReported, int articleCount, @Nullable Province province,
			@Nullable Document document, @Nullable List<Document> via) {
		this(provinceKey, documentKey, firstReported, lastReported, articleCount, province, document, via, null);
	}

	/**
	 * An implementation read without its local documents.
	 * @param provinceKey the province
	 * @param documentKey the document
	 * @param firstReported the first article's publication date
	 * @param lastReported the latest article's publication date
	 * @param articleCount the number of supporting articles
	 * @param province the province, if read
	 * @param document the document, if read
	 */
	public Implementation(String provinceKey, String documentKey, @Nullable LocalDate firstReported,
			@Nullable LocalDate lastReported, int articleCount, @Nullable Province province,
			@Nullable Document document) {
		this(provinceKey, documentKey, firstReported, lastReported, articleCount, province, document, null);
	}

	/**
	 * @param read the province, read apart from the implementation
	 * @return this implementation with its province
	 */
	Implementation withProvince(Province read) {
		return new Implementation(this.provinceKey, this.documentKey, this.firstReported, this.lastReported,
				this.articleCount, read, this.document, this.via, this.evidence);
	}

	/**
	 * The hash of the relationship's ends alone: equal implementations have equal ends,
	 * and a batch of a large answer (each the key of a batch loader's map) is hashed
	 * without its province, document, local documents and evidence.
	 * @return the hash of the province and document keys
	 */
	@Override
	public int hashCode() {
		return 31 * this.provinceKey.hashCode() + this.documentKey.hashCode();
	}

	/**
	 * Evidence read with an implementation, and how it was asked for.
	 *
	 * @param request the number of items and what of their articles was read
	 * @param items the items, newest article first
	 */
	public record CarriedEvidence(EvidenceRequest request, List<Evidence> items) {

	}

	/**
	 * How an implementation's evidence is asked for.
	 *
	 * @param first the number of items
	 * @param withArticle whether their articles are read too
	 * @param withArticleText and the articles' text
	 */
	public record EvidenceRequest(int first, boolean withArticle, boolean withArticleText) {

		/**
		 * Whether evidence read this way answers a request.
		 * @param asked the request
		 * @return whether it does (the same items, with at least what it needs of the
		 * articles)
		 */
		public boolean answers(EvidenceRequest asked) {
			return this.first == asked.first && (this.withArticle || !asked.withArticle)
					&& (this.withArticleText || !asked.withArticleText);
		}

	}

}
