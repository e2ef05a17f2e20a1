package org.policygraph.extraction;

/** Prints the extraction of the seed articles (a development aid, not a test). */
public final class DebugDump {

	private DebugDump() {
	}

	public static void main(String[] args) {
		Extractor extractor = Extractor.createDefault();
		for (ArticleInput a : SeedArticles.load()) {
			print(a, extractor.extract(a));
		}
	}

	static void print(ArticleInput a, Extraction e) {
		System.out.println("=== " + a.title() + "  [article=" + e.articleProvinceKey() + "]");
		e.provinces().forEach(p -> System.out.println("  P " + p.key() + " '" + p.surface() + "'"));
		e.bodies().forEach(b -> System.out.println("  B " + b.key() + " " + b.level() + " parent=" + b.parentKey() + " '" + b.surface() + "'"));
		e.documents().forEach(d -> System.out.println("  D " + d.key() + " " + d.type() + " term=" + d.term() + " issuer=" + d.issuerBodyKey() + " subj=" + d.subject() + (d.unresolved() ? " UNRESOLVED" : "")));
		e.relations().stream().filter(r -> r.type() == RelationType.ISSUED_BY || r.type() == RelationType.IMPLEMENTS)
			.forEach(r -> System.out.println("  R " + r.type() + " " + r.from().key() + " -> " + r.to().key()));
	}

}
