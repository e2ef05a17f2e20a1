package org.policygraph.extraction;

import java.util.List;
import java.util.Optional;

/** Small helpers to read an {@link Extraction} in tests. */
final class ExtractionAssertions {

	private ExtractionAssertions() {
	}

	static List<String> provinceKeys(Extraction e) {
		return e.provinces().stream().map(ProvinceMention::key).toList();
	}

	static List<String> bodyKeys(Extraction e) {
		return e.bodies().stream().map(BodyMention::key).toList();
	}

	static List<String> documentKeys(Extraction e) {
		return e.documents().stream().map(DocumentMention::key).toList();
	}

	static Optional<DocumentMention> document(Extraction e, String key) {
		return e.documents().stream().filter(d -> d.key().equals(key)).findFirst();
	}

	static Optional<BodyMention> body(Extraction e, String key) {
		return e.bodies().stream().filter(b -> b.key().equals(key)).findFirst();
	}

	/** Relations of one type as "from -> to" strings. */
	static List<String> pairs(Extraction e, RelationType type) {
		return e.relations(type).stream().map(r -> r.from().key() + " -> " + r.to().key()).toList();
	}

}
