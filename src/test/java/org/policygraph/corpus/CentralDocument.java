package org.policygraph.corpus;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A document of a central body in the synthetic world.
 *
 * @param number the number as written ({@code "08"}, {@code "22"})
 * @param kind the type and suffix of its code
 * @param issuedOn the date of issue, inside {@code term}
 * @param term the term (khóa) of the Central Committee, in Roman numerals
 * @param issuer the issuing body
 * @param subject the subject as written after {@code về}
 * @param continues an older document this one carries on
 * ({@code Kết luận … về tiếp tục đẩy mạnh
 * thực hiện Chỉ thị …}), or {@code null}
 */
record CentralDocument(String number, CentralKind kind, LocalDate issuedOn, String term, CentralIssuer issuer,
		String subject, @Nullable CentralDocument continues) {

	/** The canonical code: {@code 22-NQ/TW}. */
	String code() {
		return this.number + "-" + this.kind.typeCode() + "/" + this.kind.suffix();
	}

	/** The identity key of a citation with the date: {@code 22-NQ/TW|TW|2008-02-02}. */
	String datedKey() {
		return code() + "|TW|" + this.issuedOn;
	}

	/** The identity key of a citation giving only the term: {@code 22-NQ/TW|TW|kX}. */
	String termKey() {
		return code() + "|TW|k" + this.term;
	}

	/** The document type and code of a central document. */
	enum CentralKind {

		RESOLUTION("NQ", "TW", "Nghị quyết"), DIRECTIVE("CT", "TW", "Chỉ thị"), CONCLUSION("KL", "TW", "Kết luận"),
		REGULATION("QĐi", "TW", "Quy định"), GUIDANCE("HD", "TW", "Hướng dẫn"),
		ORGANISATION_GUIDANCE("HD", "BTCTW", "Hướng dẫn");

		private final String typeCode;

		private final String suffix;

		private final String word;

		CentralKind(String typeCode, String suffix, String word) {
			this.typeCode = typeCode;
			this.suffix = suffix;
			this.word = word;
		}

		String typeCode() {
			return this.typeCode;
		}

		String suffix() {
			return this.suffix;
		}

		/** The type word written before {@code số}. */
		String word() {
			return this.word;
		}

	}

}
