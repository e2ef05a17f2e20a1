package org.policygraph.research;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.policygraph.extraction.DocumentType;
import org.policygraph.graphql.InvalidArgumentException;

/**
 * The columns of a coverage matrix: listed documents, or every central document of a type
 * and period of issue years.
 *
 * @param documentKeys the documents' keys, in column order; {@code null} to select by
 * type and period
 * @param type a {@link DocumentType} name, or {@code null} for every type
 * @param fromYear the first issue year, or {@code null}
 * @param toYear the last issue year, or {@code null}
 */
public record DocumentSelection(@Nullable List<String> documentKeys, @Nullable String type, @Nullable Integer fromYear,
		@Nullable Integer toYear) {

	/** The most documents a matrix may have. */
	public static final int MAX_DOCUMENTS = 200;

	/**
	 * Checks the arguments.
	 * @param documentKeys the listed documents
	 * @param type the type
	 * @param fromYear the first year
	 * @param toYear the last year
	 * @return the selection, with the type in canonical form and duplicate keys removed
	 * @throws InvalidArgumentException when the arguments cannot be used together
	 */
	public static DocumentSelection of(@Nullable List<String> documentKeys, @Nullable String type,
			@Nullable Integer fromYear, @Nullable Integer toYear) {
		if (documentKeys != null) {
			if (type != null || fromYear != null || toYear != null) {
				throw new InvalidArgumentException("documentKeys",
						"give either documentKeys or type/fromYear/toYear, not both");
			}
			List<String> keys = documentKeys.stream().filter(k -> !k.isBlank()).distinct().toList();
			if (keys.isEmpty()) {
				throw new InvalidArgumentException("documentKeys", "must list at least one document");
			}
			if (keys.size() > MAX_DOCUMENTS) {
				throw new InvalidArgumentException("documentKeys",
						"at most " + MAX_DOCUMENTS + " documents, was " + keys.size());
			}
			return new DocumentSelection(keys, null, null, null);
		}
		InvalidArgumentException.requireYears(fromYear, toYear);
		return new DocumentSelection(null, canonicalType(type), fromYear, toYear);
	}

	private static @Nullable String canonicalType(@Nullable String type) {
		if (type == null) {
			return null;
		}
		try {
			return DocumentType.valueOf(type.trim().toUpperCase(Locale.ROOT)).name();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException("type", "unknown document type '" + type + "'");
		}
	}

}
