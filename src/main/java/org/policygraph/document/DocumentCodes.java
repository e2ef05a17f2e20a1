package org.policygraph.document;

import java.util.Locale;

import org.policygraph.reference.TextNormalizer;

/**
 * Normalizes a document code typed by a user to the form stored in the graph:
 * {@code 22 – nq/tw} becomes {@code 22-NQ/TW}; the lower-case {@code i} of {@code QĐi}
 * and {@code r} of {@code CTr} are kept.
 */
final class DocumentCodes {

	private DocumentCodes() {
	}

	static String normalize(String code) {
		String compact = TextNormalizer.nfc(code).replaceAll("\\s+", "");
		String upper = compact.toUpperCase(Locale.ROOT);
		return upper.replace("QĐI", "QĐi").replace("CTR", "CTr");
	}

}
