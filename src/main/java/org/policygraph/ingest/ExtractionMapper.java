package org.policygraph.ingest;

import org.policygraph.ingest.write.GraphArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.policygraph.extraction.BodyMention;
import org.policygraph.extraction.DocumentMention;
import org.policygraph.extraction.DocumentType;
import org.policygraph.extraction.Extraction;
import org.policygraph.extraction.NodeKind;
import org.policygraph.extraction.ProvinceMention;
import org.policygraph.extraction.Relation;
import org.policygraph.extraction.RelationType;
import org.policygraph.ingest.write.GraphArticle.ArticleNode;
import org.policygraph.ingest.write.GraphArticle.BodyNode;
import org.policygraph.ingest.write.GraphArticle.DocumentNode;
import org.policygraph.ingest.write.GraphArticle.Mention;
import org.policygraph.ingest.write.GraphArticle.RelationEdge;
import org.policygraph.ingest.write.GraphArticle.UnresolvedCitation;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.reference.TextNormalizer;

/**
 * Turns an article and its extraction into what the graph writer stores. Decides the
 * article's identity (its URL, else {@code sha256:} of the normalized title and text) and
 * a content hash that tells a changed article from an unchanged one.
 */
final class ExtractionMapper {

	private static final Map<DocumentType, String> TYPE_NAMES = new EnumMap<>(Map.ofEntries(
			Map.entry(DocumentType.RESOLUTION, "Nghị quyết"), Map.entry(DocumentType.DIRECTIVE, "Chỉ thị"),
			Map.entry(DocumentType.CONCLUSION, "Kết luận"), Map.entry(DocumentType.REGULATION, "Quy định"),
			Map.entry(DocumentType.DECISION, "Quyết định"), Map.entry(DocumentType.GUIDANCE, "Hướng dẫn"),
			Map.entry(DocumentType.PLAN, "Kế hoạch"), Map.entry(DocumentType.NOTICE, "Thông báo"),
			Map.entry(DocumentType.PROGRAMME, "Chương trình"), Map.entry(DocumentType.REPORT, "Báo cáo"),
			Map.entry(DocumentType.PROJECT, "Đề án"), Map.entry(DocumentType.OTHER, "Văn bản")));

	private ExtractionMapper() {
	}

	/**
	 * @param article the article as read
	 * @return its identity: the URL when given, else a hash of the normalized title and
	 * text
	 */
	static String articleId(RawArticle article) {
		if (article.url() != null && !article.url().isBlank()) {
			return article.url();
		}
		return "sha256:" + sha256(TextNormalizer.fold(article.title()) + "\n" + TextNormalizer.fold(article.text()));
	}

	/**
	 * @param raw the article as read
	 * @param rulesVersion the extraction rules' version
	 * @return a hash of everything stored and of the rules: equal hashes mean nothing to
	 * write
	 */
	static String contentHash(RawArticle raw, String rulesVersion) {
		return sha256(String.join("\u001f", raw.title(), raw.text(), Objects.toString(raw.url(), ""),
				Objects.toString(raw.publishedAt(), ""), Objects.toString(raw.source(), ""),
				Objects.toString(raw.category(), ""), rulesVersion));
	}

	static GraphArticle map(RawArticle raw, Extraction extraction, String rulesVersion) {
		String id = articleId(raw);
		String contentHash = contentHash(raw, rulesVersion);
		ArticleNode node = new ArticleNode(id, raw.url(), raw.title(), raw.text(), raw.publishedAt(), raw.source(),
				raw.category(), contentHash, extraction.articleProvinceKey());

		List<Mention> mentions = new ArrayList<>();
		for (ProvinceMention p : extraction.provinces()) {
			mentions.add(new Mention(NodeKind.PROVINCE, p.key(), p.surface(), p.sentence()));
		}
		List<BodyNode> bodies = new ArrayList<>();
		for (BodyMention b : extraction.bodies()) {
			mentions.add(new Mention(NodeKind.BODY, b.key(), b.surface(), b.sentence()));
			bodies.add(new BodyNode(b.key(), b.name(), b.level().name(), b.provinceKey(), b.parentKey()));
		}
		List<DocumentNode> documents = new ArrayList<>();
		List<UnresolvedCitation> unresolved = new ArrayList<>();
		for (DocumentMention d : extraction.documents()) {
			if (d.unresolved()) {
				unresolved.add(new UnresolvedCitation(d.key(), d.type().name(), number(d.number()),
						extraction.articleProvinceKey(), d.surface(), d.sentence()));
				continue;
			}
			mentions.add(new Mention(NodeKind.DOCUMENT, d.key(), d.surface(), d.sentence()));
			documents.add(new DocumentNode(d.key(), d.code(), d.type().name(), number(d.number()), d.issuerSuffix(),
					(d.level() != null) ? d.level().name() : null, d.scopeKey(), d.issuedOn(), d.year(), d.term(),
					d.subject(), name(d)));
		}
		List<RelationEdge> relations = new ArrayList<>();
		for (Relation r : extraction.relations()) {
			// PART_OF and OF_PROVINCE follow from the body itself and are written with
			// it.
			if (r.type() == RelationType.IMPLEMENTS || r.type() == RelationType.ISSUED_BY) {
				relations.add(new RelationEdge(r.type(), r.from().kind(), r.from().key(), r.to().kind(), r.to().key(),
						r.sentence()));
			}
		}
		return new GraphArticle(node, mentions, bodies, documents, relations, unresolved);
	}

	/**
	 * Numbers are compared without leading zeros: {@code Hướng dẫn 8} is {@code 08-HD/…}.
	 */
	static @Nullable String number(@Nullable String number) {
		if (number == null) {
			return null;
		}
		String stripped = number.replaceFirst("^0+(?=\\d)", "");
		return stripped.isEmpty() ? number : stripped;
	}

	private static String name(DocumentMention d) {
		if (d.code() != null) {
			return TYPE_NAMES.get(d.type()) + " số " + d.code();
		}
		return (d.subject() != null) ? d.subject() : d.surface();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
