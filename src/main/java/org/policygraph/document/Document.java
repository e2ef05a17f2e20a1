package org.policygraph.document;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

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
 */
public record Document(String key, @Nullable String code, String name, String type, @Nullable String number,
		@Nullable LocalDate issuedOn, @Nullable Integer year, @Nullable String term, @Nullable String subject,
		@Nullable String level) {
}
