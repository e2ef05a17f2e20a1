package org.policygraph.ingest.write;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.policygraph.extraction.NodeKind;
import org.policygraph.extraction.RelationType;
import org.policygraph.ingest.write.ChangeSet.Support;
import org.policygraph.ingest.write.GraphArticle.ArticleNode;
import org.policygraph.ingest.write.GraphArticle.DocumentNode;
import org.policygraph.ingest.write.GraphArticle.Mention;
import org.policygraph.ingest.write.GraphArticle.RelationEdge;
import org.policygraph.ingest.write.GraphArticle.UnresolvedCitation;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeSetTests {

	private static final String DATED = "22-NQ/TW|TW|2008-02-02";

	private static final String TERM = "22-NQ/TW|TW|kX";

	private static final String PROVINCE = "66";

	private static final LocalDate MARCH = LocalDate.of(2009, 3, 1);

	private static final LocalDate MAY = LocalDate.of(2009, 5, 1);

	@Test
	void shouldFoldSupportsByAddingCountsAndWideningTheDates() {
		Support folded = Support.NONE.plus(Support.of(MAY)).plus(Support.of(null)).plus(Support.of(MARCH));

		assertThat(folded).isEqualTo(new Support(3, MARCH, MAY));
		assertThat(Support.of(null).plus(Support.NONE)).isEqualTo(new Support(1, null, null));
	}

	@Test
	void shouldPutEveryCitationOfAnArticleOnTheNodeThatStandsForItAndKeepTheMostSpecific() {
		// The article cites the resolution by its date and by its term: one document, one
		// mention,
		// one evidence, the dated citation kept.
		GraphArticle article = article("a1", MARCH,
				List.of(mention(TERM, "Nghị quyết 22 khóa X"), mention(DATED, "Nghị quyết số 22-NQ/TW ngày 2-2-2008")),
				List.of(implementsEdge(TERM), implementsEdge(DATED)), List.of());

		ChangeSet changes = ChangeSet.of(List.of(article), Map.of(), identity(), Set.of());

		assertThat(changes.mentionRows()).hasSize(1);
		assertThat(changes.mentionRows().get(0)).containsEntry("key", DATED).containsEntry("citedKey", null);
		assertThat(changes.evidenceRows()).hasSize(1);
		assertThat(changes.evidenceRows().get(0)).containsEntry("toKey", DATED).containsEntry("citedToKey", null);
		assertThat(changes.increments().get(RelationType.IMPLEMENTS).get(List.of(PROVINCE, DATED)).support())
			.as("one article, counted once")
			.isEqualTo(new Support(1, MARCH, MARCH));
	}

	@Test
	void shouldMentionAResolvedShortCitationAndListTheUnresolvedOnTheArticle() {
		GraphArticle article = article("a1", MARCH, List.of(), List.of(),
				List.of(citation("short:22", "Nghị quyết 22"), citation("short:9", "Chỉ thị 9")));

		ChangeSet changes = ChangeSet.of(List.of(article), Map.of("short:22", DATED), identity(), Set.of());

		assertThat(changes.mentionRows()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("key", DATED).containsEntry("surface", "Nghị quyết 22"));
		assertThat(changes.articleRows()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("unresolvedCitations", List.of("Chỉ thị 9")));
	}

	@Test
	void shouldAddNewArticlesToARelationshipAndRecountWhatAChangedArticleSupports() {
		GraphArticle first = article("a1", MAY, List.of(mention(DATED, "22-NQ/TW")), List.of(implementsEdge(DATED)),
				List.of());
		GraphArticle second = article("a2", MARCH, List.of(mention(DATED, "22-NQ/TW")), List.of(implementsEdge(DATED)),
				List.of());
		GraphArticle changed = article("a3", MARCH, List.of(mention(TERM, "22 khóa X")),
				List.of(new RelationEdge(RelationType.ISSUED_BY, NodeKind.DOCUMENT, TERM, NodeKind.BODY,
						"TW/bo-chinh-tri", "…")),
				List.of());

		ChangeSet changes = ChangeSet.of(List.of(first, second, changed), Map.of(), identity(), Set.of("a3"));

		assertThat(changes.increments().get(RelationType.IMPLEMENTS).get(List.of(PROVINCE, DATED)).support())
			.isEqualTo(new Support(2, MARCH, MAY));
		assertThat(changes.recounted().get(RelationType.ISSUED_BY)).containsExactly(List.of(DATED, "TW/bo-chinh-tri"));
		assertThat(changes.recounted().get(RelationType.IMPLEMENTS)).isEmpty();
		assertThat(ChangeSet.Increment.rows(changes.increments().get(RelationType.ISSUED_BY),
				changes.recounted().get(RelationType.ISSUED_BY)))
			.singleElement()
			.satisfies(row -> assertThat(row).containsEntry("n", 0L).containsEntry("first", null));
	}

	@Test
	void shouldDeriveImplementsToADocumentAndIssuedByFromADocumentToABodyOnly() {
		assertThat(ChangeSet.derives("IMPLEMENTS", PROVINCE, Set.of("Province", "Entity"), DATED,
				Set.of("Document", "Entity")))
			.isTrue();
		assertThat(ChangeSet.derives("IMPLEMENTS", PROVINCE, Set.of("Province"), "66/tinh-uy", Set.of("PartyBody")))
			.isFalse();
		assertThat(ChangeSet.derives("IMPLEMENTS", DATED, Set.of("Document"), DATED, Set.of("Document")))
			.as("not to itself")
			.isFalse();
		assertThat(ChangeSet.derives("ISSUED_BY", DATED, Set.of("Document"), "TW/bo-chinh-tri", Set.of("PartyBody")))
			.isTrue();
		assertThat(ChangeSet.derives("ISSUED_BY", PROVINCE, Set.of("Province"), "TW/bo-chinh-tri", Set.of("PartyBody")))
			.isFalse();
	}

	@Test
	void shouldTakeTheFirstRowOfEachDocumentKey() {
		GraphArticle a = article("a1", MARCH, List.of(), List.of(), List.of());
		GraphArticle withDocument = new GraphArticle(a.article(), List.of(), List.of(),
				List.of(document(DATED, "first"), document(DATED, "second")), List.of(), List.of());

		assertThat(ChangeSet.documentRows(List.of(withDocument))).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("subject", "first"));
	}

	private static DocumentMerge.Identity identity() {
		return new DocumentMerge.Identity(DocumentIdentity.resolve(List.of(DATED, TERM)));
	}

	private static GraphArticle article(String id, LocalDate publishedAt, List<Mention> mentions,
			List<RelationEdge> relations, List<UnresolvedCitation> unresolved) {
		return new GraphArticle(
				new ArticleNode(id, null, "title " + id, "text", publishedAt, null, null, "hash-" + id, PROVINCE),
				mentions, List.of(), List.of(), relations, unresolved);
	}

	private static Mention mention(String key, String surface) {
		return new Mention(NodeKind.DOCUMENT, key, surface, surface + ".");
	}

	private static RelationEdge implementsEdge(String documentKey) {
		return new RelationEdge(RelationType.IMPLEMENTS, NodeKind.PROVINCE, PROVINCE, NodeKind.DOCUMENT, documentKey,
				"Tỉnh ủy triển khai nghị quyết.");
	}

	private static UnresolvedCitation citation(String placeholder, String surface) {
		return new UnresolvedCitation(placeholder, "RESOLUTION", "22", PROVINCE, surface, surface + ".");
	}

	private static DocumentNode document(String key, String subject) {
		return new DocumentNode(key, "22-NQ/TW", "RESOLUTION", "22", "TW", "CENTRAL", "TW", LocalDate.of(2008, 2, 2),
				2008, null, subject, "Nghị quyết số 22-NQ/TW");
	}

}
